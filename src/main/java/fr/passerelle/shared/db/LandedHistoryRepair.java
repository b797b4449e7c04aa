package fr.passerelle.shared.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the schema history of a database created by a landed {@code main} whose migrations were
 * changed afterwards back to the migrations as they are now, before Flyway validates it.
 *
 * <p>One such history is known. The main of 3 December 2026, 14:02 (2884ebc) applied
 * {@code V202612030600} in its first design (one row per figure and day, {@code obs_count}), the
 * measure dates as {@code V202612030601} and {@code V202612030602}, which dropped {@code obs_count}
 * and created the monthly rows exactly as the landed {@code V202612030600} creates them. The next
 * main went back to the files as they had first landed ({@code V202612030590} and that
 * {@code V202612030600}), so Flyway refuses such a database: a checksum differs and two applied
 * migrations are missing. Its schema is the one the current migrations create, so the history is
 * rewritten to say so. Anything else that looks like it is left alone with a message saying how to
 * repair it by hand (README, "Upgrading a database created between 3 and 6 December").
 *
 * <p>A second one comes from four files edited after they had landed: the main of 6 December
 * (2f4460c) landed {@code V202612061000}, {@code V202612061100}, {@code V202612061310} and
 * {@code V202612061500}, and the next landed main (07ec5e2) changed them. The files are back as
 * 2f4460c landed them and their changes are new migrations ({@code V202612080010} to
 * {@code V202612080040}) that leave a database migrated by 07ec5e2's files as it is. A database
 * that recorded 07ec5e2's checksums for these four versions gets the landed files' checksums.
 *
 * <p>A third: {@code V202612100200} landed with 05f1e04 and was edited by f109044; the mains of
 * 6d4dd2b, 7fab91c and 80fea0e landed the edited file, 71683aa the file as 05f1e04 landed it, which is
 * the file now. The edit's changes are {@code V202612100300} (a no-op on a database migrated by the
 * edited file), so a database that recorded the edited file's checksum gets the current one, and
 * {@code V202612100300} is recorded as applied when it was not (7fab91c applied later versions, so
 * Flyway would refuse it as pending out of order). And {@code V202612110300}: 7fab91c and 80fea0e
 * landed it without c316944's change (the back-fill's date in Paris), 71683aa with it, which is the
 * file now; the change is also {@code V202612120600}, so a database that recorded the other checksum
 * gets the current one.
 */
public final class LandedHistoryRepair {

    private static final Logger log = LoggerFactory.getLogger(LandedHistoryRepair.class);

    static final String AGGREGATES = "202612030600";
    static final String MEASURE_DATES = "202612030590";
    static final String RENUMBERED_MEASURE_DATES = "202612030601";
    static final String MONTHLY_ROWS = "202612030602";

    /** Flyway checksums: the landed V202612030600, and the three files of 2884ebc that differ from it. */
    static final int LANDED_AGGREGATES_CHECKSUM = -1121568616;
    static final int FIRST_DESIGN_AGGREGATES_CHECKSUM = -632986054;
    static final int MEASURE_DATES_CHECKSUM = -640304379;
    static final int MONTHLY_ROWS_CHECKSUM = 1529532922;

    /**
     * What {@link #observatorySchema} reads on a database migrated by the current files up to
     * V202612030810, the last migration 2884ebc applied: the observatory's tables, functions, triggers
     * and indexes, and the measure dates.
     */
    static final String OBSERVATORY_SCHEMA_AT_2884EBC = "1fdf4e025b4a4e1200a8704a093c2785";

    /** Version, then the checksum an earlier main recorded for it, then the checksum of the file now (as it landed last). */
    static final List<EditedAfterLanding> EDITED_AFTER_LANDING = List.of(
            new EditedAfterLanding("202612061000", -1642810374, 96386561),
            new EditedAfterLanding("202612061100", 722681725, 1451782091),
            new EditedAfterLanding("202612061310", -1471566594, -1885968324),
            new EditedAfterLanding("202612061500", -1398024487, -1112035635),
            // f109044's edit, landed with 6d4dd2b, 7fab91c and 80fea0e; the file is back as 05f1e04 and 71683aa
            // landed it, the edit's changes are V202612100300.
            new EditedAfterLanding("202612100200", 170096570, 445287592),
            // As 7fab91c and 80fea0e landed it; c316944's change (the back-fill's date in Paris), landed with
            // 71683aa, is the file now and V202612120600.
            new EditedAfterLanding("202612110300", -1329154372, -176711715));

    /**
     * V202612100300 (f109044's changes to V202612100200 as a migration of their own): what a database that
     * applied the edited V202612100200 already has; its version is below what 7fab91c applied after it.
     */
    static final String SIGNATURE_GATE = "202612100300";
    static final int SIGNATURE_GATE_CHECKSUM = 240529585;

    private static final String MANUAL = " See the README, \"Upgrading a database created between 3 and 6 December\".";

    private LandedHistoryRepair() {}

    /** Repairs a known history of {@code flyway}'s database, if it has one; otherwise changes nothing. */
    public static void repair(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        repair(configuration.getDataSource(), schema, configuration.getTable());
    }

    static void repair(DataSource dataSource, String schema, String table) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String history = schema == null ? quote(table) : quote(schema) + "." + quote(table);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            if (schema != null) {
                jdbc.sql("select set_config('search_path', ?, true)").param(quote(schema)).query().singleRow();
            }
            if (jdbc.sql("select to_regclass(?) is not null").param(history).query(Boolean.class).single()) {
                repairHistory(jdbc, history);
            }
        });
    }

    private static void repairHistory(JdbcClient jdbc, String history) {
        // Other nodes starting at the same time wait here, then find the history repaired.
        jdbc.sql("lock table " + history + " in exclusive mode").update();
        repair2884ebc(jdbc, history);
        repairEditedAfterLanding(jdbc, history);
    }

    /** The files changed after a main had landed them: the checksums of the files as they are now. */
    private static void repairEditedAfterLanding(JdbcClient jdbc, String history) {
        List<String> repaired = new ArrayList<>();
        recordSignatureGate(jdbc, history, repaired);
        for (EditedAfterLanding file : EDITED_AFTER_LANDING) {
            int rows = jdbc.sql("update " + history + " set checksum = ? where version = ? and checksum = ? and success")
                    .params(file.currentChecksum(), file.version(), file.recordedChecksum()).update();
            if (rows > 0) {
                repaired.add("V" + file.version());
            }
        }
        if (!repaired.isEmpty()) {
            log.warn("Schema history repaired: " + String.join(", ", repaired) + " recorded with the checksums of"
                    + " the files as they had landed (V202612061000 to V202612061500 as 2f4460c landed them, their"
                    + " later changes in V202612080010 to V202612080040; V202612100200 as 05f1e04 landed it, the"
                    + " edit this database applied being V202612100300, recorded as applied; V202612110300 as"
                    + " 71683aa landed it, with V202612120600); this database's data is left as it is.");
        }
    }

    /**
     * A database that applied f109044's edit of V202612100200 (its checksum still recorded) and later
     * migrations, but not V202612100300, has what V202612100300 does: it is recorded as applied, since
     * Flyway would refuse a pending migration below the applied ones.
     */
    private static void recordSignatureGate(JdbcClient jdbc, String history, List<String> repaired) {
        EditedAfterLanding edited = EDITED_AFTER_LANDING.stream().filter(f -> f.version().equals("202612100200"))
                .findFirst().orElseThrow();
        int rows = jdbc.sql("insert into " + history + " (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success)"
                        + " select (select max(installed_rank) + 1 from " + history + "), ?, 'programmes signature gate',"
                        + " 'SQL', 'V202612100300__programmes_signature_gate.sql', ?, current_user, 0, true"
                        + " where exists (select 1 from " + history + " where version = ? and checksum = ? and success)"
                        + " and not exists (select 1 from " + history + " where version = ?)")
                .params(SIGNATURE_GATE, SIGNATURE_GATE_CHECKSUM, edited.version(), edited.recordedChecksum(),
                        SIGNATURE_GATE)
                .update();
        if (rows > 0) {
            repaired.add("V" + SIGNATURE_GATE);
        }
    }

    private static void repair2884ebc(JdbcClient jdbc, String history) {
        Map<String, Applied> applied = new LinkedHashMap<>();
        jdbc.sql("select version, script, checksum, success from " + history
                        + " where version in (?, ?, ?, ?) order by installed_rank")
                .params(AGGREGATES, MEASURE_DATES, RENUMBERED_MEASURE_DATES, MONTHLY_ROWS)
                .query((rs, row) -> new Applied(rs.getString("version"), rs.getString("script"),
                        (Integer) rs.getObject("checksum"), rs.getBoolean("success")))
                .list().forEach(row -> applied.put(row.version(), row));
        if (!applied.containsKey(RENUMBERED_MEASURE_DATES) && !applied.containsKey(MONTHLY_ROWS)) {
            return;
        }
        boolean from2884ebc = applied.size() == 3
                && matches(applied.get(AGGREGATES), "V202612030600__observatory_aggregates.sql",
                        FIRST_DESIGN_AGGREGATES_CHECKSUM)
                && matches(applied.get(RENUMBERED_MEASURE_DATES), "V202612030601__observatory_measure_dates.sql",
                        MEASURE_DATES_CHECKSUM)
                && matches(applied.get(MONTHLY_ROWS), "V202612030602__observatory_monthly_rows.sql",
                        MONTHLY_ROWS_CHECKSUM);
        if (!from2884ebc) {
            throw new IllegalStateException("The schema history holds V202612030601 or V202612030602, migrations"
                    + " that no longer exist, but not as the main of 3 December 14:02 (2884ebc) applied them:"
                    + " it cannot be repaired automatically." + MANUAL);
        }
        String found = observatorySchema(jdbc);
        if (!found.equals(OBSERVATORY_SCHEMA_AT_2884EBC)) {
            throw new IllegalStateException("The schema history is the one of the main of 3 December 14:02"
                    + " (2884ebc), but the observatory's tables and functions are not what its migrations"
                    + " created (fingerprint " + found + "): the history is left as it is." + MANUAL);
        }
        jdbc.sql("update " + history + " set checksum = ? where version = ?")
                .params(LANDED_AGGREGATES_CHECKSUM, AGGREGATES).update();
        jdbc.sql("update " + history + " set version = ?, script = ? where version = ?")
                .params(MEASURE_DATES, "V202612030590__observatory_measure_dates.sql", RENUMBERED_MEASURE_DATES)
                .update();
        jdbc.sql("delete from " + history + " where version = ?").param(MONTHLY_ROWS).update();
        log.warn("Schema history of a database created by the main of 3 December 14:02 (2884ebc) repaired:"
                + " V202612030600 recorded with the landed file's checksum, V202612030601 recorded as"
                + " V202612030590 (the same file), V202612030602 removed (it created what V202612030600 creates).");
    }

    /**
     * A fingerprint of the objects the changed migrations create: the observatory's tables (columns and
     * types), functions (bodies), triggers and indexes, and the measure's two kept dates. It reads no
     * deparsed expression, so that it does not depend on the server's version.
     */
    static String observatorySchema(JdbcClient jdbc) {
        return jdbc.sql("""
                with here as (select oid from pg_namespace where nspname = current_schema())
                select md5(coalesce(string_agg(item, ' | ' order by item), '')) from (
                    select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                           || case when a.attnotnull then ' not null' else '' end as item
                      from pg_attribute a join pg_class c on c.oid = a.attrelid
                     where c.relnamespace = (select oid from here) and c.relkind in ('r', 'p')
                       and a.attnum > 0 and not a.attisdropped
                       and (c.relname like 'obs\\_%'
                            or (c.relname = 'measure' and a.attname in ('ended_on', 'started_on')))
                    union all
                    select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
                           || md5(p.prosrc)
                      from pg_proc p
                     where p.pronamespace = (select oid from here)
                       and (p.proname like 'obs\\_%' or p.proname like 'observatory\\_%'
                            or p.proname = 'measure_dates_from_transitions')
                    union all
                    select 'trigger ' || c.relname || '.' || t.tgname || ' ' || t.tgtype || ' ' || p.proname
                      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                     where c.relnamespace = (select oid from here) and not t.tgisinternal
                       and (p.proname like 'obs\\_%' or p.proname like 'observatory\\_%'
                            or p.proname = 'measure_dates_from_transitions')
                    union all
                    select 'index ' || c.relname || ' on ' || t.relname
                      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
                     where t.relnamespace = (select oid from here) and t.relname like 'obs\\_%'
                ) items""").query(String.class).single();
    }

    private static boolean matches(Applied row, String script, int checksum) {
        return row != null && row.success() && row.script().equals(script) && Objects.equals(row.checksum(), checksum);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    record EditedAfterLanding(String version, int recordedChecksum, int currentChecksum) {}

    private record Applied(String version, String script, Integer checksum, boolean success) {}
}
