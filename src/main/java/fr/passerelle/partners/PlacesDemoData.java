package fr.passerelle.partners;

import fr.passerelle.measures.Persons;
import fr.passerelle.shared.Ids;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo association's places and a year of their bookings, in every status: called by the demo
 * module, as a signed-in case worker of the association. The places go on the directory's CHRS
 * (the first CHRS site, "CHRS Le Relais – Lyon 7e" in the demo directory); without one, that
 * partner and its site are created here. Written once: nothing is done when the site has places.
 */
@Service
public class PlacesDemoData {

    public static final String CHRS_NAME = "CHRS Le Relais – Lyon 7e";

    private final JdbcClient jdbc;
    private final PartnerPlaces places;
    private final PlaceBookings bookings;
    private final Persons persons;

    PlacesDemoData(JdbcClient jdbc, PartnerPlaces places, PlaceBookings bookings, Persons persons) {
        this.jdbc = jdbc;
        this.places = places;
        this.bookings = bookings;
        this.persons = persons;
    }

    /** A person placed under a placement à l'extérieur, and that measure of theirs. */
    public record Placement(UUID personId, UUID measureId) {}

    /**
     * Gives the person and the placement à l'extérieur measure of a booking of a PE place starting
     * on a date (the demo module makes them through the measures module: a measure received and
     * started before the booking, with no day logged by hand).
     */
    @FunctionalInterface
    public interface Placements {
        Placement forBookingFrom(LocalDate startsOn);
    }

    /** Seeds the current association; returns the number of bookings written (0 when already done). */
    @Transactional
    public int seed(LocalDate today, long seed) {
        return seed(today, seed, null);
    }

    /**
     * Seeds the current association as {@link #seed(LocalDate, long)} does, except that with
     * {@code placements} the six PE places are reserved under the partner's placement à l'extérieur
     * convention (when it has one) and their year of bookings is tied to placement à l'extérieur
     * measures: the departures log the days of presence on the measures (hence billing), the
     * bookings running today will at their departure; among them one cancelled, one person who did
     * not arrive, one extension and one unauthorised absence (the measure's urgent incident).
     */
    @Transactional
    public int seed(LocalDate today, long seed, Placements placements) {
        UUID site = chrsSite();
        if (!places.places(site).isEmpty()) {
            return 0;
        }
        List<UUID> people = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            persons.search("", null, page).items().forEach(p -> people.add(p.id()));
        }
        if (people.isEmpty()) {
            return 0;
        }
        List<UUID> created = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            created.add(places.addPlace(site, new PartnerPlaces.PlaceInput("PE " + i, "PE_RESERVED",
                    "Réservée sous la convention de placement à l’extérieur")));
        }
        created.add(places.addPlace(site, new PartnerPlaces.PlaceInput("Chambre 7", "INDIVIDUAL", null)));
        created.add(places.addPlace(site, new PartnerPlaces.PlaceInput("Chambre 8", "INDIVIDUAL", null)));
        created.add(places.addPlace(site, new PartnerPlaces.PlaceInput("Chambre 9 (2 lits)", "SHARED", null)));
        Random random = new Random(seed);
        int written = 0;
        int next = 0;
        if (placements != null) {
            List<UUID> pe = created.subList(0, 6);
            peConvention(site).ifPresent(convention -> pe.forEach(place -> places.setConvention(place, convention)));
            for (int i = 0; i < pe.size(); i++) {
                written += placementsOf(pe.get(i), i, today, random, placements);
            }
            created = created.subList(6, created.size());
        }
        for (UUID place : created) {
            LocalDate start = today.minusDays(365 - random.nextInt(20));
            LocalDate free = start;
            while (start.isBefore(today.plusDays(60))) {
                LocalDate end = start.plusDays(20 + random.nextInt(70));
                free = book(place, people.get(next++ % people.size()), start, end, today, random);
                written++;
                start = free.plusDays(random.nextInt(8));
            }
            if (place.equals(created.get(created.size() - 1))) {
                places.addOutOfService(place, free.plusDays(5), free.plusDays(19), "Travaux de peinture");
            }
        }
        return written;
    }

    /** Books the place over [start, end) and plays the booking up to today; returns when the place is free again. */
    private LocalDate book(UUID place, UUID person, LocalDate start, LocalDate end, LocalDate today, Random random) {
        PlaceBookings.Request request = new PlaceBookings.Request(place, person, null, start, end);
        int draw = random.nextInt(10);
        if (start.isAfter(today)) {
            UUID id = bookings.request(request);
            if (draw < 6) {
                bookings.confirm(id);
            }
            return end;
        }
        if (draw == 0) {
            UUID id = bookings.request(request);
            bookings.cancel(id, "La personne a trouvé une autre solution d’hébergement");
            return start;
        }
        UUID id = bookings.book(request);
        if (draw == 1) {
            bookings.didNotArrive(id, "Ne s’est pas présentée le jour prévu");
            return start.plusDays(1);
        }
        bookings.arrive(id, start);
        LocalDate last = end;
        if (draw == 3) {
            last = end.plusDays(3);
            bookings.extend(id, last, "Prolongation le temps d’une solution de sortie");
        }
        if (last.isAfter(today)) {
            if (draw == 2) {
                bookings.recordAbsence(id, today, "Rentrée avec deux heures de retard, sans autorisation");
            }
            return last;
        }
        bookings.depart(id, last, draw == 4 ? "Fin de prise en charge anticipée" : "Sortie vers un logement");
        return last;
    }

    private static final List<String> PE_DEPARTURES = List.of("Fin de la mesure de placement à l’extérieur",
            "Aménagement de peine : surveillance électronique à domicile", "Sortie vers un logement autonome",
            "Fin de la mesure : entrée en résidence sociale");

    /**
     * A year of bookings of the {@code index}-th PE place, each for a person under a placement à
     * l'extérieur measure of 6 to 15 weeks with a few days between two: played up to today
     * (departed, arrived), confirmed after. The second booking of the first place is cancelled, the
     * second of the second place ends with the person not arriving, the first of the third place is
     * extended by three weeks, and the booking of the fourth place running today has an unauthorised
     * absence. Returns the number of bookings written.
     */
    private int placementsOf(UUID place, int index, LocalDate today, Random random, Placements placements) {
        int written = 0;
        LocalDate start = today.minusDays(365 - index * 9L);
        for (int n = 0; start.isBefore(today.plusDays(45)); n++, written++) {
            LocalDate end = start.plusDays(42 + random.nextInt(64));
            Placement placed = placements.forBookingFrom(start);
            PlaceBookings.Request request = new PlaceBookings.Request(place, placed.personId(), placed.measureId(), start,
                    end);
            if (start.isAfter(today)) {
                bookings.confirm(bookings.request(request));
                start = end.plusDays(2 + random.nextInt(8));
                continue;
            }
            if (index == 0 && n == 1) {
                bookings.cancel(bookings.request(request), "Orientation vers une autre structure décidée par le JAP");
                start = start.plusDays(3);
                continue;
            }
            UUID id = bookings.book(request);
            if (index == 1 && n == 1) {
                bookings.didNotArrive(id, "Ne s’est pas présenté à la date de levée d’écrou prévue");
                start = start.plusDays(4);
                continue;
            }
            bookings.arrive(id, start);
            if (index == 2 && n == 0) {
                end = end.plusDays(21);
                bookings.extend(id, end, "Prolongation accordée par le JAP le temps de trouver un logement");
            }
            if (end.isAfter(today)) {
                if (index == 3) {
                    LocalDate night = start.isAfter(today.minusDays(2)) ? start : today.minusDays(2);
                    bookings.recordAbsence(id, night, "Absent au foyer la nuit, sans autorisation");
                }
                start = end.plusDays(2 + random.nextInt(8));
                continue;
            }
            bookings.depart(id, end, PE_DEPARTURES.get((index + n) % PE_DEPARTURES.size()));
            start = end.plusDays(2 + random.nextInt(8));
        }
        return written;
    }

    /** The placement à l'extérieur convention in force of the site's partner, if any. */
    private java.util.Optional<UUID> peConvention(UUID site) {
        return jdbc.sql("""
                select c.id from partner_convention c join partner_site s on s.partner_id = c.partner_id
                where s.id = ? and c.object = 'PLACEMENT_EXTERIEUR' and not c.archived
                order by c.ends_on desc limit 1""")
                .param(site).query(UUID.class).optional();
    }

    /** The directory's first CHRS site (the named one first), or that partner and site created now. */
    private UUID chrsSite() {
        return jdbc.sql("""
                select s.id from partner_site s join partner p on p.id = s.partner_id
                where p.partner_type = 'CHRS' and not p.archived
                order by (p.name = ?) desc, p.name, s.name limit 1""")
                .param(CHRS_NAME).query(UUID.class).optional().orElseGet(this::createChrs);
    }

    private UUID createChrs() {
        UUID partner = Ids.newId();
        UUID site = Ids.newId();
        UUID me = PartnerPlaces.me();
        jdbc.sql("""
                insert into partner (id, organisation_id, name, partner_type, description, created_at, created_by, updated_at)
                values (?, ?, ?, 'CHRS', 'Centre d’hébergement et de réinsertion sociale', now(), ?, now())""")
                .param(partner).param(PartnerPlaces.organisation()).param(CHRS_NAME).param(me).update();
        jdbc.sql("""
                insert into partner_site (id, organisation_id, partner_id, name, address, postcode, city, departement_code,
                                          latitude, longitude, created_at)
                values (?, ?, ?, 'Site Gerland', '12 rue de Gerland', '69007', 'Lyon', '69', 45.7335, 4.8330, now())""")
                .param(site).param(PartnerPlaces.organisation()).param(partner).update();
        return site;
    }
}
