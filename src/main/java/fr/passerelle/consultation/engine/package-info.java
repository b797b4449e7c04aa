/**
 * The consultation's algorithms in pure Java (scores, zones, sequence, analysis). Exposed to other
 * modules because the public vote API ({@code Votes}) speaks its types ({@code VoteKey},
 * {@code Qualification}).
 */
@org.springframework.modulith.NamedInterface("engine")
package fr.passerelle.consultation.engine;
