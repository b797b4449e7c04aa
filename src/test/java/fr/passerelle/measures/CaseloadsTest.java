package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Caseload views, late measures and keyset pagination. */
@PasserelleIntegrationTest
class CaseloadsTest {

    @Autowired
    Caseloads caseloads;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    fr.passerelle.shared.db.EmbeddedPostgresServer server;

    @Autowired
    Reports reports;

    @Autowired
    fr.passerelle.identity.UserAccounts accounts;

    @Autowired
    fr.passerelle.identity.AssociationServices services;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void showsMineUnassignedAndLateMeasures() {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        UUID type = type("MEDIATION_MINEURS");
        Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
        UUID person = persons.create(new Persons.PersonData("Caseload", "Vue", LocalDate.of(2008, 2, 2), null, null,
                null, null, null, null, null, null), true);
        UUID unassigned = measures.create(person, mandate(type, LocalDate.now(TestDates.PARIS), null));
        UUID late = measures.create(person, mandate(type, LocalDate.now(TestDates.PARIS).minusDays(40), null));
        UUID mine = measures.create(person, mandate(type, LocalDate.now(TestDates.PARIS), LocalDate.now(TestDates.PARIS).plusMonths(3)));
        measures.perform(mine, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));

        assertThat(ids(Caseloads.View.UNASSIGNED, ofType)).contains(unassigned, late).doesNotContain(mine);
        assertThat(ids(Caseloads.View.LATE, ofType)).containsExactly(late);
        Caseloads.Line lateLine = caseloads.page(Caseloads.View.LATE, ofType, Caseloads.Sort.RECEIVED, null).lines().get(0);
        assertThat(lateLine.firstInterviewLate()).isTrue();

        as("intervenant");
        assertThat(ids(Caseloads.View.MINE, ofType)).containsExactly(mine);
        assertThat(caseloads.page(Caseloads.View.MINE, ofType, Caseloads.Sort.RECEIVED, null).lines().get(0)
                .assignedUserName()).isEqualTo("Camille Martin");
        assertThat(caseloads.counts().get(Caseloads.View.MINE)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aMeasureIsLateFromItsNextDeadlineWhateverChangesIt() {
        as("cheffe.service");
        UUID type = type("MEDIATION_MINEURS");
        Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
        UUID person = persons.create(new Persons.PersonData("Echeance", "Suivie", LocalDate.of(2007, 3, 3), null, null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, mandate(type, LocalDate.now(TestDates.PARIS).minusDays(10), null));
        org.springframework.jdbc.core.simple.JdbcClient owner = fr.passerelle.OwnerSql.of(server);

        // The catalogue's first-interview deadline moves every measure of the type not yet started.
        owner.sql("update measure_type set first_interview_days = 30 where id = ?").param(type).update();
        assertThat(ids(Caseloads.View.LATE, ofType)).doesNotContain(measure);
        owner.sql("update measure_type set first_interview_days = 5 where id = ?").param(type).update();
        assertThat(ids(Caseloads.View.LATE, ofType)).contains(measure);

        // A due date already passed makes it late even once started; an ended measure never is.
        owner.sql("update measure_type set first_interview_days = 30 where id = ?").param(type).update();
        owner.sql("update measure set due_on = current_date - 1 where id = ?").param(measure).update();
        assertThat(ids(Caseloads.View.LATE, ofType)).contains(measure);
        assertThat(caseloads.counts().get(Caseloads.View.LATE)).isGreaterThanOrEqualTo(1);
        owner.sql("update measure set status = 'ENDED', outcome = 'COMPLETED' where id = ?").param(measure).update();
        assertThat(ids(Caseloads.View.LATE, ofType)).doesNotContain(measure);
    }

    @Test
    void pagesThroughALargeCaseloadWithoutGapsOrRepeats() {
        as("cheffe.service");
        UUID type = type("STAGE_FORMATION_CIVIQUE");
        UUID person = persons.create(new Persons.PersonData("Pagination", "Clés", LocalDate.of(2007, 7, 7), null, null,
                null, null, null, null, null, null), true);
        for (int i = 0; i < 120; i++) {
            measures.create(person, mandate(type, LocalDate.now(TestDates.PARIS).minusDays(i % 30), null));
        }
        for (Caseloads.Sort sort : Caseloads.Sort.values()) {
            Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
            Set<UUID> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                Caseloads.Page page = caseloads.page(Caseloads.View.ALL, ofType, sort, cursor);
                assertThat(page.total()).isEqualTo(120);
                page.lines().forEach(l -> assertThat(seen.add(l.id())).as("seen once: " + l.reference()).isTrue());
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(seen).as(sort.name()).hasSize(120);
            assertThat(pages).isEqualTo(3);
        }
    }

    @Test
    void myServiceIsPagedMemberByMemberInTheOrderOfTheWholeService() {
        // A service of three case workers (one with more measures than a page) and a worker outside it.
        as("admin.asso");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID service = services.create("Portefeuille " + suffix);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(worker("portefeuille." + i + "." + suffix, service));
        }
        UUID outsider = worker("portefeuille.hors." + suffix, services.create("Ailleurs " + suffix));
        as("cheffe.service");
        UUID type = type("STAGE_STUPEFIANTS");
        List<UUID> persons = new ArrayList<>();
        for (String name : List.of("Zola", "Abel", "Martin", "Étienne", "martin")) {
            persons.add(this.persons.create(new Persons.PersonData(name, "Service", LocalDate.of(1990, 1, 1), null, null,
                    null, null, null, null, null, null), true));
        }
        LocalDate today = LocalDate.now(TestDates.PARIS);
        Set<UUID> ofTheService = new HashSet<>();
        int[] perMember = {70, 30, 20};
        int n = 0;
        for (int m = 0; m < members.size(); m++) {
            for (int i = 0; i < perMember[m]; i++, n++) {
                ofTheService.add(assigned(persons.get(n % persons.size()), type, today.minusDays(n % 25),
                        n % 3 == 0 ? null : today.plusDays(n % 40), members.get(m)));
            }
        }
        Set<UUID> outside = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            outside.add(assigned(persons.get(i % persons.size()), type, today.minusDays(i), null, outsider));
        }
        UUID ended = assigned(persons.get(0), type, today, null, members.get(1));
        fr.passerelle.OwnerSql.of(server).sql("update measure set status = 'ENDED', outcome = 'COMPLETED' where id = ?")
                .param(ended).update();

        as(accounts.get(members.get(2)).username());
        Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
        assertThat(caseloads.counts().get(Caseloads.View.SERVICE)).isEqualTo(ofTheService.size());
        for (Caseloads.Sort sort : Caseloads.Sort.values()) {
            List<UUID> seen = new ArrayList<>();
            String cursor = null;
            do {
                Caseloads.Page page = caseloads.page(Caseloads.View.SERVICE, ofType, sort, cursor);
                assertThat(page.total()).isEqualTo(ofTheService.size());
                page.lines().forEach(l -> seen.add(l.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).as(sort.name()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ofTheService)
                    .doesNotContainAnyElementsOf(outside).doesNotContain(ended);
            // The same order as the whole association's list (read at once, not member by member).
            List<UUID> whole = caseloads.all(Caseloads.View.ALL, ofType, sort, 1000).stream().map(Caseloads.Line::id)
                    .filter(ofTheService::contains).toList();
            assertThat(seen).as(sort.name()).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void countsALateMeasureOnceWhateverMakesItLate() {
        as("cheffe.service");
        UUID type = type("REPARATION_PENALE");
        Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
        UUID person = persons.create(new Persons.PersonData("Retard", "Double", LocalDate.of(2006, 6, 6), null, null,
                null, null, null, null, null, null), true);
        LocalDate today = LocalDate.now(TestDates.PARIS);
        long before = caseloads.counts().get(Caseloads.View.LATE);
        long filteredBefore = caseloads.page(Caseloads.View.LATE, ofType, Caseloads.Sort.RECEIVED, null).total();

        // Past its due date and with a late report: in both branches of the late view.
        UUID both = measures.create(person, mandate(type, today.minusDays(40), today.minusDays(1)));
        reports.create(both, ReportKind.STAGE, today.minusDays(1));
        // Ended, so past no deadline, but its report is still expected: late by its report alone.
        UUID reportOnly = measures.create(person, mandate(type, today.minusDays(2), null));
        reports.create(reportOnly, ReportKind.STAGE, today.minusDays(1));
        fr.passerelle.OwnerSql.of(server).sql("update measure set status = 'ENDED', outcome = 'COMPLETED' where id = ?")
                .param(reportOnly).update();

        assertThat(caseloads.counts().get(Caseloads.View.LATE)).isEqualTo(before + 2);
        Caseloads.Page late = caseloads.page(Caseloads.View.LATE, ofType, Caseloads.Sort.RECEIVED, null);
        assertThat(late.total()).isEqualTo(filteredBefore + 2);
        assertThat(late.lines()).extracting(Caseloads.Line::id).containsOnlyOnce(both, reportOnly);
        assertThat(late.lines()).filteredOn(l -> l.id().equals(both)).singleElement()
                .satisfies(l -> assertThat(l.dueDatePassed() && l.reportLate()).isTrue());
    }

    private UUID worker(String login, UUID service) {
        return accounts.create(new fr.passerelle.identity.UserAccounts.NewUser(login, "Agent " + login, login + "@example.org",
                "Un-mot-de-passe-solide", service, List.of(fr.passerelle.identity.Roles.CASE_WORKER), false, false));
    }

    private UUID assigned(UUID person, UUID type, LocalDate received, LocalDate due, UUID worker) {
        UUID id = measures.create(person, mandate(type, received, due));
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        return id;
    }

    @Test
    void ignoresAForgedCursor() {
        as("cheffe.service");
        Caseloads.Page page = caseloads.page(Caseloads.View.ALL, Caseloads.Filters.none(), Caseloads.Sort.RECEIVED,
                Caseloads.encode("not-a-date'; drop table measure;--", UUID.randomUUID()));
        assertThat(page.total()).isGreaterThanOrEqualTo(0);
    }

    private List<UUID> ids(Caseloads.View view, Caseloads.Filters filters) {
        return caseloads.page(view, filters, Caseloads.Sort.RECEIVED, null).lines().stream().map(Caseloads.Line::id).toList();
    }

    private UUID type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    private static Measures.Mandate mandate(UUID type, LocalDate received, LocalDate due) {
        return new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null, received, due);
    }

    private PasserelleUser as(String username) {
        return fr.passerelle.SignedIn.as(users, username);
    }
}
