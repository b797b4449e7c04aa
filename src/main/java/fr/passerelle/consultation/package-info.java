/**
 * Consultation: participatory consultations, proposals, moderation, votes, the voting sequence and
 * the opinion analysis. The algorithms are pure Java in {@code engine} (see CONSULTATION.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation")
package fr.passerelle.consultation;
