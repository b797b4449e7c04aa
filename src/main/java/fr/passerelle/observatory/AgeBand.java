package fr.passerelle.observatory;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age bands for counting people: the juvenile-justice ages first (under 13, 13–15, 16–17), then
 * adults. The age is taken on a given date (for {@link Indicator#PEOPLE_ACCOMPANIED}, the last day of
 * the period).
 */
public enum AgeBand {
    UNDER_13(0, 12),
    FROM_13_TO_15(13, 15),
    FROM_16_TO_17(16, 17),
    FROM_18_TO_24(18, 24),
    FROM_25_TO_34(25, 34),
    FROM_35_TO_49(35, 49),
    FROM_50_TO_64(50, 64),
    FROM_65(65, Integer.MAX_VALUE),
    /** No birth date in the file (or one after the date). */
    UNKNOWN(-1, -1);

    /** The bands in order (values() copies its array on every call). */
    private static final AgeBand[] BANDS = values();

    private final int from;
    private final int to;

    AgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The band of someone born on {@code birthDate}, on {@code on}. */
    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || birthDate.isAfter(on)) {
            return UNKNOWN;
        }
        return ofAge(Period.between(birthDate, on).getYears());
    }

    /** The band of someone of this age in whole years ({@code null} or negative: unknown). */
    public static AgeBand ofAge(Integer age) {
        if (age == null || age < 0) {
            return UNKNOWN;
        }
        for (AgeBand band : BANDS) {
            if (band != UNKNOWN && age >= band.from && age <= band.to) {
                return band;
            }
        }
        throw new IllegalStateException("no band for age " + age);
    }

    public String labelKey() {
        return "observatory.ageBand." + name();
    }
}
