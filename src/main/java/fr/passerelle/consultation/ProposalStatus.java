package fr.passerelle.consultation;

/** Moderation status of a proposal: PENDING → ACCEPTED | REFUSED | POSTPONED, ACCEPTED → ARCHIVED. */
public enum ProposalStatus {
    PENDING, ACCEPTED, REFUSED, POSTPONED, ARCHIVED
}
