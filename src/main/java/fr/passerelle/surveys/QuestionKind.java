package fr.passerelle.surveys;

/** What a survey's item asks for; a section only titles the questions that follow it. */
public enum QuestionKind {
    SECTION, SINGLE, MULTIPLE, SCALE, NUMBER, DATE, TEXT, GRID;

    /** Whether the item takes an answer (all but sections). */
    public boolean answerable() {
        return this != SECTION;
    }

    /** Whether the item offers choices (its options; a grid's are its columns). */
    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == GRID;
    }

    /** Whether another item may be shown on a choice made here. */
    public boolean canCondition() {
        return this == SINGLE || this == MULTIPLE;
    }
}
