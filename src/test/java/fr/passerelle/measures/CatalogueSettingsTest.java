package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The catalogue settings as the association's administrator uses them, audited before and after. */
@PasserelleIntegrationTest
class CatalogueSettingsTest {

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void changesATypeAndAuditsEachChangedFieldWithItsValueBeforeAndAfter() {
        as("admin.asso");
        MeasureCatalogue.MeasureType mjie = type("MJIE");
        MeasureCatalogue.Settings s = MeasureCatalogue.Settings.of(mjie);
        catalogue.update(mjie.id(), new MeasureCatalogue.Settings(s.label(), s.orderedBy(), s.trackedQuantity(),
                s.quantityMin(), s.quantityMax(), "21", s.reportTypes(), "PER_MEASURE", "1 250,5"));
        MeasureCatalogue.MeasureType after = type("MJIE");
        assertThat(after.tariff()).isEqualByComparingTo("1250.50");
        assertThat(after.firstInterviewDays()).isEqualTo(21);
        String details = OwnerSql.of(server).sql("""
                select details::text from audit_event where action = 'catalogue.type.updated' and object_id = ?
                order by seq desc limit 1""").param(mjie.id().toString()).query(String.class).single();
        assertThat(details).contains("\"firstInterviewDays\"", "\"before\": 15", "\"after\": 21", "\"tariff\"",
                "\"after\": \"1250.50\"").doesNotContain("\"label\"");

        // Bad input changes nothing.
        assertThatThrownBy(() -> catalogue.update(mjie.id(), new MeasureCatalogue.Settings(s.label(), s.orderedBy(),
                s.trackedQuantity(), null, null, "15", s.reportTypes(), "PER_MEASURE", "-3")))
                .hasFieldOrPropertyWithValue("messageKey", "catalogue.tariff.invalid");
        assertThat(type("MJIE").tariff()).isEqualByComparingTo("1250.50");
    }

    @Test
    void aDeactivatedTypeIsNoLongerOfferedButItsMeasuresKeepItAndItCannotBeDeleted() {
        as("cheffe.service");
        MeasureCatalogue.MeasureType stage = type("STAGE_SEXISME");
        UUID person = persons.create(new Persons.PersonData("Catalogue", "Inès", LocalDate.of(1994, 3, 3), "F", null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(stage.id(), "TJ-LYON", "PARQUET", null, null, null,
                LocalDate.now(TestDates.PARIS), null));

        as("admin.asso");
        try {
            catalogue.setActive(stage.id(), false);
            assertThat(type("STAGE_SEXISME").active()).isFalse();
            assertThatThrownBy(() -> catalogue.delete(stage.id()))
                    .hasFieldOrPropertyWithValue("messageKey", "catalogue.type.inUse");
            assertThat(catalogue.search("sexisme")).singleElement()
                    .satisfies(e -> assertThat(e.measures()).isGreaterThanOrEqualTo(1));

            as("cheffe.service");
            assertThat(measures.get(measure).typeLabel()).isEqualTo(stage.label());
            assertThatThrownBy(() -> measures.create(person, new Measures.Mandate(stage.id(), "TJ-LYON", "PARQUET",
                    null, null, null, LocalDate.now(TestDates.PARIS), null)))
                    .hasFieldOrPropertyWithValue("messageKey", "measure.type.invalid");
            assertThat(OwnerSql.of(server).sql("""
                    select count(*) from audit_event where action = 'catalogue.type.deactivated' and object_id = ?""")
                    .param(stage.id().toString()).query(Long.class).single()).isEqualTo(1);
        } finally {
            as("admin.asso");
            catalogue.setActive(stage.id(), true);
        }
    }

    @Test
    void deletesATypeNoMeasureHas() {
        as("admin.asso");
        UUID organisation = ((PasserelleUser) users.loadUserByUsername("admin.asso")).organisationId();
        UUID id = UUID.randomUUID();
        OwnerSql.of(server).sql("""
                insert into measure_type (id, organisation_id, code, position, field, label, ordered_by, tracked_quantity,
                                          first_interview_days, report_types, billing_mode)
                values (?, ?, 'ESSAI', 999, 'PRE_SENTENCE', 'Type d’essai inutilisé', 'parquet', 'NONE', 15, 'bilan', 'NONE')""")
                .param(id).param(organisation).update();
        assertThat(catalogue.search("essai inutilise")).hasSize(1);
        catalogue.delete(id);
        assertThat(catalogue.type(id)).isEmpty();
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'catalogue.type.deleted' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void isRefusedWithoutThePermission() {
        as("intervenant");
        MeasureCatalogue.MeasureType tig = type("TIG");
        assertThatThrownBy(() -> catalogue.search("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.update(tig.id(), MeasureCatalogue.Settings.of(tig)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.setActive(tig.id(), false)).isInstanceOf(AccessDeniedException.class);
    }

    private MeasureCatalogue.MeasureType type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private void as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
