package fr.passerelle.imports;

import fr.passerelle.shared.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The uploaded files of imports, kept in the database ({@code import_upload}, under row-level
 * security) in parts of {@link #PART_BYTES}, never on a node's disk: any node can check or import a
 * file another node received (an XLSX file is read from a short-lived owner-only copy, see
 * {@code TabularFile}). A file is deleted once imported, and abandoned ones after
 * {@code passerelle.imports.upload-expiry} by a job that runs on one node at a time.
 */
@Component
class UploadStore {

    /** The size of one stored part: the database hands a file over one part at a time. */
    static final int PART_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UploadStore.class);

    private final JdbcClient jdbc;
    private final Duration expiry;

    UploadStore(JdbcClient jdbc,
            @Value("${passerelle.imports.upload-expiry:PT24H}") Duration expiry) {
        this.jdbc = jdbc;
        this.expiry = expiry;
    }

    /** The file was larger than allowed; nothing of it is kept once the transaction rolls back. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("file too large");
        }
    }

    /**
     * Stores the content of a job's file in the caller's transaction, reading at most {@code limit}
     * bytes; returns the number of bytes stored.
     */
    long save(UUID jobId, InputStream content, long limit) throws IOException {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        long total = 0;
        int part = 0;
        while (true) {
            byte[] bytes = content.readNBytes(PART_BYTES);
            if (bytes.length == 0) {
                return total;
            }
            total += bytes.length;
            if (total > limit) {
                throw new TooLarge();
            }
            jdbc.sql("insert into import_upload (job_id, part, organisation_id, content) values (?, ?, ?, ?)")
                    .params(jobId, part++, organisation, bytes).update();
        }
    }

    /** Whether the job's file is still kept (not imported, not expired). */
    boolean exists(UUID jobId) {
        return jdbc.sql("select exists (select 1 from import_upload where job_id = ? and part = 0)").param(jobId)
                .query(Boolean.class).single();
    }

    /** The job's file, read part by part from the database within the caller's transaction. */
    TabularFile.Source source(UUID jobId) {
        return () -> new PartsStream(jobId);
    }

    /** Deletes the job's file (the import is done). */
    void delete(UUID jobId) {
        jdbc.sql("delete from import_upload where job_id = ?").param(jobId).update();
    }

    /**
     * Deletes the files of every association uploaded longer than the expiry ago (by the database's
     * clock; an expiry under one hour counts as one hour); returns how many parts went.
     */
    int expire() {
        return jdbc.sql("select import_upload_expire(cast(? as interval))").param(expiry.toSeconds() + " seconds")
                .query(Integer.class).single();
    }

    @Scheduled(cron = "${passerelle.imports.expiry-cron:0 */15 * * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "import-upload-expiry", lockAtMostFor = "PT10M")
    public void expireAbandoned() {
        int removed = expire();
        if (removed > 0) {
            LOG.info("import uploads expired: {} parts removed", removed);
        }
    }

    /** The parts of one file in order, each fetched when the previous one is used up. */
    private final class PartsStream extends InputStream {

        private final UUID jobId;
        private int next;
        private InputStream current = InputStream.nullInputStream();
        private boolean ended;

        PartsStream(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!ended) {
                int read = current.read(b, off, len);
                if (read > 0) {
                    return read;
                }
                byte[] bytes = jdbc.sql("select content from import_upload where job_id = ? and part = ?")
                        .params(jobId, next++).query(byte[].class).optional().orElse(null);
                if (bytes == null) {
                    ended = true;
                } else {
                    current = new ByteArrayInputStream(bytes);
                }
            }
            return -1;
        }
    }
}
