package fr.passerelle.partners.web;

import fr.passerelle.partners.ConventionObject;
import fr.passerelle.partners.PartnerConventions;
import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Form data: a convention as typed (dates and numbers as text, checked here then by the service). */
public class ConventionForm {

    private String partnerId;
    private String object;
    private String reference;
    private String title;
    private String otherParties;
    private String signedOn;
    private String startsOn;
    private String endsOn;
    private String placesReserved;
    private String pricePerDay;
    private String notes;
    private int version;

    static ConventionForm of(PartnerConventions.Convention c) {
        ConventionForm form = new ConventionForm();
        form.partnerId = c.partnerId().toString();
        form.object = c.object().name();
        form.reference = c.reference();
        form.title = c.title();
        form.otherParties = c.otherParties();
        form.signedOn = c.signedOn() == null ? null : c.signedOn().toString();
        form.startsOn = c.startsOn().toString();
        form.endsOn = c.endsOn().toString();
        form.placesReserved = Integer.toString(c.placesReserved());
        form.pricePerDay = c.pricePerDay() == null ? null : c.pricePerDay().toPlainString();
        form.notes = c.notes();
        form.version = c.version();
        return form;
    }

    /** The convention entered; a value that cannot be read is refused next to its field. */
    PartnerConventions.ConventionData data() {
        return new PartnerConventions.ConventionData(uuid("partnerId", partnerId), object(), reference, title,
                otherParties, date("signedOn", signedOn), date("startsOn", startsOn), date("endsOn", endsOn),
                integer("placesReserved", placesReserved), decimal("pricePerDay", pricePerDay), notes);
    }

    private ConventionObject object() {
        if (blank(object)) {
            return null;
        }
        try {
            return ConventionObject.valueOf(object);
        } catch (IllegalArgumentException e) {
            throw new FieldRefusal("object", "convention.object.required");
        }
    }

    private static UUID uuid(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new FieldRefusal(field, "convention.partner.unknown");
        }
    }

    private static LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new FieldRefusal(field, "convention.date.invalid");
        }
    }

    private static Integer integer(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "convention.places.invalid", PartnerConventions.PLACES_MAX);
        }
    }

    private static BigDecimal decimal(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "convention.price.invalid");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getOtherParties() {
        return otherParties;
    }

    public void setOtherParties(String otherParties) {
        this.otherParties = otherParties;
    }

    public String getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(String signedOn) {
        this.signedOn = signedOn;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }

    public String getPlacesReserved() {
        return placesReserved;
    }

    public void setPlacesReserved(String placesReserved) {
        this.placesReserved = placesReserved;
    }

    public String getPricePerDay() {
        return pricePerDay;
    }

    public void setPricePerDay(String pricePerDay) {
        this.pricePerDay = pricePerDay;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
