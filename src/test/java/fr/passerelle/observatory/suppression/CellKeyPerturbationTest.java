package fr.passerelle.observatory.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The noise table and the published values of the cell-key perturbation (ADR 0009). */
class CellKeyPerturbationTest {

    final CellKeyPerturbation perturbation = new CellKeyPerturbation();

    @Test
    void theNoiseIsAtMostTwoNeverMakesACountNegativeAndHasMeanZeroForEveryCount() {
        for (long count = 1; count <= 40; count++) {
            long sum = 0;
            int[] noises = new int[2 * CellKeyPerturbation.MAX_NOISE + 1];
            for (int key = 0; key < CellKeyPerturbation.KEY_RANGE; key++) {
                long value = perturbation.perturbed(count, key);
                assertThat(value).isNotNegative().isBetween(count - 2, count + 2);
                sum += value - count;
                noises[(int) (value - count) + CellKeyPerturbation.MAX_NOISE]++;
            }
            assertThat(sum).as("mean noise of %s", count).isZero();
            // Half of the cells keep their count; the extremes are rare.
            assertThat(noises[2]).isGreaterThanOrEqualTo(CellKeyPerturbation.KEY_RANGE * 45 / 100);
            assertThat(noises[0] + noises[4]).isLessThanOrEqualTo(CellKeyPerturbation.KEY_RANGE / 10 + 1);
        }
    }

    @Test
    void anEmptyCellIsNoneAndNoValueFromOneToFourIsEverPublished() {
        assertThat(perturbation.perturbed(0, 12345)).isZero();
        for (long count = 0; count <= 12; count++) {
            for (int key = 0; key < CellKeyPerturbation.KEY_RANGE; key += 7) {
                Long published = perturbation.publish(count, key);
                assertThat(published == null || published >= 5).as("%s with key %s: %s", count, key, published).isTrue();
            }
        }
        // A count of 1 or 2 is never shown; 7 or more always is.
        for (int key = 0; key < CellKeyPerturbation.KEY_RANGE; key++) {
            assertThat(perturbation.publish(2, key)).isNull();
            assertThat(perturbation.publish(7, key)).isNotNull();
        }
    }

    @Test
    void theSameCountAndKeyAlwaysGiveTheSameValueAndKeysSpreadTheNoise() {
        assertThat(perturbation.publish(40, 1000)).isEqualTo(perturbation.publish(40, 1000 + CellKeyPerturbation.KEY_RANGE));
        // One more record changes the cell key, so the noise of a cell of 40 and of the same cell
        // with one record more are not tied: over many records, every pair of noises occurs.
        byte[] secret = "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8);
        boolean[][] pairs = new boolean[5][5];
        int base = 0;
        for (int i = 0; i < 2000; i++) {
            int record = CellKeyPerturbation.recordKey(secret, new UUID(0, i));
            int a = (int) (perturbation.perturbed(40, base) - 40) + 2;
            int b = (int) (perturbation.perturbed(41, CellKeyPerturbation.cellKey(base, record)) - 41) + 2;
            pairs[a][b] = true;
            base = CellKeyPerturbation.cellKey(base, record * 31L);
        }
        for (boolean[] row : pairs) {
            for (boolean seen : row) {
                assertThat(seen).isTrue();
            }
        }
    }

    @Test
    void recordKeysAreStableAndDependOnTheSecret() {
        UUID id = UUID.fromString("6f1c1d4e-2b1a-4c47-9a51-0d5d2f3e4a10");
        byte[] one = "first secret of sixteen bytes".getBytes(StandardCharsets.UTF_8);
        byte[] two = "second secret of sixteen bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(CellKeyPerturbation.recordKey(one, id)).isEqualTo(CellKeyPerturbation.recordKey(one, id))
                .isBetween(0, CellKeyPerturbation.KEY_RANGE - 1);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            if (CellKeyPerturbation.recordKey(one, new UUID(1, i)) != CellKeyPerturbation.recordKey(two, new UUID(1, i))) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(95);
    }

    @Test
    void totalsArePerturbedOnTheirOwnAndKeptWhenLinesAreLeftOut() {
        PerturbedList list = perturbation.apply(CountList.of(1, 30, 12), new long[] {100, 60000, 9000});
        assertThat(list.totalKey()).isEqualTo(CellKeyPerturbation.cellKey(100, 60000, 9000));
        assertThat(list.total()).isEqualTo(perturbation.publish(43, list.totalKey()));
        assertThat(list.cell(0)).isNull();
        PerturbedList shown = list.lines(new int[] {1, 2});
        assertThat(shown.size()).isEqualTo(2);
        assertThat(shown.cell(0)).isEqualTo(list.cell(1));
        assertThat(shown.total()).isEqualTo(list.total());

        PerturbedTable table = perturbation.apply(CountTable.of(new long[][] {{3, 9}, {20, 0}}),
                new long[][] {{5, 70000}, {300, 0}});
        assertThat(table.columnKey(0)).isEqualTo(305);
        assertThat(table.grandKey()).isEqualTo(CellKeyPerturbation.cellKey(5, 70000, 300));
        assertThat(table.cell(1, 1)).isNull();
        assertThat(table.grandTotal()).isEqualTo(perturbation.publish(32, table.grandKey()));
        PerturbedTable second = table.lines(new int[] {1});
        assertThat(second.rows()).isEqualTo(1);
        assertThat(second.rowTotal(0)).isEqualTo(table.rowTotal(1));
        assertThat(second.columnTotal(0)).isEqualTo(table.columnTotal(0));
        assertThatThrownBy(() -> perturbation.apply(CountList.of(1, 2), new long[] {1})).isInstanceOf(
                IllegalArgumentException.class);
    }
}
