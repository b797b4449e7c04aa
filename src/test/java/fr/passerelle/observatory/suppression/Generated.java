package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Property-based testing on plain JUnit 5: each generated case is a dynamic test (so Surefire
 * counts and names them), drawn from its own seed, and a failing case is shrunk to a smaller one
 * that still fails before being reported. The base seed is fixed, so every build checks the same
 * cases; {@code -Dpasserelle.seed=N} explores others, and the failure message gives the seed to
 * replay.
 */
final class Generated {

    private static final long BASE_SEED = Long.getLong("passerelle.seed", 20_261_203L);

    private Generated() {}

    /** A property checked on {@code cases} generated values. */
    static <T> Stream<DynamicTest> forAll(String name, int cases, Function<Random, T> generator,
            Function<T, List<T>> shrinks, Function<T, String> show, Consumer<T> property) {
        return IntStream.range(0, cases).mapToObj(n -> {
            long seed = BASE_SEED * 1_000_003L + name.hashCode() * 31L + n;
            return DynamicTest.dynamicTest(name + " #" + n + " (seed " + seed + ")", () -> {
                T value = generator.apply(new Random(seed));
                Throwable failure = failure(property, value);
                if (failure != null) {
                    T smallest = shrink(value, shrinks, v -> failure(property, v) != null);
                    Throwable last = failure(property, smallest);
                    throw new AssertionError(name + " fails for seed " + seed + "\ngenerated:\n" + show.apply(value)
                            + "\nshrunk to:\n" + show.apply(smallest) + "\n" + last.getMessage(), last);
                }
            });
        });
    }

    private static <T> Throwable failure(Consumer<T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static <T> T shrink(T value, Function<T, List<T>> shrinks, Predicate<T> fails) {
        T current = value;
        for (int step = 0; step < 500; step++) {
            T next = null;
            for (T candidate : shrinks.apply(current)) {
                if (fails.test(candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    // Counts

    /** How counts are drawn: published tables mix many zeros and small counts with larger ones. */
    enum Profile { SMALL, SPARSE, MIXED, ONES, MOSTLY_LARGE }

    static long count(Random random, Profile profile) {
        int p = random.nextInt(100);
        return switch (profile) {
            case SMALL -> random.nextInt(6); // 0..5
            case SPARSE -> p < 40 ? 0 : p < 75 ? 1 + random.nextInt(4) : 5 + random.nextInt(11);
            case MIXED -> p < 20 ? 0 : p < 50 ? 1 + random.nextInt(4) : p < 80 ? 5 + random.nextInt(26)
                    : 30 + random.nextInt(171);
            case ONES -> p < 25 ? 0 : p < 85 ? 1 : 2 + random.nextInt(5);
            case MOSTLY_LARGE -> p < 10 ? 1 + random.nextInt(4) : p < 15 ? 0 : 5 + random.nextInt(500);
        };
    }

    static long[][] cells(Random random, int maxRows, int maxColumns) {
        Profile profile = Profile.values()[random.nextInt(Profile.values().length)];
        int rows = 1 + random.nextInt(maxRows);
        int columns = 1 + random.nextInt(maxColumns);
        long[][] cells = new long[rows][columns];
        for (long[] row : cells) {
            for (int j = 0; j < columns; j++) {
                row[j] = count(random, profile);
            }
        }
        return cells;
    }

    static long[] list(Random random, int maxSize) {
        Profile profile = Profile.values()[random.nextInt(Profile.values().length)];
        long[] cells = new long[1 + random.nextInt(maxSize)];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = count(random, profile);
        }
        return cells;
    }

    /** Smaller tables: without a row, without a column, with a count lowered. */
    static List<long[][]> shrinkCells(long[][] cells) {
        List<long[][]> smaller = new ArrayList<>();
        int rows = cells.length;
        int columns = cells[0].length;
        for (int r = 0; rows > 1 && r < rows; r++) {
            long[][] next = new long[rows - 1][];
            for (int i = 0, k = 0; i < rows; i++) {
                if (i != r) {
                    next[k++] = cells[i].clone();
                }
            }
            smaller.add(next);
        }
        for (int c = 0; columns > 1 && c < columns; c++) {
            long[][] next = new long[rows][columns - 1];
            for (int i = 0; i < rows; i++) {
                for (int j = 0, k = 0; j < columns; j++) {
                    if (j != c) {
                        next[i][k++] = cells[i][j];
                    }
                }
            }
            smaller.add(next);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                for (long lower : new long[] {0, cells[i][j] / 2, cells[i][j] - 1}) {
                    if (lower >= 0 && lower < cells[i][j]) {
                        long[][] next = Arrays.stream(cells).map(long[]::clone).toArray(long[][]::new);
                        next[i][j] = lower;
                        smaller.add(next);
                    }
                }
            }
        }
        return smaller;
    }

    static List<long[]> shrinkList(long[] cells) {
        List<long[]> smaller = new ArrayList<>();
        for (int r = 0; cells.length > 1 && r < cells.length; r++) {
            long[] next = new long[cells.length - 1];
            for (int i = 0, k = 0; i < cells.length; i++) {
                if (i != r) {
                    next[k++] = cells[i];
                }
            }
            smaller.add(next);
        }
        for (int i = 0; i < cells.length; i++) {
            for (long lower : new long[] {0, cells[i] / 2, cells[i] - 1}) {
                if (lower >= 0 && lower < cells[i]) {
                    long[] next = cells.clone();
                    next[i] = lower;
                    smaller.add(next);
                }
            }
        }
        return smaller;
    }

    static String show(long[][] cells) {
        return CountTable.of(cells).toString();
    }
}
