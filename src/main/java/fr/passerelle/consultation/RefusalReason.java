package fr.passerelle.consultation;

/** The reasons of the moderation charter a proposal may be refused for. */
public enum RefusalReason {
    INCOMPREHENSIBLE, OFF_TOPIC, PARTISAN, ILLEGAL, ADVERTISING, SEVERAL_IDEAS, WRONG_LANGUAGE, RUDE, TEST, OTHER
}
