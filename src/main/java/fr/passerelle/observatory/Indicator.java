package fr.passerelle.observatory;

import static fr.passerelle.observatory.Dimension.AGE_BAND;
import static fr.passerelle.observatory.Dimension.COUR_APPEL;
import static fr.passerelle.observatory.Dimension.DEPARTEMENT;
import static fr.passerelle.observatory.Dimension.FIELD;
import static fr.passerelle.observatory.Dimension.MEASURE_TYPE;
import static fr.passerelle.observatory.Dimension.NETWORK_REGION;
import static fr.passerelle.observatory.Dimension.OUTCOME;
import static fr.passerelle.observatory.Dimension.PERIOD;
import static fr.passerelle.observatory.Dimension.SERVICE;
import static fr.passerelle.observatory.Dimension.SEX;
import static fr.passerelle.observatory.Dimension.TRIBUNAL;
import static fr.passerelle.observatory.Dimension.WORKER;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of indicators: what the dashboards and the national observatory show. Each has an
 * id (used in message keys {@code observatory.indicator.<id>.label} and {@code .definition}, shown
 * to users next to the figure), a unit, how it aggregates, what it counts, and the dimensions it
 * may be broken down by. The definitions in the message files are the reference for how each
 * figure is computed from the measures module's data (statuses, dated transitions, deadlines,
 * follow-up log, incidents, reports, billing statements).
 *
 * <p>Suppression: a {@link Aggregation#COUNT} is published through the small-cell suppression as a
 * table of counts; any other figure is published only where the count of its {@link Population}
 * in the same breakdown is shown (a median of three durations would describe three people).
 */
public enum Indicator {

    MEASURES_RECEIVED("measuresReceived", Unit.COUNT, Aggregation.COUNT, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    MEASURES_ACTIVE("measuresActive", Unit.COUNT, Aggregation.COUNT, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    MEASURES_ENDED("measuresEnded", Unit.COUNT, Aggregation.COUNT, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, OUTCOME, SERVICE, WORKER)),
    MEDIAN_DURATION("medianDuration", Unit.DAYS, Aggregation.MEDIAN, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, OUTCOME, SERVICE, WORKER)),
    FIRST_INTERVIEW_MEDIAN_DELAY("firstInterviewMedianDelay", Unit.DAYS, Aggregation.MEDIAN, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    FIRST_INTERVIEW_WITHIN_DEADLINE("firstInterviewWithinDeadline", Unit.PERCENT, Aggregation.SHARE,
            Population.MEASURES, geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    REPORTS_ON_TIME("reportsOnTime", Unit.PERCENT, Aggregation.SHARE, Population.REPORTS,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    HOURS_COMPLETED("hoursCompleted", Unit.HOURS, Aggregation.SUM, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    HOURS_COMPLETED_VS_ORDERED("hoursCompletedVsOrdered", Unit.PERCENT, Aggregation.SHARE, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    DAYS_COMPLETED("daysCompleted", Unit.DAYS, Aggregation.SUM, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    DAYS_COMPLETED_VS_ORDERED("daysCompletedVsOrdered", Unit.PERCENT, Aggregation.SHARE, Population.MEASURES,
            geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    INCIDENTS_PER_100_MEASURES("incidentsPer100Measures", Unit.PER_100_MEASURES, Aggregation.RATE,
            Population.MEASURES, geography(FIELD, MEASURE_TYPE, PERIOD, SERVICE, WORKER)),
    PEOPLE_ACCOMPANIED("peopleAccompanied", Unit.COUNT, Aggregation.COUNT, Population.PERSONS,
            geography(FIELD, MEASURE_TYPE, PERIOD, SEX, AGE_BAND, SERVICE)),
    AMOUNT_BILLED("amountBilled", Unit.EUROS, Aggregation.SUM, Population.BILLING_STATEMENTS,
            geography(FIELD, MEASURE_TYPE, PERIOD)),
    AMOUNT_AWAITING_PAYMENT("amountAwaitingPayment", Unit.EUROS, Aggregation.SUM, Population.BILLING_STATEMENTS,
            geography(PERIOD)),
    PAYMENT_MEDIAN_DELAY("paymentMedianDelay", Unit.DAYS, Aggregation.MEDIAN, Population.BILLING_STATEMENTS,
            geography(PERIOD));

    /** What a figure is expressed in. */
    public enum Unit {
        COUNT, DAYS, PERCENT, HOURS, EUROS, PER_100_MEASURES;

        public String labelKey() {
            return "observatory.unit." + name();
        }
    }

    /** How a figure is made from its population, which says how it may be added up and protected. */
    public enum Aggregation {
        /** A number of measures, people...: adds up across a dimension; suppressed cell by cell. */
        COUNT,
        /** A total of hours, days or euros: adds up; shown where its population count is shown. */
        SUM,
        /** A median: does not add up; shown where its population count is shown. */
        MEDIAN,
        /** A percentage of its population: does not add up; shown where its population count is shown. */
        SHARE,
        /** A number of events per 100 of its population: does not add up; same rule. */
        RATE
    }

    /** What the figure is about, whose count decides whether it can be shown. */
    public enum Population { MEASURES, PERSONS, REPORTS, BILLING_STATEMENTS }

    private final String id;
    private final Unit unit;
    private final Aggregation aggregation;
    private final Population population;
    private final Set<Dimension> dimensions;

    Indicator(String id, Unit unit, Aggregation aggregation, Population population, Set<Dimension> dimensions) {
        this.id = id;
        this.unit = unit;
        this.aggregation = aggregation;
        this.population = population;
        this.dimensions = Collections.unmodifiableSet(dimensions);
    }

    /** The four geographical dimensions, plus the given ones. */
    private static Set<Dimension> geography(Dimension... others) {
        Set<Dimension> set = EnumSet.of(NETWORK_REGION, COUR_APPEL, TRIBUNAL, DEPARTEMENT);
        set.addAll(Arrays.asList(others));
        return set;
    }

    public String id() {
        return id;
    }

    public String labelKey() {
        return "observatory.indicator." + id + ".label";
    }

    public String definitionKey() {
        return "observatory.indicator." + id + ".definition";
    }

    public Unit unit() {
        return unit;
    }

    public Aggregation aggregation() {
        return aggregation;
    }

    public Population population() {
        return population;
    }

    /** The dimensions it may be broken down by, inside an association. */
    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /** The dimensions the national observatory may use. */
    public Set<Dimension> nationalDimensions() {
        Set<Dimension> national = EnumSet.noneOf(Dimension.class);
        dimensions.stream().filter(Dimension::national).forEach(national::add);
        return Collections.unmodifiableSet(national);
    }

    public boolean allows(Dimension dimension) {
        return dimensions.contains(dimension);
    }

    /** The indicator with this id, as used in addresses and message keys. */
    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
