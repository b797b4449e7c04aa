package fr.passerelle.partners;

import fr.passerelle.OwnerSql;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The "given" helpers of the places and bookings tests: a partner with a site (written as the
 * database owner: the directory's own pages are another piece of work), persons and measures
 * through the measures module, places through {@link PartnerPlaces}. Built by each test from its
 * autowired beans.
 */
public class GivenPlaces {

    private final EmbeddedPostgresServer server;
    private final PartnerPlaces places;
    private final Persons persons;
    private final Measures measures;
    private final MeasureCatalogue catalogue;

    public GivenPlaces(EmbeddedPostgresServer server, PartnerPlaces places, Persons persons, Measures measures,
            MeasureCatalogue catalogue) {
        this.server = server;
        this.places = places;
        this.persons = persons;
        this.measures = measures;
        this.catalogue = catalogue;
    }

    public JdbcClient owner() {
        return OwnerSql.of(server);
    }

    /** A partner of the given type with one site, in the organisation, at a point; its partnership level if not null. */
    public UUID site(UUID organisation, String partnerName, String type, String departement, double lat, double lon,
            Integer level) {
        UUID partner = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        owner().sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, ?, now(), ?, now())""")
                .params(partner, organisation, partnerName, type, author).update();
        owner().sql("""
                insert into partner_site (id, organisation_id, partner_id, name, city, departement_code, latitude, longitude,
                                          created_at)
                values (?, ?, ?, ?, 'Lyon', ?, ?, ?, now())""")
                .params(site, organisation, partner, partnerName + " – site", departement, lat, lon).update();
        if (level != null) {
            owner().sql("""
                    insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                                          assessed_by_name, created_at)
                    values (gen_random_uuid(), ?, ?, ?, current_date, ?, 'Test', now())""")
                    .params(organisation, partner, level, author).update();
        }
        return site;
    }

    public UUID place(UUID site, String label, String kind) {
        return places.addPlace(site, new PartnerPlaces.PlaceInput(label, kind, null));
    }

    public UUID person(String lastName) {
        return persons.create(new Persons.PersonData(lastName, "Test", LocalDate.of(1990, 5, 5), null, null, null,
                null, null, null, null, null), true);
    }

    /** A measure of the type from the Lyon court, received on a date, assigned and started the day after. */
    public UUID startedMeasure(UserDetailsService users, UUID person, String code, LocalDate received) {
        return startedMeasure(users, person, code, received, "TJ-LYON");
    }

    /** A measure of the type from a court, received on a date, assigned and started the day after. */
    public UUID startedMeasure(UserDetailsService users, UUID person, String code, LocalDate received, String court) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, court, "JAP", null, null, null, received,
                null, null));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, received.plusDays(1), null, null));
        return measure;
    }
}
