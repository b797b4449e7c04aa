package fr.passerelle.imports;

import fr.passerelle.measures.BulkCases;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a column of an imported file may hold, with the French (and a few English) headers that
 * associations use for it, to propose the mapping automatically.
 */
public enum ImportField {
    LAST_NAME(true, "lastName", "nom", "nom de famille", "nom d usage", "nom usage", "nom de naissance", "last name",
            "nom personne", "nom du beneficiaire"),
    FIRST_NAME(true, "firstName", "prenom", "prenoms", "first name", "prenom du beneficiaire"),
    BIRTH_DATE(false, "birthDate", "date de naissance", "date naissance", "ne le", "ne e le", "nee le", "ddn",
            "naissance", "birth date"),
    SEX(false, "sex", "sexe", "genre", "civilite", "sex"),
    PHONE(false, "phone", "telephone", "tel", "portable", "telephone portable", "tel portable", "mobile", "phone"),
    EMAIL(false, "email", "email", "e mail", "courriel", "mail", "adresse mail", "adresse electronique",
            "adresse e mail"),
    ADDRESS(false, "address", "adresse", "adresse postale", "domicile", "address"),
    MEASURE_TYPE(true, "measureTypeId", "type de mesure", "mesure", "type", "nature de la mesure", "nature mesure",
            "type mesure", "measure type"),
    COURT(true, "courtCode", "juridiction", "tribunal", "tribunal judiciaire", "tj", "court"),
    PRESCRIBER_TYPE(true, "prescriberType", "prescripteur", "type de prescripteur", "type prescripteur", "mandant",
            "autorite mandante"),
    PRESCRIBER_NAME(false, "prescriberName", "magistrat", "nom du magistrat", "nom du prescripteur", "juge",
            "magistrat ou service"),
    PARQUET_NUMBER(false, "parquetNumber", "parquet", "n parquet", "no parquet", "numero parquet",
            "numero de parquet", "num parquet"),
    INSTRUCTION_NUMBER(false, "instructionNumber", "instruction", "n instruction", "no instruction",
            "numero instruction", "numero d instruction", "num instruction"),
    RECEIVED_ON(true, "receivedOn", "date de reception", "date reception", "reception", "date de saisine",
            "saisine", "recu le", "recue le", "date d arrivee"),
    DUE_ON(false, "dueOn", "echeance", "date d echeance", "date de fin prevue", "date limite", "a rendre le",
            "date butoir"),
    ASSIGNEE(false, "assigneeId", "intervenant", "intervenante", "intervenant e", "identifiant intervenant",
            "login intervenant", "referent", "referente", "charge de suivi", "case worker"),
    STATUS(false, "status", "statut", "etat", "statut de la mesure", "etat de la mesure", "situation", "status"),
    STARTED_ON(false, "startedOn", "date de debut", "debut", "date du premier entretien", "date premier entretien",
            "premier entretien", "debut de prise en charge", "debut de mesure", "started on"),
    ENDED_ON(false, "endedOn", "date de fin", "fin", "date fin", "fin de mesure", "date de fin de mesure",
            "date de cloture", "cloture le", "terminee le", "termine le", "ended on"),
    OUTCOME(false, "outcome", "issue", "issue de la mesure", "motif de fin", "motif de sortie", "motif de cloture",
            "outcome"),
    FILE_NUMBER(false, "fileNumber", "n dossier", "no dossier", "numero de dossier", "numero dossier", "dossier",
            "num dossier", "ref dossier", "reference dossier", "reference interne", "file number"),
    NOTES(false, "notes", "observations", "observation", "notes", "note", "commentaire", "commentaires", "remarques");

    /** The columns whose values are chosen among known ones, and whose unknown values the user maps. */
    public static final Set<ImportField> MAPPED_VALUES = java.util.EnumSet.of(MEASURE_TYPE, COURT, PRESCRIBER_TYPE,
            ASSIGNEE, STATUS, OUTCOME);

    private static final Map<String, ImportField> BY_HEADER = new HashMap<>();

    static {
        for (ImportField field : values()) {
            for (String alias : field.aliases) {
                BY_HEADER.putIfAbsent(alias, field);
            }
        }
    }

    private final boolean required;
    private final String property;
    private final List<String> aliases;

    ImportField(boolean required, String property, String... aliases) {
        this.required = required;
        this.property = property;
        this.aliases = Arrays.asList(aliases);
    }

    public boolean required() {
        return required;
    }

    /** The message key of the field's name. */
    public String labelKey() {
        return "import.field." + name();
    }

    /** The field of a refusal from the persons/measures rules that this column feeds. */
    static Optional<ImportField> ofProperty(String property) {
        return Arrays.stream(values()).filter(f -> f.property.equals(property)).findFirst();
    }

    /** The field of this name, if any. */
    static Optional<ImportField> ofName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field a header names, if it is one of the known headers. */
    static Optional<ImportField> ofHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(headerKey(header)));
    }

    /** The mapping proposed from the headers: each known header to its field, each field at most once. */
    static Map<Integer, ImportField> propose(List<String> headers) {
        Map<Integer, ImportField> mapping = new java.util.TreeMap<>();
        Set<ImportField> taken = java.util.EnumSet.noneOf(ImportField.class);
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            ofHeader(headers.get(i)).filter(taken::add).ifPresent(f -> mapping.put(column, f));
        }
        return mapping;
    }

    /** Lower case, without accents or punctuation: "N° de parquet" and "numéro parquet" compare. */
    static String headerKey(String header) {
        return BulkCases.normalise(header == null ? "" : header).replaceAll("[^a-z0-9]+", " ").trim()
                .toLowerCase(Locale.ROOT);
    }
}
