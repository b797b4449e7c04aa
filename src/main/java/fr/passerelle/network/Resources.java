package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.Headlines;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The network's resource library: documents (PDF, DOCX, ODT, XLSX) kept in the database, each upload
 * a new version (the earlier ones kept and downloadable), with tags, an access level (public, the
 * members, one body — a meeting's documents are its body's) and a download count. The search is
 * PostgreSQL's French full-text search (accents aside) over the title, the tags, the description
 * and the text extracted from the current version by Apache Tika, with facets by tag and by type.
 * The federation's staff publish, edit and withdraw; row-level security decides who sees what
 * (V202612120200), for the anonymous public page too.
 */
@Service
public class Resources {

    /** Who may see a document. */
    public enum Access { PUBLIC, MEMBERS, BODY }

    /** The orders of a search. */
    public enum Sort { RELEVANCE, RECENT, DOWNLOADS, TITLE }

    static final int PAGE_SIZE = 20;
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int NOTE_MAX = 500;
    static final int REASON_MAX = 500;
    static final int TAGS_MAX = 10;
    static final int TAG_MAX = 40;
    static final int QUERY_MAX = 200;
    static final int FILENAME_MAX = 200;
    /** The most characters of a document's text put in its search vector. */
    static final int INDEXED_CHARS = 200_000;

    /** What the federation fills in: the description of a document and who may see it. */
    public record ResourceInput(String title, String description, String tags, Access access, UUID bodyId)
            implements java.io.Serializable {}

    /** A document as listed and shown (without its bytes). */
    public record Resource(UUID id, String title, String description, List<String> tags, Access access, UUID bodyId,
            String bodyName, UUID meetingId, String meetingTitle, int currentVersion, String filename, String mediaType,
            int sizeBytes, long downloads, Instant createdAt, String createdByName, Instant updatedAt, Instant withdrawnAt,
            String withdrawnReason, int rowVersion) {

        public String extension() {
            return DocumentText.extension(filename).toUpperCase(Locale.ROOT);
        }

        public int kilobytes() {
            return (sizeBytes + 1023) / 1024;
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A document found, with where the words are in its text when words were searched. */
    public record Hit(Resource resource, List<Headlines.Part> snippet) {}

    /** A version of a document. */
    public record Version(int version, String filename, String mediaType, int sizeBytes, String note, Instant uploadedAt,
            String uploadedByName) {

        public int kilobytes() {
            return (sizeBytes + 1023) / 1024;
        }
    }

    /** A search: words, filters, order and page. */
    public record Query(String text, List<String> tags, List<String> types, Access access, UUID bodyId, Sort sort,
            int page) {

        public static Query of(String text, List<String> tags, List<String> types, Access access, UUID bodyId, Sort sort,
                Integer page) {
            String words = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            return new Query(words, tags == null ? List.of() : tags.stream().filter(t -> !t.isBlank()).distinct().toList(),
                    types == null ? List.of() : types.stream().filter(t -> !t.isBlank()).distinct().toList(), access, bodyId,
                    sort == null ? (words.isEmpty() ? Sort.RECENT : Sort.RELEVANCE) : sort, ResultPage.sanitizePage(page));
        }

        public boolean filtered() {
            return !text.isEmpty() || !tags.isEmpty() || !types.isEmpty() || access != null || bodyId != null;
        }
    }

    /** A facet's value and how many documents of the search have it. */
    public record FacetValue(String value, long count, boolean checked) {}

    /** A search's page and its facets. */
    public record Results(ResultPage<Hit> page, List<FacetValue> tags, List<FacetValue> types, Sort sort) {}

    /** A file to send. */
    public record Download(String filename, String mediaType, byte[] content) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Meetings meetings;
    private final DataSize maxSize;
    private final DocumentText reader = new DocumentText();
    /**
     * The total and facet counts of recent searches, per visibility, for 30 seconds: with a frequent word
     * they read every matching document. Writes through this node empty it; another node's writes show
     * within 30 seconds.
     */
    private final com.github.benmanes.caffeine.cache.Cache<CountsKey, Counts> facetCounts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(30)).build();

    Resources(JdbcClient jdbc, AuditLog audit, Clock clock, Meetings meetings,
            @Value("${passerelle.network.resource-max-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.meetings = meetings;
        this.maxSize = maxSize;
    }

    /** The largest file accepted, in whole megabytes (rounded up), for the forms. */
    public long maxMegabytes() {
        return (maxSize.toBytes() + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /** The extensions accepted, for the forms. */
    public static String acceptedExtensions() {
        return DocumentText.TYPES.keySet().stream().sorted().map(e -> "." + e).reduce((a, b) -> a + "," + b).orElseThrow();
    }

    /**
     * Publishes a document (its first version); for a meeting's document, the access is the meeting's
     * body's. Refuses bad fields and a file that is empty, too large, of a type not accepted, not
     * what its extension says or unreadable, changing nothing.
     */
    @Transactional
    public UUID publish(ResourceInput input, UUID meetingId, String filename, byte[] content) {
        requireManage();
        ResourceInput checked = meetingId == null ? input
                : new ResourceInput(input.title(), input.description(), input.tags(), Access.BODY,
                        meetings.meeting(meetingId).bodyId());
        Fields fields = fields(checked);
        String name = filename(filename);
        DocumentText.Read read = read(name, content);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        String author = author();
        jdbc.sql("""
                insert into network_resource (id, title, description, tags, access_level, body_id, meeting_id, filename,
                    media_type, size_bytes, search, created_at, created_by_name, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ''::tsvector, ?, ?, ?)""")
                .params(id, fields.title(), fields.description(), fields.tags(), checked.access().name(), fields.bodyId(),
                        meetingId, name, read.mediaType(), content.length, now, author, now)
                .update();
        insertVersion(id, 1, name, read, content, null, now, author);
        reindex(id);
        audit.record("resource.published", "network_resource", id, Map.of("access", checked.access().name(),
                "type", read.extension(), "bytes", content.length));
        return id;
    }

    /** A new version of a document's file: the earlier ones are kept, the search reads the new one. */
    @Transactional
    public int addVersion(UUID id, int rowVersion, String filename, byte[] content, String note) {
        requireManage();
        Resource resource = get(id);
        if (resource.withdrawn()) {
            throw BusinessException.conflict("resource.withdrawnAlready");
        }
        String cleanNote = optional(note, NOTE_MAX, "note", "resource.note.tooLong");
        String name = filename(filename);
        DocumentText.Read read = read(name, content);
        int version = resource.currentVersion() + 1;
        Timestamp now = Timestamp.from(clock.instant());
        bump(id, rowVersion, "current_version = ?, filename = ?, media_type = ?, size_bytes = ?, updated_at = ?", version,
                name, read.mediaType(), content.length, now);
        insertVersion(id, version, name, read, content, cleanNote, now, author());
        reindex(id);
        audit.record("resource.versionAdded", "network_resource", id, Map.of("version", version,
                "type", read.extension(), "bytes", content.length));
        return version;
    }

    /** Changes a document's title, description, tags and access (a meeting's document stays its body's). */
    @Transactional
    public void edit(UUID id, int rowVersion, ResourceInput input) {
        requireManage();
        Resource resource = get(id);
        ResourceInput checked = resource.meetingId() == null ? input
                : new ResourceInput(input.title(), input.description(), input.tags(), Access.BODY, resource.bodyId());
        Fields fields = fields(checked);
        bump(id, rowVersion, "title = ?, description = ?, tags = ?, access_level = ?, body_id = ?, updated_at = ?",
                fields.title(), fields.description(), fields.tags(), checked.access().name(), fields.bodyId(),
                Timestamp.from(clock.instant()));
        reindex(id);
        audit.record("resource.edited", "network_resource", id, Map.of("access", checked.access().name()));
    }

    /** Withdraws a document with a reason (nobody but the federation sees it), or puts it back. */
    @Transactional
    public void withdraw(UUID id, int rowVersion, boolean withdrawn, String reason) {
        requireManage();
        Resource resource = get(id);
        if (withdrawn) {
            if (resource.withdrawn()) {
                throw BusinessException.conflict("resource.withdrawnAlready");
            }
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty()) {
                throw new FieldRefusal("reason", "resource.withdraw.reasonRequired");
            }
            if (why.length() > REASON_MAX) {
                throw new FieldRefusal("reason", "resource.withdraw.reasonTooLong", REASON_MAX);
            }
            bump(id, rowVersion, "withdrawn_at = ?, withdrawn_reason = ?", Timestamp.from(clock.instant()), why);
            invalidateCounts();
            audit.record("resource.withdrawn", "network_resource", id, Map.of("reason", why));
        } else {
            if (!resource.withdrawn()) {
                throw BusinessException.conflict("resource.notWithdrawn");
            }
            bump(id, rowVersion, "withdrawn_at = null, withdrawn_reason = null");
            invalidateCounts();
            audit.record("resource.restored", "network_resource", id, Map.of());
        }
    }

    /** A document the user may see (row-level security): not found otherwise. */
    @Transactional(readOnly = true)
    public Resource get(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Resources::resource).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** A document's versions, the current (highest) first. */
    @Transactional(readOnly = true)
    public List<Version> versions(UUID id) {
        get(id);
        return jdbc.sql("""
                select version, filename, media_type, size_bytes, note, uploaded_at, uploaded_by_name
                from network_resource_version where resource_id = ? order by version desc""")
                .param(id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /** A meeting's documents (those the user sees), the newest first. */
    @Transactional(readOnly = true)
    public List<Resource> ofMeeting(UUID meetingId) {
        return jdbc.sql(SELECT + " where r.meeting_id = ? and r.withdrawn_at is null order by r.created_at desc")
                .param(meetingId).query(Resources::resource).list();
    }

    /**
     * A version of a document (null: the current one), counted as one more download. A public
     * document can be downloaded without an account.
     */
    @Transactional
    public Download download(UUID id, Integer version) {
        Resource resource = get(id);
        Download download = jdbc.sql("""
                select filename, media_type, content from network_resource_version
                where resource_id = ? and version = ?""")
                .params(id, version == null ? resource.currentVersion() : version)
                .query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(BusinessException::notFound);
        jdbc.sql("select network_resource_downloaded(?)").param(id).query().singleRow();
        return download;
    }

    /** A search among the documents the user sees (withdrawn ones are left out). */
    @Transactional(readOnly = true)
    public Results search(Query query) {
        if (query.text().length() > QUERY_MAX) {
            throw new FieldRefusal("q", "resource.search.tooLong", QUERY_MAX);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String words = "true";
        if (!query.text().isEmpty()) {
            params.put("q", query.text());
            words = "r.search @@ websearch_to_tsquery('french_unaccent', :q)";
        }
        String access = "true";
        if (query.access() != null) {
            params.put("access", query.access().name());
            access = "r.access_level = :access";
        }
        String body = "true";
        if (query.bodyId() != null) {
            params.put("body", query.bodyId());
            body = "r.body_id = :body";
        }
        String tags = "true";
        if (!query.tags().isEmpty()) {
            params.put("tags", query.tags().toArray(String[]::new));
            tags = "r.tags @> cast(:tags as varchar[])";
        }
        String types = "true";
        if (!query.types().isEmpty()) {
            params.put("types", query.types().stream().map(t -> DocumentText.TYPES.getOrDefault(t, t)).toArray(String[]::new));
            types = "r.media_type = any (cast(:types as varchar[]))";
        }
        String base = "r.withdrawn_at is null and %s and %s and %s".formatted(words, access, body);
        String tagFilter = tags;
        String typeFilter = types;
        Counts counts = facetCounts.get(new CountsKey(visibility(), query.text().toLowerCase(Locale.ROOT),
                query.tags().stream().sorted().toList(), query.types().stream().sorted().toList(), query.access(),
                query.bodyId()), key -> count(params, base, tagFilter, typeFilter));
        long total = counts.total();
        List<FacetValue> tagFacet = counts.tags().stream()
                .map(f -> new FacetValue(f.value(), f.count(), query.tags().contains(f.value()))).toList();
        List<FacetValue> typeFacet = counts.types().stream()
                .map(f -> new FacetValue(f.value(), f.count(), query.types().contains(f.value()))).toList();
        Sort sort = query.sort() == Sort.RELEVANCE && query.text().isEmpty() ? Sort.RECENT : query.sort();
        String order = switch (sort) {
            case RELEVANCE -> "ts_rank_cd(r.search_head, (select websearch_to_tsquery('french_unaccent', :q))) desc, r.updated_at desc";
            case RECENT -> "r.updated_at desc";
            case DOWNLOADS -> "r.download_count desc, r.updated_at desc";
            case TITLE -> "lower(r.title), r.updated_at desc";
        };
        String snippet = query.text().isEmpty() ? "null" : """
                ts_headline('french_unaccent', left(v.extracted_text, 1500),
                    (select websearch_to_tsquery('french_unaccent', :q)), '%s')"""
                .formatted(Headlines.options("MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""));
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        pageParams.put("limit", PAGE_SIZE);
        pageParams.put("offset", (long) query.page() * PAGE_SIZE);
        List<Hit> hits = jdbc.sql("""
                with p as (
                    select r.id from network_resource r where %s and %s and %s order by %s limit :limit offset :offset
                )
                select %s, %s as snippet
                from p join network_resource r on r.id = p.id
                left join network_body b on b.id = r.body_id
                left join network_meeting m on m.id = r.meeting_id
                join network_resource_version v on v.resource_id = r.id and v.version = r.current_version
                order by %s""".formatted(base, tags, types, order, COLUMNS, snippet, order))
                .params(pageParams)
                .query((rs, n) -> new Hit(resource(rs, n), Headlines.parts(rs.getString("snippet"))))
                .list();
        return new Results(new ResultPage<>(hits, query.page(), PAGE_SIZE, total), tagFacet, typeFacet, sort);
    }

    /** The total and the facets of a search (their values not checked yet). */
    private record Counts(long total, List<FacetValue> tags, List<FacetValue> types) {}

    /**
     * What decides the counts of a search: who may see what — the federation, a member organisation, the
     * bodies the user belongs to (what row-level security reads) — and the search itself.
     */
    private record CountsKey(String visibility, String words, List<String> tags, List<String> types, Access access,
            UUID bodyId) {}

    private Counts count(Map<String, Object> params, String base, String tags, String types) {
        long total = jdbc.sql("select count(*) from network_resource r where " + base + " and " + tags + " and " + types)
                .params(params).query(Long.class).single();
        List<FacetValue> tagFacet = jdbc.sql("""
                select t, count(*) from network_resource r, unnest(r.tags) t where %s and %s
                group by t order by count(*) desc, t limit 30""".formatted(base, types))
                .params(params).query((rs, n) -> new FacetValue(rs.getString(1), rs.getLong(2), false)).list();
        List<FacetValue> typeFacet = jdbc.sql("""
                select r.media_type, count(*) from network_resource r where %s and %s group by r.media_type
                order by count(*) desc""".formatted(base, tags))
                .params(params).query((rs, n) -> new FacetValue(extensionOf(rs.getString(1)), rs.getLong(2), false)).list();
        return new Counts(total, tagFacet, typeFacet);
    }

    /** The user's visibility, as row-level security decides it: federation, member, bodies. */
    private String visibility() {
        return jdbc.sql("select current_organisation_is_federation(), network_is_member(), network_body_ids()")
                .query((rs, n) -> rs.getBoolean(1) + "|" + rs.getBoolean(2) + "|" + java.util.Arrays.stream(
                        (Object[]) rs.getArray(3).getArray()).map(String::valueOf).sorted().toList())
                .single();
    }

    /** The extension shown for a detected type (the type itself when it is not one of ours). */
    static String extensionOf(String mediaType) {
        return DocumentText.TYPES.entrySet().stream().filter(e -> e.getValue().equals(mediaType)).map(Map.Entry::getKey)
                .findFirst().orElse(mediaType);
    }

    private record Fields(String title, String description, String[] tags, UUID bodyId) {}

    private Fields fields(ResourceInput input) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            throw new FieldRefusal("title", "resource.title.required");
        }
        if (title.length() > TITLE_MAX) {
            throw new FieldRefusal("title", "resource.title.tooLong", TITLE_MAX);
        }
        String description = optional(input.description(), DESCRIPTION_MAX, "description", "resource.description.tooLong");
        if (input.access() == null) {
            throw new FieldRefusal("access", "resource.access.required");
        }
        UUID bodyId = null;
        if (input.access() == Access.BODY) {
            if (input.bodyId() == null) {
                throw new FieldRefusal("bodyId", "resource.body.required");
            }
            bodyId = meetings.body(input.bodyId()).id();
        }
        return new Fields(title, description, tags(input.tags()), bodyId);
    }

    /** Tags from a list separated by commas: trimmed, in lower case, each once, in the order given. */
    static String[] tags(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split("[,;]")) {
            String clean = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.FRENCH);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > TAG_MAX) {
                throw new FieldRefusal("tags", "resource.tags.tooLong", TAG_MAX);
            }
            tags.add(clean);
        }
        if (tags.size() > TAGS_MAX) {
            throw new FieldRefusal("tags", "resource.tags.tooMany", TAGS_MAX);
        }
        return tags.toArray(String[]::new);
    }

    private static String optional(String text, int max, String field, String key) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() > max) {
            throw new FieldRefusal(field, key, max);
        }
        return clean.isEmpty() ? null : clean;
    }

    private DocumentText.Read read(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new FieldRefusal("file", "resource.file.empty");
        }
        if (content.length > maxSize.toBytes()) {
            throw new FieldRefusal("file", "resource.file.tooLarge", maxMegabytes());
        }
        return reader.read("file", filename, content);
    }

    /** The name kept for a file: its last path segment, without control characters, at most 200 characters. */
    static String filename(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw new FieldRefusal("file", "resource.file.empty");
        }
        return name.length() <= FILENAME_MAX ? name : name.substring(name.length() - FILENAME_MAX);
    }

    private void insertVersion(UUID id, int version, String filename, DocumentText.Read read, byte[] content, String note,
            Timestamp at, String author) {
        jdbc.sql("""
                insert into network_resource_version (resource_id, version, filename, media_type, size_bytes, sha256, content,
                    extracted_text, note, uploaded_at, uploaded_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, filename, read.mediaType(), content.length, sha256(content), content, read.text(), note,
                        at, author)
                .update();
    }

    /**
     * The search vectors: the title (A), tags and description (B) with their positions, for the order of
     * relevance; and for matching, those and the first characters of the current version's text, without
     * positions (V202612120500).
     */
    private void reindex(UUID id) {
        jdbc.sql("""
                update network_resource r set search_head = x.head,
                    search = strip(x.head || to_tsvector('french_unaccent', left(x.text, ?)))
                from (select d.id, v.extracted_text as text,
                             setweight(to_tsvector('french_unaccent', d.title), 'A')
                             || setweight(to_tsvector('french_unaccent', array_to_string(d.tags, ' ')), 'B')
                             || setweight(to_tsvector('french_unaccent', coalesce(d.description, '')), 'B') as head
                      from network_resource d
                      join network_resource_version v on v.resource_id = d.id and v.version = d.current_version
                      where d.id = ?) x
                where r.id = x.id""")
                .params(INDEXED_CHARS, id).update();
        invalidateCounts();
    }

    /** Forgets the counts now and once the transaction ends (a search in between may have read the old rows). */
    private void invalidateCounts() {
        facetCounts.invalidateAll();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            facetCounts.invalidateAll();
                        }
                    });
        }
    }

    /** Changes the row as {@code set} says (with its parameters) if it is still at the version the user saw. */
    private void bump(UUID id, int rowVersion, String set, Object... setParams) {
        List<Object> params = new ArrayList<>(Arrays.asList(setParams));
        params.add(id);
        params.add(rowVersion);
        int updated = jdbc.sql("update network_resource set " + set + ", row_version = row_version + 1"
                + " where id = ? and row_version = ?").params(params).update();
        if (updated == 0) {
            throw BusinessException.conflict("resource.stale");
        }
    }

    private static String author() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null);
    }

    private static void requireManage() {
        if (!TenantContext.hasAuthority(Permissions.LIBRARY_MANAGE)) {
            throw new org.springframework.security.access.AccessDeniedException(Permissions.LIBRARY_MANAGE);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String COLUMNS = """
            r.id, r.title, r.description, r.tags, r.access_level, r.body_id, b.name as body_name, r.meeting_id,
            m.title as meeting_title, r.current_version, r.filename, r.media_type, r.size_bytes, r.download_count,
            r.created_at, r.created_by_name, r.updated_at, r.withdrawn_at, r.withdrawn_reason, r.row_version""";

    private static final String SELECT = "select " + COLUMNS + """
             from network_resource r
            left join network_body b on b.id = r.body_id
            left join network_meeting m on m.id = r.meeting_id""";

    private static Resource resource(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Resource(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                new ArrayList<>(Arrays.asList((String[]) rs.getArray("tags").getArray())),
                Access.valueOf(rs.getString("access_level")), rs.getObject("body_id", UUID.class), rs.getString("body_name"),
                rs.getObject("meeting_id", UUID.class), rs.getString("meeting_title"), rs.getInt("current_version"),
                rs.getString("filename"), rs.getString("media_type"), rs.getInt("size_bytes"), rs.getLong("download_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
                rs.getTimestamp("updated_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getString("withdrawn_reason"), rs.getInt("row_version"));
    }
}
