package fr.passerelle.consultation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The opinion analysis of CONSULTATION.md ("Analysis") on small known matrices. */
class AnalysisTest {

    static UUID participant(int n) {
        return new UUID(0xBEEF, n);
    }

    static UUID proposal(int n) {
        return new UUID(0xCAFE, n);
    }

    /**
     * 40 participants: #0–19 agree with proposals 0–9 and disagree with 10–19, #20–39 the opposite;
     * everybody agrees with proposal 20.
     */
    static VoteMatrix twoCamps() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 40; p++) {
            boolean first = p < 20;
            for (int j = 0; j < 20; j++) {
                b.vote(participant(p), proposal(j), (j < 10) == first ? VoteKey.AGREE : VoteKey.DISAGREE);
            }
            b.vote(participant(p), proposal(20), VoteKey.AGREE);
        }
        return b.build();
    }

    static Set<UUID> participants(int from, int to) {
        Set<UUID> set = new HashSet<>();
        for (int p = from; p < to; p++) {
            set.add(participant(p));
        }
        return set;
    }

    @Test
    void twoOpposedCampsMakeTwoGroupsWithTheirRepresentativeProposals() {
        Analysis analysis = Analysis.run(twoCamps(), Map.of(), 0, AnalysisOptions.DEFAULTS);
        assertThat(analysis.groups()).hasSize(2);
        Set<Set<UUID>> memberships = new HashSet<>();
        analysis.groups().forEach(g -> memberships.add(new HashSet<>(g.members())));
        assertThat(memberships).containsExactlyInAnyOrder(participants(0, 20), participants(20, 40));
        assertThat(analysis.silhouette()).isGreaterThan(0.9);

        Analysis.OpinionGroup first = analysis.groups().stream()
                .filter(g -> g.members().contains(participant(0))).findFirst().orElseThrow();
        // group of #0: agree rate on proposal 0 = (20 + 1)/(20 + 2) = 0.9545, others (0 + 1)/(20 + 2) = 0.0455;
        // z against 0.5: (0.9545 − 0.5)/√(0.25/22) = 4.26; pooled 22/44 = 0.5,
        // z against the others: 0.9091/√(0.25 × 2/22) = 6.03 — both above 1.2816
        assertThat(first.representatives()).hasSize(5).allSatisfy(r -> {
            int j = (int) r.proposal().getLeastSignificantBits();
            assertThat(j).isLessThan(20);
            assertThat(r.direction()).isEqualTo(j < 10 ? VoteKey.AGREE : VoteKey.DISAGREE);
            assertThat(r.rate()).isCloseTo(21.0 / 22, within(1e-12));
            assertThat(r.zHalf()).isCloseTo((21.0 / 22 - 0.5) / Math.sqrt(0.25 / 22), within(1e-9));
            assertThat(r.zOthers()).isCloseTo((20.0 / 22) / Math.sqrt(0.25 * 2 / 22), within(1e-9));
        });
    }

    @Test
    void groupAwareConsensus() {
        Analysis analysis = Analysis.run(twoCamps(), Map.of(), 0, AnalysisOptions.DEFAULTS);
        GroupConsensus shared = analysis.consensus().get(20);
        assertThat(shared.proposal()).isEqualTo(proposal(20));
        // everybody agrees: ((20 + 1)/(20 + 2))² = 0.9112, geometric mean 21/22 = 0.9545
        assertThat(shared.product()).isCloseTo(Math.pow(21.0 / 22, 2), within(1e-12));
        assertThat(shared.geometricMean()).isCloseTo(21.0 / 22, within(1e-12));
        // divisive proposal 0: (21/22) × (1/22) = 0.0434
        assertThat(analysis.consensus().get(0).product()).isCloseTo(21.0 / 22 / 22, within(1e-12));
        // the least convinced group: everybody agrees with 20 (21/22 in both groups); one group
        // never agrees with 0 (1/22)
        assertThat(shared.weakestGroupAgreement()).isCloseTo(21.0 / 22, within(1e-12));
        assertThat(analysis.consensus().get(0).weakestGroupAgreement()).isCloseTo(1.0 / 22, within(1e-12));
        // the consensual proposal is representative of no group (zOthers = 0)
        analysis.groups().forEach(g -> assertThat(g.representatives())
                .noneMatch(r -> r.proposal().equals(proposal(20))));
    }

    @Test
    void aGroupWithFewerThanFiveVotesOnAProposalDoesNotMakeItsWeakestAgreement() {
        // group 0: #0–39 all agree with proposals 0 and 1; group 1: #40–49, of whom only #40 saw
        // proposal 0 and disagreed ((0 + 1)/(1 + 2) = 0.33), while #40–44 all disagreed with proposal 1
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 50; p++) {
            boolean first = p < 40;
            if (first || p == 40) {
                b.vote(participant(p), proposal(0), first ? VoteKey.AGREE : VoteKey.DISAGREE);
            }
            if (first || p < 45) {
                b.vote(participant(p), proposal(1), first ? VoteKey.AGREE : VoteKey.DISAGREE);
            }
            b.vote(participant(p), proposal(2), VoteKey.NEUTRAL);
        }
        VoteMatrix matrix = b.build();
        int[] groupOfRow = new int[matrix.participantCount()];
        for (int row = 0; row < groupOfRow.length; row++) {
            groupOfRow[row] = matrix.participant(row).getLeastSignificantBits() < 40 ? 0 : 1;
        }
        List<GroupConsensus> consensus = GroupStats.of(matrix, groupOfRow, 2).consensus();
        // 40 to 1 on proposal 0: the lone dissenter of group 1 is no group opinion; group 0 decides
        assertThat(consensus.get(matrix.proposals().indexOf(proposal(0))).weakestGroupAgreement())
                .isCloseTo(41.0 / 42, within(1e-12));
        // five members of group 1 disagreeing with proposal 1 are: (0 + 1)/(5 + 2)
        assertThat(consensus.get(matrix.proposals().indexOf(proposal(1))).weakestGroupAgreement())
                .isCloseTo(1.0 / 7, within(1e-12));
        // nobody agrees with proposal 2: both groups voted enough, the larger one is the least convinced
        assertThat(consensus.get(matrix.proposals().indexOf(proposal(2))).weakestGroupAgreement())
                .isCloseTo(1.0 / 42, within(1e-12));
    }

    /** 3 planted groups of 30, 30 proposals; each member follows their group's view 85 % of the time. */
    static VoteMatrix threeGroups(long seed, int participantsPerGroup) {
        Well19937c random = new Well19937c(seed);
        VoteKey[][] views = new VoteKey[3][30];
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < 30; j++) {
                views[g][j] = random.nextBoolean() ? VoteKey.AGREE : VoteKey.DISAGREE;
            }
        }
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 3 * participantsPerGroup; p++) {
            int g = p % 3;
            for (int j = 0; j < 30; j++) {
                if (random.nextDouble() < 0.7) {
                    double u = random.nextDouble();
                    VoteKey view = views[g][j];
                    VoteKey key = u < 0.85 ? view : u < 0.93 ? VoteKey.NEUTRAL
                            : view == VoteKey.AGREE ? VoteKey.DISAGREE : VoteKey.AGREE;
                    b.vote(participant(p), proposal(j), key);
                }
            }
        }
        return b.build();
    }

    @Test
    void silhouetteFindsThreePlantedGroups() {
        Analysis analysis = Analysis.run(threeGroups(5, 30), Map.of(), 0, AnalysisOptions.DEFAULTS);
        assertThat(analysis.groups()).hasSize(3);
        for (Analysis.OpinionGroup g : analysis.groups()) {
            Set<Long> planted = new HashSet<>();
            g.members().forEach(p -> planted.add(p.getLeastSignificantBits() % 3));
            assertThat(planted).as("a group holds one planted group").hasSize(1);
            assertThat(g.members()).hasSize(30);
        }
    }

    @Test
    void kMeansOnASampleThenNearestCentreForEveryone() {
        // 300 participants; k-means fitted on 60 of them, then every participant joins the nearest
        // centre: the groups are those of the k-means fitted on everybody, up to a few borderline voters
        VoteMatrix matrix = threeGroups(5, 100);
        Analysis sampled = Analysis.run(matrix, Map.of(), 0, new AnalysisOptions(7, 2, 8, 60, 60, 5, 1L));
        Analysis full = Analysis.run(matrix, Map.of(), 0, new AnalysisOptions(7, 2, 8, 300, 300, 5, 1L));
        assertThat(sampled.groups()).hasSize(3);
        assertThat(full.groups()).hasSize(3);
        Map<UUID, Integer> inFull = full.groupOfParticipant();
        int same = 0;
        for (Analysis.OpinionGroup g : sampled.groups()) {
            Map<Integer, Integer> overlap = new HashMap<>();
            g.members().forEach(p -> overlap.merge(inFull.get(p), 1, Integer::sum));
            same += overlap.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        assertThat(same).isGreaterThanOrEqualTo(294); // ≥ 98 %
        assertThat(purity(sampled)).isGreaterThanOrEqualTo(0.95);
    }

    /** Share of the clustered participants who are in the group where their planted group dominates. */
    static double purity(Analysis analysis) {
        int dominant = 0;
        int total = 0;
        for (Analysis.OpinionGroup g : analysis.groups()) {
            Map<Long, Integer> planted = new HashMap<>();
            g.members().forEach(p -> planted.merge(p.getLeastSignificantBits() % 3, 1, Integer::sum));
            dominant += planted.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            total += g.members().size();
        }
        return (double) dominant / total;
    }

    @Test
    void sameSeedSameResult() {
        VoteMatrix matrix = threeGroups(9, 40);
        Analysis a = Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        Analysis b = Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        assertThat(b.groupOfParticipant()).isEqualTo(a.groupOfParticipant());
        assertThat(b.pca().components()).isDeepEqualTo(a.pca().components());
        assertThat(b.positions()).isDeepEqualTo(a.positions());
        assertThat(b.groups()).isEqualTo(a.groups());
    }

    @Test
    void groupIdsAreCarriedOverBetweenRecomputations() {
        VoteMatrix matrix = threeGroups(5, 30);
        Analysis first = Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        // another seed numbers the clusters its own way; the persisted groups keep the ids
        Analysis second = Analysis.run(matrix, first.groupOfParticipant(), first.nextFreeId(),
                AnalysisOptions.DEFAULTS.withSeed(77));
        assertThat(second.groupOfParticipant()).isEqualTo(first.groupOfParticipant());
        assertThat(second.nextFreeId()).isEqualTo(3);
    }

    @Test
    void carryOverByLargestOverlap() {
        Map<UUID, Integer> previous = new HashMap<>();
        participants(0, 5).forEach(p -> previous.put(p, 0));
        participants(5, 10).forEach(p -> previous.put(p, 1));
        List<Set<UUID>> clusters = List.of(participants(5, 12), participants(0, 4), participants(20, 23), participants(4, 5));
        // cluster 0 shares 5 with group 1, cluster 1 shares 4 with group 0; cluster 3 shares 1 with
        // group 0, already taken; clusters 2 and 3 get fresh ids from max(firstFreeId, 2)
        assertThat(GroupLabels.carryOver(previous, clusters, 0)).containsExactly(1, 0, 2, 3);
        assertThat(GroupLabels.carryOver(previous, clusters, 7)).containsExactly(1, 0, 7, 8);
        assertThat(GroupLabels.carryOver(Map.of(), clusters, 0)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void onlyParticipantsWithEnoughVotesAreClustered() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        VoteMatrix camps = twoCamps();
        for (int row = 0; row < camps.participantCount(); row++) {
            for (int cell = camps.rowStart(row); cell < camps.rowEnd(row); cell++) {
                b.vote(camps.participant(row), camps.proposal(camps.column(cell)), camps.key(cell));
            }
        }
        for (int j = 0; j < 6; j++) { // six votes: fewer than min(7, 21)
            b.vote(participant(99), proposal(j), VoteKey.AGREE);
        }
        VoteMatrix matrix = b.build();
        Analysis analysis = Analysis.run(matrix, Map.of(), 0, AnalysisOptions.DEFAULTS);
        int row = matrix.participants().indexOf(participant(99));
        assertThat(analysis.clustered()[row]).isFalse();
        assertThat(analysis.groupOfParticipant()).doesNotContainKey(participant(99)).hasSize(40);
        // still on the map, on the side of the camp it agrees with (0–9 agree = camp of #0)
        double[] own = analysis.positions()[row];
        double[] camp = analysis.positions()[0];
        double[] other = analysis.positions()[20];
        assertThat(Math.hypot(own[0] - camp[0], own[1] - camp[1])).isLessThan(Math.hypot(own[0] - other[0], own[1] - other[1]));
    }

    @Test
    void principalComponentsMatchAnExactSvdOfTheImputedMatrix() {
        VoteMatrix matrix = threeGroups(3, 20);
        Pca pca = Pca.fit(matrix, 2, 1);
        // dense column-mean-imputed, centred matrix: zero where not voted
        double[] means = Pca.columnMeans(matrix);
        double[][] dense = new double[matrix.participantCount()][matrix.proposalCount()];
        for (int row = 0; row < dense.length; row++) {
            for (int cell = matrix.rowStart(row); cell < matrix.rowEnd(row); cell++) {
                dense[row][matrix.column(cell)] = matrix.value(cell) - means[matrix.column(cell)];
            }
        }
        SingularValueDecomposition exact = new SingularValueDecomposition(new Array2DRowRealMatrix(dense));
        for (int c = 0; c < 2; c++) {
            double[] expected = exact.getV().getColumn(c);
            double dot = 0;
            for (int j = 0; j < expected.length; j++) {
                dot += expected[j] * pca.components()[c][j];
            }
            assertThat(Math.abs(dot)).as("component %d", c).isCloseTo(1.0, within(1e-6));
        }
        // projection of row 0: its centred votes on each component, × √(30 / votes cast)
        double[] p = pca.project(matrix, 0);
        double x = 0;
        for (int cell = matrix.rowStart(0); cell < matrix.rowEnd(0); cell++) {
            x += (matrix.value(cell) - means[matrix.column(cell)]) * pca.components()[0][matrix.column(cell)];
        }
        assertThat(p[0]).isCloseTo(x * Math.sqrt(30.0 / matrix.votesOf(0)), within(1e-12));
    }

    @Test
    void matrixKeepsTheLastVoteAndItsQualifications() {
        VoteMatrix matrix = VoteMatrix.builder()
                .proposal(proposal(9))
                .vote(participant(1), proposal(1), VoteKey.AGREE, Set.of(Qualification.LIKE_IT))
                .vote(participant(1), proposal(1), VoteKey.DISAGREE, Set.of(Qualification.NO_WAY, Qualification.IMPOSSIBLE))
                .vote(participant(2), proposal(1), VoteKey.NEUTRAL, Set.of(Qualification.NO_OPINION))
                .build();
        assertThat(matrix.voteCount()).isEqualTo(2);
        assertThat(matrix.proposalCount()).isEqualTo(2);
        GroupStats stats = GroupStats.of(matrix, new int[] {0, 0}, 1);
        Tally tally = stats.tally(0, matrix.proposals().indexOf(proposal(1)));
        assertThat(tally).isEqualTo(Tally.of(0, 1, 1).with(Qualification.NO_WAY, 1)
                .with(Qualification.IMPOSSIBLE, 1).with(Qualification.NO_OPINION, 1));
        // agree −1, disagree +1, neutral 0
        assertThat(matrix.value(matrix.rowStart(0))).isEqualTo(1.0);
        assertThat(matrix.value(matrix.rowStart(1))).isEqualTo(0.0);
    }

    @Test
    void splitsByProfileScoreEachSegment() {
        // professionals (#0–19, camp one) and citizens (#20–39, camp two); #40 answered nothing
        Map<UUID, String> answers = new HashMap<>();
        participants(0, 20).forEach(p -> answers.put(p, "professional"));
        participants(20, 40).forEach(p -> answers.put(p, "citizen"));
        ProfileSplits splits = ProfileSplits.of(twoCamps(), answers);
        assertThat(splits.segments()).containsExactly("citizen", "professional");
        assertThat(splits.participants("professional")).isEqualTo(20);
        // professionals on proposal 0: 20 agree → agree 20.33/21 = 0.968 ≥ 0.6 → consensus
        assertThat(splits.tally("professional", proposal(0))).isEqualTo(Tally.of(20, 0, 0));
        assertThat(splits.scores("professional", proposal(0)).zone()).isEqualTo(Zone.CONSENSUS);
        // citizens: 20 disagree → rejection
        assertThat(splits.scores("citizen", proposal(0)).zone()).isEqualTo(Zone.REJECTION);
        assertThat(splits.representatives("professional", 20)).extracting(RepresentativeProposal::proposal)
                .contains(proposal(0)).doesNotContain(proposal(20));
        // across segments: proposal 20 = (21/22)²
        assertThat(splits.consensus().get(20).product()).isCloseTo(Math.pow(21.0 / 22, 2), within(1e-12));
    }

    @Test
    void degenerateMatrices() {
        // everybody votes alike: one group, no representative
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 10; p++) {
            for (int j = 0; j < 8; j++) {
                b.vote(participant(p), proposal(j), VoteKey.AGREE);
            }
        }
        Analysis alike = Analysis.run(b.build(), Map.of(), 0, AnalysisOptions.DEFAULTS);
        assertThat(alike.groups()).hasSize(1);
        assertThat(alike.groups().get(0).members()).hasSize(10);
        assertThat(alike.groups().get(0).representatives()).isEmpty();
        // nobody voted
        Analysis empty = Analysis.run(VoteMatrix.builder().build(), Map.of(), 0, AnalysisOptions.DEFAULTS);
        assertThat(empty.groups()).isEmpty();
        assertThat(empty.consensus()).isEmpty();
    }
}
