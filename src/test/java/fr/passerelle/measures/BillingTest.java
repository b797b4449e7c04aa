package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Billing to courts on the real database: what a month's statement holds, that nothing is billed
 * twice, that sent statements are frozen, tenancy, permissions, and the PDF and CSV documents.
 * Uses courts no other test bills (Angers, Laval), so that its sums are exact.
 */
@PasserelleIntegrationTest
class BillingTest {

    /** The application's "today" is in Paris: a test run near midnight UTC must agree with it. */
    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");
    private static final String COURT = "TJ-ANGERS";
    private static final String OTHER_COURT = "TJ-LAVAL";

    @Autowired
    Billing billing;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    FollowUp followUp;

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
    void billsTheRightMeasuresOnceFreezesWhatIsSentAndKeepsItToTheAssociation() throws Exception {
        YearMonth month = YearMonth.now(PARIS).minusMonths(2);
        YearMonth next = month.plusMonths(1);
        as("directrice");
        tariff("EP", "PER_MEASURE", "450,00");
        tariff("PLACEMENT_EXTERIEUR", "PER_DAY", "42,5");
        tariff("STAGE_CITOYENNETE", "PER_HOUR", "18,33");

        as("cheffe.service");
        LocalDate received = month.minusMonths(1).atDay(1);
        UUID endedInMonth = measure("EP", COURT, received, "=SOMME(A1:A9)");
        end(endedInMonth, month.atDay(10), MeasureOutcome.COMPLETED);
        UUID endedBefore = measure("EP", COURT, received, "26/0001");
        end(endedBefore, month.minusMonths(1).atDay(20), MeasureOutcome.NOT_PRESENTED);
        UUID endedAfter = measure("EP", COURT, received, "26/0002");
        end(endedAfter, next.atDay(5), MeasureOutcome.COMPLETED);
        UUID cancelled = measure("EP", COURT, received, "26/0003");
        start(cancelled, received.plusDays(1));
        measures.perform(cancelled, MeasureAction.CANCEL, new Measures.ActionInput(null, month.atDay(3), null, "Dessaisi"));
        UUID stillRunning = measure("EP", COURT, received, "26/0004");
        start(stillRunning, received.plusDays(1));
        UUID otherCourt = measure("EP", OTHER_COURT, received, "26/0005");
        end(otherCourt, month.atDay(12), MeasureOutcome.COMPLETED);
        UUID placement = measure("PLACEMENT_EXTERIEUR", COURT, received, "26/0006");
        start(placement, received.plusDays(1));
        followUp.logQuantity(placement, month.atDay(2), month.atDay(7), null, null);
        followUp.logQuantity(placement, month.atDay(9), month.atDay(12), null, null);
        followUp.logQuantity(placement, next.atDay(1), next.atDay(5), null, null);
        UUID importedEnded = measure("EP", COURT, received, "26/0008");
        end(importedEnded, month.atDay(11), MeasureOutcome.COMPLETED);
        markEndImported(importedEnded);
        UUID stage = measure("STAGE_CITOYENNETE", COURT, received, "26/0007");
        start(stage, received.plusDays(1));
        followUp.logQuantity(stage, month.atDay(15), new BigDecimal("7.5"), null);

        as("directrice");
        assertThat(billing.courts()).extracting(Billing.CourtChoice::code).contains(COURT, OTHER_COURT);
        UUID statement = billing.generate(COURT, month);
        Billing.Statement draft = billing.get(statement);
        assertThat(draft.status()).isEqualTo(BillingStatus.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.lines()).extracting(Billing.Line::measureId)
                .as("a measure ended in Passerelle is billed; one whose end was imported was billed before it")
                .containsExactlyInAnyOrder(endedInMonth, endedBefore, placement, stage);
        assertThat(line(draft, placement).quantity()).isEqualByComparingTo("10");
        assertThat(line(draft, placement).amount()).isEqualByComparingTo("425.00");
        assertThat(line(draft, placement).period()).isEqualTo(month);
        assertThat(line(draft, stage).amount()).isEqualByComparingTo("137.48");
        assertThat(line(draft, endedBefore).endedOn()).isEqualTo(month.minusMonths(1).atDay(20));
        assertThat(line(draft, endedInMonth).unitTariff()).isEqualByComparingTo("450.00");
        assertThat(draft.total()).isEqualByComparingTo("1462.48");
        assertThatThrownBy(() -> billing.generate(COURT, month)).hasFieldOrPropertyWithValue("messageKey", "billing.exists");

        // Refusals that change nothing.
        assertThatThrownBy(() -> billing.pay(statement, LocalDate.now(PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.PAY.DRAFT");
        assertThatThrownBy(() -> billing.send(statement, LocalDate.now(PARIS).plusDays(1)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.sentOn.invalid");
        assertThatThrownBy(() -> billing.send(statement, month.minusMonths(1).atDay(1)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.sentOn.beforeMonth");
        assertThat(billing.get(statement).status()).isEqualTo(BillingStatus.DRAFT);

        // A tariff change reaches a draft when it is recomputed...
        tariff("EP", "PER_MEASURE", "460");
        billing.regenerate(statement);
        assertThat(billing.get(statement).total()).isEqualByComparingTo("1482.48");

        // ...and never a sent statement.
        LocalDate sentOn = LocalDate.now(PARIS).minusDays(20);
        billing.send(statement, sentOn);
        Billing.Statement sent = billing.get(statement);
        assertThat(sent.number()).matches("MF-\\d{4}-\\d{6}");
        assertThat(sent.paymentDelayDays()).isEqualTo(20);
        tariff("EP", "PER_MEASURE", "999");
        assertThat(billing.get(statement).total()).isEqualByComparingTo("1482.48");
        assertThatThrownBy(() -> billing.regenerate(statement))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.REGENERATE.SENT");
        assertThatThrownBy(() -> billing.delete(statement))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.DELETE.SENT");
        assertThatThrownBy(() -> billing.send(statement, LocalDate.now(PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.SEND.SENT");
        assertThatThrownBy(() -> OwnerSql.of(server).sql("update billing_statement_line set amount = 0 where statement_id = ?")
                .param(statement).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
        assertThatThrownBy(() -> OwnerSql.of(server).sql("delete from billing_statement where id = ?")
                .param(statement).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");

        // The next month bills what ended or was logged then, and nothing already billed.
        UUID following = billing.generate(COURT, next);
        Billing.Statement nextDraft = billing.get(following);
        assertThat(nextDraft.lines()).extracting(Billing.Line::measureId).containsExactlyInAnyOrder(endedAfter, placement);
        assertThat(line(nextDraft, placement).quantity()).isEqualByComparingTo("5");
        assertThat(line(nextDraft, endedAfter).amount()).isEqualByComparingTo("999.00");
        assertThatThrownBy(() -> OwnerSql.of(server).sql("""
                insert into billing_statement_line (id, organisation_id, statement_id, position, measure_id, billing_mode,
                    period_month, measure_reference, person_reference, type_label, quantity, unit_tariff, amount)
                select gen_random_uuid(), organisation_id, ?, 99, measure_id, billing_mode, period_month, measure_reference,
                       person_reference, type_label, quantity, unit_tariff, amount
                from billing_statement_line where measure_id = ? and billing_mode = 'PER_MEASURE'""")
                .param(following).param(endedInMonth).update())
                .as("the database refuses to bill a measure twice").isInstanceOf(DataAccessException.class);
        billing.delete(following);
        assertThatThrownBy(() -> billing.get(following)).hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> billing.send(billing.generate(OTHER_COURT, YearMonth.of(2021, 3)), LocalDate.now(PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.empty.refused");

        // Payment, then nothing more.
        assertThatThrownBy(() -> billing.pay(statement, sentOn.minusDays(1)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.paidOn.beforeSent");
        billing.pay(statement, LocalDate.now(PARIS));
        Billing.Statement paid = billing.get(statement);
        assertThat(paid.status()).isEqualTo(BillingStatus.PAID);
        assertThat(paid.paymentDelayDays()).isEqualTo(20);
        assertThatThrownBy(() -> billing.pay(statement, LocalDate.now(PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.PAY.PAID");
        assertThatThrownBy(() -> billing.send(statement, LocalDate.now(PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "billing.refused.SEND.PAID");
        Billing.Listing listing = billing.list(new Billing.Filters(COURT, BillingStatus.PAID, month.getYear()));
        assertThat(listing.statements()).extracting(Billing.Summary::id).containsExactly(statement);
        assertThat(listing.totals().paid()).isEqualByComparingTo("1482.48");
        assertThat(listing.totals().meanPaymentDelayDays()).isEqualTo(20);
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from audit_event where object_id = ? and action in
                ('billing.statement.generated', 'billing.statement.regenerated', 'billing.statement.sent', 'billing.statement.paid')""")
                .param(statement.toString()).query(Long.class).single()).isEqualTo(4);

        // The documents: the PDF names references, never the person.
        try (PDDocument document = Loader.loadPDF(billing.pdf(statement))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Mémoire de frais de justice", "Tribunal judiciaire d'Angers", paid.number(),
                    measures.get(endedInMonth).reference(), "1 482,48", "425,00", "Par jour", associationName());
            assertThat(text).doesNotContain("Sentinelle");
        }
        String csv = new String(billing.csv(statement), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNuméro du mémoire;Association;Juridiction;Mois;");
        assertThat(csv).contains(paid.number(), measures.get(placement).reference(), ";10;42,50;425,00",
                "'=SOMME(A1:A9)", "TOTAL", "1 482,48").doesNotContain("Sentinelle");
        assertThat(csv.lines()).hasSize(1 + 4 + 1);

        // Another association sees none of it, even with the permission.
        PasserelleUser marseille = (PasserelleUser) users.loadUserByUsername("admin.marseille");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                marseille, null, List.of(new SimpleGrantedAuthority("billing:manage"))));
        assertThatThrownBy(() -> billing.get(statement)).hasFieldOrPropertyWithValue("status", 404);
        assertThat(billing.list(new Billing.Filters(null, null, null)).statements()).extracting(Billing.Summary::id)
                .doesNotContain(statement);
        assertThatThrownBy(() -> billing.generate(COURT, month)).hasFieldOrPropertyWithValue("messageKey",
                "billing.court.invalid");
    }

    @Test
    void isRefusedToACaseWorker() {
        as("intervenant");
        assertThatThrownBy(() -> billing.list(new Billing.Filters(null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> billing.generate("TJ-LYON", YearMonth.now(PARIS))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> billing.pdf(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
    }

    private String associationName() {
        UUID organisation = ((PasserelleUser) users.loadUserByUsername("directrice")).organisationId();
        return OwnerSql.of(server).sql("select name from organisation where id = ?").param(organisation)
                .query(String.class).single();
    }

    private static Billing.Line line(Billing.Statement statement, UUID measure) {
        return statement.lines().stream().filter(l -> l.measureId().equals(measure)).findFirst().orElseThrow();
    }

    private void tariff(String code, String billingMode, String tariff) {
        MeasureCatalogue.MeasureType type = catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow();
        MeasureCatalogue.Settings s = MeasureCatalogue.Settings.of(type);
        catalogue.update(type.id(), new MeasureCatalogue.Settings(s.label(), s.orderedBy(), s.trackedQuantity(),
                s.quantityMin(), s.quantityMax(), s.firstInterviewDays(), s.reportTypes(), billingMode, tariff));
    }

    private UUID measure(String typeCode, String court, LocalDate received, String parquetNumber) {
        UUID person = persons.create(new Persons.PersonData("Sentinelle", "Facturée", LocalDate.of(1990, 2, 2), "F", null,
                null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(typeCode)).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(type, court, "PARQUET", null, parquetNumber, null, received,
                null));
    }

    private void start(UUID measure, LocalDate firstInterview) {
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, firstInterview, null, null));
    }

    private void end(UUID measure, LocalDate endedOn, MeasureOutcome outcome) {
        start(measure, endedOn.minusDays(1));
        measures.perform(measure, MeasureAction.END, new Measures.ActionInput(null, endedOn, outcome, null));
    }

    /** As an import writes an ended measure: its END step is marked imported. */
    private void markEndImported(UUID measure) {
        assertThat(OwnerSql.of(server).sql("update measure_transition set imported = true"
                + " where measure_id = ? and to_status = 'ENDED'").param(measure).update()).isEqualTo(1);
    }

    private void as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
