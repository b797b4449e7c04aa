package fr.passerelle.programmes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.Headlines;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national library of good-practice sheets. Everyone with {@code practice:read} searches it
 * (French full-text search, accents aside, with facets) and reads its sheets and their versions;
 * the federation ({@code practice:edit}) edits a sheet — each edit is a new version, the earlier
 * ones kept as they were —, publishes new sheets and withdraws or republishes one. Every write is
 * audited. The sheets of the national référencement are loaded at start by
 * {@link PracticeSheetResource}.
 */
@Service
public class PracticeLibrary {

    public static final String READ = "practice:read";
    public static final String EDIT = "practice:edit";
    public static final int PAGE_SIZE = 20;
    /** How the results can be sorted; RELEVANCE needs words searched. */
    public static final List<String> SORTS = List.of("RELEVANCE", "NUMBER", "TITLE", "UPDATED");
    static final int SECTION_MAX = 20_000;
    static final int INDICATORS_MAX = 60;
    static final int INDICATOR_MAX = 500;
    private static final int QUERY_MAX = 200;
    /** Codes that are paths of the library's pages. */
    private static final Set<String> RESERVED_CODES = Set.of("new", "compare", "proposals");

    /**
     * How long the facet counts and total of a search are kept. A write of the library through this
     * node is seen at once (it forgets them when it commits); one through another node, or straight
     * into the database, after this delay at most: until then that node's counts and total for a search
     * may be those from before the write, the results listed are always current.
     */
    static final Duration FACETS_LIFETIME = Duration.ofSeconds(30);

    private static final TypeReference<List<PracticeSheet.ExtraSection>> EXTRA = new TypeReference<>() {};
    private static final TypeReference<List<PracticeSheet.ReferenceAction>> ACTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    /** Facet counts and total of the searches, by their words and facet values (see FACETS_LIFETIME). */
    private final Cache<FacetsKey, Counted> facetCounts = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(FACETS_LIFETIME).build();
    /** Writes of the library committed (or rolled back) through this node: counts kept from before are stale. */
    private final AtomicLong writes = new AtomicLong();

    /** The words as searched, spaces and case aside (the same query for websearch_to_tsquery), and the facets. */
    private record FacetsKey(String words, Set<String> axes, Set<String> publics, Set<String> ages, Set<String> carriers,
            Set<String> fundings) {}

    private record Counted(long writes, long total, Map<String, Map<String, Long>> facets) {}

    PracticeLibrary(JdbcClient jdbc, AuditLog audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What is searched: words (French, accents aside) and facet values; within a facet, any value. */
    public record Query(String text, Set<String> axes, Set<String> publics, Set<String> ages, Set<String> carriers,
            Set<String> fundings, String sort) {

        public static Query all() {
            return new Query(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);
        }

        public boolean hasText() {
            return text != null && !text.isBlank();
        }

        public boolean filtered() {
            return hasText() || !axes.isEmpty() || !publics.isEmpty() || !ages.isEmpty() || !carriers.isEmpty()
                    || !fundings.isEmpty();
        }
    }

    /** A sheet found: its facets and, when words were searched, a snippet of where they are. */
    public record Hit(String code, Integer number, String title, String axis, String theme, List<String> publics,
            Integer ageMin, Integer ageMax, List<Headlines.Part> snippet) {}

    /** The results of a search and, per facet, how many sheets each value would give. */
    public record Results(ResultPage<Hit> page, Map<String, Map<String, Long>> facets, String sort) {}

    /** A version of a sheet, in the history. */
    public record VersionLine(int version, String title, Instant createdAt, String createdByName, String changeNote) {}

    /** What the federation writes: a new sheet, or a new version of one. */
    public record SheetInput(String title, String axis, String theme, List<String> publics, Integer ageMin,
            Integer ageMax, List<String> carriers, List<String> fundings, Map<String, String> sections,
            List<String> indicators, String changeNote) {}

    @Transactional(readOnly = true)
    public Results search(Query query, int page) {
        require(READ);
        String text = query.hasText() ? query.text().trim() : null;
        FieldRefusal.requireAtMost("q", text, QUERY_MAX);
        checkCodes("axis", query.axes(), PracticeVocabulary.AXES);
        checkCodes("public", query.publics(), PracticeVocabulary.PUBLICS);
        checkCodes("age", query.ages(), PracticeVocabulary.AGE_BAND_ORDER);
        checkCodes("carrier", query.carriers(), PracticeVocabulary.CARRIERS);
        checkCodes("funding", query.fundings(), PracticeVocabulary.FUNDINGS);
        String sort = query.sort() == null || query.sort().isBlank() ? (text != null ? "RELEVANCE" : "NUMBER")
                : query.sort();
        if (!SORTS.contains(sort)) {
            throw new FieldRefusal("sort", "practice.search.sort.invalid");
        }
        if ("RELEVANCE".equals(sort) && text == null) {
            sort = "NUMBER";
        }
        Map<String, Object> params = new LinkedHashMap<>();
        // The narrow table of the sheets' current versions (see the migration V202612110100), not their wide rows.
        StringBuilder where = new StringBuilder("v.status = 'PUBLISHED'");
        if (text != null) {
            where.append(" and v.search @@ websearch_to_tsquery('french_unaccent', :q)");
            params.put("q", text);
        }
        // One flag per facet, so that each facet counts the sheets the other facets let through.
        String fAxis = arrayFlag("v.axis = any(:axes)", query.axes(), "axes", params);
        String fPublic = arrayFlag("v.publics && :publics", query.publics(), "publics", params);
        String fCarrier = arrayFlag("v.carriers && :carriers", query.carriers(), "carriers", params);
        String fFunding = arrayFlag("v.fundings && :fundings", query.fundings(), "fundings", params);
        String fAge = ageFlag(query.ages(), params);
        // The matched sheets' facets only.
        String base = """
                select v.axis, v.publics, v.age_min, v.age_max, v.carriers, v.fundings, %s as f_axis, %s as f_public,
                       %s as f_age, %s as f_carrier, %s as f_funding
                from practice_sheet_search v
                where %s""".formatted(fAxis, fPublic, fAge, fCarrier, fFunding, where);
        if (text != null) {
            // The planner does not count the unpacking of each row's words vector a sequential scan
            // needs (the index answers without it): for a frequent word it chose that scan, 15 times slower.
            jdbc.sql("set local enable_seqscan = off").update();
        }
        // The same searches come again and again (a page further, a facet value added and removed):
        // their counts are kept.
        FacetsKey key = new FacetsKey(text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
                Set.copyOf(query.axes()), Set.copyOf(query.publics()), Set.copyOf(query.ages()),
                Set.copyOf(query.carriers()), Set.copyOf(query.fundings()));
        long seen = writes.get();
        Counted counted = facetCounts.getIfPresent(key);
        if (counted == null || counted.writes() != seen) {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            long found = facetsAndTotal(base, params, counts);
            counted = new Counted(seen, found, unmodifiable(counts));
            // Kept only if no write of this node ended meanwhile (the counts may have been read before it).
            if (writes.get() == seen) {
                facetCounts.put(key, counted);
            }
        }
        Map<String, Map<String, Long>> facets = counted.facets();
        long total = counted.total();
        int pageIndex = Math.max(0, page);
        String order = switch (sort) {
            case "RELEVANCE" -> "rank desc, b.number nulls last, b.title_lower, b.code";
            case "TITLE" -> "b.title_lower, b.code";
            case "UPDATED" -> "b.updated_at desc, b.code";
            default -> "b.number nulls last, b.title_lower, b.code";
        };
        // Relevance: the words found in the title first (its own small vector), then the sheet's number.
        // The snippet, from the objectives and the public (each cut to its first 400 characters:
        // ts_headline parses all it is given), is made for the page shown only: words found elsewhere
        // in the sheet are not highlighted.
        // The rank's and the snippet's query is a subquery, computed once: the driver prepares a statement
        // used five times on a connection, and PostgreSQL's generic plan of it then parsed the words again
        // (dictionaries and all) for every sheet ranked, 1,700 times for "jeunes" (3 ms).
        String rank = "RELEVANCE".equals(sort)
                ? "ts_rank_cd(v.search_title, (select websearch_to_tsquery('french_unaccent', :q)))" : "0";
        String snippet = text == null ? "null" : """
                ts_headline('french_unaccent', concat_ws(' … ', left(x.objectives, 400), left(x.public_text, 400)),
                    (select websearch_to_tsquery('french_unaccent', :q)),
                    '%s')""".formatted(Headlines.options("MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \""));
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        pageParams.put("limit", PAGE_SIZE);
        pageParams.put("offset", pageIndex * PAGE_SIZE);
        List<Hit> hits = jdbc.sql("""
                with p as (
                    select v.sheet_id as id, v.code, v.number, v.updated_at, v.title, v.title_lower, v.axis, v.theme,
                           v.publics, v.age_min, v.age_max, %s as rank
                    from practice_sheet_search v
                    where %s and %s and %s and %s and %s and %s
                    order by %s limit :limit offset :offset
                )
                select p.*, %s as snippet
                from p join practice_sheet_version x on x.sheet_id = p.id and x.is_current
                order by %s""".formatted(rank, where, fAxis, fPublic, fAge, fCarrier, fFunding,
                        order.replace("b.", ""), snippet, order.replace("b.", "p.").replace("rank desc", "p.rank desc")))
                .params(pageParams)
                .query((rs, n) -> new Hit(rs.getString("code"), (Integer) rs.getObject("number"), rs.getString("title"),
                        rs.getString("axis"), rs.getString("theme"), strings(rs.getArray("publics")),
                        (Integer) rs.getObject("age_min"), (Integer) rs.getObject("age_max"),
                        Headlines.parts(rs.getString("snippet"))))
                .list();
        return new Results(new ResultPage<>(hits, pageIndex, PAGE_SIZE, total), facets, sort);
    }

    /** The current version of a sheet (withdrawn ones only for the federation). */
    @Transactional(readOnly = true)
    public PracticeSheet sheet(String code) {
        require(READ);
        PracticeSheet sheet = read(code, null);
        if (!sheet.published() && !TenantContext.hasAuthority(EDIT)) {
            throw BusinessException.notFound();
        }
        return sheet;
    }

    /** A version of a sheet, as it was written. */
    @Transactional(readOnly = true)
    public PracticeSheet version(String code, int version) {
        PracticeSheet current = sheet(code);
        return version == current.version() ? current : read(code, version);
    }

    /** The versions of a sheet, newest first. */
    @Transactional(readOnly = true)
    public List<VersionLine> versions(String code) {
        PracticeSheet current = sheet(code);
        return jdbc.sql("""
                select version, title, created_at, created_by_name, change_note from practice_sheet_version
                where sheet_id = ? order by version desc""").param(current.id())
                .query((rs, n) -> new VersionLine(rs.getInt("version"), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
                        rs.getString("change_note")))
                .list();
    }

    /** The published sheets by number then title, for choosers (comparison, adoption). */
    @Transactional(readOnly = true)
    public List<Hit> choices() {
        require(READ);
        return jdbc.sql("""
                select s.code, s.number, v.title, v.axis from practice_sheet s
                join practice_sheet_version v on v.sheet_id = s.id and v.is_current
                where s.status = 'PUBLISHED' order by s.number nulls last, lower(v.title)""")
                .query((rs, n) -> new Hit(rs.getString("code"), (Integer) rs.getObject("number"), rs.getString("title"),
                        rs.getString("axis"), null, List.of(), null, null, List.of()))
                .list();
    }

    /** The federation edits a sheet: a new version, if nobody wrote one since {@code basedOn}. */
    @Transactional
    public int edit(String code, int basedOn, SheetInput input) {
        require(EDIT);
        PracticeSheet current = read(code, null);
        validate(input, true);
        int locked = jdbc.sql("select current_version from practice_sheet where id = ? for update").param(current.id())
                .query(Integer.class).single();
        if (locked != basedOn) {
            throw BusinessException.conflict("practice.edit.stale", locked);
        }
        int version = locked + 1;
        jdbc.sql("update practice_sheet_version set is_current = false where sheet_id = ? and is_current")
                .param(current.id()).update();
        insertVersion(current.id(), version, input, current.extraSections(), current.referenceActions(),
                current.source());
        jdbc.sql("update practice_sheet set current_version = ?, updated_at = ? where id = ?")
                .params(version, java.sql.Timestamp.from(Instant.now(clock)), current.id()).update();
        audit.record("practice.sheet.edited", "practice_sheet", current.id(),
                Map.of("code", code, "version", version, "note", input.changeNote().trim()));
        return version;
    }

    /** The federation publishes a new sheet; returns its code (from its title). */
    @Transactional
    public String publish(SheetInput input) {
        return publish(input, "FEDERATION", List.of()).code();
    }

    /** A new sheet and its first version; the federation's permission is checked. */
    PracticeSheet publish(SheetInput input, String origin, List<PracticeSheet.ReferenceAction> actions) {
        require(EDIT);
        validate(input, false);
        String code = freeCode(slug(input.title()));
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                insert into practice_sheet (id, code, number, origin, status, current_version, created_at, updated_at)
                values (?, ?, null, ?, 'PUBLISHED', 1, ?, ?)""").params(id, code, origin, now, now).update();
        insertVersion(id, 1, input, List.of(), actions, null);
        audit.record("practice.sheet.published", "practice_sheet", id,
                Map.of("code", code, "title", input.title().trim(), "origin", origin));
        return read(code, null);
    }

    /** The federation withdraws a sheet from the library (kept, with its versions) or publishes it again. */
    @Transactional
    public void setPublished(String code, boolean published) {
        require(EDIT);
        PracticeSheet current = read(code, null);
        jdbc.sql("update practice_sheet set status = ?, updated_at = ? where id = ?")
                .params(published ? "PUBLISHED" : "WITHDRAWN", java.sql.Timestamp.from(Instant.now(clock)), current.id()).update();
        changed();
        audit.record(published ? "practice.sheet.republished" : "practice.sheet.withdrawn", "practice_sheet",
                current.id(), Map.of("code", code));
    }

    /** Inserts a version, current, with the author signed in (none for the start-up loader). */
    void insertVersion(UUID sheetId, int version, SheetInput input, List<PracticeSheet.ExtraSection> extra,
            List<PracticeSheet.ReferenceAction> actions, String source) {
        TenantPrincipal author = TenantContext.currentPrincipal().orElse(null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sheet", sheetId);
        params.put("version", version);
        params.put("title", input.title().trim());
        params.put("axis", input.axis());
        params.put("theme", blankToNull(input.theme()));
        params.put("publics", textArray(input.publics()));
        params.put("ageMin", input.ageMin());
        params.put("ageMax", input.ageMax());
        params.put("carriers", textArray(input.carriers()));
        params.put("fundings", textArray(input.fundings()));
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        PracticeVocabulary.SECTIONS.forEach((key, column) -> {
            columns.append(", ").append(column);
            values.append(", :s_").append(column);
            params.put("s_" + column, blankToNull(input.sections() == null ? null : input.sections().get(key)));
        });
        params.put("extra", json.writeValueAsString(extra));
        params.put("indicators", textArray(input.indicators().stream().map(String::trim).filter(s -> !s.isEmpty())
                .toList()));
        params.put("actions", json.writeValueAsString(actions));
        params.put("source", source);
        params.put("note", blankToNull(input.changeNote()));
        params.put("createdAt", java.sql.Timestamp.from(Instant.now(clock)));
        params.put("createdBy", author == null ? null : author.userId());
        params.put("createdByName", author == null ? null : author.displayName());
        jdbc.sql("""
                insert into practice_sheet_version (sheet_id, version, is_current, title, axis, theme, publics, age_min,
                    age_max, carriers, fundings%s, extra_sections, indicators, reference_actions, source, change_note,
                    created_at, created_by, created_by_name)
                values (:sheet, :version, true, :title, :axis, :theme, cast(:publics as text[]), :ageMin, :ageMax,
                    cast(:carriers as text[]), cast(:fundings as text[])%s, cast(:extra as jsonb),
                    cast(:indicators as text[]), cast(:actions as jsonb), :source, :note, :createdAt, :createdBy,
                    :createdByName)""".formatted(columns, values))
                .params(params).update();
        changed();
    }

    /**
     * The library was written (a version, or a sheet withdrawn or published again): the facet counts
     * kept are forgotten when the transaction ends, and any counted while it ran are not kept.
     */
    private void changed() {
        writes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    writes.incrementAndGet();
                }
            });
        }
    }

    void validate(SheetInput input, boolean edit) {
        if (input.title() == null || input.title().isBlank()) {
            throw new FieldRefusal("title", "practice.title.required");
        }
        FieldRefusal.requireAtMost("title", input.title().trim(), 300);
        if (input.axis() == null || !PracticeVocabulary.AXES.contains(input.axis())) {
            throw new FieldRefusal("axis", "practice.axis.invalid");
        }
        FieldRefusal.requireAtMost("theme", input.theme(), 500);
        checkCodes("publics", input.publics(), PracticeVocabulary.PUBLICS);
        checkCodes("carriers", input.carriers(), PracticeVocabulary.CARRIERS);
        checkCodes("fundings", input.fundings(), PracticeVocabulary.FUNDINGS);
        if (input.publics().isEmpty()) {
            throw new FieldRefusal("publics", "practice.publics.required");
        }
        for (Integer age : Arrays.asList(input.ageMin(), input.ageMax())) {
            if (age != null && (age < 0 || age > 120)) {
                throw new FieldRefusal(age.equals(input.ageMin()) ? "ageMin" : "ageMax", "practice.age.invalid");
            }
        }
        if (input.ageMin() != null && input.ageMax() != null && input.ageMin() > input.ageMax()) {
            throw new FieldRefusal("ageMax", "practice.age.order");
        }
        if (input.sections() != null) {
            for (var section : input.sections().entrySet()) {
                if (!PracticeVocabulary.SECTIONS.containsKey(section.getKey())) {
                    throw new FieldRefusal(section.getKey(), "practice.section.unknown");
                }
                FieldRefusal.requireAtMost(section.getKey(), section.getValue(), SECTION_MAX);
            }
        }
        if (input.sections() == null || blankToNull(input.sections().get("objectives")) == null) {
            throw new FieldRefusal("objectives", "practice.objectives.required");
        }
        List<String> indicators = input.indicators().stream().filter(s -> s != null && !s.isBlank()).toList();
        if (indicators.size() > INDICATORS_MAX) {
            throw new FieldRefusal("indicators", "practice.indicators.tooMany", INDICATORS_MAX);
        }
        for (String indicator : indicators) {
            FieldRefusal.requireAtMost("indicators", indicator.trim(), INDICATOR_MAX);
        }
        if (edit && (input.changeNote() == null || input.changeNote().isBlank())) {
            throw new FieldRefusal("changeNote", "practice.changeNote.required");
        }
        FieldRefusal.requireAtMost("changeNote", input.changeNote(), 1000);
    }

    PracticeSheet read(String code, Integer version) {
        return jdbc.sql("""
                select s.id, s.code, s.number, s.origin, s.status, s.current_version, v.*
                from practice_sheet s join practice_sheet_version v on v.sheet_id = s.id
                where s.code = :code and %s""".formatted(version == null ? "v.is_current" : "v.version = :version"))
                .param("code", code == null ? "" : code).param("version", version == null ? 0 : version)
                .query(this::mapSheet).optional().orElseThrow(BusinessException::notFound);
    }

    private PracticeSheet mapSheet(ResultSet rs, int n) throws SQLException {
        Map<String, String> sections = new LinkedHashMap<>();
        for (var section : PracticeVocabulary.SECTIONS.entrySet()) {
            String text = rs.getString(section.getValue());
            if (text != null) {
                sections.put(section.getKey(), text);
            }
        }
        return new PracticeSheet(rs.getObject("id", UUID.class), rs.getString("code"), (Integer) rs.getObject("number"),
                rs.getString("origin"), rs.getString("status"), rs.getInt("version"), rs.getInt("current_version"),
                rs.getString("title"), rs.getString("axis"), rs.getString("theme"), strings(rs.getArray("publics")),
                (Integer) rs.getObject("age_min"), (Integer) rs.getObject("age_max"), strings(rs.getArray("carriers")),
                strings(rs.getArray("fundings")), sections, json.readValue(rs.getString("extra_sections"), EXTRA),
                strings(rs.getArray("indicators")), json.readValue(rs.getString("reference_actions"), ACTIONS),
                rs.getString("source"), rs.getString("change_note"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by_name"));
    }

    /**
     * Fills each facet's counts and returns the number of sheets found, in one reading of the matches:
     * the matches are grouped by each facet's column (its whole array for the array facets) in one
     * pass of grouping sets, each group keeping whether the other facets let it through, and the
     * groups are spread here over the facet's values. One filtered count per facet value (41 of them,
     * the array ones each testing the row's array) cost three times as much for many matches.
     */
    private long facetsAndTotal(String base, Map<String, Object> params, Map<String, Map<String, Long>> facets) {
        facets.put("axis", zeros(PracticeVocabulary.AXES));
        facets.put("public", zeros(PracticeVocabulary.PUBLICS));
        facets.put("age", zeros(PracticeVocabulary.AGE_BAND_ORDER));
        facets.put("carrier", zeros(PracticeVocabulary.CARRIERS));
        facets.put("funding", zeros(PracticeVocabulary.FUNDINGS));
        long[] total = {0};
        // Each facet counts the sheets the other facets let through (o_*); the total, those all let through.
        jdbc.sql("""
                select grouping(axis, publics, carriers, fundings) as grouped_out, axis, publics, carriers, fundings, age_min,
                       age_max, f_axis, o_axis, o_public, o_age, o_carrier, o_funding, count(*) as n
                from (select b.*, f_public and f_age and f_carrier and f_funding as o_axis,
                             f_axis and f_age and f_carrier and f_funding as o_public,
                             f_axis and f_public and f_carrier and f_funding as o_age,
                             f_axis and f_public and f_age and f_funding as o_carrier,
                             f_axis and f_public and f_age and f_carrier as o_funding
                      from (%s) b) m
                group by grouping sets ((axis, f_axis, o_axis), (publics, o_public), (carriers, o_carrier),
                    (fundings, o_funding), (age_min, age_max, o_age))""".formatted(base))
                .params(params).query(rs -> {
                    long n = rs.getLong("n");
                    switch (rs.getInt("grouped_out")) {
                        case 0b0111 -> {
                            if (rs.getBoolean("o_axis")) {
                                facets.get("axis").computeIfPresent(rs.getString("axis"), (k, c) -> c + n);
                                if (rs.getBoolean("f_axis")) {
                                    total[0] += n;
                                }
                            }
                        }
                        case 0b1011 -> spread(facets.get("public"), rs.getArray("publics"), rs.getBoolean("o_public"), n);
                        case 0b1101 -> spread(facets.get("carrier"), rs.getArray("carriers"), rs.getBoolean("o_carrier"), n);
                        case 0b1110 -> spread(facets.get("funding"), rs.getArray("fundings"), rs.getBoolean("o_funding"), n);
                        case 0b1111 -> {
                            if (rs.getBoolean("o_age")) {
                                Integer min = (Integer) rs.getObject("age_min");
                                Integer max = (Integer) rs.getObject("age_max");
                                for (String band : PracticeVocabulary.AGE_BAND_ORDER) {
                                    if (inAgeBand(min, max, PracticeVocabulary.AGE_BANDS.get(band))) {
                                        facets.get("age").merge(band, n, Long::sum);
                                    }
                                }
                            }
                        }
                        default -> throw new IllegalStateException("unknown grouping set");
                    }
                });
        return total[0];
    }

    /** Adds a group's count to each value of the vocabulary its array holds (once, as {@code @>} would). */
    private static void spread(Map<String, Long> counts, Array values, boolean through, long n) throws SQLException {
        if (through) {
            for (Object value : new HashSet<>(Arrays.asList((Object[]) values.getArray()))) {
                counts.computeIfPresent(String.valueOf(value), (k, c) -> c + n);
            }
        }
    }

    /** Whether ages meet a band, as {@link #ageFlag} tests it: an age left open counts as open; no age, no band. */
    static boolean inAgeBand(Integer min, Integer max, int[] band) {
        return (min != null || max != null) && (min == null ? 0 : min) <= band[1] && (max == null ? 120 : max) >= band[0];
    }

    private static Map<String, Map<String, Long>> unmodifiable(Map<String, Map<String, Long>> facets) {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        facets.forEach((facet, counts) -> copy.put(facet, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Long> zeros(List<String> values) {
        Map<String, Long> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(v, 0L));
        return map;
    }

    private static String arrayFlag(String predicate, Set<String> values, String name, Map<String, Object> params) {
        if (values.isEmpty()) {
            return "true";
        }
        params.put(name, values.toArray(String[]::new));
        return "(" + predicate.replace(":" + name, "cast(:" + name + " as text[])") + ")";
    }

    private static String ageFlag(Set<String> ages, Map<String, Object> params) {
        if (ages.isEmpty()) {
            return "true";
        }
        List<String> clauses = new ArrayList<>();
        for (String band : PracticeVocabulary.AGE_BAND_ORDER) {
            if (ages.contains(band)) {
                int[] range = PracticeVocabulary.AGE_BANDS.get(band);
                clauses.add("(coalesce(v.age_min, 0) <= " + range[1] + " and coalesce(v.age_max, 120) >= " + range[0] + ")");
            }
        }
        return "((v.age_min is not null or v.age_max is not null) and (" + String.join(" or ", clauses) + "))";
    }

    private static void checkCodes(String field, Collection<String> values, List<String> known) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (!known.contains(value)) {
                throw new FieldRefusal(field, "practice.facet.invalid");
            }
        }
    }

    /** A code from a title: lower-case ASCII words joined by hyphens, at most 80 characters. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > 70) {
            ascii = ascii.substring(0, 70).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "fiche" : ascii;
    }

    private String freeCode(String base) {
        String code = RESERVED_CODES.contains(base) ? base + "-fiche" : base;
        String start = code;
        for (int i = 2; jdbc.sql("select count(*) from practice_sheet where code = ?").param(code).query(Long.class)
                .single() > 0; i++) {
            code = start + "-" + i;
        }
        return code;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String[] textArray(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void require(String permission) {
        if (!TenantContext.hasAuthority(permission)) {
            throw new AccessDeniedException(permission + " required");
        }
    }
}
