package fr.passerelle.programmes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures Passerelle computes for a programme from what is recorded in it. A sheet's indicator,
 * copied into a programme, is tied to one of them (suggested from its wording at adoption, changed
 * by the lead), or to none when the data recorded cannot compute it: then it is listed as not
 * computed, never typed in.
 */
public enum ProgrammeMeasure {
    /** Liaison forms received. */
    LIAISONS,
    /** Beneficiaries admitted by the group. */
    ADMITTED,
    /** Minors among those admitted (age at the group's decision). */
    MINORS,
    /** Attendance rate: present at sessions over expected. */
    ASSIDUITY,
    /** Punctuality rate: on time over present. */
    PUNCTUALITY,
    /** Orientations to mainstream services. */
    ORIENTATIONS,
    /** Positive exits (job, training, back to school, garantie jeunes) over exits. */
    POSITIVE_EXITS,
    /** Contracts completed over contracts signed. */
    CONTRACTS_COMPLETED,
    /** Follow-up contacts recorded. */
    CONTACTS,
    /** Money spent over beneficiaries admitted. */
    COST_PER_BENEFICIARY;

    /** The measure an indicator's wording most likely asks for, if any. */
    public static Optional<ProgrammeMeasure> suggestFor(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        if (text.contains("assiduit") || text.contains("presence")) {
            return Optional.of(ASSIDUITY);
        }
        if (text.contains("ponctualit") || text.contains("retard")) {
            return Optional.of(PUNCTUALITY);
        }
        if (text.contains("cout") || text.contains("budget")) {
            return Optional.of(COST_PER_BENEFICIARY);
        }
        if (text.contains("contrat")) {
            return Optional.of(CONTRACTS_COMPLETED);
        }
        if (text.contains("sortie") || text.contains("insertion") || text.contains("emploi")
                || text.contains("retour en formation") || text.contains("rescolaris") || text.contains("qualifi")) {
            return Optional.of(POSITIVE_EXITS);
        }
        if (text.contains("orient")) {
            return Optional.of(ORIENTATIONS);
        }
        if (text.contains("mineur") && !text.contains("majeur")) {
            return Optional.of(MINORS);
        }
        if (text.contains("fiche") || text.contains("signalement") || text.contains("repere")) {
            return Optional.of(LIAISONS);
        }
        if (text.contains("entretien") || text.contains("rencontre") || text.contains("contact")) {
            return Optional.of(CONTACTS);
        }
        if (text.contains("nombre") && (text.contains("jeune") || text.contains("beneficiaire")
                || text.contains("personne") || text.contains("participant") || text.contains("public"))) {
            return Optional.of(ADMITTED);
        }
        return Optional.empty();
    }
}
