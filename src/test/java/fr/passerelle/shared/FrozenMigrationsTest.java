package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A landed migration is frozen: every file of src/main/resources/db/migration has its Flyway
 * checksum in src/test/resources/db/migration-checksums.txt, and any change, rename or deletion of a
 * listed file fails here (an installation that applied the old file would fail Flyway's validation).
 */
@PasserelleIntegrationTest
class FrozenMigrationsTest {

    static final String CHECKSUMS = "db/migration-checksums.txt";

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void everyMigrationIsTheOneThatLandedAndEveryNewOneIsListed() {
        MigrationDatabases databases = new MigrationDatabases(server);
        Map<String, Migration> current = new TreeMap<>();
        for (MigrationInfo info : databases.flyway(databases.fresh("migrations_frozen"), null).info().all()) {
            current.put(info.getVersion().getVersion(),
                    new Migration(info.getVersion().getVersion(), info.getScript(), info.getChecksum()));
        }

        List<String> problems = differences(listed(), current);

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void aChangedRenamedDeletedOrUnlistedMigrationIsReportedWithWhatToDo() {
        Map<String, Migration> listed = new LinkedHashMap<>();
        listed.put("1", new Migration("1", "V1__shared_a.sql", 10));
        listed.put("2", new Migration("2", "V2__shared_b.sql", 20));
        listed.put("3", new Migration("3", "V3__shared_c.sql", 30));
        Map<String, Migration> current = new TreeMap<>();
        current.put("1", new Migration("1", "V1__shared_a.sql", 11));
        current.put("2", new Migration("2", "V2__shared_renamed.sql", 20));
        current.put("4", new Migration("4", "V4__shared_d.sql", 40));

        List<String> problems = differences(listed, current);

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).contains("V1__shared_a.sql was changed").contains("add a new migration");
        assertThat(problems.get(1)).contains("V2__shared_b.sql was renamed to V2__shared_renamed.sql");
        assertThat(problems.get(2)).contains("V3__shared_c.sql was deleted");
        assertThat(problems.get(3)).contains("V4__shared_d.sql is not listed")
                .contains("4 V4__shared_d.sql 40");
    }

    @Test
    void eachListedFileNameStartsWithItsVersion() {
        assertThat(listed().values()).isNotEmpty()
                .allMatch(migration -> migration.script().startsWith("V" + migration.version() + "__"));
    }

    /** One line of the list: what Flyway validates an applied migration against. */
    record Migration(String version, String script, Integer checksum) {

        String line() {
            return version + " " + script + " " + checksum;
        }
    }

    static Map<String, Migration> listed() {
        Map<String, Migration> listed = new LinkedHashMap<>();
        try {
            String text = new ClassPathResource(CHECKSUMS).getContentAsString(StandardCharsets.UTF_8);
            for (String line : text.lines().map(String::strip).toList()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                assertThat(fields).as("a line of " + CHECKSUMS + ": " + line).hasSize(3);
                assertThat(listed).as("versions listed twice in " + CHECKSUMS).doesNotContainKey(fields[0]);
                listed.put(fields[0], new Migration(fields[0], fields[1], Integer.valueOf(fields[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listed;
    }

    static List<String> differences(Map<String, Migration> listed, Map<String, Migration> current) {
        List<String> problems = new ArrayList<>();
        String frozen = " Landed migrations are frozen (an installation that applied it would fail Flyway's"
                + " validation): restore the file as listed in src/test/resources/" + CHECKSUMS
                + " and add a new migration instead (docs/architecture.md, \"Migrations are frozen\").";
        for (Migration landed : listed.values()) {
            Migration now = current.get(landed.version());
            if (now == null) {
                problems.add(landed.script() + " was deleted." + frozen);
            } else if (!now.script().equals(landed.script())) {
                problems.add(landed.script() + " was renamed to " + now.script() + "." + frozen);
            } else if (!now.checksum().equals(landed.checksum())) {
                problems.add(landed.script() + " was changed (checksum " + now.checksum() + ", listed "
                        + landed.checksum() + ")." + frozen);
            }
        }
        current.values().stream().filter(migration -> !listed.containsKey(migration.version()))
                .forEach(added -> problems.add(added.script() + " is not listed: if it is a new migration,"
                        + " add this line to src/test/resources/" + CHECKSUMS + ":\n" + added.line()));
        return problems;
    }
}
