package fr.passerelle.partners;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed document of a convention, kept in the database (never on a disk). Each upload is a new
 * version; the earlier versions are kept and the highest is the current one. The type is detected
 * from the bytes (Apache Tika), never from the file's name or the browser's claim: only PDF and
 * scans as PNG or JPEG are accepted. Every upload and every download is audited.
 */
@Service
public class ConventionDocuments {

    /** The types accepted, as detected from the content. */
    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");
    static final int FILENAME_MAX = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final PartnerConventions conventions;
    private final ConventionProperties properties;
    private final Tika tika = new Tika();

    ConventionDocuments(JdbcClient jdbc, AuditLog audit, Clock clock, PartnerConventions conventions,
            ConventionProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.conventions = conventions;
        this.properties = properties;
    }

    /** A version of a convention's document, without its bytes. */
    public record DocumentVersion(UUID id, int version, String filename, String mediaType, int sizeBytes,
            Instant uploadedAt, String uploadedByName) {

        /** Its size in kilobytes, rounded up. */
        public int kilobytes() {
            return (sizeBytes + 1023) / 1024;
        }
    }

    /** A document to send: its name, detected type and bytes. */
    public record Download(String filename, String mediaType, byte[] content) {}

    /** The largest document accepted, in bytes. */
    public long maxBytes() {
        return properties.conventionDocumentMaxBytes().toBytes();
    }

    /** The largest document accepted, in whole megabytes (rounded up), for messages. */
    public long maxMegabytes() {
        return (maxBytes() + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /**
     * Attaches a new version of the signed document; refuses an empty file, a file over the limit and a
     * file whose content is not a PDF, PNG or JPEG (whatever its name says), changing nothing.
     */
    @Transactional
    public int attach(UUID conventionId, String originalFilename, byte[] content) {
        conventions.get(conventionId);
        if (content == null || content.length == 0) {
            throw new FieldRefusal("file", "convention.document.empty");
        }
        if (content.length > maxBytes()) {
            throw new FieldRefusal("file", "convention.document.tooLarge", maxMegabytes());
        }
        String type = tika.detect(content);
        if (!ACCEPTED_TYPES.contains(type)) {
            throw new FieldRefusal("file", "convention.document.wrongType");
        }
        // One upload at a time per convention: the next version number is taken under the row's lock.
        jdbc.sql("select id from partner_convention where id = ? for update").param(conventionId).query(UUID.class).single();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from partner_convention_document where convention_id = ?")
                .param(conventionId).query(Integer.class).single();
        TenantPrincipal me = TenantContext.currentPrincipal().orElseThrow();
        UUID id = Ids.newId();
        String sha256 = sha256(content);
        jdbc.sql("""
                insert into partner_convention_document (id, organisation_id, convention_id, version, filename, media_type,
                    size_bytes, sha256, content, uploaded_at, uploaded_by, uploaded_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.currentOrganisationId().orElseThrow(), conventionId, version,
                        filename(originalFilename, type), type, content.length, sha256, content,
                        Timestamp.from(clock.instant()), me.userId(), me.displayName())
                .update();
        audit.record("convention.document.attached", "partner_convention", conventionId,
                Map.of("version", version, "type", type, "bytes", content.length, "sha256", sha256));
        return version;
    }

    /** The versions of a convention's document, the current (highest) first. */
    @Transactional(readOnly = true)
    public List<DocumentVersion> versions(UUID conventionId) {
        conventions.get(conventionId);
        return jdbc.sql("""
                select id, version, filename, media_type, size_bytes, uploaded_at, uploaded_by_name
                from partner_convention_document where convention_id = ? order by version desc""")
                .param(conventionId)
                .query((rs, n) -> new DocumentVersion(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /** A version of the document (null: the current one), its reading audited. */
    @Transactional
    public Download download(UUID conventionId, Integer version) {
        conventions.get(conventionId);
        Download download = jdbc.sql("""
                select filename, media_type, content from partner_convention_document
                where convention_id = :convention and version = coalesce(cast(:version as int),
                    (select max(version) from partner_convention_document where convention_id = :convention))""")
                .param("convention", conventionId).param("version", version, java.sql.Types.INTEGER)
                .query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(BusinessException::notFound);
        audit.record("convention.document.downloaded", "partner_convention", conventionId,
                version == null ? Map.of() : Map.of("version", version));
        return download;
    }

    /** The name kept: the file's own name without any path, or a plain name with the detected type's extension. */
    static String filename(String original, String type) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        String extension = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        if (name.isEmpty()) {
            return "convention" + extension;
        }
        return name.length() <= FILENAME_MAX ? name : name.substring(name.length() - FILENAME_MAX);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
