package fr.passerelle.partners.web;

import fr.passerelle.partners.PartnerDirectory;

/** Form data: a partner as typed (activities and tags comma-separated, checked by the directory). */
public class PartnerForm {

    private String name;
    private String type = "OTHER";
    private String description;
    private String activities;
    private String tags;
    private String phone;
    private String email;
    private String website;

    static PartnerForm of(PartnerDirectory.PartnerInput input) {
        PartnerForm form = new PartnerForm();
        form.name = input.name();
        form.type = input.type();
        form.description = input.description();
        form.activities = input.activities();
        form.tags = input.tags();
        form.phone = input.phone();
        form.email = input.email();
        form.website = input.website();
        return form;
    }

    PartnerDirectory.PartnerInput input() {
        return new PartnerDirectory.PartnerInput(name, type, description, activities, tags, phone, email, website);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getActivities() {
        return activities;
    }

    public void setActivities(String activities) {
        this.activities = activities;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
