package fr.passerelle.network.web;

import fr.passerelle.network.MainField;
import fr.passerelle.network.Profile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Form data: an association's public profile as it submits it. */
public class ProfileForm {

    private String address;
    private String postcode;
    private String city;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private String phone;
    private String email;
    private String website;
    private String description;
    private MainField mainField;
    private List<String> courts = new ArrayList<>();
    private List<String> activities = new ArrayList<>();

    static ProfileForm of(Profile p) {
        ProfileForm form = new ProfileForm();
        form.address = p.address();
        form.postcode = p.postcode();
        form.city = p.city();
        form.latitude = p.latitude();
        form.longitude = p.longitude();
        form.phone = p.phone();
        form.email = p.email();
        form.website = p.website();
        form.description = p.description();
        form.mainField = p.mainField();
        form.courts = new ArrayList<>(p.courts());
        form.activities = new ArrayList<>(p.activities());
        return form;
    }

    Profile toProfile() {
        return new Profile(address, postcode, city, latitude, longitude, phone, email, website, description, mainField,
                courts, activities);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MainField getMainField() {
        return mainField;
    }

    public void setMainField(MainField mainField) {
        this.mainField = mainField;
    }

    public List<String> getCourts() {
        return courts;
    }

    public void setCourts(List<String> courts) {
        this.courts = courts == null ? new ArrayList<>() : courts;
    }

    public List<String> getActivities() {
        return activities;
    }

    public void setActivities(List<String> activities) {
        this.activities = activities == null ? new ArrayList<>() : activities;
    }
}
