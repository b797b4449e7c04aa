package fr.passerelle.network.web;

import fr.passerelle.network.Membership;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Form data: a structure's application for membership (its public profile and the rest). */
public class ApplicationForm extends ProfileForm {

    private String name;
    private String siret;
    private Membership.LegalForm legalForm;
    private String regionCode;
    private String habilitations;
    private BigDecimal annualBudget;
    private BigDecimal staff;
    private UUID sponsor1;
    private UUID sponsor2;
    private String directorName;
    private String adminName;
    private String adminEmail;
    private boolean charterAccepted;
    private String charterSignedBy;

    Membership.ApplicationInput toInput() {
        return new Membership.ApplicationInput(name, siret, legalForm, regionCode, toProfile(), habilitations, annualBudget,
                staff, getSponsors(), directorName, adminName, adminEmail, charterAccepted, charterSignedBy);
    }

    /** The two sponsors chosen (what a refusal about the sponsors is attached to). */
    public List<UUID> getSponsors() {
        List<UUID> sponsors = new ArrayList<>();
        sponsors.add(sponsor1);
        sponsors.add(sponsor2);
        return sponsors;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSiret() {
        return siret;
    }

    public void setSiret(String siret) {
        this.siret = siret;
    }

    public Membership.LegalForm getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(Membership.LegalForm legalForm) {
        this.legalForm = legalForm;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getHabilitations() {
        return habilitations;
    }

    public void setHabilitations(String habilitations) {
        this.habilitations = habilitations;
    }

    public BigDecimal getAnnualBudget() {
        return annualBudget;
    }

    public void setAnnualBudget(BigDecimal annualBudget) {
        this.annualBudget = annualBudget;
    }

    public BigDecimal getStaff() {
        return staff;
    }

    public void setStaff(BigDecimal staff) {
        this.staff = staff;
    }

    public UUID getSponsor1() {
        return sponsor1;
    }

    public void setSponsor1(UUID sponsor1) {
        this.sponsor1 = sponsor1;
    }

    public UUID getSponsor2() {
        return sponsor2;
    }

    public void setSponsor2(UUID sponsor2) {
        this.sponsor2 = sponsor2;
    }

    public String getDirectorName() {
        return directorName;
    }

    public void setDirectorName(String directorName) {
        this.directorName = directorName;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public boolean isCharterAccepted() {
        return charterAccepted;
    }

    public void setCharterAccepted(boolean charterAccepted) {
        this.charterAccepted = charterAccepted;
    }

    public String getCharterSignedBy() {
        return charterSignedBy;
    }

    public void setCharterSignedBy(String charterSignedBy) {
        this.charterSignedBy = charterSignedBy;
    }
}
