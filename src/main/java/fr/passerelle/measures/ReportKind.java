package fr.passerelle.measures;

/** The kinds of report to the magistrate: rapport initial, d'étape, d'incident, de fin, rapport d'enquête. */
public enum ReportKind { INITIAL, STAGE, INCIDENT, FINAL, INVESTIGATION }
