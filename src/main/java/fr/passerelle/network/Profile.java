package fr.passerelle.network;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The public profile of an association, as published or as submitted in a change: address and
 * coordinates, contacts, presentation, main field, the tribunaux judiciaires it covers and the
 * measure types (codes of the national catalogue) it offers.
 */
public record Profile(String address, String postcode, String city, BigDecimal latitude, BigDecimal longitude,
        String phone, String email, String website, String description, MainField mainField,
        List<String> courts, List<String> activities) {

    /** The names of the fields, in the order they are shown and compared. */
    public static final List<String> FIELDS = List.of("address", "postcode", "city", "coordinates", "phone", "email",
            "website", "description", "mainField", "courts", "activities");

    public Profile {
        courts = courts == null ? List.of() : List.copyOf(new TreeSet<>(courts.stream().filter(Objects::nonNull).toList()));
        activities = activities == null ? List.of()
                : List.copyOf(new TreeSet<>(activities.stream().filter(Objects::nonNull).toList()));
    }

    /** The same profile with texts trimmed, blanks as null, and coordinates at the stored precision. */
    public Profile normalized() {
        return new Profile(clean(address), clean(postcode), clean(city), scale(latitude), scale(longitude),
                clean(phone), clean(email), clean(website), clean(description), mainField, courts, activities);
    }

    /** The fields ({@link #FIELDS}) whose value differs from another profile (all of them when there is none). */
    public List<String> differences(Profile other) {
        if (other == null) {
            return FIELDS;
        }
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("address", Objects.equals(address, other.address));
        same.put("postcode", Objects.equals(postcode, other.postcode));
        same.put("city", Objects.equals(city, other.city));
        same.put("coordinates", numberEquals(latitude, other.latitude) && numberEquals(longitude, other.longitude));
        same.put("phone", Objects.equals(phone, other.phone));
        same.put("email", Objects.equals(email, other.email));
        same.put("website", Objects.equals(website, other.website));
        same.put("description", Objects.equals(description, other.description));
        same.put("mainField", mainField == other.mainField);
        same.put("courts", courts.equals(other.courts));
        same.put("activities", activities.equals(other.activities));
        List<String> different = new ArrayList<>();
        same.forEach((field, equal) -> {
            if (!equal) {
                different.add(field);
            }
        });
        return different;
    }

    private static boolean numberEquals(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replace("\r\n", "\n").strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(6, java.math.RoundingMode.HALF_UP);
    }
}
