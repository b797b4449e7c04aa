package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tariff put back to "to be set", audited, and the reason each line of an earlier month gives for
 * being on this month's statement: left out for want of a tariff, end recorded after its month's
 * statement, or no statement for its month. Bills a court no other test bills (Coutances).
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class BillingLateLinesTest {

    private static final String COURT = "TJ-COUTANCES";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Billing billing;

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

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTariffCanBePutBackToBeSetOnceAuditedWithItsValueBefore() {
        as("admin.asso");
        MeasureCatalogue.MeasureType type = type("STAGE_ACHAT_ACTES_SEXUELS");
        setTariff(type, "135,00");

        catalogue.resetTariff(type.id());
        catalogue.resetTariff(type.id());

        assertThat(type("STAGE_ACHAT_ACTES_SEXUELS").tariff()).isNull();
        assertThat(catalogue.search("achat d").get(0).type().tariff()).isNull();
        assertThat(OwnerSql.of(server).sql("""
                select details::text from audit_event where action = 'catalogue.type.tariff_reset' and object_id = ?""")
                .param(type.id().toString()).query(String.class).list())
                .singleElement().satisfies(details -> assertThat(details)
                        .contains("\"tariff\"", "\"before\": \"135.00\"", "\"after\": null"));

        as("intervenant");
        assertThatThrownBy(() -> catalogue.resetTariff(type.id())).isInstanceOf(AccessDeniedException.class);
        as("admin.asso");
        setTariff(type, "135,00");
    }

    @Test
    void eachLineOfAnEarlierMonthSaysWhyItIsBilledOnlyNow() throws Exception {
        YearMonth month = YearMonth.now(clock.withZone(PARIS)).minusMonths(1);
        YearMonth earlier = month.minusMonths(2);
        YearMonth between = month.minusMonths(1);
        as("directrice");
        setTariff(type("MEDIATION_MINEURS"), "180");
        setTariff(type("STAGE_FORMATION_CIVIQUE"), "160");
        catalogue.resetTariff(type("MEDIATION_MINEURS").id());

        as("cheffe.service");
        LocalDate received = earlier.minusMonths(1).atDay(3);
        UUID leftOut = measure("MEDIATION_MINEURS", received);
        end(leftOut, earlier.atDay(12));
        UUID endedLater = measure("STAGE_FORMATION_CIVIQUE", received);
        start(endedLater, received.plusDays(2));
        UUID noStatement = measure("STAGE_FORMATION_CIVIQUE", received);
        end(noStatement, between.atDay(8));
        UUID inMonth = measure("STAGE_FORMATION_CIVIQUE", received);
        end(inMonth, month.atDay(4));

        as("directrice");
        UUID first = billing.generate(COURT, earlier);
        assertThat(billing.get(first).lines()).isEmpty();
        assertThat(OwnerSql.of(server).sql("select count(*) from billing_statement_omission where statement_id = ?")
                .param(first).query(Long.class).single()).isEqualTo(1);
        // The end of a measure of the earlier month is recorded after its statement was computed.
        as("cheffe.service");
        measures.perform(endedLater, MeasureAction.END, new Measures.ActionInput(null, earlier.atDay(20),
                MeasureOutcome.COMPLETED, null));
        as("directrice");
        setTariff(type("MEDIATION_MINEURS"), "180");

        UUID statement = billing.generate(COURT, month);
        Billing.Statement now = billing.get(statement);
        assertThat(now.lines()).extracting(Billing.Line::measureId)
                .containsExactlyInAnyOrder(leftOut, endedLater, noStatement, inMonth);
        Map<Integer, Billing.LateLine> late = billing.lateLines(now);
        assertThat(late.get(position(now, leftOut)).reason()).isEqualTo(BillingRules.Late.TARIFF_TO_BE_SET);
        assertThat(late.get(position(now, leftOut)).leftOutIn()).isEqualTo(earlier);
        assertThat(late.get(position(now, endedLater)).reason()).isEqualTo(BillingRules.Late.RECORDED_AFTER_STATEMENT);
        assertThat(late.get(position(now, endedLater)).recordedOn()).isEqualTo(LocalDate.now(clock.withZone(PARIS)));
        assertThat(late.get(position(now, noStatement)).reason()).isEqualTo(BillingRules.Late.NO_STATEMENT);
        assertThat(late).doesNotContainKey(position(now, inMonth));

        String page = mvc.perform(get("/billing/" + statement).locale(Locale.FRENCH).with(authentication(signedIn("directrice"))))
                .andReturn().getResponse().getContentAsString();
        String earlierName = earlier.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
        assertThat(page).contains("Laissée hors du mémoire de " + earlierName)
                .contains("le tarif du type était à définir")
                .contains("après le calcul du mémoire de " + earlierName)
                .contains("Aucun mémoire de "
                        + between.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH)));
        assertThat(page.split("class=\"small text-secondary late-reason\"", -1)).hasSize(4);

        // A statement of that month computed afterwards does not make the reason false: it speaks of
        // the statements that existed when this one was computed.
        as("directrice");
        billing.generate(COURT, between);
        assertThat(billing.lateLines(billing.get(statement)).get(position(now, noStatement)).reason())
                .isEqualTo(BillingRules.Late.NO_STATEMENT);
        String again = mvc.perform(get("/billing/" + statement).locale(Locale.FRENCH)
                .with(authentication(signedIn("directrice")))).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("n’existait pour ce tribunal quand celui-ci a été calculé");
    }

    private static int position(Billing.Statement statement, UUID measure) {
        return statement.lines().stream().filter(l -> l.measureId().equals(measure)).findFirst().orElseThrow().position();
    }

    private MeasureCatalogue.MeasureType type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private void setTariff(MeasureCatalogue.MeasureType type, String tariff) {
        MeasureCatalogue.Settings s = MeasureCatalogue.Settings.of(type);
        catalogue.update(type.id(), new MeasureCatalogue.Settings(s.label(), s.orderedBy(), s.trackedQuantity(),
                s.quantityMin(), s.quantityMax(), s.firstInterviewDays(), s.reportTypes(), s.billingMode(), tariff));
    }

    private UUID measure(String typeCode, LocalDate received) {
        UUID person = persons.create(new Persons.PersonData("Retardée", "Ligne", LocalDate.of(1991, 4, 4), "F", null,
                null, null, null, null, null, null), true);
        return measures.create(person, new Measures.Mandate(type(typeCode).id(), COURT, "PARQUET", null, null, null,
                received, null));
    }

    private void start(UUID measure, LocalDate firstInterview) {
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, firstInterview, null, null));
    }

    private void end(UUID measure, LocalDate endedOn) {
        start(measure, endedOn.minusDays(1));
        measures.perform(measure, MeasureAction.END, new Measures.ActionInput(null, endedOn, MeasureOutcome.COMPLETED,
                null));
    }

    private UsernamePasswordAuthenticationToken signedIn(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(signedIn(username));
    }
}
