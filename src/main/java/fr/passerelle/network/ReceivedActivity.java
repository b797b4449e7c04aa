package fr.passerelle.network;

import java.time.YearMonth;
import java.util.Map;

/**
 * Where measures of a type were actually received, for the map of the offer: provided by the
 * national observatory (which depends on this module, not the other way round), from its aggregates
 * only, with its perturbation and suppression (ADR 0009): a court whose count is not published is
 * absent, so no count from 1 to 4 ever reaches the map.
 */
public interface ReceivedActivity {

    /**
     * The measures of a type received over the last twelve closed months (up to last month), by court.
     * National figures: to be shown only to readers of the national observatory (ADR 0009 §9).
     *
     * @param from first month counted
     * @param to last month counted
     * @param byCourt published (perturbed) counts by court code; courts with no published count are absent
     */
    record Received(YearMonth from, YearMonth to, Map<String, Long> byCourt) {}

    Received received(String typeCode);
}
