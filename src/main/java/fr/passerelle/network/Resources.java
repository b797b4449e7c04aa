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

    /** A facet's value and how many documents of the search have it ({@link #NOT_COUNTED} when too many). */
    public record FacetValue(String value, long count, boolean checked) {

        public static final long NOT_COUNTED = -1;

        public boolean counted() {
            return count != NOT_COUNTED;
        }
    }

    /**
     * A search's page and its facets. When {@code capped}, more than {@code cap} documents match: the page's
     * total is only a lower bound, {@code hasNext} tells whether another page follows.
     */
    public record Results(ResultPage<Hit> page, List<FacetValue> tags, List<FacetValue> types, Sort sort,
            boolean capped, int cap, boolean hasNext) {}

    /** A file to send. */
    public record Download(String filename, String mediaType, byte[] content) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Meetings meetings;
    private final DataSize maxSize;
    private final DocumentText reader = new DocumentText();
    /**
     * The facets of recent searches, per visibility, for 30 seconds (the total is found at each search).
     * Writes through this node empty it; another node's writes show within 30 seconds.
     */
    private final com.github.benmanes.caffeine.cache.Cache<CountsKey, Facets> facetCounts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(30)).build();
    /** The facet values of the library (not counted), per visibility, for the searches that find too many. */
    private final com.github.benmanes.caffeine.cache.Cache<ValuesKey, Facets> facetValues =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200)
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

    /**
     * A search among the documents the user sees (withdrawn ones are left out). The documents found are
     * counted exactly up to {@link #COUNT_CAP}; beyond it the results say "more than" that many, the facets
     * list their values without counts, and the pages are read in index order, so that a word every
     * document holds costs a page of rows rather than all of them (docs/architecture.md, library search).
     */
    @Transactional(readOnly = true)
    public Results search(Query query) {
        if (query.text().length() > QUERY_MAX) {
            throw new FieldRefusal("q", "resource.search.tooLong", QUERY_MAX);
        }
        Filters filters = Filters.of(query);
        Sort sort = query.sort() == Sort.RELEVANCE && query.text().isEmpty() ? Sort.RECENT : query.sort();
        List<String> matches = find(filters, false, true, true, COUNT_CAP + 1);
        boolean capped = matches.size() > COUNT_CAP;
        String visibility = visibility();
        Facets facets = facetCounts.get(new CountsKey(visibility, query.text().toLowerCase(Locale.ROOT),
                query.tags().stream().sorted().toList(), query.types().stream().sorted().toList(), query.access(),
                query.bodyId()), key -> facets(filters, matches, visibility));
        List<FacetValue> tagFacet = checked(facets.tags(), query.tags());
        List<FacetValue> typeFacet = checked(facets.types(), query.types());

        long offset = (long) query.page() * PAGE_SIZE;
        List<String> ids = capped ? largePage(filters, sort, offset) : smallPage(filters, sort, matches, offset);
        boolean more = ids.size() > PAGE_SIZE;
        List<Hit> hits = hits(filters, ids.subList(0, Math.min(ids.size(), PAGE_SIZE)));
        long total = capped ? Math.max(COUNT_CAP + 1L, offset + hits.size() + (more ? 1 : 0)) : matches.size();
        return new Results(new ResultPage<>(hits, query.page(), PAGE_SIZE, total), tagFacet, typeFacet, sort, capped,
                COUNT_CAP, more);
    }

    /** The most documents a search counts exactly (and the most the facets count). */
    public static final int COUNT_CAP = 1_000;
    /**
     * Beyond {@link #COUNT_CAP}, the most documents whose title, tags or description hold the words that are
     * ranked by relevance (more are read the newest first).
     */
    static final int RANKED_CAP = 200;

    /** A search's conditions, as SQL over {@code network_resource r} with their parameters. */
    private record Filters(Map<String, Object> params, String words, String access, String body, String tags,
            String types) {

        static Filters of(Query query) {
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
                params.put("types", query.types().stream().map(t -> DocumentText.TYPES.getOrDefault(t, t))
                        .toArray(String[]::new));
                types = "r.media_type = any (cast(:types as varchar[]))";
            }
            return new Filters(params, words, access, body, tags, types);
        }

        boolean hasWords() {
            return params.containsKey("q");
        }

        /** All the conditions, withdrawn documents left out. */
        String all() {
            return "r.withdrawn_at is null and %s and %s and %s and %s and %s".formatted(words, access, body, tags, types);
        }
    }

    /**
     * The ids of at most {@code limit} documents the user sees that match the search (by their title, tags
     * and description only when {@code headOnly}), without its tags or types when told so: through the
     * indexes, which row-level security keeps the planner from using for the full-text match
     * (V202612130200).
     */
    private List<String> find(Filters filters, boolean headOnly, boolean withTags, boolean withTypes, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", filters.params().get("q"));
        params.put("head", headOnly);
        params.put("tags", withTags ? filters.params().get("tags") : null);
        params.put("types", withTypes ? filters.params().get("types") : null);
        params.put("access", filters.params().get("access"));
        params.put("body", filters.params().get("body"));
        params.put("limit", limit);
        return jdbc.sql("""
                select cast(network_resource_find(%s, :head, cast(:tags as varchar[]), cast(:types as varchar[]),
                    cast(:access as varchar), cast(:body as uuid), :limit) as text)"""
                .formatted(filters.hasWords() ? "websearch_to_tsquery('french_unaccent', cast(:q as text))" : "null::tsquery"))
                .params(params).query(String.class).list();
    }

    /** A page (and one more row, to tell whether another page follows) among the few documents found. */
    private List<String> smallPage(Filters filters, Sort sort, List<String> matches, long offset) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", matches.toArray(String[]::new));
        params.put("limit", PAGE_SIZE + 1);
        params.put("offset", offset);
        String order = switch (sort) {
            case RELEVANCE -> {
                params.put("q", filters.params().get("q"));
                yield "ts_rank_cd(r.search_head, (select websearch_to_tsquery('french_unaccent', :q))) desc,"
                        + " r.updated_at desc, r.id";
            }
            case RECENT -> "r.updated_at desc, r.id";
            case DOWNLOADS -> "r.download_count desc, r.updated_at desc, r.id";
            case TITLE -> "lower(r.title), r.updated_at desc, r.id";
        };
        return jdbc.sql("""
                select cast(r.id as text) from network_resource r where r.id = any (cast(:ids as uuid[]))
                order by %s limit :limit offset :offset""".formatted(order))
                .params(params).query(String.class).list();
    }

    /**
     * A page (and one more row) among more documents than are counted: read in the order of an index, so
     * that the reading stops after the page. In the order of relevance, the documents whose title, tags or
     * description hold the words come first (ranked when they are at most {@link #RANKED_CAP}, the newest
     * first otherwise), then the others, the newest first.
     */
    private List<String> largePage(Filters filters, Sort sort, long offset) {
        Map<String, Object> params = new LinkedHashMap<>(filters.params());
        params.put("limit", PAGE_SIZE + 1);
        params.put("offset", offset);
        if (sort != Sort.RELEVANCE) {
            String order = switch (sort) {
                case DOWNLOADS -> "r.download_count desc, r.updated_at desc, r.id";
                case TITLE -> "lower(r.title), r.updated_at desc, r.id";
                default -> "r.updated_at desc, r.id";
            };
            return customPlan(() -> jdbc.sql(
                    "select cast(r.id as text) from network_resource r where %s order by %s limit :limit offset :offset"
                    .formatted(filters.all(), order)).params(params).query(String.class).list());
        }
        params.put("n", offset + PAGE_SIZE + 1);
        String head = "r.search_head @@ websearch_to_tsquery('french_unaccent', :q)";
        List<String> headMatches = find(filters, true, true, true, RANKED_CAP + 1);
        String first;
        if (headMatches.size() > RANKED_CAP) {
            first = "select r.id, row_number() over (order by r.updated_at desc, r.id) as n from network_resource r"
                    + " where %s and %s order by r.updated_at desc, r.id limit :n".formatted(filters.all(), head);
        } else {
            params.put("head", headMatches.toArray(String[]::new));
            first = "select r.id, row_number() over (order by ts_rank_cd(r.search_head,"
                    + " (select websearch_to_tsquery('french_unaccent', :q))) desc, r.updated_at desc, r.id) as n"
                    + " from network_resource r where r.id = any (cast(:head as uuid[])) order by n limit :n";
        }
        return customPlan(() -> jdbc.sql("""
                select cast(id as text) from (
                    (select 1 as tier, f.id, f.n from (%s) f)
                    union all
                    (select 2 as tier, r.id, row_number() over (order by r.updated_at desc, r.id) as n
                     from network_resource r where %s and not (%s) order by r.updated_at desc, r.id limit :n)
                ) x order by tier, n limit :limit offset :offset""".formatted(first, filters.all(), head))
                .params(params).query(String.class).list());
    }

    /**
     * Runs a page query planned for its words' values (how many documents hold them decides between an index
     * of matches and one of order), never with a generic plan; the other statements of the search keep their
     * cached plans (row-level security makes their planning cost several milliseconds).
     */
    private List<String> customPlan(java.util.function.Supplier<List<String>> query) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        try {
            return query.get();
        } finally {
            jdbc.sql("set local plan_cache_mode = auto").update();
        }
    }

    /**
     * How much of a file's text its snippet is drawn from: {@code ts_headline} parses and stems every word it
     * is given, about 5 ms for a page of 20 snippets of 1,500 characters, 2.5 ms at 800.
     */
    static final int SNIPPET_SOURCE = 800;

    /** The documents of a page, in its order, with a snippet of their text when words were searched. */
    private List<Hit> hits(Filters filters, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", ids.toArray(String[]::new));
        String snippet = "null";
        if (filters.hasWords()) {
            params.put("q", filters.params().get("q"));
            snippet = """
                    ts_headline('french_unaccent', left(v.extracted_text, %d),
                        (select websearch_to_tsquery('french_unaccent', :q)), '%s')"""
                    .formatted(SNIPPET_SOURCE,
                            Headlines.options("MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""));
        }
        return jdbc.sql("""
                select %s, %s as snippet
                from unnest(cast(:ids as uuid[])) with ordinality p(id, n)
                join network_resource r on r.id = p.id
                left join network_body b on b.id = r.body_id
                left join network_meeting m on m.id = r.meeting_id
                join network_resource_version v on v.resource_id = r.id and v.version = r.current_version
                order by p.n""".formatted(COLUMNS, snippet))
                .params(params)
                .query((rs, n) -> new Hit(resource(rs, n), Headlines.parts(rs.getString("snippet"))))
                .list();
    }

    /** The facets of a search (their values not checked yet). */
    private record Facets(List<FacetValue> tags, List<FacetValue> types) {}

    /**
     * What decides the facets of a search: who may see what — the federation, a member organisation, the
     * bodies the user belongs to (what row-level security reads) — and the search itself.
     */
    private record CountsKey(String visibility, String words, List<String> tags, List<String> types, Access access,
            UUID bodyId) {}

    /** What decides the values of a library's facets: who may see what and the access and body chosen. */
    private record ValuesKey(String visibility, String access, UUID bodyId) {}

    /**
     * The facets of a search: the tags counted among the documents found without the tags chosen, the
     * types among those found without the types chosen (so that another value can be added), each counted
     * when the documents are at most {@link #COUNT_CAP}; otherwise the values of the library, not counted.
     */
    private Facets facets(Filters filters, List<String> matches, String visibility) {
        List<String> forTags = filters.params().containsKey("tags") ? find(filters, false, false, true, COUNT_CAP + 1)
                : matches;
        List<String> forTypes = filters.params().containsKey("types") ? find(filters, false, true, false, COUNT_CAP + 1)
                : matches;
        Facets values = forTags.size() > COUNT_CAP || forTypes.size() > COUNT_CAP
                ? facetValues.get(new ValuesKey(visibility, (String) filters.params().get("access"),
                        (UUID) filters.params().get("body")), key -> libraryValues(filters))
                : null;
        List<FacetValue> tags = forTags.size() > COUNT_CAP ? values.tags() : forTags.isEmpty() ? List.of() : jdbc.sql("""
                select t, count(*) from network_resource r, unnest(r.tags) t where r.id = any (cast(:ids as uuid[]))
                group by t order by count(*) desc, t limit 30""")
                .param("ids", forTags.toArray(String[]::new))
                .query((rs, n) -> new FacetValue(rs.getString(1), rs.getLong(2), false)).list();
        List<FacetValue> types = forTypes.size() > COUNT_CAP ? values.types() : forTypes.isEmpty() ? List.of() : jdbc.sql("""
                select r.media_type, count(*) from network_resource r where r.id = any (cast(:ids as uuid[]))
                group by r.media_type order by count(*) desc, r.media_type""")
                .param("ids", forTypes.toArray(String[]::new))
                .query((rs, n) -> new FacetValue(extensionOf(rs.getString(1)), rs.getLong(2), false)).list();
        return new Facets(tags, types);
    }

    /** The tags (the 30 most used) and the types of the documents the user sees, not counted. */
    private Facets libraryValues(Filters filters) {
        String where = "r.withdrawn_at is null and %s and %s".formatted(filters.access(), filters.body());
        Map<String, Object> params = new LinkedHashMap<>();
        if (filters.params().containsKey("access")) {
            params.put("access", filters.params().get("access"));
        }
        if (filters.params().containsKey("body")) {
            params.put("body", filters.params().get("body"));
        }
        List<FacetValue> tags = jdbc.sql("""
                select t from network_resource r, unnest(r.tags) t where %s
                group by t order by count(*) desc, t limit 30""".formatted(where))
                .params(params).query((rs, n) -> new FacetValue(rs.getString(1), FacetValue.NOT_COUNTED, false)).list();
        List<FacetValue> types = jdbc.sql("""
                select r.media_type from network_resource r where %s group by r.media_type
                order by count(*) desc, r.media_type""".formatted(where))
                .params(params)
                .query((rs, n) -> new FacetValue(extensionOf(rs.getString(1)), FacetValue.NOT_COUNTED, false)).list();
        return new Facets(tags, types);
    }

    /**
     * A facet's values with those chosen checked; when they are not counted (the library's most used), a
     * chosen value they leave out is added, so that it can be unchecked.
     */
    private static List<FacetValue> checked(List<FacetValue> values, List<String> chosen) {
        List<FacetValue> result = new ArrayList<>(values.stream()
                .map(f -> new FacetValue(f.value(), f.count(), chosen.contains(f.value()))).toList());
        if (values.stream().noneMatch(FacetValue::counted)) {
            chosen.stream().filter(value -> values.stream().noneMatch(f -> f.value().equals(value)))
                    .forEach(value -> result.add(new FacetValue(value, FacetValue.NOT_COUNTED, true)));
        }
        return result;
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
        facetValues.invalidateAll();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            facetCounts.invalidateAll();
                            facetValues.invalidateAll();
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
