package fr.passerelle.partners.web;

import fr.passerelle.partners.Referrals;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** The referral form as typed: the partner and contact, the person and measure, why, what is shared, the consent. */
public class ReferralForm {

    private UUID partnerId;
    private UUID contactId;
    private UUID personId;
    private UUID measureId;
    private String purpose;
    private Set<Referrals.Section> shared = EnumSet.noneOf(Referrals.Section.class);
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate consentGivenOn;
    private boolean consentCoversHealth;

    Referrals.Request request() {
        return new Referrals.Request(partnerId, contactId, personId, measureId, purpose, shared, consentGivenOn,
                consentCoversHealth);
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(UUID partnerId) {
        this.partnerId = partnerId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public void setContactId(UUID contactId) {
        this.contactId = contactId;
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public UUID getMeasureId() {
        return measureId;
    }

    public void setMeasureId(UUID measureId) {
        this.measureId = measureId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Set<Referrals.Section> getShared() {
        return shared;
    }

    public void setShared(Set<Referrals.Section> shared) {
        this.shared = shared == null ? EnumSet.noneOf(Referrals.Section.class) : shared;
    }

    public LocalDate getConsentGivenOn() {
        return consentGivenOn;
    }

    public void setConsentGivenOn(LocalDate consentGivenOn) {
        this.consentGivenOn = consentGivenOn;
    }

    public boolean isConsentCoversHealth() {
        return consentCoversHealth;
    }

    public void setConsentCoversHealth(boolean consentCoversHealth) {
        this.consentCoversHealth = consentCoversHealth;
    }
}
