package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sums up submitted answers, item by item (pure: the answers in, the results out). */
final class ResultTally {

    /** A submitted answer: its association, its values, its pre-filled figures. */
    record Answer(String organisationName, Map<UUID, Object> values, Map<UUID, BigDecimal> prefilled) {}

    private ResultTally() {}

    static List<QuestionResult> tally(List<Question> questions, List<Answer> answers) {
        List<QuestionResult> results = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind().answerable()) {
                results.add(tally(q, answers));
            }
        }
        return results;
    }

    static QuestionResult tally(Question q, List<Answer> answers) {
        long answered = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> labels = q.kind() == QuestionKind.SCALE
                ? q.scaleSteps().stream().map(String::valueOf).toList() : q.options();
        if (q.kind() != QuestionKind.GRID) {
            labels.forEach(l -> counts.put(l, 0L));
        }
        long[][] grid = new long[q.gridRows().size()][q.options().size()];
        List<BigDecimal> numbers = new ArrayList<>();
        long confirmed = 0;
        long corrected = 0;
        String earliest = null;
        String latest = null;
        List<QuestionResult.Text> texts = new ArrayList<>();
        for (Answer a : answers) {
            Object v = a.values().get(q.id());
            if (v == null) {
                continue;
            }
            answered++;
            switch (q.kind()) {
                case SINGLE, TEXT, DATE -> {
                    String s = (String) v;
                    if (q.kind() == QuestionKind.SINGLE) {
                        counts.computeIfPresent(s, (k, c) -> c + 1);
                    } else if (q.kind() == QuestionKind.TEXT) {
                        texts.add(new QuestionResult.Text(a.organisationName(), s));
                    } else {
                        earliest = earliest == null || s.compareTo(earliest) < 0 ? s : earliest;
                        latest = latest == null || s.compareTo(latest) > 0 ? s : latest;
                    }
                }
                case MULTIPLE -> ((List<?>) v).forEach(o -> counts.computeIfPresent((String) o, (k, c) -> c + 1));
                case SCALE -> {
                    counts.computeIfPresent(String.valueOf(v), (k, c) -> c + 1);
                    numbers.add(BigDecimal.valueOf(((Number) v).longValue()));
                }
                case NUMBER -> {
                    BigDecimal n = (BigDecimal) v;
                    numbers.add(n);
                    BigDecimal p = a.prefilled().get(q.id());
                    if (p != null) {
                        if (p.compareTo(n) == 0) {
                            confirmed++;
                        } else {
                            corrected++;
                        }
                    }
                }
                case GRID -> ((Map<?, ?>) v).forEach((row, column) -> {
                    int r = q.gridRows().indexOf(row);
                    int c = q.options().indexOf(column);
                    if (r >= 0 && c >= 0) {
                        grid[r][c]++;
                    }
                });
                case SECTION -> { }
            }
        }
        List<QuestionResult.Count> countList = new ArrayList<>();
        counts.forEach((label, count) -> countList.add(new QuestionResult.Count(label, count)));
        List<QuestionResult.GridRow> gridRows = new ArrayList<>();
        for (int r = 0; r < q.gridRows().size(); r++) {
            List<Long> row = new ArrayList<>();
            for (long c : grid[r]) {
                row.add(c);
            }
            gridRows.add(new QuestionResult.GridRow(q.gridRows().get(r), row));
        }
        QuestionResult.NumberStats stats = q.kind() == QuestionKind.NUMBER && !numbers.isEmpty()
                ? stats(numbers, confirmed, corrected) : null;
        BigDecimal scaleMean = q.kind() == QuestionKind.SCALE && !numbers.isEmpty() ? mean(numbers) : null;
        return new QuestionResult(q, answered, countList, gridRows, stats, scaleMean, earliest, latest, texts);
    }

    private static QuestionResult.NumberStats stats(List<BigDecimal> numbers, long confirmed, long corrected) {
        List<BigDecimal> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new QuestionResult.NumberStats(sum(sorted), mean(sorted), plain(median), sorted.get(0), sorted.get(n - 1),
                confirmed, corrected);
    }

    static BigDecimal sum(List<BigDecimal> numbers) {
        return numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal mean(List<BigDecimal> numbers) {
        return plain(sum(numbers).divide(BigDecimal.valueOf(numbers.size()), 2, RoundingMode.HALF_UP));
    }

    /** Without trailing zeros, never in exponent form (12.50 → 12.5, 100 stays 100). */
    static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
