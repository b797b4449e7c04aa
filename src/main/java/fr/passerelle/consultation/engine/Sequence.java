package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.RandomGenerator;

/**
 * What a participant sees next (CONSULTATION.md, "Sequence"). Built once from a snapshot of the
 * accepted proposals (pools, common keywords), then asked for any number of participants. Immutable
 * and safe to share; the randomness comes from the generator given to {@link #next}, so a seeded
 * generator makes the result deterministic.
 */
public final class Sequence {

    private final SequenceOptions options;
    /** New pool, oldest first. */
    private final List<SequenceProposal> newPool;
    /** Tested pool, in snapshot order. */
    private final List<SequenceProposal> testedPool;
    /** Every accepted proposal, newest first (for the fill). */
    private final List<SequenceProposal> newestFirst;
    private final Set<String> commonKeywords;

    private Sequence(List<SequenceProposal> accepted, SequenceOptions options) {
        this.options = options;
        Comparator<SequenceProposal> oldestFirst =
                Comparator.comparing(SequenceProposal::createdAt).thenComparing(SequenceProposal::id);
        this.newPool = accepted.stream().filter(p -> p.sequenceVotes() < options.newBelowSequenceVotes())
                .sorted(oldestFirst).toList();
        this.testedPool = accepted.stream().filter(this::tested).toList();
        this.newestFirst = accepted.stream().sorted(oldestFirst.reversed()).toList();
        this.commonKeywords = commonKeywords(accepted, options.commonKeywordShare());
    }

    /** The sequence over these accepted proposals. */
    public static Sequence of(List<SequenceProposal> accepted, SequenceOptions options) {
        return new Sequence(List.copyOf(accepted), options);
    }

    /** Keywords carried by more than {@code share} of the proposals. */
    static Set<String> commonKeywords(List<SequenceProposal> proposals, double share) {
        Map<String, Integer> counts = new HashMap<>();
        for (SequenceProposal p : proposals) {
            for (String k : p.keywords()) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        Set<String> common = new HashSet<>();
        counts.forEach((k, n) -> {
            if (n > share * proposals.size()) {
                common.add(k);
            }
        });
        return Set.copyOf(common);
    }

    private boolean tested(SequenceProposal p) {
        long votes = p.sequenceVotes();
        if (votes < options.newBelowSequenceVotes() || votes >= options.testedBelowSequenceVotes()) {
            return false;
        }
        if (options.minTopLowerBound() == null && options.minEngagementLowerBound() == null) {
            return true;
        }
        ProposalScores scores = ProposalScores.of(p.counters().get(options.scoreCounter()));
        return (options.minTopLowerBound() == null || scores.top().lower() >= options.minTopLowerBound())
                && (options.minEngagementLowerBound() == null
                        || scores.engagement().lower() >= options.minEngagementLowerBound());
    }

    public Set<String> commonKeywords() {
        return commonKeywords;
    }

    /**
     * The next sequence of a participant: ids of accepted proposals they have not voted, at most
     * {@code size}, without repetition.
     */
    public List<UUID> next(Set<UUID> voted, RandomGenerator random) {
        RandomDataGenerator draws = RandomDataGenerator.of(random);
        Selection selection = new Selection();

        // 3. New share: oldest first, at most one per author.
        int newCount = Math.min(options.newCount(), options.size());
        Set<UUID> newAuthors = new HashSet<>();
        for (SequenceProposal p : newPool) {
            if (selection.size() == newCount) {
                break;
            }
            if (!voted.contains(p.id()) && newAuthors.add(p.author())) {
                selection.add(p);
            }
        }

        // 4. Tested share: a Thompson sample of each candidate decides its zone this time.
        int testedShare = options.size() - selection.size();
        List<Ranked> tops = new ArrayList<>();
        List<Ranked> controversies = new ArrayList<>();
        for (SequenceProposal p : testedPool) {
            if (voted.contains(p.id()) || selection.contains(p)) {
                continue;
            }
            ThompsonSample sample = ThompsonSample.of(p.counters().get(options.scoreCounter()), draws);
            switch (sample.zone()) {
                case CONSENSUS -> tops.add(new Ranked(p, sample.top()));
                case CONTROVERSY -> controversies.add(new Ranked(p, sample.controversy()));
                default -> { /* sampled rejection or no clear opinion: dropped this time */ }
            }
        }
        Comparator<Ranked> bySampleDesc = Comparator.comparingDouble(Ranked::sample).reversed();
        tops.sort(bySampleDesc);
        controversies.sort(bySampleDesc);
        selection.dropConflicts(tops);
        selection.dropConflicts(controversies);
        int controversyQuota = (int) Math.ceil(options.controversyShare() * testedShare - 1e-9);
        int chosen = choose(controversies, Math.min(controversyQuota, testedShare), selection, tops);
        chosen += choose(tops, testedShare - chosen, selection, controversies);
        choose(controversies, testedShare - chosen, selection, tops);

        // 6. Shuffle, then fill with accepted unvoted proposals, newest first.
        List<SequenceProposal> result = new ArrayList<>(selection.proposals);
        shuffle(result, random);
        fill(result, voted, selection);
        return result.stream().map(SequenceProposal::id).toList();
    }

    /**
     * 5. The chooser: looks at the first proposals of the ranked list, takes the one with the fewest
     * sequence votes (the better ranked on a tie), then drops the candidates of the same author or
     * with a shared non-common keyword from both lists.
     */
    private int choose(List<Ranked> ranked, int wanted, Selection selection, List<Ranked> other) {
        int taken = 0;
        while (taken < wanted && !ranked.isEmpty()) {
            int best = 0;
            int window = Math.min(options.chooserWindow(), ranked.size());
            for (int i = 1; i < window; i++) {
                if (ranked.get(i).proposal().sequenceVotes() < ranked.get(best).proposal().sequenceVotes()) {
                    best = i;
                }
            }
            selection.add(ranked.remove(best).proposal());
            selection.dropConflicts(ranked);
            selection.dropConflicts(other);
            taken++;
        }
        return taken;
    }

    /** Fills up to the size, newest first, preferring proposals that conflict with none chosen. */
    private void fill(List<SequenceProposal> result, Set<UUID> voted, Selection selection) {
        for (boolean avoidConflicts : new boolean[] {true, false}) {
            for (SequenceProposal p : newestFirst) {
                if (result.size() >= options.size()) {
                    return;
                }
                if (!voted.contains(p.id()) && !selection.contains(p) && !(avoidConflicts && selection.conflicts(p))) {
                    selection.add(p);
                    result.add(p);
                }
            }
        }
    }

    private static void shuffle(List<SequenceProposal> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            SequenceProposal t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private record Ranked(SequenceProposal proposal, double sample) {}

    /** The proposals chosen so far, with their authors and non-common keywords. */
    private final class Selection {
        final List<SequenceProposal> proposals = new ArrayList<>();
        final Set<UUID> ids = new HashSet<>();
        final Set<UUID> authors = new HashSet<>();
        final Set<String> keywords = new HashSet<>();

        void add(SequenceProposal p) {
            proposals.add(p);
            ids.add(p.id());
            authors.add(p.author());
            for (String k : p.keywords()) {
                if (!commonKeywords.contains(k)) {
                    keywords.add(k);
                }
            }
        }

        int size() {
            return proposals.size();
        }

        boolean contains(SequenceProposal p) {
            return ids.contains(p.id());
        }

        boolean conflicts(SequenceProposal p) {
            if (authors.contains(p.author())) {
                return true;
            }
            for (String k : p.keywords()) {
                if (keywords.contains(k) && !commonKeywords.contains(k)) {
                    return true;
                }
            }
            return false;
        }

        void dropConflicts(List<Ranked> candidates) {
            Iterator<Ranked> it = candidates.iterator();
            while (it.hasNext()) {
                if (conflicts(it.next().proposal())) {
                    it.remove();
                }
            }
        }
    }
}
