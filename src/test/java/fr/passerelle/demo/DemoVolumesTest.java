package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo volumes through the bulk writer: histories checked by the lifecycle, statuses and timelines consistent. */
@PasserelleIntegrationTest
class DemoVolumesTest {

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    fr.passerelle.identity.AssociationServices services;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    BulkCases bulk;

    @Autowired
    Courts courts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fillsAnAssociationOnceWithConsistentHistories() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association volumes " + UUID.randomUUID(), "Lyon", "69", null, false, true), null);
        DemoVolumes volumes = new DemoVolumes(organisations, users, services, catalogue, bulk, courts, tx, audit);

        boolean first = TenantContext.callAs(org, () -> tx.execute(s -> volumes.fill(org, List.of("TJ-LYON"), 300, today)));
        boolean second = TenantContext.callAs(org, () -> tx.execute(s -> volumes.fill(org, List.of("TJ-LYON"), 300, today)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Map<String, Object> counts = TenantContext.callAs(org, () -> tx.execute(s -> jdbc.sql("""
                select (select count(*) from person) as persons,
                       (select count(*) from measure) as measures,
                       (select count(distinct status) from measure) as statuses,
                       (select count(*) from measure where status in ('ENDED', 'CLOSED') and outcome is null) as ended_without_outcome,
                       (select count(*) from measure where status <> 'RECEIVED' and status <> 'ENDED' and assigned_user_id is null) as unassigned_in_progress,
                       (select count(*) from measure m where m.status <> (select t.to_status from measure_transition t
                            where t.measure_id = m.id order by t.occurred_at desc, t.id desc limit 1)) as timeline_mismatch
                """).query().singleRow()));
        assertThat((Long) counts.get("persons")).isEqualTo(300);
        assertThat((Long) counts.get("measures")).isBetween(300L, 900L);
        assertThat((Long) counts.get("statuses")).isGreaterThanOrEqualTo(5);
        assertThat(counts.get("ended_without_outcome")).isEqualTo(0L);
        assertThat(counts.get("unassigned_in_progress")).isEqualTo(0L);
        assertThat(counts.get("timeline_mismatch")).isEqualTo(0L);
    }

    @Test
    void anIllegalHistoryIsRefusedAndWritesNothing() {
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association refus " + UUID.randomUUID(), "Lyon", "69", null, false, true), null);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        assertThatThrownBy(() -> TenantContext.runAs(org, () -> tx.executeWithoutResult(s -> {
            UUID type = catalogue.types().get(0).id();
            Measures.Mandate mandate = new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                    today.minusDays(10), null);
            Persons.PersonData person = new Persons.PersonData("Illégal", "Parcours", LocalDate.of(1980, 1, 1), null, null,
                    null, null, null, null, null, null);
            // Starting a measure nobody was assigned: refused by the lifecycle.
            bulk.write(bulk.rules(), List.of(new BulkCases.CaseRow(Ids.newId(), person, mandate, null,
                    List.of(new BulkCases.Step(MeasureAction.START, today.minusDays(5), null, null, null)))));
        }))).isInstanceOf(BusinessException.class);
        long persons = TenantContext.callAs(org, () -> tx.execute(s ->
                jdbc.sql("select count(*) from person").query(Long.class).single()));
        assertThat(persons).isZero();
    }
}
