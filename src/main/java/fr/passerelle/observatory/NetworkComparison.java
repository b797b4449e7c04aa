package fr.passerelle.observatory;

import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.observatory.NationalObservatory.Result;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * An association's figures beside the network's (issue 5: the national observatory also serves
 * "each association's comparison with the network"): for the dashboard's period rounded out to
 * whole months (the national aggregates count by month), the association's own value, computed
 * with every filter of its dashboard (a service head's forced to their service), and the rest of the
 * network's as the national observatory publishes it (every other sharing association, the same
 * measure type, field and court, every figure through the cell-key perturbation of ADR 0009: a count
 * whose perturbed value is below the threshold, or a median whose population's is below
 * {@link NationalObservatory#MEDIAN_THRESHOLD}, is "s"). The association's own records are left out
 * of the network's figures, so that changing them draws no new noise on the others'.
 *
 * <p>Not transactional on purpose: the association's figures run under its row-level security,
 * the network's in a transaction of their own under the observatory role.
 */
@Service
public class NetworkComparison {

    /** The figures compared: those both the association's indicators and the national aggregates hold. */
    public static final List<Indicator> INDICATORS = List.of(Indicator.MEASURES_RECEIVED, Indicator.MEASURES_ENDED,
            Indicator.MEDIAN_DURATION, Indicator.FIRST_INTERVIEW_MEDIAN_DELAY);

    /**
     * One figure: the association's value as shown, the network's as published.
     *
     * @param networkHidden whether the network's figure is covered by the statistical secret
     */
    public record Row(String id, String label, String own, String network, boolean networkHidden) {}

    /**
     * The comparison, or why there is none.
     *
     * @param from first month compared
     * @param to last month compared
     * @param rounded whether the months go beyond the dashboard's period (it did not start on a
     *     first or end on a last day of a month)
     * @param sharing associations whose figures make the network's
     * @param members member associations
     * @param unavailable message key saying why there is no comparison; null when there is one
     */
    public record Comparison(YearMonth from, YearMonth to, boolean rounded, int sharing, int members, List<Row> rows,
            String unavailable) {

        static Comparison none(YearMonth from, YearMonth to, boolean rounded, String reason) {
            return new Comparison(from, to, rounded, 0, 0, List.of(), reason);
        }
    }

    private final AssociationIndicators indicators;
    private final NationalObservatory observatory;
    private final MeasureCatalogue catalogue;
    private final MessageSource messages;

    NetworkComparison(AssociationIndicators indicators, NationalObservatory observatory, MeasureCatalogue catalogue,
            MessageSource messages) {
        this.indicators = indicators;
        this.observatory = observatory;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /**
     * The current association's figures of the months covering [from, to], beside the network's.
     * No comparison when those months are more than the observatory allows (ten years), or when
     * the measure type filter names no type of the association's catalogue.
     */
    public Comparison compare(LocalDate from, LocalDate to, AssociationIndicators.Filters filters, Locale locale) {
        return compare(from, to, filters, locale, null);
    }

    /**
     * The same, reusing the association's figures already computed with the same filters when they
     * are those of exactly the comparison's months ({@code known} may be null).
     */
    public Comparison compare(LocalDate from, LocalDate to, AssociationIndicators.Filters filters, Locale locale,
            AssociationIndicators.Result known) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        boolean rounded = from.getDayOfMonth() != 1 || !to.equals(last.atEndOfMonth());
        if (first.plusMonths(NationalObservatory.MAX_MONTHS).isBefore(last)) {
            return Comparison.none(first, last, rounded, "observatory.network.tooLong");
        }
        AssociationIndicators.Filters f = filters == null ? AssociationIndicators.Filters.none() : filters;
        String typeCode = null;
        if (f.measureTypeId() != null) {
            var type = catalogue.type(f.measureTypeId());
            if (type.isEmpty()) {
                return Comparison.none(first, last, rounded, "observatory.network.unknownType");
            }
            typeCode = type.get().code();
        }
        Result network;
        try {
            // The rest of the network: with its own records in, an association could change them to
            // draw new, independent noise on the same hidden count of the others (ADR 0009 §8).
            network = observatory.compute(first, last, new NationalObservatory.Filters(null, null, f.courtCode(), null,
                    f.fieldCode(), typeCode).excluding(TenantContext.currentOrganisationId().orElseThrow(
                            () -> new IllegalStateException("a comparison needs a current association"))),
                    Dimension.NETWORK_REGION);
        } catch (BusinessException refused) {
            return Comparison.none(first, last, rounded, refused.messageKey());
        }
        AssociationIndicators.Result own = known != null && known.from().equals(first.atDay(1))
                && known.to().equals(last.atEndOfMonth()) && known.filters().equals(f)
                && known.figures().keySet().containsAll(INDICATORS) ? known
                : indicators.compute(first.atDay(1), last.atEndOfMonth(), f, EnumSet.copyOf(INDICATORS));

        FigureFormat format = new FigureFormat(messages, locale);
        String hidden = format.message("observatory.hidden");
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : INDICATORS) {
            AssociationIndicators.Figure figure = own.get(indicator);
            String ownText = format.value(figure == null ? null : figure.value(), indicator.unit());
            Published published = published(indicator, network);
            rows.add(new Row(indicator.id(), format.message(indicator.labelKey()), ownText,
                    published.hidden() ? hidden : format.value(published.value(), indicator.unit()), published.hidden()));
        }
        return new Comparison(first, last, rounded, network.sharing(), network.members(), List.copyOf(rows), null);
    }

    private record Published(BigDecimal value, boolean hidden) {}

    /**
     * The network's figure: a count as perturbed, a median where its population passes its gate;
     * otherwise "s". No measure at all is "s" too (ADR 0009 §3: zeros are blanks, so that an empty
     * result is not told from a small one).
     */
    private static Published published(Indicator indicator, Result r) {
        if (r.empty()) {
            return new Published(null, true);
        }
        BigDecimal value = switch (indicator) {
            case MEASURES_RECEIVED -> count(r.received().total());
            case MEASURES_ENDED -> count(r.ended().grandTotal());
            case MEDIAN_DURATION -> r.medianDurationTotal();
            default -> r.medianFirstDelayTotal();
        };
        return new Published(value, value == null);
    }

    private static BigDecimal count(Long published) {
        return published == null ? null : BigDecimal.valueOf(published);
    }
}
