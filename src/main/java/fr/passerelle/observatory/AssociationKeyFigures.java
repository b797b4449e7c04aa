package fr.passerelle.observatory;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.network.Courts;
import fr.passerelle.observatory.AssociationIndicators.Breakdown;
import fr.passerelle.observatory.AssociationIndicators.Figure;
import fr.passerelle.observatory.AssociationIndicators.Filters;
import fr.passerelle.observatory.AssociationIndicators.Result;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownTable;
import fr.passerelle.observatory.KeyFiguresReport.Criterion;
import fr.passerelle.observatory.KeyFiguresReport.FigureRow;
import fr.passerelle.observatory.KeyFiguresReport.Unavailable;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key figures of the current association (the data source of its dashboard, exports and
 * "chiffres clés" PDF): every indicator the filters allow for a period and for the previous period
 * of the same length, computed by {@link AssociationIndicators} from its own measures, and the
 * breakdowns by measure type, by outcome, by sex and age band and by billed court; measure types
 * and courts are named, every text is in the reader's language.
 *
 * <p>Whose figures the signed-in user may see is decided here ({@link #scope()}): with
 * {@value #ASSOCIATION_WIDE} (directors) the whole association's, filtered as asked; otherwise
 * (service heads) their own service's only, whatever service the request names; a user of no
 * service gets none ({@code observatory.scope.noService}).
 */
@Service
public class AssociationKeyFigures {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Sexes in the order of the columns; UNKNOWN: not filled in. */
    private static final List<String> SEXES = List.of("F", "M", "X", "UNKNOWN");
    /** Period texts up to this length (a year) name the series of the breakdowns. */
    private static final int SHORT_PERIOD = 12;

    /** Sees every service of the association; without it, one's own service only. */
    public static final String ASSOCIATION_WIDE = "indicators:association";

    private final AssociationIndicators indicators;
    private final MeasureCatalogue catalogue;
    private final Courts courts;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final KeptFigures kept;
    private final UserAccounts users;
    private final AssociationServices services;

    AssociationKeyFigures(AssociationIndicators indicators, MeasureCatalogue catalogue, Courts courts,
            Organisations organisations, MessageSource messages, Clock clock, KeptFigures kept, UserAccounts users,
            AssociationServices services) {
        this.indicators = indicators;
        this.users = users;
        this.services = services;
        this.kept = kept;
        this.catalogue = catalogue;
        this.courts = courts;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    /** What to compute: the period, the previous period it is compared with, and the filters. */
    public record Request(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Filters filters) {}

    /**
     * Whose figures a user may see: the whole association, or one service (the user's own);
     * {@code service} null without the whole association: the user belongs to no service.
     */
    public record Scope(boolean wholeAssociation, UUID service, String serviceName) {

        public boolean noService() {
            return !wholeAssociation && service == null;
        }
    }

    /** The whole association: the scope of work the application does for itself ({@link #computeForSystem}). */
    private static final Scope SYSTEM = new Scope(true, null, null);

    /**
     * The scope of the signed-in user of the current association. Without a signed-in user it
     * refuses: the application's own work (a scheduled job) uses {@link #computeForSystem}, so that
     * a request that lost its user never gets the whole association.
     */
    @Transactional(readOnly = true)
    public Scope scope() {
        Optional<UUID> user = TenantContext.currentPrincipal().map(TenantPrincipal::userId);
        if (user.isEmpty()) {
            throw new IllegalStateException("association figures for a user need a signed-in user");
        }
        if (TenantContext.hasAuthority(ASSOCIATION_WIDE)) {
            return new Scope(true, null, null);
        }
        UUID own = users.get(user.get()).serviceId();
        String name = own == null ? null : services.list().stream().filter(s -> s.id().equals(own))
                .map(AssociationServices.TeamService::name).findFirst().orElse(null);
        return new Scope(false, own, name);
    }

    /** The request as the scope allows it: the service forced to the user's own unless they see the whole association. */
    private static Request scoped(Scope scope, Request request) {
        if (scope.wholeAssociation()) {
            return request;
        }
        if (scope.noService()) {
            throw BusinessException.invalid("observatory.scope.noService");
        }
        Filters f = request.filters() == null ? Filters.none() : request.filters();
        return new Request(request.from(), request.to(), request.previousFrom(), request.previousTo(),
                new Filters(scope.service(), f.measureTypeId(), f.courtCode(), f.workerId(), f.field()));
    }

    /** The figures of a request: its period and the previous one. */
    public record Computed(Request request, Result current, Result previous) {}

    /** What kept figures are computed from besides the association: the request and today's date. */
    private record KeptKey(Request request, LocalDate today) {}

    /**
     * The figures of the period and of the previous one, read together, or as computed before
     * when no change of the association's data reached them since ({@link KeptFigures}), within
     * the user's {@link #scope()} (the request of the result says which service was counted).
     */
    @Transactional(readOnly = true)
    public Computed compute(Request asked) {
        return compute(scope(), asked);
    }

    /**
     * The same within a scope the caller read with {@link #scope()} for the same request (a page
     * that needs the scope too reads it once).
     */
    @Transactional(readOnly = true)
    public Computed compute(Scope scope, Request asked) {
        Request request = scoped(scope, asked);
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow(
                () -> new IllegalStateException("association figures need a current organisation"));
        if (request.to() == null || request.previousTo() == null) {
            return computeNow(request); // refused there
        }
        LocalDate lastDay = request.to().isAfter(request.previousTo()) ? request.to() : request.previousTo();
        return kept.association(organisation, new KeptKey(request, LocalDate.now(clock.withZone(PARIS))), lastDay,
                () -> computeNow(request));
    }

    /**
     * The figures of the whole association, for work the application does for itself (a scheduled
     * job), never on behalf of a user.
     */
    @Transactional(readOnly = true)
    public Computed computeForSystem(Request request) {
        return compute(SYSTEM, request);
    }

    private Computed computeNow(Request request) {
        List<Result> both = indicators.compute(List.of(new AssociationIndicators.Period(request.from(), request.to()),
                new AssociationIndicators.Period(request.previousFrom(), request.previousTo())), request.filters(),
                EnumSet.allOf(Indicator.class));
        return new Computed(request, both.get(0), both.get(1));
    }

    /**
     * The report of the current association for a period compared with the previous one; the
     * period texts and criteria are the caller's (they know how the period was chosen).
     */
    @Transactional(readOnly = true)
    public KeyFiguresReport report(String title, String period, String previousPeriod, List<Criterion> criteria,
            Request request, Locale locale) {
        return report(title, period, previousPeriod, criteria, compute(request), locale);
    }

    /** The same from figures already computed. */
    public KeyFiguresReport report(String title, String period, String previousPeriod, List<Criterion> criteria,
            Computed computed, Locale locale) {
        Request request = computed.request();
        Result current = computed.current();
        Result previous = computed.previous();
        FigureFormat format = new FigureFormat(messages, locale);

        List<FigureRow> rows = new ArrayList<>();
        List<Unavailable> unavailable = new ArrayList<>();
        Set<Dimension> asked = EnumSet.noneOf(Dimension.class);
        asked.addAll(request.filters() == null ? Set.of() : request.filters().dimensions());
        for (Indicator indicator : Indicator.values()) {
            Figure figure = current.get(indicator);
            if (figure == null) {
                unavailable.add(new Unavailable(indicator.id(), format.message(indicator.labelKey()),
                        reason(indicator, asked, format)));
                continue;
            }
            Figure before = previous.get(indicator);
            rows.add(format.row(indicator, figure.value(), before == null ? null : before.value()));
        }

        Map<String, String> typeLabels = new LinkedHashMap<>();
        catalogue.types().forEach(t -> typeLabels.put(t.code(), t.label()));
        List<BreakdownTable> breakdowns = new ArrayList<>();
        // A year names its series ("2025", "2024"); a longer period would not fit a legend.
        boolean shortNames = period.length() <= SHORT_PERIOD && previousPeriod.length() <= SHORT_PERIOD;
        String now = shortNames ? period : format.message("observatory.series.period");
        String then = shortNames ? previousPeriod : format.message("observatory.series.previous");
        comparison(breakdowns, "byType", Indicator.MEASURES_RECEIVED, Dimension.MEASURE_TYPE, current, previous,
                format, List.of(now, then), byOrder(new ArrayList<>(typeLabels.keySet())),
                code -> typeLabels.getOrDefault(code, code));
        comparison(breakdowns, "byOutcome", Indicator.MEASURES_ENDED, Dimension.OUTCOME, current, previous, format,
                List.of(now, then), byOrder(Arrays.stream(MeasureOutcome.values()).map(Enum::name).toList()),
                code -> format.message("measure.outcome." + code));
        sexAndAge(breakdowns, current.get(Indicator.PEOPLE_ACCOMPANIED), format);
        Map<String, String> courtNames = courtNames(current, previous);
        comparison(breakdowns, "byCourt", Indicator.AMOUNT_BILLED, Dimension.TRIBUNAL, current, previous, format,
                List.of(now, then), Comparator.comparing(code -> courtNames.getOrDefault(code, code)),
                code -> courtNames.getOrDefault(code, code));

        String subject = TenantContext.currentOrganisationId().flatMap(organisations::find)
                .map(Organisations.Organisation::name).orElse("");
        return new KeyFiguresReport(title, subject, period, previousPeriod, List.copyOf(criteria), List.copyOf(rows),
                List.copyOf(unavailable), List.copyOf(breakdowns), LocalDate.now(clock.withZone(PARIS)));
    }

    /** Why an indicator cannot be given: the filters that are not among its dimensions. */
    private static String reason(Indicator indicator, Set<Dimension> asked, FigureFormat format) {
        List<String> refused = asked.stream().filter(d -> !indicator.allows(d))
                .map(d -> format.message(d.labelKey()).toLowerCase(format.locale())).toList();
        return format.message("observatory.unavailable.reason", String.join(", ", refused));
    }

    /**
     * A breakdown of one indicator by one dimension, the period beside the previous one; the
     * table is left out when the filters do not allow the indicator.
     */
    private static void comparison(List<BreakdownTable> tables, String id, Indicator indicator, Dimension dimension,
            Result current, Result previous, FigureFormat format, List<String> series, Comparator<String> order,
            Function<String, String> label) {
        Figure now = current.get(indicator);
        if (now == null) {
            return;
        }
        Breakdown a = now.by(dimension);
        Figure before = previous.get(indicator);
        Breakdown b = before == null ? null : before.by(dimension);
        Set<String> keys = new LinkedHashSet<>();
        a.cells().forEach(c -> keys.add(c.keys().get(0)));
        if (b != null) {
            b.cells().forEach(c -> keys.add(c.keys().get(0)));
        }
        List<BreakdownRow> rows = keys.stream().sorted(order).map(key -> {
            BigDecimal x = orZero(a.value(key));
            BigDecimal y = b == null ? null : orZero(b.value(key));
            return new BreakdownRow(label.apply(key), Arrays.asList(x, y),
                    List.of(format.number(x, indicator.unit()), y == null ? "" : format.number(y, indicator.unit())));
        }).toList();
        tables.add(new BreakdownTable(id, format.message("observatory.breakdown." + id),
                format.message(dimension.labelKey()), format.message(indicator.unit().labelKey()), series, rows, false));
    }

    /** People by age band (rows) and sex (columns), with a total column. */
    private static void sexAndAge(List<BreakdownTable> tables, Figure people, FigureFormat format) {
        if (people == null) {
            return;
        }
        Breakdown both = people.by(Dimension.SEX, Dimension.AGE_BAND);
        List<String> sexes = SEXES.stream()
                .filter(s -> both.cells().stream().anyMatch(c -> c.keys().get(0).equals(s))).toList();
        List<String> series = new ArrayList<>(sexes.stream().map(s -> sexLabel(s, format)).toList());
        series.add(format.message("observatory.series.total"));
        List<BreakdownRow> rows = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            BigDecimal total = people.by(Dimension.AGE_BAND).value(band.name());
            if (total == null) {
                continue;
            }
            List<BigDecimal> values = new ArrayList<>();
            sexes.forEach(s -> values.add(orZero(both.value(List.of(s, band.name())))));
            values.add(total);
            rows.add(new BreakdownRow(format.message(band.labelKey()), values,
                    values.stream().map(v -> format.number(v, Indicator.Unit.COUNT)).toList()));
        }
        tables.add(new BreakdownTable("bySexAndAge", format.message("observatory.breakdown.bySexAndAge"),
                format.message(Dimension.AGE_BAND.labelKey()), format.message(Indicator.Unit.COUNT.labelKey()), series,
                rows, true));
    }

    private static String sexLabel(String sex, FigureFormat format) {
        return format.message("observatory.sex." + sex);
    }

    private Map<String, String> courtNames(Result current, Result previous) {
        Set<String> codes = new LinkedHashSet<>();
        for (Result r : List.of(current, previous)) {
            Figure billed = r.get(Indicator.AMOUNT_BILLED);
            if (billed != null) {
                billed.by(Dimension.TRIBUNAL).cells().forEach(c -> codes.add(c.keys().get(0)));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        courts.judicialCourts(codes).forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    private static Comparator<String> byOrder(List<String> order) {
        return Comparator.<String>comparingInt(k -> order.indexOf(k) < 0 ? Integer.MAX_VALUE : order.indexOf(k))
                .thenComparing(Comparator.naturalOrder());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
