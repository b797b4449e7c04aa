package fr.passerelle.network.web;

import java.math.BigDecimal;

/** Form data: a correction of a tribunal judiciaire's reference data. */
public class CourtForm {

    private String name;
    private String seatCity;
    private String departementCode;
    private String departementName;
    private String courtOfAppealCode;
    private BigDecimal latitude;
    private BigDecimal longitude;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSeatCity() {
        return seatCity;
    }

    public void setSeatCity(String seatCity) {
        this.seatCity = seatCity;
    }

    public String getDepartementCode() {
        return departementCode;
    }

    public void setDepartementCode(String departementCode) {
        this.departementCode = departementCode;
    }

    public String getDepartementName() {
        return departementName;
    }

    public void setDepartementName(String departementName) {
        this.departementName = departementName;
    }

    public String getCourtOfAppealCode() {
        return courtOfAppealCode;
    }

    public void setCourtOfAppealCode(String courtOfAppealCode) {
        this.courtOfAppealCode = courtOfAppealCode;
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
}
