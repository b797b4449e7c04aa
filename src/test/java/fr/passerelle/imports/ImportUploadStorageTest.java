package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Uploaded import files live in the database only: any node reads them, they expire, other associations never see them. */
@PasserelleIntegrationTest
class ImportUploadStorageTest {

    @Autowired
    ImportJobs jobs;

    @Autowired
    UploadStore uploads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    BulkCases bulk;

    @Autowired
    Courts courts;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    /** A family name no other test uses: it marks the bytes of this test's files. */
    final String family = "Stockage" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
            + ThreadLocalRandom.current().nextInt(1_000_000);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theUploadIsKeptInTheDatabaseAndNowhereOnDisk() throws IOException {
        SignedIn.as(users, "admin.asso");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant before = Instant.now().minusSeconds(1);
        byte[] content = file();

        UUID id = jobs.upload("cases.csv", content.length, new ByteArrayInputStream(content));

        assertThat(storedBytes(id)).isEqualTo(content);
        assertThat(filesContaining(tmp, before, family)).isEmpty();
    }

    @Test
    void aFreshServiceInstanceReadingOnlyTheDatabaseChecksAndImportsTheFile() {
        PasserelleUser admin = SignedIn.as(users, "admin.asso");
        byte[] content = file();
        UUID id = jobs.upload("cases.csv", content.length, new ByteArrayInputStream(content));
        // Another node: its own store and run, nothing shared with the node that took the upload but the database.
        ImportRun otherNode = new ImportRun(jdbc, json, bulk, courts, audit,
                new UploadStore(jdbc, clock, Duration.ofHours(24)), transactions);

        TenantContext.runAs(admin.organisationId(), () -> otherNode.run(id, false));
        assertThat(jobs.get(id).status()).isEqualTo("CHECKED");
        assertThat(jobs.get(id).errorCount()).isZero();
        assertThat(jobs.get(id).rowsTotal()).isEqualTo(2);

        TenantContext.runAs(admin.organisationId(), () -> otherNode.run(id, true));
        ImportJobs.Job imported = jobs.get(id);
        assertThat(imported.status()).isEqualTo("IMPORTED");
        assertThat(imported.measuresCreated()).isEqualTo(2);
        assertThat(parts(id)).as("the file is deleted once imported").isZero();
    }

    @Test
    void anAbandonedUploadExpiresAndCanNoLongerBeChecked() {
        SignedIn.as(users, "admin.asso");
        byte[] content = file();
        UUID id = jobs.upload("cases.csv", content.length, new ByteArrayInputStream(content));
        UUID recent = jobs.upload("recent.csv", content.length, new ByteArrayInputStream(content));
        OwnerSql.of(server).sql("update import_upload set created_at = now() - interval '25 hours' where job_id = ?")
                .param(id).update();

        uploads.expireAbandoned();

        assertThat(parts(id)).isZero();
        assertThat(parts(recent)).as("a file younger than the expiry stays").isPositive();
        assertThatThrownBy(() -> jobs.map(id, jobs.get(id).mapping(), false))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.expired"));
        assertThat(jobs.get(id).status()).isEqualTo("UPLOADED");
    }

    @Test
    void anotherAssociationCannotReadTheUpload() {
        SignedIn.as(users, "admin.asso");
        byte[] content = file();
        UUID id = jobs.upload("cases.csv", content.length, new ByteArrayInputStream(content));
        PasserelleUser other = SignedIn.as(users, "admin.marseille");
        TransactionTemplate tx = new TransactionTemplate(transactions);

        long seen = TenantContext.callAs(other.organisationId(), () -> tx.execute(s ->
                jdbc.sql("select count(*) from import_upload where job_id = ?").param(id).query(Long.class).single()));
        boolean exists = TenantContext.callAs(other.organisationId(), () -> tx.execute(s -> uploads.exists(id)));

        assertThat(seen).isZero();
        assertThat(exists).isFalse();
        assertThat(parts(id)).isPositive();
    }

    private byte[] file() {
        return String.join("\r\n", ImportJobsTest.HEADER,
                        family + ";Zoé;14/03/1985;F;CJSE;TJ-LYON;Parquet;;03/11/2025;",
                        family + ";Émile;01/02/1990;M;TIG;TJ-LYON;Parquet;;04/11/2025;")
                .getBytes(Charset.forName("windows-1252"));
    }

    private byte[] storedBytes(UUID id) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : OwnerSql.of(server).sql("select content from import_upload where job_id = ? order by part")
                .param(id).query(byte[].class).list()) {
            all.write(part);
        }
        return all.toByteArray();
    }

    private long parts(UUID id) {
        return OwnerSql.of(server).sql("select count(*) from import_upload where job_id = ?").param(id)
                .query(Long.class).single();
    }

    /** Regular files under {@code root} changed since {@code since} whose bytes contain {@code marker}. */
    private static List<Path> filesContaining(Path root, Instant since, String marker) throws IOException {
        byte[] needle = marker.getBytes(Charset.forName("windows-1252"));
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, java.util.Set.of(), 6, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.lastModifiedTime().toInstant().isAfter(since)
                        && attrs.size() < 64L * 1024 * 1024 && contains(file, needle)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
