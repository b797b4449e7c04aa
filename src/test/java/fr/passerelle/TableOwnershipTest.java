package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module, and a module's SQL names only its own tables and the views
 * other modules publish (ADR 0010). The ownership table is the one in docs/architecture.md
 * ("Table ownership"), read here, so the documentation cannot drift from what is checked.
 *
 * <p>Checked: the SQL of each module's Java sources ({@code src/main/java/fr/passerelle/<module>}:
 * a table named after {@code from}, {@code join}, {@code into}, {@code update}, {@code table},
 * {@code on}, {@code truncate} or {@code copy}) and each migration, by the module named in its file
 * name (every whole-word table name outside comments, string literals and foreign keys). Landed
 * migrations are frozen: what they touch of other modules' tables is listed below, file by file.
 * The demo module writes through the other modules' Java APIs and names no table; bench/ is a load
 * harness outside the application, not a module, and is not checked.
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path MIGRATIONS = ROOT.resolve("src/main/resources/db/migration");
    private static final Path JAVA = ROOT.resolve("src/main/java/fr/passerelle");
    private static final Path ARCHITECTURE = ROOT.resolve("docs/architecture.md");

    /** The last migration landed before the rule (V202612031510): only those may have exceptions. */
    private static final String LAST_LANDED = "202612031510";

    /**
     * What the landed (frozen) migrations touch of other modules' tables, exactly. None may be
     * added: a new migration of a module touches only its own tables (its triggers, grants and
     * columns included) and reads others' through their published views. Foreign keys to another
     * module's key ({@code references organisation (id)}) are allowed and not listed.
     */
    private static final Map<String, Set<String>> FROZEN_EXCEPTIONS = Map.ofEntries(
            // The national catalogue, created here with the measures and owned by the network since
            // V202612061710, and each association's catalogue seeded from it and the registry of organisations.
            Map.entry("V202611231300__measures_persons_catalogue_measures.sql",
                    Set.of("default_measure_type", "organisation")),
            // Permissions of the billing, moderation, directory and dashboard features, granted to
            // identity's roles by the features' own migrations (new ones go in identity migrations).
            Map.entry("V202611231900__measures_catalogue_settings_billing.sql", Set.of("role_permission")),
            Map.entry("V202611240600__consultation_moderation_analysis.sql", Set.of("role_permission")),
            Map.entry("V202612030410__network_profile_changes.sql", Set.of("organisation", "role_permission")),
            Map.entry("V202612030500__observatory_dashboard_permissions.sql", Set.of("role_permission")),
            // Columns of the deadline digest (planned end, due day, digest opt-in) added by the mail outbox's migration.
            Map.entry("V202611231930__shared_mail_outbox_and_job_locks.sql", Set.of("app_user", "measure", "report")),
            // The end and first-interview dates kept on the measure, and their trigger on the transitions:
            // the measures module's columns and trigger, created by the observatory's migrations.
            Map.entry("V202612030590__observatory_measure_dates.sql", Set.of("measure", "measure_transition")),
            Map.entry("V202612031510__observatory_measure_dates_per_statement.sql",
                    Set.of("measure", "measure_transition")),
            // The observatory's triggers on other modules' tables and its reads of them, moved to the
            // owners by V202612061700 (identity), V202612061710 (network), V202612061720 (measures)
            // and V202612061730 (observatory).
            Map.entry("V202612030600__observatory_aggregates.sql", Set.of("court_of_appeal", "default_measure_type",
                    "judicial_court", "measure", "measure_transition", "measure_type", "network_region",
                    "organisation")),
            Map.entry("V202612030810__observatory_aggregates_version.sql", Set.of("court_of_appeal",
                    "default_measure_type", "judicial_court", "network_region", "organisation")),
            Map.entry("V202612031500__observatory_kept_figures_changes.sql", Set.of("app_user", "billing_statement",
                    "billing_statement_line", "court_of_appeal", "default_measure_type", "judicial_court", "measure",
                    "measure_incident", "measure_quantity_entry", "measure_type", "network_region", "organisation",
                    "person", "report")));

    /**
     * Tables created by one module's (frozen) migration and owned by another since: table → owner.
     * The national catalogue of measure types, created with the measures, is the network's
     * reference data (V202612061710).
     */
    private static final Map<String, String> TRANSFERRED = Map.of("default_measure_type", "network");

    /** A relation of the ownership table: its owner, and whether other modules may read it (a published view). */
    record Relation(String name, String owner, boolean published) {}

    private static final Pattern OWNERSHIP_ROW = Pattern.compile(
            "^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*(table|view)\\s*\\|\\s*([a-z]+)\\s*\\|.*\\|\\s*$");

    private static final Pattern JAVA_SQL = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|on|truncate|copy)\\s+([a-z_][a-z0-9_]*)\\b");

    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?(table|(?:or\\s+replace\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    /** A literal of SQL: a bare name (group 1) or any other text. */
    private static final Pattern LITERAL = Pattern.compile("'([a-z_][a-z0-9_]*)'|'(?:[^']++|'')*+'");

    private static final Pattern DROPPED = Pattern.compile(
            "(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void everyTableAndViewOfTheMigrationsHasExactlyOneDocumentedOwner() {
        Map<String, Relation> owned = ownership();
        Map<String, String> creators = new TreeMap<>();
        Set<String> dropped = new TreeSet<>();
        for (Path file : migrations()) {
            String sql = withoutComments(read(file));
            Matcher created = CREATED.matcher(sql);
            while (created.find()) {
                creators.putIfAbsent(created.group(2).toLowerCase(), file.getFileName().toString());
            }
            Matcher gone = DROPPED.matcher(sql);
            while (gone.find()) {
                dropped.add(gone.group(1).toLowerCase());
            }
        }
        List<String> problems = new ArrayList<>();
        creators.forEach((name, file) -> {
            Relation relation = owned.get(name);
            if (dropped.contains(name)) {
                if (relation != null) {
                    problems.add(name + " was dropped but still has an owner in docs/architecture.md");
                }
            } else if (relation == null) {
                problems.add(name + " (created by " + file + ") has no owner in docs/architecture.md, Table ownership");
            } else if (!relation.owner().equals(TRANSFERRED.getOrDefault(name, module(file)))) {
                problems.add(name + " is created by " + file + " but owned by " + relation.owner());
            }
        });
        owned.keySet().stream().filter(name -> !creators.containsKey(name))
                .forEach(name -> problems.add(name + " is documented but no migration creates it"));
        assertThat(problems).as("table ownership").isEmpty();
    }

    @Test
    void eachModulesJavaSqlNamesOnlyItsOwnTablesAndPublishedViews() {
        Map<String, Relation> owned = ownership();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(JAVA)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        violations.addAll(javaViolations(module.getFileName().toString(),
                                JAVA.relativize(file).toString(), read(file), owned));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void eachMigrationTouchesOnlyItsModulesTablesBeyondTheFrozenExceptions() {
        Map<String, Relation> owned = ownership();
        List<String> problems = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        for (Path file : migrations()) {
            String name = file.getFileName().toString();
            files.add(name);
            Set<String> named = migrationViolations(name, read(file), owned);
            Set<String> allowed = FROZEN_EXCEPTIONS.getOrDefault(name, Set.of());
            for (String table : named) {
                if (!allowed.contains(table)) {
                    problems.add("module " + module(name) + ", migration " + name + ": names " + table
                            + ", owned by " + owned.get(table).owner());
                }
            }
            for (String table : allowed) {
                if (!named.contains(table)) {
                    problems.add("frozen exception " + name + " / " + table + " no longer applies: remove it");
                }
            }
        }
        FROZEN_EXCEPTIONS.keySet().forEach(name -> {
            if (!files.contains(name)) {
                problems.add("frozen exception for " + name + ", which does not exist");
            } else if (version(name).compareTo(LAST_LANDED) > 0) {
                problems.add(name + " came after the rule: it may have no exception");
            }
        });
        assertThat(problems).as("migrations naming another module's table").isEmpty();
    }

    @Test
    void aViolationNamesTheModuleTheFileAndTheTable() {
        Map<String, Relation> owned = ownership();
        String source = """
                class Offer {
                    // a comment naming from person is not SQL
                    String sql = "select o.name from organisation o join measure m on m.organisation_id = o.id";
                    String fine = "select code from network_measure_catalogue_v";
                }""";
        assertThat(javaViolations("network", "network/Offer.java", source, owned)).containsExactly(
                "module network, network/Offer.java: names organisation, owned by identity",
                "module network, network/Offer.java: names measure, owned by measures");
        String migration = """
                -- a trigger on measure in a comment does not count
                create trigger t after insert on 'measure' for each statement execute function f();
                create table network_thing (id uuid references organisation (id));
                comment on table network_thing is 'the measure of things';
                grant select on identity_organisation_v to someone;""";
        assertThat(migrationViolations("V209901010000__network_thing.sql", migration, owned))
                .containsExactly("measure");
    }

    private static List<String> javaViolations(String module, String file, String source,
            Map<String, Relation> owned) {
        List<String> violations = new ArrayList<>();
        Matcher m = JAVA_SQL.matcher(withoutJavaComments(source));
        Set<String> seen = new TreeSet<>();
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            Relation relation = owned.get(name);
            if (relation != null && !relation.owner().equals(module) && !relation.published() && seen.add(name)) {
                violations.add("module " + module + ", " + file + ": names " + name + ", owned by " + relation.owner());
            }
        }
        return violations;
    }

    /** The tables of other modules a migration names (outside comments, literal text and foreign keys). */
    private static Set<String> migrationViolations(String file, String sql, Map<String, Relation> owned) {
        String module = module(file);
        // Literal text goes, unless it is a bare name (a table named in dynamic SQL).
        String text = LITERAL.matcher(withoutComments(sql).replaceAll("(?i)\\breferences\\s+[a-z_][a-z0-9_]*", " "))
                .replaceAll(literal -> literal.group(1) != null ? " " + literal.group(1) + " " : "''");
        Set<String> named = new TreeSet<>();
        Matcher words = Pattern.compile("[a-z_][a-z0-9_]*").matcher(text.toLowerCase());
        while (words.find()) {
            Relation relation = owned.get(words.group());
            if (relation != null && !relation.owner().equals(module) && !relation.published()) {
                named.add(relation.name());
            }
        }
        return named;
    }

    /** The ownership table of docs/architecture.md: relation → owning module, published or not. */
    private static Map<String, Relation> ownership() {
        Map<String, Relation> owned = new LinkedHashMap<>();
        String doc = read(ARCHITECTURE);
        int start = doc.indexOf("\n## Table ownership");
        assertThat(start).as("docs/architecture.md has a section \"Table ownership\"").isPositive();
        int end = doc.indexOf("\n## ", start + 1);
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            Matcher row = OWNERSHIP_ROW.matcher(line);
            if (row.matches()) {
                Relation relation = new Relation(row.group(1), row.group(3), row.group(2).equals("view"));
                assertThat(owned.put(relation.name(), relation)).as("%s documented once", relation.name()).isNull();
            }
        }
        assertThat(owned).as("rows of the table ownership").isNotEmpty();
        return owned;
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module of a migration: the word after the version ({@code V…__measures_what.sql}). */
    private static String module(String file) {
        String name = file.substring(file.indexOf("__") + 2);
        return name.substring(0, name.indexOf('_'));
    }

    private static String version(String file) {
        return file.substring(1, file.indexOf("__"));
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", " ");
    }

    private static String withoutJavaComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//[^\n]*", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
