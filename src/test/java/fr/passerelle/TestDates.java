package fr.passerelle;

import java.time.ZoneId;

/**
 * The zone every "today" of a test is taken in: the application's (its Clock is in Europe/Paris),
 * never the machine's, so a test run between 23:00 and midnight UTC agrees with the application.
 */
public final class TestDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TestDates() {}
}
