package fr.passerelle.identity.web;

import fr.passerelle.identity.OrganisationKind;

/** Form data: an organisation and, on creation, its first administrator. */
public class OrganisationForm {

    private OrganisationKind kind = OrganisationKind.ASSOCIATION;
    private String name;
    private String city;
    private String departementCode;
    private String regionCode;
    private boolean sharesStatistics;
    private boolean active = true;
    private String adminUsername;
    private String adminDisplayName;
    private String adminEmail;
    private String adminPassword;

    public OrganisationKind getKind() {
        return kind;
    }

    public void setKind(OrganisationKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getDepartementCode() {
        return departementCode;
    }

    public void setDepartementCode(String departementCode) {
        this.departementCode = departementCode;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public boolean isSharesStatistics() {
        return sharesStatistics;
    }

    public void setSharesStatistics(boolean sharesStatistics) {
        this.sharesStatistics = sharesStatistics;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminDisplayName() {
        return adminDisplayName;
    }

    public void setAdminDisplayName(String adminDisplayName) {
        this.adminDisplayName = adminDisplayName;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }
}
