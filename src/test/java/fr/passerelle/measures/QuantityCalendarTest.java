package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Days of placement and hours checked against the calendar on the real database: one day per date,
 * nothing in the future or outside the measure, a warning above what was ordered, corrections and
 * deletions with a reason (audited), and statements only for a month that is over.
 */
@PasserelleIntegrationTest
class QuantityCalendarTest {

    @LocalServerPort
    int port;

    @Autowired
    FollowUp followUp;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Billing billing;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Clock clock;

    @Autowired
    Reports reports;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    UUID person;

    /** Today in Paris, read from the application's clock for each test. */
    LocalDate today;

    @BeforeEach
    void givenAPerson() {
        today = LocalDate.now(clock);
        SignedIn.as(users, "cheffe.service");
        person = persons.create(new Persons.PersonData("Placement", "Calendrier", LocalDate.of(1991, 5, 5), null, null,
                null, null, null, null, null, null), true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlacementLogsOneDayPerDateNeverTwiceNorInTheFutureNorOutsideTheMeasure() {
        UUID placement = started("PLACEMENT_EXTERIEUR", today.minusDays(40), new BigDecimal("30"));

        assertRefused(() -> followUp.logQuantity(placement, today.minusDays(5), new BigDecimal("500"), null),
                "quantity.days.onePerDate");
        followUp.logQuantity(placement, today.minusDays(10), today.minusDays(6), null, "Chantier d’insertion");
        assertRefused(() -> followUp.logQuantity(placement, today.minusDays(7), null, null, null),
                "quantity.days.alreadyLogged");
        assertRefused(() -> followUp.logQuantity(placement, today.minusDays(12), today.minusDays(8), null, null),
                "quantity.days.alreadyLogged");
        assertRefused(() -> followUp.logQuantity(placement, today, today.plusDays(1), null, null), "quantity.date.future");
        assertRefused(() -> followUp.logQuantity(placement, today.minusDays(41), null, null, null),
                "quantity.date.outsideMeasure");

        FollowUp.Progress progress = followUp.progress(placement);
        assertThat(progress.done()).isEqualByComparingTo("5");
        assertThat(progress.entries()).extracting(FollowUp.QuantityEntry::entryDate)
                .containsExactly(today.minusDays(10), today.minusDays(9), today.minusDays(8), today.minusDays(7),
                        today.minusDays(6));
        assertThat(progress.entries()).allSatisfy(e -> assertThat(e.day()).isTrue());
        assertThat(progress.aboveOrdered()).isFalse();
    }

    @Test
    void theDatabaseHoldsOneDayOfPlacementPerDateWhateverTheWriter() {
        UUID placement = started("PLACEMENT_EXTERIEUR", today.minusDays(20), null);
        followUp.logQuantity(placement, today.minusDays(3), null, null, null);
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        assertThatThrownBy(() -> OwnerSql.of(server).sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, day)
                values (gen_random_uuid(), ?, ?, ?, 1, true)""")
                .params(head.organisationId(), placement, today.minusDays(3)).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> OwnerSql.of(server).sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, day)
                values (gen_random_uuid(), ?, ?, ?, 5, true)""")
                .params(head.organisationId(), placement, today.minusDays(2)).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void entriesAreCorrectedAndDeletedForAReasonAndAudited() {
        UUID tig = started("TIG", today.minusDays(30), new BigDecimal("20"));
        followUp.logQuantity(tig, today.minusDays(2), new BigDecimal("7"), null);
        followUp.logQuantity(tig, today.minusDays(1), new BigDecimal("7"), null);
        UUID first = followUp.progress(tig).entries().get(0).id();
        UUID second = followUp.progress(tig).entries().get(1).id();

        assertRefused(() -> followUp.correctEntry(first, today.minusDays(2), new BigDecimal("6"), null, " "),
                "quantity.reason.required");
        assertRefused(() -> followUp.correctEntry(first, today.minusDays(1), new BigDecimal("18"), null, "Erreur de date"),
                "quantity.hours.perDay");
        followUp.correctEntry(first, today.minusDays(3), new BigDecimal("16"), "Journée longue", "Heures mal reportées");
        assertThat(followUp.progress(tig).done()).isEqualByComparingTo("23");
        assertThat(followUp.progress(tig).aboveOrdered()).as("a warning, not a refusal").isTrue();
        assertRefused(() -> followUp.deleteEntry(second, ""), "quantity.reason.required");
        followUp.deleteEntry(second, "Saisie en double");
        assertThat(followUp.progress(tig).entries()).extracting(FollowUp.QuantityEntry::id).containsExactly(first);

        List<Map<String, Object>> audit = OwnerSql.of(server).sql("""
                select action, details::text as details from audit_event where object_id = ?
                and action in ('quantity.corrected', 'quantity.deleted') order by seq""")
                .param(tig.toString()).query().listOfRows();
        assertThat(audit).extracting(row -> row.get("action")).containsExactly("quantity.corrected", "quantity.deleted");
        assertThat((String) audit.get(0).get("details")).contains("Heures mal reportées", "7 -> 16");
        assertThat((String) audit.get(1).get("details")).contains("Saisie en double");
    }

    @Test
    void aStatementCoversOnlyAMonthThatIsOver() {
        SignedIn.as(users, "directrice");
        YearMonth current = YearMonth.from(today);
        assertRefused(() -> billing.generate("TJ-LYON", current), "billing.month.notOver");
        assertRefused(() -> billing.generate("TJ-LYON", current.plusMonths(1)), "billing.month.notOver");
    }

    @Test
    void thePageWarnsAboveTheOrderedDaysAndSpeaksOfDaysNotHours() throws Exception {
        UUID placement = started("PLACEMENT_EXTERIEUR", today.minusDays(40), new BigDecimal("3"));
        followUp.logQuantity(placement, today.minusDays(10), today.minusDays(7), null, null);
        WebClient web = signedIn();
        String page = "/measures/" + placement;
        assertThat(web.get(page).body()).contains("id=\"quantity-above-ordered\"")
                .contains("4 jours enregistrés, au-delà des 3 jours ordonnés").contains("id=\"quantity-to\"");

        web.post(page, page + "/quantities", Map.of("entryDate", today.minusDays(8).toString(), "toDate", ""));
        String refused = web.get(page).body();
        assertThat(refused).contains("Le jour du " + today.minusDays(8).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " est déjà enregistré")
                .doesNotContain("heures par jour");
        web.post(page, page + "/quantities", Map.of("entryDate", today.minusDays(3).toString(), "quantity", "500"));
        assertThat(web.get(page).body()).contains("Un jour de placement par date").doesNotContain("heures par jour");
        assertThat(followUp.progress(placement).done()).isEqualByComparingTo("4");

        UUID entry = followUp.progress(placement).entries().get(0).id();
        web.post(page, "/quantities/" + entry + "/delete", Map.of("reason", "Jour d’absence"));
        assertThat(followUp.progress(placement).done()).isEqualByComparingTo("3");
    }

    @Test
    void nightsOfAnEvictionAreOnePerDateInTheirOwnWordsAndBilledSo() throws Exception {
        YearMonth month = YearMonth.of(2019, 3);
        UUID eviction = started("EVICTION_CONJOINT", month.minusMonths(1).atDay(1), new BigDecimal("2"));

        assertRefused(() -> followUp.logQuantity(eviction, month.atDay(10), new BigDecimal("500"), null),
                "quantity.nights.onePerDate");
        followUp.logQuantity(eviction, month.atDay(10), month.atDay(12), null, "Hébergement");
        assertRefused(() -> followUp.logQuantity(eviction, month.atDay(11), null, null, null),
                "quantity.nights.alreadyLogged");
        FollowUp.Progress progress = followUp.progress(eviction);
        assertThat(progress.done()).isEqualByComparingTo("3");
        assertThat(progress.entries()).allSatisfy(e -> assertThat(e.day()).isTrue());
        UUID first = progress.entries().get(0).id();
        assertRefused(() -> followUp.correctEntry(first, month.atDay(12), null, null, "Date"),
                "quantity.nights.alreadyLogged");

        WebClient web = signedIn();
        String page = "/measures/" + eviction;
        assertThat(web.get(page).body()).contains("3 nuitées enregistrées, au-delà des 2 nuitées ordonnées")
                .contains("Une nuitée par date").contains("id=\"quantity-to\"");
        web.post(page, page + "/quantities", Map.of("entryDate", month.atDay(12).toString(), "toDate", ""));
        assertThat(web.get(page).body()).contains("La nuit du 12/03/2019 est déjà enregistrée")
                .doesNotContain("Le jour du").doesNotContain("heures par jour");

        SignedIn.as(users, "directrice");
        MeasureCatalogue.MeasureType type = catalogue.types().stream().filter(t -> t.code().equals("EVICTION_CONJOINT"))
                .findFirst().orElseThrow();
        MeasureCatalogue.Settings before = MeasureCatalogue.Settings.of(type);
        catalogue.update(type.id(), new MeasureCatalogue.Settings(before.label(), before.orderedBy(),
                before.trackedQuantity(), before.quantityMin(), before.quantityMax(), before.firstInterviewDays(),
                before.reportTypes(), "PER_DAY", "30"));
        try {
            UUID statement = billing.generate("TJ-LYON", month);
            assertThat(billing.get(statement).lines()).filteredOn(l -> l.measureId().equals(eviction))
                    .singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("3"));
            SignedIn.as(users, "cheffe.service");
            UUID second = followUp.progress(eviction).entries().get(1).id();
            followUp.deleteEntry(second, "Une nuit de trop, avant l’envoi");

            SignedIn.as(users, "directrice");
            billing.regenerate(statement);
            billing.send(statement, month.plusMonths(1).atDay(2));
            SignedIn.as(users, "cheffe.service");
            assertRefused(() -> followUp.logQuantity(eviction, month.atDay(20), null, null, null),
                    "quantity.month.billed");
            assertRefused(() -> followUp.correctEntry(first, month.atDay(21), null, null, "Date"),
                    "quantity.month.billed");
            assertRefused(() -> followUp.correctEntry(first, month.plusMonths(1).atDay(3), null, null, "Mois"),
                    "quantity.month.billed");
            assertRefused(() -> followUp.deleteEntry(first, "Après l’envoi"), "quantity.month.billed");
            followUp.logQuantity(eviction, month.plusMonths(1).atDay(1), null, null, null);
            assertThat(followUp.progress(eviction).done()).isEqualByComparingTo("3");
        } finally {
            // Put the type back as it was (its billing mode and tariff, which may be "to be set").
            OwnerSql.of(server).sql("update measure_type set billing_mode = ?, tariff = ? where id = ?")
                    .param(type.billingMode()).param(type.tariff()).param(type.id()).update();
        }
    }

    @Test
    void theLogIsOpenOnlyOnceTheMeasureRunsAndNeverOnceItIsClosed() throws Exception {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
        UUID received = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                today.minusDays(20), null, new BigDecimal("40")));
        assertRefused(() -> followUp.logQuantity(received, today.minusDays(2), new BigDecimal("3"), null),
                "quantity.measureNotStarted");
        WebClient web = signedIn();
        String receivedPage = "/measures/" + received;
        assertThat(web.get(receivedPage).body()).doesNotContain("id=\"log-quantity\"");
        web.post(receivedPage, receivedPage + "/quantities", Map.of("entryDate", today.minusDays(2).toString(),
                "quantity", "3"));
        assertThat(followUp.progress(received).entries()).isEmpty();

        UUID tig = started("TIG", today.minusDays(30), new BigDecimal("40"));
        followUp.logQuantity(tig, today.minusDays(5), new BigDecimal("4"), null);
        measures.perform(tig, MeasureAction.END, new Measures.ActionInput(null, today.minusDays(3),
                MeasureOutcome.COMPLETED, null));
        followUp.logQuantity(tig, today.minusDays(4), new BigDecimal("3"), "Rattrapage avant la fin");
        assertRefused(() -> followUp.logQuantity(tig, today.minusDays(2), new BigDecimal("3"), null),
                "quantity.date.outsideMeasure");
        closed(tig, today.minusDays(1));
        UUID entry = followUp.progress(tig).entries().get(0).id();
        assertRefused(() -> followUp.logQuantity(tig, today.minusDays(4), new BigDecimal("1"), null),
                "quantity.measureClosed");
        assertRefused(() -> followUp.correctEntry(entry, today.minusDays(5), new BigDecimal("2"), null, "Erreur"),
                "quantity.measureClosed");
        assertRefused(() -> followUp.deleteEntry(entry, "Erreur"), "quantity.measureClosed");
        String closedPage = "/measures/" + tig;
        assertThat(web.get(closedPage).body()).doesNotContain("id=\"log-quantity\"")
                .doesNotContain("/quantities/" + entry + "/delete");
        web.post(closedPage, "/quantities/" + entry + "/delete", Map.of("reason", "Erreur"));
        assertThat(followUp.progress(tig).done()).isEqualByComparingTo("7");
    }

    @Test
    void aMeasureEndsNeitherBeforeItsLatestEntryNorBeforeItsReception() {
        UUID tig = started("TIG", today.minusDays(30), new BigDecimal("40"));
        followUp.logQuantity(tig, today.minusDays(5), new BigDecimal("4"), null);
        assertThatThrownBy(() -> measures.perform(tig, MeasureAction.END, new Measures.ActionInput(null,
                today.minusDays(6), MeasureOutcome.COMPLETED, null)))
                .hasFieldOrPropertyWithValue("messageKey", "measure.end.beforeLoggedEntry")
                .hasFieldOrPropertyWithValue("arguments", new Object[] {QuantityRules.argument(today.minusDays(5))});
        assertRefused(() -> measures.perform(tig, MeasureAction.CANCEL, new Measures.ActionInput(null,
                today.minusDays(31), null, "Dessaisi")), "measure.end.beforeReceived");
        assertThat(measures.get(tig).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        measures.perform(tig, MeasureAction.END, new Measures.ActionInput(null, today.minusDays(5),
                MeasureOutcome.COMPLETED, null));
        assertThat(measures.get(tig).status()).isEqualTo(MeasureStatus.ENDED);
    }

    @Test
    void anEntryOfSeveralDaysRecordedBeforeTheCalendarRulesKeepsItsDaysWhenCorrected() throws Exception {
        UUID placement = started("PLACEMENT_EXTERIEUR", today.minusDays(40), null);
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        UUID legacy = UUID.randomUUID();
        OwnerSql.of(server).sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, day)
                values (?, ?, ?, ?, 5, false)""")
                .params(legacy, head.organisationId(), placement, today.minusDays(20)).update();
        followUp.correctEntry(legacy, today.minusDays(19), null, "Semaine du chantier", "Date de début corrigée");
        FollowUp.QuantityEntry entry = followUp.progress(placement).entries().get(0);
        assertThat(entry.quantity()).isEqualByComparingTo("5");
        assertThat(entry.entryDate()).isEqualTo(today.minusDays(19));
        assertThat(entry.legacyPeriod()).isTrue();
        WebClient web = signedIn();
        assertThat(web.get("/measures/" + placement).body()).contains("id=\"legacy-" + legacy + "\"");
    }

    private WebClient signedIn() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        return web;
    }

    private void closed(UUID measure, LocalDate sentOn) {
        UUID report = reports.create(measure, ReportKind.FINAL);
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);
        reports.move(report, ReportStatus.Move.SEND, null, sentOn);
        measures.perform(measure, MeasureAction.CLOSE, new Measures.ActionInput(null, null, null, null));
    }

    private UUID started(String code, LocalDate received, BigDecimal ordered) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null, received,
                null, ordered));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, received.plusDays(1), null, null));
        return measure;
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).hasFieldOrPropertyWithValue("messageKey", key);
    }
}
