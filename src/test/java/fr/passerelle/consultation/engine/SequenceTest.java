package fr.passerelle.consultation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The sequence of CONSULTATION.md ("Sequence"). */
class SequenceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** A proposal created {@code minute} minutes after T0 whose sequence (and verified) counter is {@code tally}. */
    static SequenceProposal proposal(int number, int author, int minute, Set<String> keywords, Tally tally) {
        return new SequenceProposal(id(number), id(100_000 + author), T0.plusSeconds(60L * minute), keywords,
                new ProposalCounters(tally, tally, tally, Tally.EMPTY));
    }

    static UUID id(int n) {
        return new UUID(0x5EED, n);
    }

    /** Agree-heavy, tested: 120 sequence votes, 100 agree with many "like it". */
    static Tally consensus() {
        return Tally.of(100, 10, 10).with(Qualification.LIKE_IT, 60).with(Qualification.DOABLE, 40);
    }

    /** Split, tested: 45 % agree, 45 % disagree. */
    static Tally controversial() {
        return Tally.of(54, 54, 12).with(Qualification.LIKE_IT, 20).with(Qualification.NO_WAY, 20);
    }

    static Tally rejected() {
        return Tally.of(3, 110, 7);
    }

    /** 20 new (distinct authors), 150 consensus, 60 controversial, 30 rejected, each its own author and keyword. */
    static List<SequenceProposal> richSnapshot() {
        List<SequenceProposal> all = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 20; i++, n++) {
            all.add(proposal(n, n, 1_000 + n, Set.of("k" + n, "justice"), Tally.of(2, 1, 0)));
        }
        for (int i = 0; i < 150; i++, n++) {
            all.add(proposal(n, n, n, Set.of("k" + n, "justice"), consensus()));
        }
        for (int i = 0; i < 60; i++, n++) {
            all.add(proposal(n, n, n, Set.of("k" + n), controversial()));
        }
        for (int i = 0; i < 30; i++, n++) {
            all.add(proposal(n, n, n, Set.of("k" + n), rejected()));
        }
        return all;
    }

    @Test
    void sameSeedSameSequence() {
        Sequence sequence = Sequence.of(richSnapshot(), SequenceOptions.DEFAULTS);
        Set<UUID> voted = Set.of(id(25), id(30));
        List<UUID> first = sequence.next(voted, new Well19937c(7));
        assertThat(sequence.next(voted, new Well19937c(7))).isEqualTo(first);
        assertThat(first).hasSize(12).doesNotHaveDuplicates();
        assertThat(sequence.next(voted, new Well19937c(8))).isNotEqualTo(first);
    }

    @Test
    void neverAProposalAlreadyVoted() {
        List<SequenceProposal> snapshot = richSnapshot();
        Sequence sequence = Sequence.of(snapshot, SequenceOptions.DEFAULTS);
        Well19937c random = new Well19937c(11);
        for (int run = 0; run < 300; run++) {
            Set<UUID> voted = new HashSet<>();
            for (SequenceProposal p : snapshot) {
                if (random.nextDouble() < 0.6) {
                    voted.add(p.id());
                }
            }
            List<UUID> next = sequence.next(voted, random);
            assertThat(next).doesNotContainAnyElementsOf(voted).doesNotHaveDuplicates().hasSize(12);
        }
    }

    @Test
    void sharesOfNewTopsAndControversiesAndNoRejection() {
        List<SequenceProposal> snapshot = richSnapshot();
        Sequence sequence = Sequence.of(snapshot, SequenceOptions.DEFAULTS);
        Well19937c random = new Well19937c(3);
        for (int run = 0; run < 300; run++) {
            List<UUID> next = sequence.next(Set.of(), random);
            int news = 0;
            int controversies = 0;
            int rejections = 0;
            for (UUID id : next) {
                int n = (int) id.getLeastSignificantBits();
                news += n < 20 ? 1 : 0;
                controversies += n >= 170 && n < 230 ? 1 : 0;
                rejections += n >= 230 ? 1 : 0;
            }
            // ⌈0.3 × 12⌉ = 4 new; tested share 8, of which ⌈0.1 × 8⌉ = 1 controversy, 7 tops
            assertThat(news).isEqualTo(4);
            assertThat(controversies).isEqualTo(1);
            assertThat(rejections).isZero();
        }
    }

    @Test
    void newShareTakesTheOldestNewProposalsOnePerAuthor() {
        List<SequenceProposal> snapshot = new ArrayList<>(richSnapshot().subList(20, 260));
        // new proposals, oldest first: 900 (author 0), 901 (author 0 again), 902, 903, 904, 905
        for (int i = 0; i < 6; i++) {
            snapshot.add(proposal(900 + i, i == 1 ? 0 : i, 10 + i, Set.of("n" + i), Tally.EMPTY));
        }
        List<UUID> next = Sequence.of(snapshot, SequenceOptions.DEFAULTS).next(Set.of(), new Well19937c(5));
        assertThat(next).contains(id(900), id(902), id(903), id(904)).doesNotContain(id(901), id(905));
    }

    @Test
    void neverTwoProposalsOfOneAuthorOrOneRareKeyword() {
        List<SequenceProposal> snapshot = new ArrayList<>();
        // 200 tested proposals from 20 authors, each with one of 40 keywords and the common "justice"
        for (int n = 0; n < 200; n++) {
            snapshot.add(proposal(n, n % 20, n, Set.of("k" + (n % 40), "Justice"), n % 5 == 0 ? controversial() : consensus()));
        }
        Sequence sequence = Sequence.of(snapshot, SequenceOptions.DEFAULTS);
        assertThat(sequence.commonKeywords()).containsExactly("justice");
        Well19937c random = new Well19937c(17);
        for (int run = 0; run < 200; run++) {
            List<UUID> next = sequence.next(Set.of(), random);
            assertThat(next).hasSize(12);
            Set<Integer> authors = new HashSet<>();
            Set<Integer> keywords = new HashSet<>();
            for (UUID id : next) {
                int n = (int) id.getLeastSignificantBits();
                assertThat(authors.add(n % 20)).as("one proposal per author").isTrue();
                assertThat(keywords.add(n % 40)).as("one proposal per rare keyword").isTrue();
            }
        }
    }

    @Test
    void chooserTakesTheFewestSequenceVotesAmongTheFirstTen() {
        // 15 tops whose sampled top score decreases with i (agree = like it = doable share 0.99 − 0.02 i)
        // while their sequence votes decrease too (1,400 − 20 i): among the first ten ranked, #9 has
        // the fewest votes; #10–#14 have fewer but are out of the window.
        List<SequenceProposal> snapshot = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int n = 1_400 - 20 * i;
            int agree = (int) Math.round(n * (0.99 - 0.02 * i));
            Tally t = Tally.of(agree, n - agree, 0).with(Qualification.LIKE_IT, agree).with(Qualification.DOABLE, agree);
            snapshot.add(proposal(i, i, i, Set.of(), t));
        }
        SequenceOptions one = new SequenceOptions(1, 0, 10, 1_500, 0, 10, null, null, CounterKind.SEQUENCE, 0.1);
        for (int seed = 1; seed <= 5; seed++) {
            assertThat(Sequence.of(snapshot, one).next(Set.of(), new Well19937c(seed))).containsExactly(id(9));
        }
    }

    @Test
    void thompsonSampleDropsABorderlineProposalAsOftenAsItsBetaSays() {
        // X: 8 agree, 12 disagree, 0 neutral (N = 20), the oldest; 20 clear rejections, newer. Sequence
        // of one, all tested: X is shown unless its sampled zone is rejection or limbo, in which case
        // the fill shows the newest rejection instead.
        List<SequenceProposal> snapshot = new ArrayList<>();
        snapshot.add(proposal(0, 0, 0, Set.of(), Tally.of(8, 12, 0)));
        for (int i = 1; i <= 20; i++) {
            snapshot.add(proposal(i, i, i, Set.of(), Tally.of(2, 95, 3)));
        }
        SequenceOptions one = new SequenceOptions(1, 0, 10, 1_500, 0.1, 10, null, null, CounterKind.SEQUENCE, 0.1);
        Sequence sequence = Sequence.of(snapshot, one);
        Well19937c random = new Well19937c(2026);
        int runs = 5_000;
        int dropped = 0;
        for (int run = 0; run < runs; run++) {
            List<UUID> next = sequence.next(Set.of(), random);
            dropped += next.equals(List.of(id(0))) ? 0 : 1;
        }
        // A ~ Beta(8.33, 13), D ~ Beta(12.33, 9), Nn ~ Beta(0.33, 21), drawn independently.
        // Dropped = not consensus and (rejection or limbo):
        //   Nn ≥ 0.4: dropped iff A < 0.6;
        //   Nn < 0.4: dropped iff A < 0.6 and D ≥ 0.6, or A < 0.15 and 0.15 ≤ D < 0.6.
        BetaDistribution a = new BetaDistribution(8.33, 13);
        BetaDistribution d = new BetaDistribution(12.33, 9);
        BetaDistribution neutral = new BetaDistribution(0.33, 21);
        double nLow = neutral.cumulativeProbability(0.4);
        double aBelow06 = a.cumulativeProbability(0.6);
        double expected = (1 - nLow) * aBelow06 + nLow * (aBelow06 * (1 - d.cumulativeProbability(0.6))
                + a.cumulativeProbability(0.15) * (d.cumulativeProbability(0.6) - d.cumulativeProbability(0.15)));
        // binomial standard deviation √(p(1 − p)/5000) ≤ 0.0071: allow 4 of them
        assertThat((double) dropped / runs).isCloseTo(expected, within(0.0284));
        assertThat(expected).isBetween(0.2, 0.8);
    }

    @Test
    void fillsWithNewestWhenThePoolsAreShort() {
        // every proposal has 1,500 sequence votes or more: excluded from both pools
        List<SequenceProposal> snapshot = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            snapshot.add(proposal(i, i % 3, i, Set.of("same"), Tally.of(1_000, 400, 100)));
        }
        Sequence sequence = Sequence.of(snapshot, SequenceOptions.DEFAULTS);
        // newest first, first those that share no author or rare keyword, then any
        List<UUID> next = sequence.next(Set.of(id(29)), new Well19937c(1));
        assertThat(next).containsExactly(id(28), id(27), id(26), id(25), id(24), id(23), id(22), id(21), id(20), id(19),
                id(18), id(17));
        // fewer unvoted proposals than the size: all of them
        Set<UUID> voted = new HashSet<>();
        for (int i = 5; i < 30; i++) {
            voted.add(id(i));
        }
        assertThat(sequence.next(voted, new Well19937c(1))).containsExactly(id(4), id(3), id(2), id(1), id(0));
        assertThat(Sequence.of(List.of(), SequenceOptions.DEFAULTS).next(Set.of(), new Well19937c(1))).isEmpty();
    }

    @Test
    void fillPrefersProposalsThatConflictWithNothingChosen() {
        List<SequenceProposal> snapshot = new ArrayList<>();
        snapshot.add(proposal(0, 7, 0, Set.of(), Tally.EMPTY)); // new, author 7
        snapshot.add(proposal(1, 7, 5, Set.of(), Tally.of(1_600, 0, 0))); // excluded, newest, author 7
        snapshot.add(proposal(2, 8, 4, Set.of(), Tally.of(1_600, 0, 0))); // excluded, author 8
        List<UUID> next = Sequence.of(snapshot, SequenceOptions.DEFAULTS.withSize(2)).next(Set.of(), new Well19937c(1));
        assertThat(next).containsExactly(id(0), id(2));
    }

    @Test
    void optionalThresholdsKeepWeakProposalsOutOfTheTestedPool() {
        List<SequenceProposal> snapshot = List.of(
                proposal(0, 0, 0, Set.of(), consensus()), // 120 sequence votes, qualified "like it", "doable"
                proposal(1, 1, 1, Set.of(), Tally.of(30, 25, 5)), // controversial, 60 votes, no qualification
                proposal(2, 2, 2, Set.of(), Tally.of(50, 5, 5))); // agreed, 60 votes, no qualification
        SequenceOptions one = SequenceOptions.DEFAULTS.withSize(1);
        // without thresholds a proposal with fewer votes, or the controversy, is shown first
        assertThat(Sequence.of(snapshot, one).next(Set.of(), new Well19937c(1))).doesNotContain(id(0));
        // top.lower of proposal 0 ≈ 1.66 − 0.47; the others' top ≈ 0.83 (no qualification) − their half-width
        double topThreshold = ProposalScores.of(consensus()).top().lower();
        double engagementThreshold = ProposalScores.of(consensus()).engagement().lower();
        // newShare ⌈0.3⌉ = 1 but no new proposal: the tested share is the whole sequence
        for (int seed = 0; seed < 20; seed++) {
            assertThat(Sequence.of(snapshot, one.withThresholds(topThreshold, null)).next(Set.of(), new Well19937c(seed)))
                    .containsExactly(id(0));
            assertThat(Sequence.of(snapshot, one.withThresholds(null, engagementThreshold))
                    .next(Set.of(), new Well19937c(seed))).containsExactly(id(0));
        }
    }
}
