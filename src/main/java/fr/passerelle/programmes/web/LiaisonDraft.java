package fr.passerelle.programmes.web;

/** A liaison form as typed, shown again (flashed) when it is refused, so that nothing typed is lost. */
public record LiaisonDraft(String firstName, String lastName, String birthDate, String sex, String neighbourhood,
        String liaisonFrom, String liaisonOn, String liaisonReason) implements java.io.Serializable {}
