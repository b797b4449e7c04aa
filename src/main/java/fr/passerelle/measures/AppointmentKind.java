package fr.passerelle.measures;

/** Where an appointment (entretien) takes place. */
public enum AppointmentKind { OFFICE, PHONE, VIDEO, HOME_VISIT, PRISON }
