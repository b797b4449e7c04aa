package fr.passerelle.consultation.engine;

/** The key of a vote on a proposal. */
public enum VoteKey {
    AGREE, DISAGREE, NEUTRAL
}
