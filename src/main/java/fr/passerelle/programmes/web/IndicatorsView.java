package fr.passerelle.programmes.web;

import fr.passerelle.programmes.ProgrammeBeneficiaries;
import fr.passerelle.programmes.ProgrammeIndicators;
import fr.passerelle.programmes.ProgrammeMeasure;
import fr.passerelle.programmes.Programmes;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A programme's indicators as the page, the exports and the report show them: every computed
 * measure with its value and definition, the programme's own indicators with the value of the
 * measure each is tied to (or "not computed"), the breakdowns as tables and chart data. Labels and
 * numbers in the reader's language.
 */
record IndicatorsView(List<Row> measures, List<AdoptedRow> adopted, List<Breakdown> breakdowns) {

    /** A computed measure. */
    record Row(String key, String label, String value, String definition) {}

    /** One of the programme's indicators. */
    record AdoptedRow(String label, String measureLabel, String value) {}

    /** A breakdown: its id, title, column headers and rows of counts, and its chart data. */
    record Breakdown(String id, String title, List<String> columns, List<BreakdownRow> rows, String chart) {

        public long max() {
            return rows.stream().flatMap(r -> r.counts().stream()).mapToLong(Long::longValue).max().orElse(0);
        }
    }

    record BreakdownRow(String label, List<Long> counts) {}

    static IndicatorsView of(Programmes.Programme programme, ProgrammeIndicators.Figures figures, MessageSource messages,
            Locale locale, JsonMapper json) {
        List<Row> rows = new ArrayList<>();
        for (ProgrammeMeasure m : ProgrammeMeasure.values()) {
            rows.add(new Row(m.name(), messages.getMessage("programme.measure." + m, null, locale),
                    format(m, figures.value(m), messages, locale),
                    messages.getMessage("programme.measure." + m + ".definition", null, locale)));
        }
        List<AdoptedRow> adopted = programme.indicators().stream().map(i -> new AdoptedRow(i.label(),
                i.measure() == null ? messages.getMessage("programme.measure.none", null, locale)
                        : messages.getMessage("programme.measure." + i.measure(), null, locale),
                i.measure() == null ? messages.getMessage("programme.indicator.notComputed", null, locale)
                        : format(i.measure(), figures.value(i.measure()), messages, locale))).toList();

        List<Breakdown> breakdowns = new ArrayList<>();
        String minor = messages.getMessage("programme.age.MINOR", null, locale);
        String adult = messages.getMessage("programme.age.ADULT", null, locale);
        List<BreakdownRow> bySex = new ArrayList<>();
        for (String sex : ProgrammeBeneficiaries.SEXES) {
            bySex.add(new BreakdownRow(messages.getMessage("programme.sex." + sex, null, locale), List.of(
                    figures.admittedBySex().get(sex + "_MINOR"), figures.admittedBySex().get(sex + "_ADULT"))));
        }
        breakdowns.add(breakdown("programme-by-sex", messages.getMessage("programme.breakdown.bySex", null, locale),
                List.of(minor, adult), bySex, json));
        breakdowns.add(single("programme-orientations", messages.getMessage("programme.breakdown.orientations", null, locale),
                messages.getMessage("programme.breakdown.count", null, locale), figures.orientationsByKind(),
                "programme.orientation.kind.", messages, locale, json));
        breakdowns.add(single("programme-exits", messages.getMessage("programme.breakdown.exits", null, locale),
                messages.getMessage("programme.breakdown.count", null, locale), figures.exitsByOutcome(),
                "programme.exit.outcome.", messages, locale, json));
        return new IndicatorsView(rows, adopted, breakdowns);
    }

    private static Breakdown single(String id, String title, String column, Map<String, Long> counts, String prefix,
            MessageSource messages, Locale locale, JsonMapper json) {
        List<BreakdownRow> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(new BreakdownRow(messages.getMessage(prefix + key, null, locale), List.of(n))));
        return breakdown(id, title, List.of(column), rows, json);
    }

    private static Breakdown breakdown(String id, String title, List<String> columns, List<BreakdownRow> rows,
            JsonMapper json) {
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> labels = rows.stream().map(BreakdownRow::label).toList();
        if (columns.size() == 1) {
            chart.put("labels", labels);
            chart.put("values", rows.stream().map(r -> r.counts().get(0)).toList());
        } else {
            chart.put("kind", "groupedBars");
            chart.put("labels", labels);
            List<Map<String, Object>> series = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int column = c;
                series.add(Map.of("name", columns.get(c), "values", rows.stream().map(r -> r.counts().get(column)).toList()));
            }
            chart.put("series", series);
        }
        return new Breakdown(id, title, columns, rows, json.writeValueAsString(chart));
    }

    static String format(ProgrammeMeasure measure, BigDecimal value, MessageSource messages, Locale locale) {
        if (value == null) {
            return messages.getMessage("programme.indicator.notYet", null, locale);
        }
        return switch (ProgrammeIndicators.unit(measure)) {
            case "PERCENT" -> {
                NumberFormat f = NumberFormat.getNumberInstance(locale);
                f.setMinimumFractionDigits(1);
                f.setMaximumFractionDigits(1);
                yield f.format(value) + "\u00a0%";
            }
            case "EUROS" -> {
                NumberFormat f = NumberFormat.getCurrencyInstance(locale.getLanguage().equals("fr") ? Locale.FRANCE : locale);
                f.setCurrency(java.util.Currency.getInstance("EUR"));
                yield f.format(value);
            }
            default -> NumberFormat.getIntegerInstance(locale).format(value);
        };
    }
}
