package fr.passerelle.demo;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Realistic volumes for the demo: every association but the flagship (whose caseload is made
 * through the page-level API by {@link DemoCaseData}) gets two demo case workers and a caseload of
 * persons and measures written through the measures module's bulk writer, with histories checked
 * by the lifecycle (assigned, in progress, suspended, ended with an outcome; never closed, as bulk
 * data has no final report sent), due dates and planned ends (so some are late). Deterministic: one seed per association, derived from its id.
 * One transaction per association; an association that already has case workers is skipped, so an
 * interrupted run resumes where it stopped.
 */
class DemoVolumes {

    private static final Logger LOG = LoggerFactory.getLogger(DemoVolumes.class);
    private static final List<String> PRESCRIBERS = Measures.PRESCRIBER_TYPES.subList(0, 8);
    private static final MeasureOutcome[] OUTCOMES = {MeasureOutcome.COMPLETED, MeasureOutcome.COMPLETED,
            MeasureOutcome.COMPLETED, MeasureOutcome.COMPLETED, MeasureOutcome.LIFTED_BY_MAGISTRATE,
            MeasureOutcome.BREACHES_REPORTED, MeasureOutcome.REVOKED, MeasureOutcome.NOT_PRESENTED,
            MeasureOutcome.TRANSFERRED};
    private static final List<String> WORKER_NAMES = List.of("Alex Morel", "Sam Girard", "Charlie Roux",
            "Dominique Faure", "Claude Lemoine", "Maxime Colin", "Morgan Perrin", "Lou Marchand");

    private final Organisations organisations;
    private final UserAccounts users;
    private final AssociationServices services;
    private final MeasureCatalogue catalogue;
    private final BulkCases bulk;
    private final Courts courts;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    DemoVolumes(Organisations organisations, UserAccounts users, AssociationServices services,
            MeasureCatalogue catalogue, BulkCases bulk, Courts courts, TransactionTemplate tx, AuditLog audit) {
        this.organisations = organisations;
        this.users = users;
        this.services = services;
        this.catalogue = catalogue;
        this.bulk = bulk;
        this.courts = courts;
        this.tx = tx;
        this.audit = audit;
    }

    /** Fills every association except {@code skipped}; returns how many were filled now. */
    int generate(int personsPerAssociation, UUID skipped, LocalDate today) {
        if (personsPerAssociation <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        int filled = 0;
        for (Map.Entry<UUID, List<String>> target : targets(skipped).entrySet()) {
            UUID association = target.getKey();
            Boolean done = TenantContext.callAs(association, () -> tx.execute(status ->
                    fill(association, target.getValue(), personsPerAssociation, today)));
            if (Boolean.TRUE.equals(done)) {
                filled++;
            }
        }
        LOG.info("Demo volumes: {} associations filled with {} persons each in {} ms", filled, personsPerAssociation,
                (System.nanoTime() - started) / 1_000_000);
        return filled;
    }

    /** The associations to fill (all active ones but {@code skipped} with a court in their département), with those courts. */
    Map<UUID, List<String>> targets(UUID skipped) {
        Map<String, List<Courts.JudicialCourt>> courtsByDepartement = courts.judicialCourts("", "").stream()
                .collect(Collectors.groupingBy(c -> String.valueOf(c.departementCode())));
        Map<UUID, List<String>> targets = new java.util.LinkedHashMap<>();
        for (UUID association : organisations.activeIds(OrganisationKind.ASSOCIATION)) {
            if (association.equals(skipped)) {
                continue;
            }
            Organisations.Organisation organisation = organisations.get(association);
            List<String> courtCodes = courtsByDepartement.getOrDefault(String.valueOf(organisation.departementCode()),
                    List.of()).stream().map(Courts.JudicialCourt::code).toList();
            if (!courtCodes.isEmpty()) {
                targets.put(association, courtCodes);
            }
        }
        return targets;
    }

    /** One association, in the current tenant and transaction; false when it already had its caseload. */
    boolean fill(UUID association, List<String> courtCodes, int personCount, LocalDate today) {
        if (!users.withRole(Roles.CASE_WORKER).isEmpty()) {
            return false;
        }
        Random random = seeded(association);
        String prefix = "demo." + association.toString().substring(0, 8);
        // The two case workers join the association's first service, so that "my service" shows both.
        UUID service = services.list().stream().map(AssociationServices.TeamService::id).findFirst().orElse(null);
        List<UUID> workers = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            workers.add(users.create(new UserAccounts.NewUser(prefix + "." + w,
                    WORKER_NAMES.get(random.nextInt(WORKER_NAMES.size())), prefix + "." + w + "@demo.passerelle.invalid",
                    DemoAccounts.PASSWORD, service, List.of(Roles.CASE_WORKER), true, true)));
        }
        BulkCases.Rules rules = bulk.rules();
        BulkCases.Written written = bulk.write(rules, rows(random, workers, rules, courtCodes, personCount, today));
        audit.record("demo.cases_generated", "organisation", association,
                Map.of("persons", written.persons(), "measures", written.measures()));
        return true;
    }

    /**
     * The rows {@link #fill} writes for an association, in the current tenant, with stand-ins for its
     * two case workers and without writing anything: what the README's counts are checked against.
     */
    List<BulkCases.CaseRow> plannedRows(UUID association, List<String> courtCodes, int personCount, LocalDate today) {
        Random random = seeded(association);
        for (int w = 1; w <= 2; w++) {
            random.nextInt(WORKER_NAMES.size());
        }
        return rows(random, List.of(new UUID(0, 1), new UUID(0, 2)), bulk.rules(), courtCodes, personCount, today);
    }

    private static Random seeded(UUID association) {
        return new Random(association.getMostSignificantBits() ^ association.getLeastSignificantBits());
    }

    private List<BulkCases.CaseRow> rows(Random random, List<UUID> workers, BulkCases.Rules rules,
            List<String> courtCodes, int personCount, LocalDate today) {
        List<MeasureCatalogue.MeasureType> types = catalogue.types().stream().filter(MeasureCatalogue.MeasureType::active)
                .toList();
        List<BulkCases.CaseRow> rows = new ArrayList<>();
        for (int p = 0; p < personCount; p++) {
            UUID person = Ids.newId();
            Persons.PersonData data = new Persons.PersonData(
                    DemoCaseData.LAST_NAMES.get(random.nextInt(DemoCaseData.LAST_NAMES.size())),
                    DemoCaseData.FIRST_NAMES.get(random.nextInt(DemoCaseData.FIRST_NAMES.size())),
                    LocalDate.of(1955 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextInt(100) < 82 ? "M" : "F", null, null, null, null, null, null, null);
            int measures = 1 + random.nextInt(3);
            for (int m = 0; m < measures; m++) {
                MeasureCatalogue.MeasureType type = types.get(random.nextInt(types.size()));
                Measures.Mandate mandate = mandate(type, courtCodes, random, today);
                if (!rules.mandateProblems(mandate).isEmpty()) {
                    continue;
                }
                rows.add(new BulkCases.CaseRow(person, m == 0 ? data : null, mandate, null, history(mandate, workers, random,
                        today)));
            }
        }
        return rows;
    }

    private static Measures.Mandate mandate(MeasureCatalogue.MeasureType type, List<String> courtCodes, Random random,
            LocalDate today) {
        LocalDate received = today.minusDays(random.nextInt(1095));
        boolean investigation = type.code().equals("ESR") || type.code().equals("EP") || type.code().equals("MJIE");
        LocalDate due = investigation ? received.plusDays(20 + random.nextInt(70))
                : random.nextInt(4) == 0 ? received.plusMonths(2 + random.nextInt(6)) : null;
        LocalDate plannedEnd = "MONTHS".equals(type.trackedQuantity()) || "DAYS".equals(type.trackedQuantity())
                ? received.plusMonths(6 + random.nextInt(13)) : null;
        BigDecimal ordered = null;
        if (type.quantityMin() != null && type.quantityMax() != null) {
            ordered = BigDecimal.valueOf(type.quantityMin()
                    + random.nextInt(Math.max(1, Math.min(type.quantityMax(), type.quantityMin() + 260) - type.quantityMin() + 1)));
        }
        String parquet = random.nextBoolean() ? String.format("%d/%05d", received.getYear() % 100, random.nextInt(99999)) : null;
        return new Measures.Mandate(type.id(), courtCodes.get(random.nextInt(courtCodes.size())),
                PRESCRIBERS.get(random.nextInt(PRESCRIBERS.size())), null, parquet, null, received, due, ordered,
                plannedEnd);
    }

    /** Older measures are mostly over; recent ones mostly open; a few are late on purpose. */
    private static List<BulkCases.Step> history(Measures.Mandate m, List<UUID> workers, Random random, LocalDate today) {
        List<BulkCases.Step> steps = new ArrayList<>();
        long age = java.time.temporal.ChronoUnit.DAYS.between(m.receivedOn(), today);
        int stage = random.nextInt(100);
        if (age > 365) {
            stage = 40 + stage * 60 / 100; // past a year: in progress at least, mostly ended
        }
        if (stage < 4) {
            steps.add(new BulkCases.Step(MeasureAction.CANCEL, null, null, null, "Mainlevée avant prise en charge"));
            return steps;
        }
        if (stage < 12 || age < 2) {
            return steps;
        }
        LocalDate assigned = before(m.receivedOn().plusDays(1 + random.nextInt(4)), today);
        steps.add(new BulkCases.Step(MeasureAction.ASSIGN, assigned, workers.get(random.nextInt(workers.size())), null, null));
        if (stage < 22) {
            return steps;
        }
        LocalDate firstInterview = before(assigned.plusDays(random.nextInt(35)), today);
        steps.add(new BulkCases.Step(MeasureAction.START, firstInterview, null, null, null));
        if (stage < 62) {
            return steps;
        }
        if (stage < 68) {
            steps.add(new BulkCases.Step(MeasureAction.SUSPEND, null, null, null, "Incarcération"));
            return steps;
        }
        LocalDate end = before(firstInterview.plusDays(30 + random.nextInt(300)), today);
        // Ended, not closed: closing needs a final report sent, which bulk data does not have.
        steps.add(new BulkCases.Step(MeasureAction.END, end, null, OUTCOMES[random.nextInt(OUTCOMES.length)], null));
        return steps;
    }

    private static LocalDate before(LocalDate date, LocalDate today) {
        return date.isAfter(today) ? today : date;
    }
}
