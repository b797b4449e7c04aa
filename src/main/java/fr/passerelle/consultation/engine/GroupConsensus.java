package fr.passerelle.consultation.engine;

import java.util.UUID;

/**
 * Group-aware consensus of a proposal: the product over the groups of (agree_g + 1)/(seen_g + 2),
 * and its geometric mean (the product to the power 1/groups), which does not shrink as groups are
 * added; {@code weakestGroupAgreement} is the smallest of those shares among the groups with at least
 * {@link Zone#MIN_VOTES} votes on the proposal (NaN when none has), which {@link Zone#of} compares with {@link Zone#GROUP_AGREEMENT}.
 */
public record GroupConsensus(UUID proposal, double product, double geometricMean, double weakestGroupAgreement) {}
