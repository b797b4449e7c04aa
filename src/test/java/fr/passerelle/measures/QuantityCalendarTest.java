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
import java.time.ZoneId;
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

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

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
    @Qualifier("loginLookup")
    UserDetailsService users;

    UUID person;

    @BeforeEach
    void givenAPerson() {
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
        UUID placement = started("PLACEMENT_EXTERIEUR", TODAY.minusDays(40), new BigDecimal("30"));

        assertRefused(() -> followUp.logQuantity(placement, TODAY.minusDays(5), new BigDecimal("500"), null),
                "quantity.days.onePerDate");
        followUp.logQuantity(placement, TODAY.minusDays(10), TODAY.minusDays(6), null, "Chantier d’insertion");
        assertRefused(() -> followUp.logQuantity(placement, TODAY.minusDays(7), null, null, null),
                "quantity.days.alreadyLogged");
        assertRefused(() -> followUp.logQuantity(placement, TODAY.minusDays(12), TODAY.minusDays(8), null, null),
                "quantity.days.alreadyLogged");
        assertRefused(() -> followUp.logQuantity(placement, TODAY, TODAY.plusDays(1), null, null), "quantity.date.future");
        assertRefused(() -> followUp.logQuantity(placement, TODAY.minusDays(41), null, null, null),
                "quantity.date.outsideMeasure");

        FollowUp.Progress progress = followUp.progress(placement);
        assertThat(progress.done()).isEqualByComparingTo("5");
        assertThat(progress.entries()).extracting(FollowUp.QuantityEntry::entryDate)
                .containsExactly(TODAY.minusDays(10), TODAY.minusDays(9), TODAY.minusDays(8), TODAY.minusDays(7),
                        TODAY.minusDays(6));
        assertThat(progress.entries()).allSatisfy(e -> assertThat(e.day()).isTrue());
        assertThat(progress.aboveOrdered()).isFalse();
    }

    @Test
    void theDatabaseHoldsOneDayOfPlacementPerDateWhateverTheWriter() {
        UUID placement = started("PLACEMENT_EXTERIEUR", TODAY.minusDays(20), null);
        followUp.logQuantity(placement, TODAY.minusDays(3), null, null, null);
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        assertThatThrownBy(() -> OwnerSql.of(server).sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, day)
                values (gen_random_uuid(), ?, ?, ?, 1, true)""")
                .params(head.organisationId(), placement, TODAY.minusDays(3)).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> OwnerSql.of(server).sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, day)
                values (gen_random_uuid(), ?, ?, ?, 5, true)""")
                .params(head.organisationId(), placement, TODAY.minusDays(2)).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void entriesAreCorrectedAndDeletedForAReasonAndAudited() {
        UUID tig = started("TIG", TODAY.minusDays(30), new BigDecimal("20"));
        followUp.logQuantity(tig, TODAY.minusDays(2), new BigDecimal("7"), null);
        followUp.logQuantity(tig, TODAY.minusDays(1), new BigDecimal("7"), null);
        UUID first = followUp.progress(tig).entries().get(0).id();
        UUID second = followUp.progress(tig).entries().get(1).id();

        assertRefused(() -> followUp.correctEntry(first, TODAY.minusDays(2), new BigDecimal("6"), null, " "),
                "quantity.reason.required");
        assertRefused(() -> followUp.correctEntry(first, TODAY.minusDays(1), new BigDecimal("18"), null, "Erreur de date"),
                "quantity.hours.perDay");
        followUp.correctEntry(first, TODAY.minusDays(3), new BigDecimal("16"), "Journée longue", "Heures mal reportées");
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
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Paris"));
        assertRefused(() -> billing.generate("TJ-LYON", current), "billing.month.notOver");
        assertRefused(() -> billing.generate("TJ-LYON", current.plusMonths(1)), "billing.month.notOver");
    }

    @Test
    void thePageWarnsAboveTheOrderedDaysAndSpeaksOfDaysNotHours() throws Exception {
        UUID placement = started("PLACEMENT_EXTERIEUR", TODAY.minusDays(40), new BigDecimal("3"));
        followUp.logQuantity(placement, TODAY.minusDays(10), TODAY.minusDays(7), null, null);
        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String page = "/measures/" + placement;
        assertThat(web.get(page).body()).contains("id=\"quantity-above-ordered\"")
                .contains("4 jours enregistrés, au-delà des 3 jours ordonnés").contains("id=\"quantity-to\"");

        web.post(page, page + "/quantities", Map.of("entryDate", TODAY.minusDays(8).toString(), "toDate", ""));
        String refused = web.get(page).body();
        assertThat(refused).contains("Le jour du " + QuantityRules.french(TODAY.minusDays(8)) + " est déjà enregistré")
                .doesNotContain("heures par jour");
        web.post(page, page + "/quantities", Map.of("entryDate", TODAY.minusDays(3).toString(), "quantity", "500"));
        assertThat(web.get(page).body()).contains("Un jour de placement par date").doesNotContain("heures par jour");
        assertThat(followUp.progress(placement).done()).isEqualByComparingTo("4");

        UUID entry = followUp.progress(placement).entries().get(0).id();
        web.post(page, "/quantities/" + entry + "/delete", Map.of("reason", "Jour d’absence"));
        assertThat(followUp.progress(placement).done()).isEqualByComparingTo("3");
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
