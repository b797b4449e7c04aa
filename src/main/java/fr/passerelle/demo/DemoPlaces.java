package fr.passerelle.demo;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.PlacesDemoData;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The Lyon association's places and a year of bookings (partners module), written once the
 * application is ready — after the directory's demo partners and the conventions — as its demo
 * case worker. The bookings of the CHRS's six PE places are each for a person placed under a
 * placement à l'extérieur measure made here (received three weeks and started two weeks before the
 * booking, followed by the demo case worker): the days of presence on those measures, and what
 * billing counts, come from the bookings' departures only.
 */
@Component
class DemoPlaces {

    private static final long SEED = 16;
    static final String PE_TYPE = "PLACEMENT_EXTERIEUR";

    private final DemoDataRunner runner;
    private final PlacesDemoData places;
    private final DemoConventions conventions;
    private final UserDetailsService users;
    private final Persons persons;
    private final Measures measures;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    DemoPlaces(DemoDataRunner runner, PlacesDemoData places, DemoConventions conventions,
            @Qualifier("loginLookup") UserDetailsService users, Persons persons, Measures measures,
            MeasureCatalogue catalogue, Clock clock) {
        this.runner = runner;
        this.places = places;
        this.conventions = conventions;
        this.users = users;
        this.persons = persons;
        this.measures = measures;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!runner.enabled()) {
            return;
        }
        // The PE places are reserved under the CHRS's convention: written first (once).
        conventions.seed();
        int bookings = seedAs("intervenant", LocalDate.now(clock));
        LoggerFactory.getLogger(DemoPlaces.class).info("Demo places: {} bookings", bookings);
    }

    /** Seeds the places of the account's association as that account; returns the bookings written. */
    int seedAs(String username, LocalDate today) {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername(username);
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()));
        try {
            Random names = new Random(SEED);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals(PE_TYPE)).findFirst().orElseThrow().id();
            return TenantContext.callAs(worker.organisationId(), () -> places.seed(today, SEED,
                    startsOn -> placement(worker.userId(), type, startsOn, today, names)));
        } finally {
            context.setAuthentication(previous);
        }
    }

    /**
     * A person and their placement à l'extérieur measure from the Lyon court, ready for a booking
     * from a date: received three weeks and started two weeks before (today at the latest).
     */
    private PlacesDemoData.Placement placement(UUID worker, UUID type, LocalDate startsOn, LocalDate today,
            Random names) {
        UUID person = persons.create(new Persons.PersonData(
                DemoCaseData.LAST_NAMES.get(names.nextInt(DemoCaseData.LAST_NAMES.size())),
                DemoCaseData.FIRST_NAMES.get(names.nextInt(DemoCaseData.FIRST_NAMES.size())),
                LocalDate.of(1965 + names.nextInt(38), 1 + names.nextInt(12), 1 + names.nextInt(28)), "M", null, null,
                null, null, "CHRS", null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                earliest(startsOn.minusDays(21), today.minusDays(7)), null, null));
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null,
                earliest(startsOn.minusDays(14), today), null, null));
        return new PlacesDemoData.Placement(person, measure);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
