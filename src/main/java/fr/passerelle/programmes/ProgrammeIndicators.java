package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.require;

import fr.passerelle.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A programme's indicators, computed from what is recorded in it and never typed: one call to the
 * database function {@code programme_figures} (aggregates only, so that whoever follows the
 * programme reads them without reading a beneficiary), and the money spent. Each figure has a
 * definition, shown beside it on the page, in the exports and in the report for the CLSPD.
 */
@Service
public class ProgrammeIndicators {

    /** Exit outcomes counted as positive. */
    public static final List<String> POSITIVE_OUTCOMES = List.of("JOB", "TRAINING", "SCHOOL", "GARANTIE_JEUNES");

    private final JdbcClient jdbc;
    private final ProgrammeMoney money;
    private final JsonMapper json;

    ProgrammeIndicators(JdbcClient jdbc, ProgrammeMoney money, JsonMapper json) {
        this.jdbc = jdbc;
        this.money = money;
        this.json = json;
    }

    /**
     * The figures of a programme.
     *
     * @param admittedBySex admitted beneficiaries by sex then "MINOR" / "ADULT" (F_MINOR, F_ADULT...)
     * @param exitsByOutcome exits by outcome, every outcome present
     * @param orientationsByKind orientations by kind, every kind present
     * @param spent money spent (budget lines)
     */
    public record Figures(long liaisons, long pending, long admitted, long refused, long waiting,
            Map<String, Long> admittedBySex, long consents, long contractsSigned, long contractsCompleted,
            long contractsBroken, long exits, long positiveExits, Map<String, Long> exitsByOutcome, long expected,
            long present, long late, long orientations, long orientedPeople, Map<String, Long> orientationsByKind,
            long contacts, BigDecimal spent) {

        public long minors() {
            return admittedBySex.entrySet().stream().filter(e -> e.getKey().endsWith("_MINOR"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long sexCount(String sex) {
            return admittedBySex.getOrDefault(sex + "_MINOR", 0L) + admittedBySex.getOrDefault(sex + "_ADULT", 0L);
        }

        /** Present over expected, in percent; null before any attendance is recorded. */
        public BigDecimal assiduity() {
            return percent(present, expected);
        }

        /** On time over present, in percent. */
        public BigDecimal punctuality() {
            return percent(present - late, present);
        }

        public BigDecimal positiveExitRate() {
            return percent(positiveExits, exits);
        }

        /** Contracts completed over contracts ended (completed or broken). */
        public BigDecimal contractCompletionRate() {
            return percent(contractsCompleted, contractsCompleted + contractsBroken);
        }

        public BigDecimal costPerBeneficiary() {
            return admitted == 0 ? null : spent.divide(BigDecimal.valueOf(admitted), 2, RoundingMode.HALF_UP);
        }

        /** The value of a measure, as a number (a percentage for rates), null when it cannot be computed yet. */
        public BigDecimal value(ProgrammeMeasure measure) {
            return switch (measure) {
                case LIAISONS -> BigDecimal.valueOf(liaisons);
                case ADMITTED -> BigDecimal.valueOf(admitted);
                case MINORS -> BigDecimal.valueOf(minors());
                case ASSIDUITY -> assiduity();
                case PUNCTUALITY -> punctuality();
                case ORIENTATIONS -> BigDecimal.valueOf(orientations);
                case POSITIVE_EXITS -> positiveExitRate();
                case CONTRACTS_COMPLETED -> contractCompletionRate();
                case CONTACTS -> BigDecimal.valueOf(contacts);
                case COST_PER_BENEFICIARY -> costPerBeneficiary();
            };
        }

        static BigDecimal percent(long part, long whole) {
            return whole == 0 ? null
                    : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    /** Whether a measure is a rate (shown with "%"), an amount (in euros) or a count. */
    public static String unit(ProgrammeMeasure measure) {
        return switch (measure) {
            case ASSIDUITY, PUNCTUALITY, POSITIVE_EXITS, CONTRACTS_COMPLETED -> "PERCENT";
            case COST_PER_BENEFICIARY -> "EUROS";
            default -> "COUNT";
        };
    }

    /** The figures of one programme of the current organisation. */
    @Transactional(readOnly = true)
    public Figures figures(UUID programme) {
        require(Programmes.READ);
        JsonNode f = json.readTree(jdbc.sql("select programme_figures(?)::text").param(programme)
                .query(String.class).single());
        if (!f.path("found").asBoolean(false)) {
            throw BusinessException.notFound();
        }
        return new Figures(f.path("liaisons").asLong(), f.path("pending").asLong(), f.path("admitted").asLong(),
                f.path("refused").asLong(), f.path("waiting").asLong(),
                counts(f.path("admittedBySex"), List.of("F_MINOR", "F_ADULT", "M_MINOR", "M_ADULT", "X_MINOR", "X_ADULT")),
                f.path("consents").asLong(), f.path("contractsSigned").asLong(), f.path("contractsCompleted").asLong(),
                f.path("contractsBroken").asLong(), f.path("exits").asLong(), f.path("positiveExits").asLong(),
                counts(f.path("exitsByOutcome"), ProgrammeBeneficiaries.EXIT_OUTCOMES), f.path("expected").asLong(),
                f.path("present").asLong(), f.path("late").asLong(), f.path("orientations").asLong(),
                f.path("orientedPeople").asLong(),
                counts(f.path("orientationsByKind"), ProgrammeBeneficiaries.ORIENTATION_KINDS),
                f.path("contacts").asLong(), money.totals(programme).spent());
    }

    private static Map<String, Long> counts(JsonNode node, List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, node.path(k).asLong(0)));
        return counts;
    }
}
