package fr.passerelle.demo;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.ReportStatus;
import fr.passerelle.measures.Reports;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A plausible caseload for one association, made through the measures module's API: persons,
 * measures in every status (some late), first interviews held, and upcoming appointments. The
 * same seed gives the same data.
 */
class DemoCaseData {

    static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert",
            "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García",
            "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont",
            "Lambert", "Bonnet", "François", "Martínez", "Legrand", "Benali", "Haddad", "Diallo", "Traoré", "N'Diaye",
            "Nguyen", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu");
    static final List<String> FIRST_NAMES = List.of("Lucas", "Hugo", "Léa", "Emma", "Nathan", "Inès",
            "Yanis", "Chloé", "Mohamed", "Sarah", "Enzo", "Manon", "Kevin", "Camille", "Théo", "Jade", "Mathis",
            "Lina", "Rayan", "Zoé", "Karim", "Julie", "Maxime", "Aïcha", "Dylan", "Océane", "Bastien", "Nora",
            "Jérôme", "Sandrine", "Frédéric", "Nadia", "Sébastien", "Céline", "Mehdi", "Élodie");
    private static final List<String> HOUSING = List.of("Logement personnel", "Hébergé(e) par un tiers", "CHRS",
            "Sans domicile", "Foyer jeunes travailleurs");
    private static final List<String> EMPLOYMENT = List.of("CDI", "CDD / intérim", "Sans emploi", "Formation",
            "Scolarisé(e)", "Retraite");
    private static final List<String> COURTS = List.of("TJ-LYON", "TJ-LYON", "TJ-LYON", "TJ-VILLEFRANCHE-SUR-SAONE");

    private final Persons persons;
    private final Measures measures;
    private final Reports reports;
    private final Appointments appointments;
    private final MeasureCatalogue catalogue;
    private final UserAccounts users;

    DemoCaseData(Persons persons, Measures measures, Reports reports, Appointments appointments,
            MeasureCatalogue catalogue, UserAccounts users) {
        this.persons = persons;
        this.measures = measures;
        this.reports = reports;
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.users = users;
    }

    /** What {@link #generate} made. */
    record Made(int persons, int measures) {}

    /** Fills the current association (tenant) with {@code personCount} persons and about 1.4 measures each. */
    Made generate(int personCount, Random random, LocalDate today) {
        List<MeasureCatalogue.MeasureType> types = catalogue.types();
        List<UUID> workers = users.withRole(Roles.CASE_WORKER).stream().map(UserAccounts.UserChoice::id).toList();
        int made = 0;
        for (int i = 0; i < personCount; i++) {
            String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
            LocalDate birth = LocalDate.of(1960 + random.nextInt(48), 1 + random.nextInt(12), 1 + random.nextInt(28));
            UUID person = persons.create(new Persons.PersonData(last, first, birth, random.nextBoolean() ? "M" : "F",
                    null, null, null, null, HOUSING.get(random.nextInt(HOUSING.size())),
                    EMPLOYMENT.get(random.nextInt(EMPLOYMENT.size())), null), true);
            int count = random.nextInt(10) < 6 ? 1 : 2;
            for (int m = 0; m < count; m++) {
                measure(person, types.get(random.nextInt(types.size())), workers, random, today);
                made++;
            }
        }
        return new Made(personCount, made);
    }

    private void measure(UUID person, MeasureCatalogue.MeasureType type, List<UUID> workers, Random random,
            LocalDate today) {
        LocalDate received = today.minusDays(random.nextInt(540));
        LocalDate due = random.nextInt(3) == 0 ? received.plusMonths(3 + random.nextInt(9)) : null;
        UUID id = measures.create(person, new Measures.Mandate(type.id(), COURTS.get(random.nextInt(COURTS.size())),
                Measures.PRESCRIBER_TYPES.get(random.nextInt(6)), null,
                random.nextBoolean() ? String.format("%d/%05d", received.getYear() % 100, random.nextInt(99999)) : null,
                null, received, due, null, "MONTHS".equals(type.trackedQuantity()) || "DAYS".equals(type.trackedQuantity())
                        ? received.plusMonths(6 + random.nextInt(12)) : null));
        int stage = random.nextInt(100);
        if (stage < 12 || workers.isEmpty()) {
            return;
        }
        measures.perform(id, MeasureAction.ASSIGN,
                new Measures.ActionInput(workers.get(random.nextInt(workers.size())), null, null, null));
        if (stage < 25) {
            if (random.nextBoolean()) {
                appointments.schedule(id, new Appointments.Schedule(
                        today.plusDays(1 + random.nextInt(14)).atTime(9 + random.nextInt(8), 0), 60,
                        AppointmentKind.OFFICE, null));
            }
            return;
        }
        LocalDate firstInterview = received.plusDays(random.nextInt(Math.max(1, type.firstInterviewDays() + 10)));
        if (firstInterview.isAfter(today)) {
            firstInterview = today;
        }
        UUID appointment = appointments.schedule(id, new Appointments.Schedule(firstInterview.atTime(10, 0), 60,
                random.nextInt(5) == 0 ? AppointmentKind.PRISON : AppointmentKind.OFFICE, null));
        appointments.recordAttendance(appointment, random.nextInt(6) == 0 ? Attendance.LATE : Attendance.PRESENT, null);
        if (stage < 70) {
            if (random.nextInt(3) == 0) {
                appointments.schedule(id, new Appointments.Schedule(
                        LocalDateTime.of(today.plusDays(1 + random.nextInt(20)), java.time.LocalTime.of(14, 0)), 45,
                        AppointmentKind.values()[random.nextInt(AppointmentKind.values().length)], null));
            }
            return;
        }
        if (stage < 76) {
            measures.perform(id, MeasureAction.SUSPEND, new Measures.ActionInput(null, null, null, "Incarcération"));
            return;
        }
        LocalDate end = firstInterview.plusDays(30 + random.nextInt(200));
        if (end.isAfter(today)) {
            end = today;
        }
        MeasureOutcome[] outcomes = {MeasureOutcome.COMPLETED, MeasureOutcome.COMPLETED, MeasureOutcome.COMPLETED,
                MeasureOutcome.LIFTED_BY_MAGISTRATE, MeasureOutcome.BREACHES_REPORTED, MeasureOutcome.REVOKED,
                MeasureOutcome.NOT_PRESENTED};
        measures.perform(id, MeasureAction.END,
                new Measures.ActionInput(null, end, outcomes[random.nextInt(outcomes.length)], null));
        if (stage >= 88) {
            closeWithFinalReport(id, end);
        }
    }

    /**
     * Closes a measure the way a service does: the final report is written, validated, sent to the
     * magistrate, and only then is the measure closed (the lifecycle refuses it otherwise).
     */
    private void closeWithFinalReport(UUID measure, LocalDate sentOn) {
        DemoPermissions.callWith(List.of("report:write", "report:validate"), () -> {
            UUID report = reports.create(measure, ReportKind.FINAL);
            for (ReportStatus.Move move : List.of(ReportStatus.Move.SUBMIT, ReportStatus.Move.VALIDATE)) {
                reports.move(report, move, null, null);
            }
            reports.move(report, ReportStatus.Move.SEND, null, sentOn);
            return report;
        });
        measures.perform(measure, MeasureAction.CLOSE, new Measures.ActionInput(null, sentOn, null, null));
    }
}
