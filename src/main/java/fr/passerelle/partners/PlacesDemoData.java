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

    /** Seeds the current association; returns the number of bookings written (0 when already done). */
    @Transactional
    public int seed(LocalDate today, long seed) {
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
