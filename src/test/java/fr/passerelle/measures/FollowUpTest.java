package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Obligations, hours against what was ordered, incidents and their report to the magistrate. */
@PasserelleIntegrationTest
class FollowUpTest {

    @Autowired
    FollowUp followUp;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    UUID person;

    @BeforeEach
    void givenAPersonFollowedByTheServiceHead() {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        person = persons.create(new Persons.PersonData("Suivi", "Heures", LocalDate.of(1994, 3, 3), null, null, null,
                null, null, null, null, null), true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void countsTheHoursOfCommunityServiceAgainstWhatWasOrdered() {
        UUID tig = started(measure("TIG", new BigDecimal("120")));
        followUp.logQuantity(tig, LocalDate.now(TestDates.PARIS).minusDays(2), new BigDecimal("7.5"), "Espaces verts");
        followUp.logQuantity(tig, LocalDate.now(TestDates.PARIS).minusDays(1), new BigDecimal("7.5"), null);
        FollowUp.Progress progress = followUp.progress(tig);
        assertThat(progress.unit()).isEqualTo("HOURS");
        assertThat(progress.done()).isEqualByComparingTo("15");
        assertThat(progress.ordered()).isEqualByComparingTo("120");
        assertThatThrownBy(() -> followUp.logQuantity(tig, LocalDate.now(TestDates.PARIS), new BigDecimal("25"), null))
                .hasFieldOrPropertyWithValue("messageKey", "quantity.hours.perDay");
        assertThat(followUp.progress(tig).entries()).hasSize(2);
    }

    @Test
    void refusesAnOrderedQuantityOutsideTheTypesRange() {
        assertThatThrownBy(() -> measure("TIG", new BigDecimal("500")))
                .hasFieldOrPropertyWithValue("messageKey", "measure.orderedQuantity.invalid");
        assertThatThrownBy(() -> measure("MESURE_INTERET_EDUCATIF", new BigDecimal("12")))
                .hasFieldOrPropertyWithValue("messageKey", "measure.orderedQuantity.invalid");
        assertThatThrownBy(() -> measure("EP", new BigDecimal("3")))
                .hasFieldOrPropertyWithValue("messageKey", "measure.orderedQuantity.invalid");
    }

    @Test
    void flagsAnUnauthorisedAbsenceFromAPlacementAsUrgentAndRecordsItsReport() {
        UUID placement = measure("PLACEMENT_EXTERIEUR", new BigDecimal("90"));
        UUID escape = followUp.recordIncident(placement, LocalDate.now(TestDates.PARIS), IncidentKind.LEFT_PLACEMENT,
                "N’a pas réintégré le foyer à 21 h.");
        UUID other = measure("CJSE", null);
        UUID absence = followUp.recordIncident(other, LocalDate.now(TestDates.PARIS), IncidentKind.ABSENCE, "Absent au rendez-vous.");
        assertThat(followUp.incidents(placement).get(0).urgent()).isTrue();
        assertThat(followUp.incidents(other).get(0).urgent()).isFalse();
        long unreported = followUp.unreportedCount();

        followUp.report(escape, "JAP et SPIP");
        FollowUp.Incident reported = followUp.incidents(placement).get(0);
        assertThat(reported.reportedAt()).isNotNull();
        assertThat(reported.reportedTo()).isEqualTo("JAP et SPIP");
        assertThat(followUp.unreportedCount()).isEqualTo(unreported - 1);
        assertThatThrownBy(() -> followUp.report(escape, "JAP"))
                .hasFieldOrPropertyWithValue("messageKey", "incident.alreadyReported");
        assertThatThrownBy(() -> followUp.report(absence, " "))
                .hasFieldOrPropertyWithValue("messageKey", "incident.reportedTo.invalid");
    }

    @Test
    void followsObligations() {
        UUID cjse = measure("CJSE", null);
        UUID care = followUp.addObligation(cjse, "Obligation de soins (CSAPA)");
        followUp.addObligation(cjse, "Interdiction de paraître au domicile conjugal");
        followUp.setObligationStatus(care, "MET", "Attestation reçue");
        assertThat(followUp.obligations(cjse)).extracting(FollowUp.Obligation::status).containsExactly("ONGOING", "MET");
        assertThatThrownBy(() -> followUp.setObligationStatus(care, "WHATEVER", null))
                .hasFieldOrPropertyWithValue("messageKey", "obligation.status.invalid");
    }

    /** Hours are logged once the measure has started (first interview held). */
    private UUID started(UUID measure) {
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS).minusDays(9),
                null, null));
        return measure;
    }

    private UUID measure(String code, BigDecimal ordered) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                LocalDate.now(TestDates.PARIS).minusDays(10), null, ordered));
    }
}
