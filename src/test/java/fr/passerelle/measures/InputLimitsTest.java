package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server's own limits on what a person's form, a mandate form and an import row may hold. */
class InputLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final MeasureCatalogue.MeasureType TYPE = new MeasureCatalogue.MeasureType(UUID.randomUUID(), "TIG",
            "POST_SENTENCING", "Travail d’intérêt général", "JAP", "NONE", null, null, 30, "", "NONE", BigDecimal.ONE,
            true);

    private static Persons.PersonData person(String address, String birthPlace) {
        return new Persons.PersonData("Martin", "Léa", LocalDate.of(1990, 5, 4), "F", birthPlace, null, null, address,
                null, null, null);
    }

    private static List<FieldRefusal> mandate(LocalDate receivedOn, LocalDate dueOn, LocalDate plannedEndOn) {
        return Measures.problems(new Measures.Mandate(TYPE.id(), "TJ-ANGERS", "PARQUET", null, null, null, receivedOn,
                dueOn, null, plannedEndOn), TYPE, true, TODAY);
    }

    private static List<String> fields(List<FieldRefusal> refusals) {
        return refusals.stream().map(r -> r.field() + ":" + r.messageKey()).toList();
    }

    @Test
    void anAddressOfFiveThousandCharactersIsRefusedWithItsLimit() {
        List<FieldRefusal> refusals = Persons.problems(person("12 rue des Lilas ".repeat(300), null), TODAY);
        assertThat(fields(refusals)).containsExactly("address:input.tooLong");
        assertThat(refusals.get(0).arguments()).containsExactly(Persons.ADDRESS_MAX);
        assertThat(Persons.problems(person("a".repeat(Persons.ADDRESS_MAX), "b".repeat(120)), TODAY)).isEmpty();
        assertThat(fields(Persons.problems(person(null, "b".repeat(121)), TODAY)))
                .containsExactly("birthPlace:input.tooLong");
    }

    @Test
    void aReceptionIn1900IsRefusedAndOneIn1990IsNot() {
        assertThat(fields(mandate(LocalDate.of(1900, 3, 1), null, null)))
                .containsExactly("receivedOn:measure.receivedOn.tooOld");
        assertThat(fields(mandate(LocalDate.of(1989, 12, 31), null, null)))
                .containsExactly("receivedOn:measure.receivedOn.tooOld");
        assertThat(mandate(Measures.EARLIEST_RECEPTION, null, null)).isEmpty();
        assertThat(fields(mandate(TODAY.plusDays(1), null, null))).containsExactly("receivedOn:measure.receivedOn.invalid");
    }

    @Test
    void aDueDateOrPlannedEndFarInTheFutureIsRefused() {
        assertThat(fields(mandate(TODAY, TODAY.plusYears(20), TODAY.plusYears(11)))).containsExactly(
                "dueOn:measure.date.tooFar", "plannedEndOn:measure.date.tooFar");
        assertThat(mandate(TODAY, TODAY.plusYears(10), TODAY.plusYears(2))).isEmpty();
    }

    @Test
    void notesAboveTheirLimitAreRefusedNamingTheLimit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldRefusal.requireAtMost("notes",
                        "x".repeat(Appointments.NOTES_MAX + 1), Appointments.NOTES_MAX))
                .isInstanceOfSatisfying(FieldRefusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("notes");
                    assertThat(refusal.messageKey()).isEqualTo("input.tooLong");
                    assertThat(refusal.arguments()).containsExactly(Appointments.NOTES_MAX);
                });
        FieldRefusal.requireAtMost("notes", " " + "x".repeat(Appointments.NOTES_MAX) + " ", Appointments.NOTES_MAX);
        FieldRefusal.requireAtMost("notes", null, Appointments.NOTES_MAX);
    }
}
