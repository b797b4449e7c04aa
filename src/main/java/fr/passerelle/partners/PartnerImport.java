package fr.passerelle.partners;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.imports.SpreadsheetUploads;
import fr.passerelle.imports.SpreadsheetUploads.Purpose;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of a partner list from a CSV or XLSX file, with the steps of the caseload import: the
 * file is received and read by the imports module ({@link SpreadsheetUploads}: same limits, zip-bomb
 * guard, file kept in the database only), its columns mapped to fields, checked (dry run: every row
 * is written through {@link PartnerDirectory} with its rules, then everything rolled back), then
 * imported all or nothing (any row in error and nothing is written).
 *
 * <p>Rows naming the same partner (name compared without accents, case or punctuation) make one
 * partner with their sites and contacts (the first row gives its type, activities and tags; another
 * type is an error). A partner already in the directory is never changed: a row of its name at a
 * postcode where it already has a site (or without a postcode) is a duplicate, skipped with a
 * warning; at another postcode, its site and contact are added to it, with a warning.
 */
@Service
public class PartnerImport {

    /** The most data rows of a partner list (a directory holds hundreds of partners, not thousands). */
    public static final int MAX_ROWS = 2_000;
    /** Problems of each kind kept for display; all are counted. */
    public static final int MAX_KEPT_PER_KIND = 50;

    /** A field of the directory a column can be mapped to. */
    public enum Field {
        NAME(true, "nom", "name", "structure", "partenaire", "nom de la structure", "raison sociale", "organisme"),
        TYPE(true, "type", "type de structure", "categorie", "category"),
        SITE_NAME(false, "site", "nom du site", "site name", "etablissement"),
        ADDRESS(false, "adresse", "address", "adresse du site", "rue"),
        POSTCODE(false, "code postal", "cp", "postcode", "postal code", "zip"),
        CITY(false, "ville", "commune", "city", "localite"),
        LATITUDE(false, "latitude", "lat"),
        LONGITUDE(false, "longitude", "lon", "lng", "long"),
        CONTACT_NAME(false, "contact", "nom du contact", "contact name", "interlocuteur", "referent"),
        CONTACT_ROLE(false, "fonction", "role", "poste", "contact role", "fonction du contact"),
        CONTACT_PHONE(false, "telephone", "tel", "phone", "telephone du contact", "contact phone"),
        CONTACT_EMAIL(false, "courriel", "e mail", "email", "mail", "courriel du contact", "contact email"),
        ACTIVITIES(false, "activites", "activities", "activite", "missions"),
        TAGS(false, "etiquettes", "tags", "mots cles", "etiquette");

        private final boolean required;
        private final List<String> headers;

        Field(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }

        public boolean required() {
            return required;
        }

        public String labelKey() {
            return "partners.import.field." + name();
        }
    }

    /** A problem of one row (row 0: the file or the mapping), with the message key that explains it. */
    public record Problem(int row, String column, String value, String key, List<Object> args) {}

    /** The problems of one kind: how many, and the first ones. */
    public record ProblemGroup(String key, int count, List<Problem> problems) {}

    /**
     * What a dry run found, or an import did: rows read, partners, sites and contacts created (or
     * that would be), rows skipped as duplicates, errors and warnings grouped by kind.
     */
    public record Report(boolean imported, int rows, int partners, int sites, int contacts, int skipped,
            int errorCount, List<ProblemGroup> errors, int warningCount, List<ProblemGroup> warnings) {

        public boolean clean() {
            return errorCount == 0;
        }
    }

    private final SpreadsheetUploads spreadsheets;
    private final PartnerDirectory directory;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Map<String, String> types = new HashMap<>();

    PartnerImport(SpreadsheetUploads spreadsheets, PartnerDirectory directory, JdbcClient jdbc, AuditLog audit,
            MessageSource messages, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.spreadsheets = spreadsheets;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        for (String code : PartnerDirectory.TYPES) {
            types.put(SpreadsheetUploads.comparable(code), code);
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String label = messages.getMessage("partners.type." + code, null, code, locale);
                types.putIfAbsent(SpreadsheetUploads.comparable(label), code);
                // "CHU (hébergement d'urgence)": the acronym and the words; "CMP / EPSM": each part.
                for (String part : label.split("[()/]")) {
                    if (!part.isBlank()) {
                        types.putIfAbsent(SpreadsheetUploads.comparable(part), code);
                    }
                }
            }
        }
    }

    /**
     * The type a cell names: a code or a label in French or English, accents, case and punctuation
     * aside; else the first of its parts (between brackets or slashes) that names one, as in
     * "Centre de soins (CSAPA)"; null when none does.
     */
    String type(String value) {
        String whole = types.get(SpreadsheetUploads.comparable(value));
        if (whole != null) {
            return whole;
        }
        for (String part : value.split("[()/]")) {
            String type = types.get(SpreadsheetUploads.comparable(part));
            if (type != null && !part.isBlank()) {
                return type;
            }
        }
        return null;
    }

    /** Receives a partner list (the same checks as a caseload file); its id. */
    @Transactional
    public UUID upload(String originalName, long size, InputStream content) {
        require();
        UUID id = spreadsheets.receive(Purpose.PARTNERS, originalName, size, content);
        SpreadsheetUploads.Upload upload = spreadsheets.upload(Purpose.PARTNERS, id);
        audit.record("partner.import.uploaded", "import_job", id, Map.of("file", upload.fileName(), "size", size,
                "format", upload.format()));
        return id;
    }

    /** A received list, not imported yet. */
    @Transactional(readOnly = true)
    public SpreadsheetUploads.Upload file(UUID id) {
        require();
        return spreadsheets.upload(Purpose.PARTNERS, id);
    }

    /** The mapping proposed from the headers: each header a field knows, each field at most once. */
    public static Map<Integer, Field> propose(List<String> headers) {
        Map<Integer, Field> mapping = new TreeMap<>();
        Set<Field> taken = EnumSet.noneOf(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = SpreadsheetUploads.comparable(headers.get(i));
            for (Field field : Field.values()) {
                if (field.headers.contains(header) && taken.add(field)) {
                    mapping.put(i, field);
                    break;
                }
            }
        }
        return mapping;
    }

    /**
     * Reads and writes every row, then rolls everything back: what the import would do. The writes
     * run in a transaction of their own, audited once it is rolled back.
     */
    public Report check(UUID id, Map<Integer, Field> mapping) {
        require();
        Report report = transactions.execute(status -> {
            status.setRollbackOnly();
            return process(id, mapping, false);
        });
        audit.recordCommitted("partner.import.checked", "import_job", id, Map.of("rows", report.rows(),
                "errors", report.errorCount()));
        return report;
    }

    /** Imports every row, or nothing when a row is in error (the report then lists the errors). */
    public Report run(UUID id, Map<Integer, Field> mapping) {
        require();
        Report report = transactions.execute(status -> {
            Report done = process(id, mapping, true);
            if (!done.imported()) {
                status.setRollbackOnly();
                return done;
            }
            spreadsheets.imported(Purpose.PARTNERS, id);
            audit.record("partner.import.imported", "import_job", id, Map.of("rows", done.rows(),
                    "partners", done.partners(), "sites", done.sites(), "contacts", done.contacts(),
                    "skipped", done.skipped()));
            return done;
        });
        if (!report.imported()) {
            audit.recordCommitted("partner.import.refused", "import_job", id, Map.of("rows", report.rows(),
                    "errors", report.errorCount()));
        }
        return report;
    }

    private Report process(UUID id, Map<Integer, Field> mapping, boolean commit) {
        SpreadsheetUploads.Upload upload = commit ? spreadsheets.claim(Purpose.PARTNERS, id)
                : spreadsheets.upload(Purpose.PARTNERS, id);
        Run run = new Run(upload.headers(), mapping);
        for (Field field : Field.values()) {
            long times = mapping.values().stream().filter(field::equals).count();
            if (times > 1) {
                throw new BusinessException(400, "partners.import.mapping.twice", field.labelKey());
            }
            if (field.required() && times == 0) {
                throw new BusinessException(400, "partners.import.mapping.missing", field.labelKey());
            }
        }
        if (mapping.keySet().stream().anyMatch(c -> c < 0 || c >= upload.headers().size())) {
            throw new BusinessException(400, "partners.import.mapping.missing", Field.NAME.labelKey());
        }
        jdbc.sql("""
                select p.id, p.name, s.postcode from partner p left join partner_site s on s.partner_id = p.id""")
                .query(rs -> {
                    UUID partnerId = rs.getObject(1, UUID.class);
                    Existing partner = run.existing.computeIfAbsent(SpreadsheetUploads.comparable(rs.getString(2)),
                            k -> new Existing(partnerId, new HashSet<>()));
                    if (rs.getString(3) != null) {
                        partner.postcodes().add(rs.getString(3));
                    }
                });
        try {
            spreadsheets.forEachRow(Purpose.PARTNERS, id, MAX_ROWS, run::read);
        } catch (BusinessException refusal) {
            run.problem(run.errors, new Problem(0, "", "", refusal.messageKey(),
                    refusal.arguments() == null ? List.of() : List.of(refusal.arguments())));
        }
        return run.report(commit && run.errorCount == 0);
    }

    /** A partner of the directory before the import, with the postcodes of its sites. */
    private record Existing(UUID id, Set<String> postcodes) {}

    /** A partner created by this import, with its type and the sites made for it (by postcode and address). */
    private record Created(UUID id, String type, Map<String, UUID> sites) {}

    /** One pass over the rows of a file. */
    private final class Run {

        private final List<String> headers;
        private final Map<Field, Integer> columns = new LinkedHashMap<>();
        private final Map<String, Existing> existing = new HashMap<>();
        private final Map<String, Created> created = new HashMap<>();
        private final Map<UUID, Map<String, UUID>> addedSites = new HashMap<>();
        private final Map<String, List<Problem>> errors = new LinkedHashMap<>();
        private final Map<String, List<Problem>> warnings = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private int errorCount;
        private int warningCount;
        private int rows;
        private int partners;
        private int sites;
        private int contacts;
        private int skipped;

        Run(List<String> headers, Map<Integer, Field> mapping) {
            this.headers = headers;
            mapping.forEach((column, field) -> columns.put(field, column));
        }

        void read(SpreadsheetUploads.Row row) {
            rows++;
            for (int column = 0; column < row.cells().size(); column++) {
                if (SpreadsheetUploads.looksLikeFormula(row.cell(column))) {
                    problem(warnings, new Problem(row.number(), header(column), row.cell(column),
                            "import.warning.formula", List.of()));
                }
            }
            String name = cell(row, Field.NAME);
            if (name.isEmpty()) {
                error(row, Field.NAME, "partners.name.required", List.of());
                return;
            }
            String typeValue = cell(row, Field.TYPE);
            String type = type(typeValue);
            if (type == null) {
                error(row, Field.TYPE, typeValue.isEmpty() ? "partners.import.error.typeMissing"
                        : "partners.import.error.type", List.of(typeValue));
                return;
            }
            String key = SpreadsheetUploads.comparable(name);
            UUID partnerId;
            Existing before = existing.get(key);
            Created earlier = created.get(key);
            if (before != null) {
                String postcode = cell(row, Field.POSTCODE);
                if (postcode.isEmpty() || before.postcodes().contains(postcode)) {
                    skipped++;
                    problem(warnings, new Problem(row.number(), header(Field.NAME), name,
                            "partners.import.warning.duplicate", List.of(name, postcode)));
                    return;
                }
                problem(warnings, new Problem(row.number(), header(Field.NAME), name,
                        "partners.import.warning.merged", List.of(name, postcode)));
                partnerId = before.id();
            } else if (earlier != null) {
                if (!earlier.type().equals(type)) {
                    error(row, Field.TYPE, "partners.import.error.typeConflict", List.of(typeValue, name));
                    return;
                }
                partnerId = earlier.id();
            } else {
                try {
                    partnerId = directory.create(new PartnerDirectory.PartnerInput(name, type, null,
                            cell(row, Field.ACTIVITIES), cell(row, Field.TAGS), null, null, null));
                } catch (FieldRefusal refusal) {
                    refused(row, refusal, Map.of("name", Field.NAME, "activities", Field.ACTIVITIES, "tags", Field.TAGS));
                    return;
                }
                created.put(key, new Created(partnerId, type, new HashMap<>()));
                partners++;
            }
            UUID siteId = site(row, name, partnerId);
            if (siteId == null && anyOf(row, Field.SITE_NAME, Field.ADDRESS, Field.POSTCODE, Field.CITY,
                    Field.LATITUDE, Field.LONGITUDE)) {
                return;
            }
            if (anyOf(row, Field.CONTACT_NAME, Field.CONTACT_ROLE, Field.CONTACT_PHONE, Field.CONTACT_EMAIL)) {
                try {
                    directory.addContact(partnerId, new PartnerDirectory.ContactInput(cell(row, Field.CONTACT_NAME),
                            cell(row, Field.CONTACT_ROLE), cell(row, Field.CONTACT_PHONE),
                            cell(row, Field.CONTACT_EMAIL), siteId));
                    contacts++;
                } catch (FieldRefusal refusal) {
                    refused(row, refusal, Map.of("fullName", Field.CONTACT_NAME, "roleLabel", Field.CONTACT_ROLE,
                            "phone", Field.CONTACT_PHONE, "email", Field.CONTACT_EMAIL));
                }
            }
        }

        /** The row's site (added once per partner, postcode and address), null when it has none or is refused. */
        private UUID site(SpreadsheetUploads.Row row, String partnerName, UUID partnerId) {
            if (!anyOf(row, Field.SITE_NAME, Field.ADDRESS, Field.POSTCODE, Field.CITY, Field.LATITUDE,
                    Field.LONGITUDE)) {
                return null;
            }
            String siteKey = cell(row, Field.POSTCODE) + "|" + SpreadsheetUploads.comparable(cell(row, Field.ADDRESS));
            Map<String, UUID> partnerSites = addedSites.computeIfAbsent(partnerId, k -> new HashMap<>());
            UUID known = partnerSites.get(siteKey);
            if (known != null) {
                return known;
            }
            String siteName = cell(row, Field.SITE_NAME);
            try {
                UUID siteId = directory.addSite(partnerId, new PartnerDirectory.SiteInput(
                        siteName.isEmpty() ? partnerName : siteName, cell(row, Field.ADDRESS), cell(row, Field.POSTCODE),
                        cell(row, Field.CITY), null, cell(row, Field.LATITUDE), cell(row, Field.LONGITUDE)));
                partnerSites.put(siteKey, siteId);
                sites++;
                return siteId;
            } catch (FieldRefusal refusal) {
                refused(row, refusal, Map.of("name", Field.SITE_NAME, "address", Field.ADDRESS,
                        "postcode", Field.POSTCODE, "departementCode", Field.POSTCODE, "city", Field.CITY,
                        "latitude", Field.LATITUDE, "longitude", Field.LONGITUDE));
                return null;
            }
        }

        private void refused(SpreadsheetUploads.Row row, FieldRefusal refusal, Map<String, Field> fields) {
            Field field = fields.getOrDefault(refusal.field(), Field.NAME);
            error(row, field, refusal.messageKey(),
                    refusal.arguments() == null ? List.of() : List.of(refusal.arguments()));
        }

        private void error(SpreadsheetUploads.Row row, Field field, String key, List<Object> args) {
            problem(errors, new Problem(row.number(), header(field), cell(row, field), key, args));
        }

        void problem(Map<String, List<Problem>> kinds, Problem problem) {
            if (kinds == errors) {
                errorCount++;
            } else {
                warningCount++;
            }
            String kind = (kinds == errors ? "e:" : "w:") + problem.key();
            counts.merge(kind, 1, Integer::sum);
            List<Problem> kept = kinds.computeIfAbsent(problem.key(), k -> new ArrayList<>());
            if (kept.size() < MAX_KEPT_PER_KIND) {
                kept.add(problem);
            }
        }

        private boolean anyOf(SpreadsheetUploads.Row row, Field... fields) {
            for (Field field : fields) {
                if (!cell(row, field).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private String cell(SpreadsheetUploads.Row row, Field field) {
            Integer column = columns.get(field);
            return column == null ? "" : row.cell(column);
        }

        private String header(Field field) {
            Integer column = columns.get(field);
            return column == null ? "" : header(column);
        }

        private String header(int column) {
            return column < headers.size() ? headers.get(column) : "";
        }

        Report report(boolean imported) {
            return new Report(imported, rows, partners, sites, contacts, skipped, errorCount, groups(errors, "e:"),
                    warningCount, groups(warnings, "w:"));
        }

        private List<ProblemGroup> groups(Map<String, List<Problem>> kinds, String prefix) {
            return kinds.entrySet().stream()
                    .map(e -> new ProblemGroup(e.getKey(), counts.get(prefix + e.getKey()), e.getValue()))
                    .sorted(Comparator.comparingInt(ProblemGroup::count).reversed()
                            .thenComparingInt(g -> g.problems().get(0).row()))
                    .toList();
        }
    }

    private static void require() {
        if (!fr.passerelle.shared.TenantContext.hasAuthority(PartnerDirectory.MANAGE)) {
            throw new AccessDeniedException(PartnerDirectory.MANAGE + " required");
        }
    }
}
