package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Uploaded import files live in the database only: any node reads them, they expire, other associations never see them. */
@PasserelleIntegrationTest
class ImportUploadStorageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

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
    void anUploadPostedOverHttpIsKeptInTheDatabaseAndNowhereOnDisk() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path database = Path.of(JdbcClient.create(server.superuserDataSource("postgres")).sql("show data_directory")
                .query(String.class).single()).toRealPath();
        Instant before = Instant.now().minusSeconds(1);
        byte[] content = file();
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn("admin.asso", DemoAccounts.PASSWORD))).endsWith("/");
        Matcher csrf = CSRF.matcher(web.get("/imports").body());
        assertThat(csrf.find()).isTrue();
        String boundary = "passerelle-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> posted = web.send("/imports", r -> r
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(WebClient.location(posted)).matches(".*/imports/[0-9a-f-]{36}");
        UUID id = UUID.fromString(WebClient.location(posted).substring(WebClient.location(posted).lastIndexOf('/') + 1));
        assertThat(storedBytes(id)).isEqualTo(content);
        // The container may spool the request body while it is read; it deletes it when the request ends.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(filesContaining(tmp, database, before, family)).isEmpty());
    }

    @Test
    void aFreshServiceInstanceReadingOnlyTheDatabaseChecksAndImportsTheFile() {
        PasserelleUser admin = SignedIn.as(users, "admin.asso");
        byte[] content = file();
        UUID id = jobs.upload("cases.csv", content.length, new ByteArrayInputStream(content));
        // Another node: its own store and run, nothing shared with the node that took the upload but the database.
        ImportRun otherNode = new ImportRun(jdbc, json, bulk, courts, audit,
                new UploadStore(jdbc, Duration.ofHours(24)), new ValueChoices(jdbc), transactions);

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
    void noArgumentOfTheExpiryFunctionDeletesAnUploadOfTheLastHour() {
        SignedIn.as(users, "admin.asso");
        byte[] content = file();
        UUID recent = jobs.upload("recent.csv", content.length, new ByteArrayInputStream(content));

        for (String absurd : List.of("0 seconds", "-100 years", "1 second", "59 minutes")) {
            jdbc.sql("select import_upload_expire(cast(? as interval))").param(absurd).query(Integer.class).single();
        }
        jdbc.sql("select import_upload_expire(null)").query(Integer.class).single();

        assertThat(parts(recent)).as("the cutoff is computed by the function, never before one hour").isPositive();
        OwnerSql.of(server).sql("update import_upload set created_at = now() - interval '61 minutes' where job_id = ?")
                .param(recent).update();
        jdbc.sql("select import_upload_expire(cast(? as interval))").param("-100 years").query(Integer.class).single();
        assertThat(parts(recent)).as("an expiry below one hour counts as one hour").isZero();
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

    /**
     * Regular files under {@code root}, outside the test database's directory {@code excluded} (which
     * holds the upload, in its tables and log), changed since {@code since}, whose bytes contain {@code marker}.
     */
    private static List<Path> filesContaining(Path root, Path excluded, Instant since, String marker) throws IOException {
        byte[] needle = marker.getBytes(Charset.forName("windows-1252"));
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, java.util.Set.of(), 8, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(excluded) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

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
