import fr.passerelle.consultation.engine.ProposalCounters;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.Sequence;
import fr.passerelle.consultation.engine.SequenceOptions;
import fr.passerelle.consultation.engine.SequenceProposal;
import fr.passerelle.consultation.engine.Tally;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Timing of the next sequence with 1,000 accepted proposals (issue target: sequence_p99_ms ≤ 10).
 * Synthetic snapshot: 100 new proposals, 850 tested ones across all zones, 50 past the tested cap;
 * 600 authors, 2–3 keywords each from 300 plus two common ones. Each call is one participant with
 * 0–200 proposals already voted. Wall-clock percentiles include the machine's other load and GC
 * pauses; the CPU-time percentile is that of the calling thread alone. Run by bench/sequence.sh.
 */
public class SequenceTiming {

    public static void main(String[] args) {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        RandomGenerator random = new Well19937c(1);
        List<SequenceProposal> snapshot = snapshot(proposals, random);
        List<Set<UUID>> voted = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Set<UUID> set = new HashSet<>();
            int n = random.nextInt(201);
            for (int k = 0; k < n; k++) {
                set.add(snapshot.get(random.nextInt(snapshot.size())).id());
            }
            voted.add(set);
        }
        SequenceOptions options = SequenceOptions.DEFAULTS;
        for (int i = 0; i < 5_000; i++) { // warm-up
            Sequence.of(snapshot, options).next(voted.get(i % voted.size()), random);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[calls];
        long[] next = new long[calls];
        long[] buildAndNext = new long[calls];
        Sequence sequence = Sequence.of(snapshot, options);
        for (int i = 0; i < calls; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<UUID> ids = sequence.next(voted.get(i % voted.size()), random);
            next[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            if (ids.size() != options.size()) {
                throw new IllegalStateException("short sequence");
            }
        }
        // the snapshot rebuilt for every call, as when the counters change between two calls
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            Sequence.of(snapshot, options).next(voted.get(i % voted.size()), random);
            buildAndNext[i] = System.nanoTime() - t0;
        }
        print("sequence_p50_ms", percentile(next, 0.50));
        print("sequence_p99_ms", percentile(next, 0.99));
        print("sequence_max_ms", percentile(next, 1.0));
        print("sequence_cpu_p99_ms", percentile(cpu, 0.99));
        print("snapshot_and_sequence_p99_ms", percentile(buildAndNext, 0.99));
    }

    static List<SequenceProposal> snapshot(int count, RandomGenerator random) {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        List<SequenceProposal> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int bucket = i % 20;
            int n = bucket < 2 ? random.nextInt(10) : bucket < 19 ? 10 + random.nextInt(1_490) : 1_500 + random.nextInt(500);
            double agree = random.nextDouble();
            double neutral = random.nextDouble() * 0.5 * (1 - agree);
            int a = (int) (n * agree);
            int nu = (int) (n * neutral);
            int d = n - a - nu;
            Tally t = Tally.of(a, d, nu)
                    .with(Qualification.LIKE_IT, a / 2).with(Qualification.DOABLE, a / 3)
                    .with(Qualification.PLATITUDE_AGREE, a / 10).with(Qualification.NO_WAY, d / 2)
                    .with(Qualification.IMPOSSIBLE, d / 4).with(Qualification.PLATITUDE_DISAGREE, d / 10)
                    .with(Qualification.NO_OPINION, nu / 2);
            Set<String> keywords = new HashSet<>();
            keywords.add("justice");
            if (random.nextBoolean()) {
                keywords.add("mesure");
            }
            for (int k = 0, kn = 2 + random.nextInt(2); k < kn; k++) {
                keywords.add("kw" + random.nextInt(300));
            }
            list.add(new SequenceProposal(new UUID(1, i), new UUID(2, random.nextInt(600)), t0.plusSeconds(i * 60L),
                    keywords, new ProposalCounters(t, t, t, Tally.EMPTY)));
        }
        return list;
    }

    static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }

    static void print(String metric, double ms) {
        System.out.printf("bench=sequence metric=%s value=%.3f unit=ms%n", metric, ms);
    }
}
