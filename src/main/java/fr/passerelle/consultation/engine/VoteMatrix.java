package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sparse vote matrix, participants × proposals (compressed rows): one cell per vote with its key
 * and qualifications; a missing cell means not voted. Only trusted votes belong here. Numerically a
 * cell is agree −1, disagree +1, neutral 0 (CONSULTATION.md, "Analysis"). Immutable.
 */
public final class VoteMatrix {

    private final List<UUID> participants;
    private final List<UUID> proposals;
    private final int[] rowStart;
    private final int[] columns;
    /** Bits 0–1: key ordinal; bits 2–4: the qualifications of that key. */
    private final byte[] cells;

    private VoteMatrix(List<UUID> participants, List<UUID> proposals, int[] rowStart, int[] columns, byte[] cells) {
        this.participants = participants;
        this.proposals = proposals;
        this.rowStart = rowStart;
        this.columns = columns;
        this.cells = cells;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int participantCount() {
        return participants.size();
    }

    public int proposalCount() {
        return proposals.size();
    }

    public int voteCount() {
        return columns.length;
    }

    public UUID participant(int row) {
        return participants.get(row);
    }

    public UUID proposal(int column) {
        return proposals.get(column);
    }

    public List<UUID> participants() {
        return participants;
    }

    public List<UUID> proposals() {
        return proposals;
    }

    /** Votes cast by the participant of this row (neutral included). */
    public int votesOf(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    int rowEnd(int row) {
        return rowStart[row + 1];
    }

    int column(int cell) {
        return columns[cell];
    }

    VoteKey key(int cell) {
        return VoteKey.values()[cells[cell] & 3];
    }

    /** Agree −1, disagree +1, neutral 0. */
    double value(int cell) {
        return switch (cells[cell] & 3) {
            case 0 -> -1.0;
            case 1 -> 1.0;
            default -> 0.0;
        };
    }

    boolean qualified(int cell, int indexInKey) {
        return (cells[cell] >> (2 + indexInKey) & 1) != 0;
    }

    /** Collects votes; a second vote of the same participant on the same proposal replaces the first. */
    public static final class Builder {
        private final Map<UUID, Integer> participantIndex = new HashMap<>();
        private final Map<UUID, Integer> proposalIndex = new HashMap<>();
        private final List<UUID> participants = new ArrayList<>();
        private final List<UUID> proposals = new ArrayList<>();
        private int[] rows = new int[1024];
        private int[] cols = new int[1024];
        private byte[] cells = new byte[1024];
        private int size;

        private Builder() {}

        /** Declares a proposal (so that proposals nobody voted still have a column). */
        public Builder proposal(UUID proposal) {
            index(proposal, proposalIndex, proposals);
            return this;
        }

        public Builder vote(UUID participant, UUID proposal, VoteKey key) {
            return vote(participant, proposal, key, Set.of());
        }

        public Builder vote(UUID participant, UUID proposal, VoteKey key, Set<Qualification> qualifications) {
            if (!Qualification.allowed(key, qualifications)) {
                throw new IllegalArgumentException("qualification of another key than " + key);
            }
            int cell = key.ordinal();
            for (Qualification q : qualifications) {
                cell |= 1 << (2 + q.indexInKey());
            }
            if (size == rows.length) {
                int capacity = size * 2;
                rows = Arrays.copyOf(rows, capacity);
                cols = Arrays.copyOf(cols, capacity);
                cells = Arrays.copyOf(cells, capacity);
            }
            rows[size] = index(participant, participantIndex, participants);
            cols[size] = index(proposal, proposalIndex, proposals);
            cells[size] = (byte) cell;
            size++;
            return this;
        }

        private static int index(UUID id, Map<UUID, Integer> index, List<UUID> ids) {
            Integer i = index.get(id);
            if (i == null) {
                i = ids.size();
                index.put(id, i);
                ids.add(id);
            }
            return i;
        }

        public VoteMatrix build() {
            int n = participants.size();
            int[] start = new int[n + 1];
            for (int i = 0; i < size; i++) {
                start[rows[i] + 1]++;
            }
            for (int r = 0; r < n; r++) {
                start[r + 1] += start[r];
            }
            // Stable counting sort by row, then per row by column keeping the last vote of a pair.
            long[] order = new long[size];
            int[] next = Arrays.copyOf(start, n);
            for (int i = 0; i < size; i++) {
                order[next[rows[i]]++] = ((long) cols[i] << 32) | i;
            }
            int[] outStart = new int[n + 1];
            int[] outCols = new int[size];
            byte[] outCells = new byte[size];
            int out = 0;
            for (int r = 0; r < n; r++) {
                Arrays.sort(order, start[r], start[r + 1]);
                outStart[r] = out;
                for (int k = start[r]; k < start[r + 1]; k++) {
                    int col = (int) (order[k] >>> 32);
                    boolean lastOfPair = k + 1 == start[r + 1] || (int) (order[k + 1] >>> 32) != col;
                    if (lastOfPair) {
                        outCols[out] = col;
                        outCells[out] = cells[(int) order[k]];
                        out++;
                    }
                }
            }
            outStart[n] = out;
            return new VoteMatrix(List.copyOf(participants), List.copyOf(proposals), outStart,
                    Arrays.copyOf(outCols, out), Arrays.copyOf(outCells, out));
        }
    }
}
