package fr.passerelle.consultation;

/** How a profile question is answered: yes or no, one of a list of choices, or a French département code. */
public enum ProfileQuestionKind {
    YES_NO, CHOICE, DEPARTEMENT
}
