package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.TenantContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo caseload: measures in every status, made through the real API, the same for the same seed. */
@PasserelleIntegrationTest
class DemoCaseDataTest {

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    Reports reports;

    @Autowired
    Appointments appointments;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Caseloads caseloads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void fillsAnAssociationWithMeasuresInEveryStatusTheSameWayForTheSameSeed() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        UUID first = givenAnAssociationWithACaseWorker("Démo A");
        UUID second = givenAnAssociationWithACaseWorker("Démo B");
        generate(first, today);
        generate(second, today);

        List<String> a = summary(first);
        assertThat(a).hasSizeGreaterThan(40);
        assertThat(a).isEqualTo(summary(second));
        List<String> statuses = a.stream().map(line -> line.split(" ")[1]).distinct().toList();
        assertThat(statuses).contains(MeasureStatus.RECEIVED.name(), MeasureStatus.ASSIGNED.name(),
                MeasureStatus.IN_PROGRESS.name(), MeasureStatus.ENDED.name(), MeasureStatus.CLOSED.name());
        long personsCreated = TenantContext.callAs(first, () -> persons.search("", null, 0).total());
        assertThat(personsCreated).isEqualTo(40);
        long withAppointments = TenantContext.callAs(first, () -> tx.execute(s ->
                jdbc.sql("select count(distinct measure_id) from appointment").query(Long.class).single()));
        assertThat(withAppointments).isPositive();
    }

    private UUID givenAnAssociationWithACaseWorker(String name) {
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association " + name, "Lyon", "69", null, false, true), null);
        TenantContext.runAs(org, () -> users.create(new UserAccounts.NewUser("worker." + UUID.randomUUID(),
                "Intervenante " + name, "worker@example.org", "Un-mot-de-passe-solide", null, List.of(Roles.CASE_WORKER),
                false, false)));
        return org;
    }

    private void generate(UUID org, LocalDate today) {
        TenantContext.runAs(org, () -> tx.executeWithoutResult(s ->
                new DemoCaseData(persons, measures, reports, appointments, catalogue, users).generate(40, new Random(7), today)));
    }

    /** Type and status of every measure, in creation order (references are per association). */
    private List<String> summary(UUID org) {
        return TenantContext.callAs(org, () -> tx.execute(s -> jdbc.sql("""
                select t.code || ' ' || m.status from measure m join measure_type t on t.id = m.measure_type_id
                order by m.reference""").query(String.class).list()));
    }
}
