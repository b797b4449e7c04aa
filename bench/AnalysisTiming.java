import fr.passerelle.consultation.engine.Analysis;
import fr.passerelle.consultation.engine.AnalysisOptions;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.consultation.engine.VoteMatrix;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Timing of the opinion analysis on synthetic votes with 3 planted opinion groups: each group has a
 * view (agree or disagree) on every proposal; a member votes their group's view 80 % of the time,
 * neutral 10 %, the other way 10 %. Each participant votes on 1–2× the mean number of distinct
 * random proposals. Prints the time to build the sparse matrix, the time of the analysis (PCA,
 * k-means for k = 2…8 with silhouettes, representatives, consensus), the groups found and their
 * purity, and the peak heap (during the first run: matrix and analysis). Wall-clock times include
 * the machine's other load; the CPU times are those of the analysing thread. Usage: AnalysisTiming PARTICIPANTS PROPOSALS VOTES LABEL
 * (defaults: the replay scale, 10,200 × 837 with 135,395 votes). Run by bench/analysis.sh.
 */
public class AnalysisTiming {

    public static void main(String[] args) {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 10_200;
        int proposals = args.length > 1 ? Integer.parseInt(args[1]) : 837;
        long votes = args.length > 2 ? Long.parseLong(args[2]) : 135_395;
        String label = args.length > 3 ? args[3] : "replay";
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        RandomGenerator random = new Well19937c(2026);
        boolean[][] agreeView = new boolean[3][proposals];
        for (boolean[] view : agreeView) {
            for (int j = 0; j < proposals; j++) {
                view[j] = random.nextBoolean();
            }
        }
        UUID[] proposalIds = new UUID[proposals];
        for (int j = 0; j < proposals; j++) {
            proposalIds[j] = new UUID(7, j);
        }
        long t0 = System.nanoTime();
        VoteMatrix.Builder builder = VoteMatrix.builder();
        for (UUID id : proposalIds) {
            builder.proposal(id);
        }
        double mean = (double) votes / participants;
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < participants; p++) {
            UUID participant = new UUID(8, p);
            int group = p % 3;
            int count = (int) Math.min(proposals, Math.max(1, Math.round(mean * (0.5 + random.nextDouble()))));
            seen.clear();
            while (seen.size() < count) {
                int j = random.nextInt(proposals);
                if (seen.add(j)) {
                    double u = random.nextDouble();
                    boolean agree = agreeView[group][j];
                    VoteKey key = u < 0.8 ? (agree ? VoteKey.AGREE : VoteKey.DISAGREE)
                            : u < 0.9 ? VoteKey.NEUTRAL : (agree ? VoteKey.DISAGREE : VoteKey.AGREE);
                    builder.vote(participant, proposalIds[j], key);
                }
            }
        }
        VoteMatrix matrix = builder.build();
        long t1 = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c1 = threads.getCurrentThreadCpuTime();
        Analysis analysis = Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // the same analysis again in the now warm JVM (as in the running application)
        Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        long t3 = System.nanoTime();
        long c3 = threads.getCurrentThreadCpuTime();

        // purity: share of clustered participants whose group's majority planted group is their own
        int agreeing = 0;
        int clustered = 0;
        for (Analysis.OpinionGroup g : analysis.groups()) {
            Map<Long, Integer> planted = new HashMap<>();
            g.members().forEach(m -> planted.merge(m.getLeastSignificantBits() % 3, 1, Integer::sum));
            agreeing += planted.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            clustered += g.members().size();
        }
        print(label, "participants", matrix.participantCount(), "count");
        print(label, "proposals", matrix.proposalCount(), "count");
        print(label, "votes", matrix.voteCount(), "count");
        print(label, "matrix_build_s", (t1 - t0) / 1e9, "s");
        print(label, "analysis_cold_s", (t2 - t1) / 1e9, "s");
        print(label, "analysis_cold_cpu_s", (c2 - c1) / 1e9, "s");
        print(label, "analysis_warm_s", (t3 - t2) / 1e9, "s");
        print(label, "analysis_warm_cpu_s", (c3 - c2) / 1e9, "s");
        print(label, "groups", analysis.groups().size(), "count");
        print(label, "clustered", clustered, "count");
        print(label, "purity", clustered == 0 ? 0 : (double) agreeing / clustered, "ratio");
        print(label, "silhouette", analysis.silhouette(), "ratio");
        print(label, "peak_heap_mb", peak / 1048576.0, "MiB");
    }

    static void print(String label, String metric, double value, String unit) {
        System.out.printf("bench=analysis metric=%s_%s value=%.3f unit=%s%n", label, metric, value, unit);
    }
}
