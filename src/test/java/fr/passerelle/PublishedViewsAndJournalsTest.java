package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.KeptFigures;
import fr.passerelle.observatory.ObservatoryFeed;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What ADR 0010 moved into the owning modules' migrations: the observatory role reads the
 * published views and not the owners' tables; views cannot be written through; no trigger of the
 * observatory is left on another module's table; and the owners' queue and journals carry what the
 * observatory's triggers carried, so kept figures are computed again exactly when they were.
 */
@PasserelleIntegrationTest
class PublishedViewsAndJournalsTest {

    private static final YearMonth MONTH = YearMonth.of(2016, 3);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    AssociationServices services;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    KeptFigures kept;

    @Autowired
    ObservatoryFeed feed;

    private JdbcClient owner;
    private UUID org;
    private UUID worker;
    private UUID otherService;

    @BeforeEach
    void givenAnAssociationWithAWorker() {
        owner = OwnerSql.of(server);
        org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association journaux " + UUID.randomUUID(), "Nantes", "44", null, true, true), null);
        TenantContext.runAs(org, () -> {
            UUID service = services.create("Pré-sentenciel");
            otherService = services.create("Post-sentenciel");
            worker = users.create(new UserAccounts.NewUser("journal." + UUID.randomUUID(), "Intervenant",
                    "j@example.org", "Un-mot-de-passe-solide", service, List.of(Roles.CASE_WORKER), false, false));
        });
    }

    @Test
    void theObservatoryRoleReadsThePublishedViewsAndNoOwnersTable() {
        for (String view : List.of("identity_organisation_v", "identity_network_region_v", "identity_change_v",
                "network_judicial_court_v", "network_court_of_appeal_v", "network_measure_catalogue_v",
                "network_change_v", "obs_month", "obs_change")) {
            assertThat(asObservatory(() -> jdbc.sql("select count(*) from " + view).query(Long.class).single()))
                    .as(view).isNotNegative();
        }
        for (String table : List.of("organisation", "network_region", "judicial_court", "court_of_appeal",
                "default_measure_type", "measure", "person", "app_user", "measures_indicator_measure_v",
                "measures_indicator_person_v", "measures_observatory_measure_v", "measures_change_v",
                "measures_changed_measure")) {
            assertThatThrownBy(() -> asObservatory(() -> jdbc.sql("select count(*) from " + table)
                    .query(Long.class).single())).as(table).rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationCannotWriteThroughAPublishedView() {
        assertThatThrownBy(() -> jdbc.sql("update network_measure_catalogue_v set label = 'x' where code = 'EP'")
                .update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("update identity_organisation_v set name = 'x' where id = ?").param(org)
                .update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(org, () -> jdbc.sql(
                "delete from measures_indicator_measure_v").update())).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void noTriggerOfTheObservatoryIsLeftOnAnotherModulesTable() {
        List<String> foreign = owner.sql("""
                select c.relname || ' -> ' || p.proname
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and (p.proname like 'obs\\_%' or p.proname like 'indicator\\_%'
                                              or p.proname like 'observatory\\_%')
                  and c.relname not like 'obs\\_%'""").query(String.class).list();
        assertThat(foreign).isEmpty();
        assertThat(owner.sql("select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " where c.relname = 'measure' and t.tgname like 'measures\\_%'").query(Long.class).single())
                .isEqualTo(7L);
    }

    @Test
    void aNewMeasureIsQueuedAndJournaledByTheMeasuresModuleAndCountedByTheRefresh() {
        LocalDate received = MONTH.atDay(10);
        UUID measure = TenantContext.callAs(org, () -> {
            UUID person = persons.create(new Persons.PersonData("Journal", "Mesure", LocalDate.of(1985, 1, 1), "M",
                    null, null, null, null, null, null, null), true);
            UUID ep = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            return measures.create(person, new Measures.Mandate(ep, "TJ-LYON", "PARQUET", null, null, null,
                    received, null));
        });
        assertThat(owner.sql("select count(*) from measures_changed_measure where measure_id = ?").param(measure)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(owner.sql("select min(changed_from) from measures_change where organisation_id = ?").param(org)
                .query(LocalDate.class).single()).isEqualTo(received);

        feed.refresh();

        assertThat(owner.sql("select count(*) from measures_changed_measure where measure_id = ?").param(measure)
                .query(Long.class).single()).isZero();
        assertThat(owner.sql("select received from obs_month where organisation_id = ? and month = ?")
                .params(org, MONTH.atDay(1)).query(Integer.class).single()).isEqualTo(1);
        assertThat(owner.sql("select waiting from observatory_backlog()").query(Long.class).single()).isZero();
    }

    @Test
    void anAssociationsKeptFiguresGoWhenAUsersServiceChangesNotWhenTheyMerelySignIn() {
        Object first = association("service", Object::new);
        assertThat(association("service", Object::new)).isSameAs(first);

        owner.sql("update app_user set last_login_at = now() where id = ?").param(worker).update();
        assertThat(association("service", Object::new)).isSameAs(first);

        owner.sql("update app_user set service_id = ? where id = ?").params(otherService, worker).update();
        Object second = association("service", Object::new);
        assertThat(second).isNotSameAs(first);
        assertThat(association("service", Object::new)).isSameAs(second);
    }

    @Test
    void nationalKeptFiguresGoWhenACourtTheCatalogueOrTheRegistryChanges() {
        Object figures = national(Object::new);
        assertThat(national(Object::new)).isSameAs(figures);
        for (String write : List.of("update judicial_court set name = name where code = 'TJ-LYON'",
                "update default_measure_type set label = label where code = 'EP'",
                "update organisation set shares_statistics = not shares_statistics where id = '" + org + "'")) {
            owner.sql(write).update();
            Object again = national(Object::new);
            assertThat(again).as(write).isNotSameAs(figures);
            assertThat(national(Object::new)).as(write).isSameAs(again);
            figures = again;
        }
    }

    private <V> V association(String key, Supplier<V> compute) {
        return TenantContext.callAs(org, () -> transactions.execute(
                status -> kept.association(org, key, MONTH.atEndOfMonth(), compute)));
    }

    private <V> V national(Supplier<V> compute) {
        return asObservatory(() -> kept.national(org, MONTH, MONTH, compute));
    }

    private <V> V asObservatory(Supplier<V> work) {
        return transactions.execute(status -> {
            jdbc.sql("set local role " + EmbeddedDatabaseProperties.OBSERVATORY_ROLE).update();
            return work.get();
        });
    }
}
