package fr.passerelle.observatory.web;

import fr.passerelle.observatory.FigureFormat;
import fr.passerelle.observatory.Indicator;
import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.partners.PartnerFigures;
import fr.passerelle.partners.PartnerFigures.LevelsOfType;
import fr.passerelle.partners.PartnerFigures.Occupancy;
import fr.passerelle.partners.PartnerFigures.SiteOccupancy;
import fr.passerelle.partners.ReferralFigures;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partners section of the association dashboard, for the readers of partners
 * ({@code partner:read}): the occupancy rate of each partner site with places by month of the
 * dashboard's period (its last {@value #MONTHS} months at most), and the partners by type and
 * current partnership level, each as a chart and a table, the orientations (referrals) sent in the
 * same months by partner type with their acceptance rate and median delays, and all of it as rows of
 * the dashboard's export.
 * Computed by the partners module ({@link PartnerFigures}) for the whole association, whatever the
 * service filter: partners are the association's.
 */
@Component
class PartnersDashboard {

    /** The most months the occupancy table shows (the last ones of the period). */
    static final int MONTHS = 12;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy");

    /** A site's line: its label (partner – site), type, rate of each month, rate of the period, place-days. */
    record SiteRow(String label, String type, List<String> rates, String total, long available, long booked) {}

    /** A partner type's line: its label, then the counts of levels 1 to 4, not assessed, and the total. */
    record LevelRow(String label, List<Long> counts) {}

    /**
     * The section.
     *
     * @param from the first day counted (the period's, or that of its last {@value #MONTHS} months)
     * @param clipped whether the period was longer and only its last months are shown
     */
    record Section(LocalDate from, LocalDate to, boolean clipped, List<String> months, List<SiteRow> sites,
            String totalRate, List<String> levelColumns, List<LevelRow> levels, String occupancyChart,
            String levelsChart, ReferralFigures.Figures referrals) {

        boolean empty() {
            return sites.isEmpty() && levels.isEmpty() && referrals.empty();
        }
    }

    private final PartnerFigures figures;
    private final ReferralFigures referrals;
    private final MessageSource messages;
    private final JsonMapper json;

    PartnersDashboard(PartnerFigures figures, ReferralFigures referrals, MessageSource messages, JsonMapper json) {
        this.figures = figures;
        this.referrals = referrals;
        this.messages = messages;
        this.json = json;
    }

    /** The section for the period, or none for a user who may not read partners. */
    Optional<Section> section(LocalDate from, LocalDate to, Locale locale) {
        if (!TenantContext.hasAuthority(PartnerDirectory.READ)) {
            return Optional.empty();
        }
        LocalDate first = YearMonth.from(to).minusMonths(MONTHS - 1L).atDay(1);
        boolean clipped = from.isBefore(first);
        LocalDate start = clipped ? first : from;
        FigureFormat format = new FigureFormat(messages, locale);
        List<SiteOccupancy> occupancy = figures.occupancy(start, to);
        List<YearMonth> months = occupancy.isEmpty() ? List.of()
                : List.copyOf(occupancy.get(0).months().keySet());
        List<SiteRow> sites = new ArrayList<>();
        Occupancy all = Occupancy.NONE;
        for (SiteOccupancy s : occupancy) {
            Occupancy total = s.total();
            all = all.plus(total);
            sites.add(new SiteRow(s.partnerName() + " – " + s.siteName(),
                    format.message("partners.type." + s.partnerType()),
                    s.months().values().stream().map(o -> rate(format, o.rate())).toList(), rate(format, total.rate()),
                    total.availableDays(), total.bookedDays()));
        }
        List<String> levelColumns = new ArrayList<>();
        PartnerDirectory.LEVELS.forEach(l -> levelColumns.add(format.message("partners.level." + l)));
        levelColumns.add(format.message("partners.level.none"));
        List<LevelRow> levels = figures.levelsByType().stream()
                .map(t -> new LevelRow(format.message("partners.type." + t.partnerType()),
                        List.of(t.level1(), t.level2(), t.level3(), t.level4(), t.notAssessed())))
                .toList();
        return Optional.of(new Section(start, to, clipped,
                months.stream().map(m -> MONTH.withLocale(locale).format(m)).toList(), sites,
                rate(format, all.rate()), levelColumns, levels, occupancyChart(sites, occupancy),
                levelsChart(levelColumns, levels), referrals.of(start, to)));
    }

    private static String rate(FigureFormat format, BigDecimal rate) {
        return rate == null ? "—" : format.value(rate, Indicator.Unit.PERCENT);
    }

    /** The rate of each site over the period, as bars (sites without available place-day left out). */
    private String occupancyChart(List<SiteRow> rows, List<SiteOccupancy> sites) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Integer> shown = IntStream.range(0, sites.size()).filter(i -> sites.get(i).total().rate() != null)
                .boxed().toList();
        data.put("labels", shown.stream().map(i -> rows.get(i).label()).toList());
        data.put("values", shown.stream().map(i -> sites.get(i).total().rate()).toList());
        return json.writeValueAsString(data);
    }

    /** The partners of each type by level, as grouped bars (one series per level). */
    private String levelsChart(List<String> columns, List<LevelRow> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "groupedBars");
        data.put("labels", rows.stream().map(LevelRow::label).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            series.add(Map.of("name", columns.get(c), "values", rows.stream().map(r -> r.counts().get(column)).toList()));
        }
        data.put("series", series);
        return json.writeValueAsString(data);
    }

    /** The section's tables as rows of the dashboard's export, after its own. */
    void export(Section section, IndicatorsController.Sheet sheet, Locale locale) {
        FigureFormat format = new FigureFormat(messages, locale);
        sheet.add(List.of());
        sheet.heading(List.of(format.message("observatory.partners.occupancy.title")));
        List<Object> header = new ArrayList<>(List.of(format.message("observatory.partners.col.site"),
                format.message("observatory.partners.col.type")));
        header.addAll(section.months());
        header.addAll(List.of(format.message("observatory.partners.col.period"),
                format.message("observatory.partners.col.available"), format.message("observatory.partners.col.booked")));
        sheet.heading(header);
        for (SiteRow r : section.sites()) {
            List<Object> row = new ArrayList<>(List.of(r.label(), r.type()));
            row.addAll(r.rates());
            row.addAll(List.of(r.total(), r.available(), r.booked()));
            sheet.add(row);
        }
        sheet.add(List.of());
        sheet.heading(List.of(format.message("observatory.partners.levels.title")));
        List<Object> levelsHeader = new ArrayList<>(List.of(format.message("observatory.partners.col.partnerType")));
        levelsHeader.addAll(section.levelColumns());
        sheet.heading(levelsHeader);
        for (LevelRow r : section.levels()) {
            List<Object> row = new ArrayList<>(List.of(r.label()));
            row.addAll(r.counts());
            sheet.add(row);
        }
        sheet.add(List.of());
        sheet.heading(List.of(format.message("observatory.partners.referrals.title")));
        sheet.heading(List.of(format.message("referral.figures.type"), format.message("referral.figures.sent"),
                format.message("referral.figures.accepted"), format.message("referral.figures.refused"),
                format.message("referral.figures.noAnswer"), format.message("referral.figures.entered"),
                format.message("observatory.partners.referrals.ratePercent"),
                format.message("observatory.partners.referrals.toAnswerDays"),
                format.message("observatory.partners.referrals.toEntryDays")));
        for (ReferralFigures.Line l : section.referrals().byType()) {
            sheet.add(referralRow(format.message("partners.type." + l.partnerType()), l));
        }
        if (!section.referrals().empty()) {
            sheet.add(referralRow(format.message("referral.figures.total"), section.referrals().total()));
        }
    }

    private static List<Object> referralRow(String label, ReferralFigures.Line l) {
        List<Object> row = new ArrayList<>(List.of(label, l.sent(), l.accepted(), l.refused(), l.noAnswer(), l.entered()));
        row.add(l.acceptanceRate() == null ? "" : l.acceptanceRate());
        row.add(l.medianDaysToAnswer() == null ? "" : l.medianDaysToAnswer());
        row.add(l.medianDaysToEntry() == null ? "" : l.medianDaysToEntry());
        return row;
    }
}
