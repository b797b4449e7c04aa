package fr.passerelle.partners;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner directory of the current association: partner structures (type, activities, tags,
 * contact details), their sites and contacts, the partnership level the association assesses (the
 * four levels of the domain, with their history) and the log of exchanges with each partner, which
 * a service head reviews. Reading and recording an exchange need {@code partner:read}; every other
 * write needs {@code partner:manage}. Every write is audited. Row-level security keeps each
 * association to its own directory.
 */
@Service
public class PartnerDirectory {

    public static final String READ = "partner:read";
    public static final String MANAGE = "partner:manage";

    /** The types of partner structures, in the order offered to users. */
    public static final List<String> TYPES = List.of("CHRS", "CHU", "CSAPA", "CAARUD", "ACT", "LHSS", "LAM", "SIAO",
            "SPIP", "PJJ", "MISSION_LOCALE", "FRANCE_TRAVAIL", "CMP_EPSM", "HOSPITAL", "SOCIAL_LANDLORD",
            "EMPLOYER_SIAE", "OTHER");
    /** The kinds of exchanges logged with a partner. */
    public static final List<String> EXCHANGE_KINDS = List.of("MEETING", "CALL", "JOINT_DECISION", "MAIL", "OTHER");
    /** Partnership levels: 1 no communication, 2 formal communication, 3 minimal sharing, 4 joint work. */
    public static final List<Integer> LEVELS = List.of(1, 2, 3, 4);
    /** How the directory can be sorted. */
    public static final List<String> SORTS = List.of("NAME", "TYPE", "LEVEL", "UPDATED");
    public static final int PAGE_SIZE = 25;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]{6,30}");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s]+\\.[^\\s]+");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern DEPARTEMENT = Pattern.compile("0[1-9]|[1-8]\\d|9[0-5]|2A|2B|97[1-6]");
    private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}([.,]\\d{1,10})?");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PartnerDirectory(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A partner structure. */
    public record Partner(UUID id, String name, String type, String description, List<String> activities,
            List<String> tags, String phone, String email, String website, boolean archived, Instant updatedAt) {}

    /** A line of the directory: the partner with its current level (null when never assessed) and its cities. */
    public record Summary(UUID id, String name, String type, List<String> tags, boolean archived, Integer level,
            String cities, String phone, String email) {}

    /** A site of a partner (an address, possibly located). */
    public record Site(UUID id, UUID partnerId, String name, String address, String postcode, String city,
            String departementCode, Double latitude, Double longitude) {}

    /** A person to call at a partner, possibly at one of its sites. */
    public record Contact(UUID id, UUID partnerId, UUID siteId, String fullName, String roleLabel, String phone,
            String email) {}

    /** One assessment of the partnership level (the latest is the current level). */
    public record LevelAssessment(UUID id, UUID partnerId, int level, LocalDate assessedOn, String assessedByName,
            String comment, Instant createdAt) {}

    /** An exchange with a partner, reviewed or not by a service head. */
    public record Exchange(UUID id, UUID partnerId, String partnerName, String kind, LocalDate occurredOn,
            String summary, String recordedByName, Instant reviewedAt, String reviewedByName) {

        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    /** A partner with everything the directory knows about it; history and exchanges newest first. */
    public record Details(Partner partner, List<Site> sites, List<Contact> contacts, List<LevelAssessment> levels,
            List<Exchange> exchanges) {

        public Optional<LevelAssessment> currentLevel() {
            return levels.isEmpty() ? Optional.empty() : Optional.of(levels.get(0));
        }
    }

    /**
     * What the directory is filtered by; blank values do not filter.
     *
     * @param query part of the name, accents and case ignored
     * @param type a partner type
     * @param departement the département of one of its sites
     * @param tag one of its tags
     * @param level its current partnership level
     * @param archived whether archived partners are listed too
     * @param sort one of {@link #SORTS}
     */
    public record Filter(String query, String type, String departement, String tag, Integer level, boolean archived,
            String sort) {

        public static Filter all() {
            return new Filter(null, null, null, null, null, false, null);
        }

        public static Filter byName(String query) {
            return new Filter(query, null, null, null, null, false, null);
        }
    }

    /** A partner as typed: activities and tags are comma- or line-separated. */
    public record PartnerInput(String name, String type, String description, String activities, String tags,
            String phone, String email, String website) {

        public static PartnerInput of(Partner p) {
            return new PartnerInput(p.name(), p.type(), p.description(), String.join(", ", p.activities()),
                    String.join(", ", p.tags()), p.phone(), p.email(), p.website());
        }
    }

    /** A site as typed: coordinates are text, so that "45,75" (decimal comma) gets a clear answer. */
    public record SiteInput(String name, String address, String postcode, String city, String departementCode,
            String latitude, String longitude) {}

    /** A contact as typed; {@code siteId} is optional. */
    public record ContactInput(String fullName, String roleLabel, String phone, String email, UUID siteId) {}

    // ---------------------------------------------------------------------------------------------- reads

    /** One page of the directory, filtered and sorted. */
    @Transactional(readOnly = true)
    public ResultPage<Summary> search(Filter filter, int page) {
        require(READ);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        String q = clean(filter.query(), 100);
        if (q != null) {
            // Every word typed is part of the name, in any order ("relais 7e" finds "CHRS Le Relais – Lyon 7e").
            String[] words = q.split("\\s+");
            for (int i = 0; i < Math.min(words.length, 8); i++) {
                where.append(" and immutable_unaccent(lower(p.name)) like '%' || immutable_unaccent(lower(:q").append(i)
                        .append(")) || '%'");
                params.put("q" + i, words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        if (!filter.archived()) {
            where.append(" and not p.archived");
        }
        if (filter.type() != null && TYPES.contains(filter.type())) {
            where.append(" and p.partner_type = :type");
            params.put("type", filter.type());
        }
        String departement = clean(filter.departement(), 3);
        if (departement != null) {
            where.append(" and exists (select 1 from partner_site s where s.partner_id = p.id"
                    + " and s.departement_code = :departement)");
            params.put("departement", departement.toUpperCase(Locale.ROOT));
        }
        String tag = clean(filter.tag(), 60);
        if (tag != null) {
            where.append(" and :tag = any (p.tags)");
            params.put("tag", tag);
        }
        if (filter.level() != null && LEVELS.contains(filter.level())) {
            where.append(" and l.level = :level");
            params.put("level", filter.level());
        }
        String order = switch (filter.sort() == null ? "NAME" : filter.sort()) {
            case "TYPE" -> "p.partner_type, immutable_unaccent(lower(p.name))";
            case "LEVEL" -> "l.level desc nulls last, immutable_unaccent(lower(p.name))";
            case "UPDATED" -> "p.updated_at desc, p.id";
            default -> "immutable_unaccent(lower(p.name)), p.id";
        };
        int pageIndex = Math.max(0, page);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) pageIndex * PAGE_SIZE);
        long[] total = {0};
        List<Summary> items = jdbc.sql("""
                select p.id, p.name, p.partner_type, p.tags, p.archived, p.phone, p.email, l.level,
                       (select string_agg(distinct s.city, ', ') from partner_site s
                        where s.partner_id = p.id and s.city is not null) as cities,
                       count(*) over () as total
                from partner p
                left join lateral (select a.level from partner_level_assessment a where a.partner_id = p.id
                                   order by a.assessed_on desc, a.created_at desc limit 1) l on true
                """ + where + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new Summary(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("partner_type"), strings(rs.getArray("tags")), rs.getBoolean("archived"),
                            (Integer) rs.getObject("level", Integer.class), rs.getString("cities"),
                            rs.getString("phone"), rs.getString("email"));
                }).list();
        if (items.isEmpty() && pageIndex > 0) {
            return search(filter, 0);
        }
        return new ResultPage<>(items, pageIndex, PAGE_SIZE, total[0]);
    }

    /** Every partner of the directory matching the filter (no paging), for exports. */
    @Transactional(readOnly = true)
    public List<Details> export(Filter filter) {
        require(READ);
        List<Details> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResultPage<Summary> result = search(filter, page);
            for (Summary s : result.items()) {
                all.add(details(s.id()));
            }
            if (!result.hasNext()) {
                return all;
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<Partner> partner(UUID id) {
        require(READ);
        return jdbc.sql("select * from partner where id = ?").param(id).query(PartnerDirectory::mapPartner).optional();
    }

    /** The partner with its sites, contacts, level history and exchanges; 404 when not in this association. */
    @Transactional(readOnly = true)
    public Details details(UUID id) {
        Partner partner = partner(id).orElseThrow(BusinessException::notFound);
        List<Site> sites = jdbc.sql("select * from partner_site where partner_id = ? order by name, id").param(id)
                .query(PartnerDirectory::mapSite).list();
        List<Contact> contacts = jdbc.sql("select * from partner_contact where partner_id = ? order by full_name, id")
                .param(id).query(PartnerDirectory::mapContact).list();
        return new Details(partner, sites, contacts, levels(id), exchanges("where e.partner_id = :id", Map.of("id", id),
                "e.occurred_on desc, e.created_at desc, e.id desc"));
    }

    /** The level history of a partner, newest first (the first is the current level). */
    @Transactional(readOnly = true)
    public List<LevelAssessment> levels(UUID partnerId) {
        require(READ);
        return jdbc.sql("""
                select * from partner_level_assessment where partner_id = ?
                order by assessed_on desc, created_at desc, id desc""")
                .param(partnerId)
                .query((rs, n) -> new LevelAssessment(rs.getObject("id", UUID.class),
                        rs.getObject("partner_id", UUID.class), rs.getInt("level"),
                        rs.getObject("assessed_on", LocalDate.class), rs.getString("assessed_by_name"),
                        rs.getString("comment"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** The current partnership level of each given partner that has one (for other pages of the module). */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> currentLevels(List<UUID> partnerIds) {
        require(READ);
        Map<UUID, Integer> levels = new LinkedHashMap<>();
        if (partnerIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("""
                select distinct on (partner_id) partner_id, level from partner_level_assessment
                where partner_id = any (cast(:ids as uuid[]))
                order by partner_id, assessed_on desc, created_at desc, id desc""")
                .param("ids", partnerIds.toArray(UUID[]::new))
                .query((rs, n) -> levels.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return levels;
    }

    /** The exchanges not reviewed yet, oldest first, for the service head. */
    @Transactional(readOnly = true)
    public List<Exchange> exchangesToReview() {
        require(MANAGE);
        return exchanges("where e.reviewed_at is null", Map.of(), "e.occurred_on, e.created_at, e.id");
    }

    /** The tags in use, for the filter. */
    @Transactional(readOnly = true)
    public List<String> tags() {
        require(READ);
        return jdbc.sql("select distinct t from partner, unnest(tags) t order by t").query(String.class).list();
    }

    /** The départements of the sites, for the filter. */
    @Transactional(readOnly = true)
    public List<String> departements() {
        require(READ);
        return jdbc.sql("select distinct departement_code from partner_site where departement_code is not null"
                + " order by departement_code").query(String.class).list();
    }

    // ---------------------------------------------------------------------------------------------- writes

    /** Adds a partner to the directory; a name already there (accents and case aside) is refused. */
    @Transactional
    public UUID create(PartnerInput input) {
        require(MANAGE);
        ValidPartner valid = validate(input);
        refuseDuplicateName(valid.name(), null);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into partner (id, organisation_id, name, partner_type, description, activities, tags, phone,
                                         email, website, created_at, created_by, updated_at)
                    values (:id, :org, :name, :type, :description, cast(:activities as text[]), cast(:tags as text[]),
                            :phone, :email, :website, :now, :by, :now)""")
                    .param("id", id).param("org", organisationId()).params(valid.params())
                    .param("now", java.sql.Timestamp.from(now)).param("by", principal().userId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("name", "partners.name.duplicate", valid.name());
        }
        audit.record("partner.created", "partner", id, Map.of("name", valid.name(), "type", valid.type()));
        return id;
    }

    /** Changes a partner's description; audited with the fields changed. */
    @Transactional
    public void update(UUID id, PartnerInput input) {
        require(MANAGE);
        Partner before = lock(id);
        ValidPartner valid = validate(input);
        refuseDuplicateName(valid.name(), id);
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "name", before.name(), valid.name());
        change(changes, "type", before.type(), valid.type());
        change(changes, "description", before.description(), valid.description());
        change(changes, "activities", before.activities(), valid.activities());
        change(changes, "tags", before.tags(), valid.tags());
        change(changes, "phone", before.phone(), valid.phone());
        change(changes, "email", before.email(), valid.email());
        change(changes, "website", before.website(), valid.website());
        if (changes.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("""
                    update partner set name = :name, partner_type = :type, description = :description,
                           activities = cast(:activities as text[]), tags = cast(:tags as text[]), phone = :phone,
                           email = :email, website = :website, updated_at = :now, version = version + 1
                    where id = :id""")
                    .params(valid.params()).param("now", java.sql.Timestamp.from(clock.instant())).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("name", "partners.name.duplicate", valid.name());
        }
        audit.record("partner.updated", "partner", id, Map.of("name", valid.name(), "changes", changes));
    }

    /** Archives a partner (kept with its history, no longer listed by default), or brings it back. */
    @Transactional
    public void setArchived(UUID id, boolean archived) {
        require(MANAGE);
        Partner before = lock(id);
        if (before.archived() == archived) {
            return;
        }
        jdbc.sql("update partner set archived = ?, updated_at = ?, version = version + 1 where id = ?")
                .param(archived).param(java.sql.Timestamp.from(clock.instant())).param(id).update();
        audit.record(archived ? "partner.archived" : "partner.restored", "partner", id, Map.of("name", before.name()));
    }

    /** Adds a site to a partner: the département is taken from the postcode when not given. */
    @Transactional
    public UUID addSite(UUID partnerId, SiteInput input) {
        require(MANAGE);
        Partner partner = lock(partnerId);
        ValidSite site = validSite(input);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into partner_site (id, organisation_id, partner_id, name, address, postcode, city, departement_code,
                                          latitude, longitude, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId(), partnerId, site.name(), site.address(), site.postcode(), site.city(),
                        site.departement(), site.latitude(), site.longitude(), java.sql.Timestamp.from(clock.instant()))
                .update();
        touch(partnerId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partner", partner.name());
        details.put("site", site.name());
        details.put("departement", site.departement());
        audit.record("partner.site.added", "partner_site", id, details);
        return id;
    }

    /** Changes a site's name, address and coordinates, with the same rules as when adding it; audited with the changes. */
    @Transactional
    public void updateSite(UUID siteId, SiteInput input) {
        require(MANAGE);
        Site before = lockSite(siteId);
        ValidSite site = validSite(input);
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "name", before.name(), site.name());
        change(changes, "address", before.address(), site.address());
        change(changes, "postcode", before.postcode(), site.postcode());
        change(changes, "city", before.city(), site.city());
        change(changes, "departement", before.departementCode(), site.departement());
        change(changes, "latitude", before.latitude(), site.latitude());
        change(changes, "longitude", before.longitude(), site.longitude());
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update partner_site set name = ?, address = ?, postcode = ?, city = ?, departement_code = ?, latitude = ?,
                       longitude = ?
                where id = ?""")
                .params(site.name(), site.address(), site.postcode(), site.city(), site.departement(), site.latitude(),
                        site.longitude(), siteId)
                .update();
        touch(before.partnerId());
        audit.record("partner.site.updated", "partner_site", siteId, Map.of("partnerId", before.partnerId(),
                "site", site.name(), "changes", changes));
    }

    /**
     * Removes a site (and the contacts tied to it); refused while the site has places, since its
     * places hold bookings, days counted on measures and the occupancy history.
     */
    @Transactional
    public void removeSite(UUID siteId) {
        require(MANAGE);
        Site site = lockSite(siteId);
        if (jdbc.sql("select exists (select 1 from partner_place where site_id = ?)").param(siteId)
                .query(Boolean.class).single()) {
            throw BusinessException.conflict("partners.site.hasPlaces", site.name());
        }
        jdbc.sql("delete from partner_site where id = ?").param(siteId).update();
        touch(site.partnerId());
        audit.record("partner.site.removed", "partner_site", siteId, Map.of("partnerId", site.partnerId(),
                "site", site.name()));
    }

    /** Adds a contact to a partner, tied to one of its sites or not. */
    @Transactional
    public UUID addContact(UUID partnerId, ContactInput input) {
        require(MANAGE);
        Partner partner = lock(partnerId);
        ValidContact contact = validContact(partnerId, input);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into partner_contact (id, organisation_id, partner_id, site_id, full_name, role_label, phone, email,
                                             created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId(), partnerId, input.siteId(), contact.fullName(), contact.role(),
                        contact.phone(), contact.email(), java.sql.Timestamp.from(clock.instant()))
                .update();
        touch(partnerId);
        audit.record("partner.contact.added", "partner_contact", id, Map.of("partner", partner.name(),
                "contact", contact.fullName()));
        return id;
    }

    /** Changes a contact (name, role, phone, e-mail, site), with the same rules as when adding it; audited with the changes. */
    @Transactional
    public void updateContact(UUID contactId, ContactInput input) {
        require(MANAGE);
        Contact before = jdbc.sql("select * from partner_contact where id = ? for update").param(contactId)
                .query(PartnerDirectory::mapContact).optional().orElseThrow(BusinessException::notFound);
        ValidContact contact = validContact(before.partnerId(), input);
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "fullName", before.fullName(), contact.fullName());
        change(changes, "role", before.roleLabel(), contact.role());
        change(changes, "phone", before.phone(), contact.phone());
        change(changes, "email", before.email(), contact.email());
        change(changes, "siteId", before.siteId(), input.siteId());
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("update partner_contact set full_name = ?, role_label = ?, phone = ?, email = ?, site_id = ? where id = ?")
                .params(contact.fullName(), contact.role(), contact.phone(), contact.email(), input.siteId(), contactId)
                .update();
        touch(before.partnerId());
        audit.record("partner.contact.updated", "partner_contact", contactId, Map.of("partnerId", before.partnerId(),
                "contact", contact.fullName(), "changes", changes));
    }

    @Transactional
    public void removeContact(UUID contactId) {
        require(MANAGE);
        Map<String, Object> contact = jdbc.sql("select partner_id, full_name from partner_contact where id = ? for update")
                .param(contactId).query((rs, n) -> Map.<String, Object>of("partnerId", rs.getObject(1, UUID.class),
                        "contact", rs.getString(2))).optional().orElseThrow(BusinessException::notFound);
        jdbc.sql("delete from partner_contact where id = ?").param(contactId).update();
        touch((UUID) contact.get("partnerId"));
        audit.record("partner.contact.removed", "partner_contact", contactId, contact);
    }

    /** Records today's assessment of the partnership level (1 to 4) by the signed-in user. */
    @Transactional
    public UUID assessLevel(UUID partnerId, Integer level, String comment) {
        require(MANAGE);
        return insertAssessment(partnerId, level, comment, LocalDate.now(clock));
    }

    /**
     * Records an assessment made on an earlier date (a history brought in from elsewhere, such as
     * demo data or an import): the date may not be in the future.
     */
    @Transactional
    public UUID assessLevelOn(UUID partnerId, Integer level, String comment, LocalDate assessedOn) {
        require(MANAGE);
        if (assessedOn == null || assessedOn.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("assessedOn", "partners.level.dateInvalid");
        }
        return insertAssessment(partnerId, level, comment, assessedOn);
    }

    private UUID insertAssessment(UUID partnerId, Integer level, String comment, LocalDate assessedOn) {
        Partner partner = lock(partnerId);
        if (level == null || !LEVELS.contains(level)) {
            throw new FieldRefusal("level", "partners.level.invalid");
        }
        String text = optional("comment", comment, 2000);
        TenantPrincipal by = principal();
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                                      assessed_by_name, comment, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId(), partnerId, level, assessedOn, by.userId(), by.displayName(), text,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        touch(partnerId);
        audit.record("partner.level.assessed", "partner", partnerId, Map.of("name", partner.name(), "level", level,
                "assessedOn", assessedOn.toString()));
        return id;
    }

    /**
     * Logs an exchange with a partner (anyone who reads the directory); the date defaults to today and
     * may not be in the future. Typed dates are ISO (yyyy-MM-dd, as a date field sends them).
     */
    @Transactional
    public UUID recordExchange(UUID partnerId, String kind, String occurredOn, String summary) {
        require(READ);
        Partner partner = lock(partnerId);
        if (kind == null || !EXCHANGE_KINDS.contains(kind)) {
            throw new FieldRefusal("kind", "partners.exchange.kindInvalid");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date;
        try {
            date = occurredOn == null || occurredOn.isBlank() ? today : LocalDate.parse(occurredOn.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRefusal("occurredOn", "partners.exchange.dateInvalid");
        }
        if (date.isAfter(today)) {
            throw new FieldRefusal("occurredOn", "partners.exchange.dateFuture");
        }
        String text = required("summary", summary, 4000, "partners.exchange.summaryRequired");
        TenantPrincipal by = principal();
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into partner_exchange (id, organisation_id, partner_id, kind, occurred_on, summary, recorded_by,
                                              recorded_by_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId(), partnerId, kind, date, text, by.userId(), by.displayName(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record("partner.exchange.recorded", "partner_exchange", id, Map.of("partner", partner.name(),
                "kind", kind, "occurredOn", date.toString()));
        return id;
    }

    /** Marks an exchange reviewed by the signed-in service head (once; reviewing again changes nothing). */
    @Transactional
    public void markReviewed(UUID exchangeId) {
        require(MANAGE);
        TenantPrincipal by = principal();
        UUID partnerId = jdbc.sql("select partner_id from partner_exchange where id = ? for update").param(exchangeId)
                .query(UUID.class).optional().orElseThrow(BusinessException::notFound);
        int updated = jdbc.sql("""
                update partner_exchange set reviewed_at = ?, reviewed_by = ?, reviewed_by_name = ?
                where id = ? and reviewed_at is null""")
                .params(java.sql.Timestamp.from(clock.instant()), by.userId(), by.displayName(), exchangeId).update();
        if (updated > 0) {
            audit.record("partner.exchange.reviewed", "partner_exchange", exchangeId, Map.of("partnerId", partnerId));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private record ValidSite(String name, String address, String postcode, String city, String departement,
            Double latitude, Double longitude) {}

    private static ValidSite validSite(SiteInput input) {
        String name = required("name", input.name(), 200, "partners.site.nameRequired");
        String address = optional("address", input.address(), 300);
        String postcode = optional("postcode", input.postcode(), 10);
        if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
            throw new FieldRefusal("postcode", "partners.site.postcodeInvalid");
        }
        String city = optional("city", input.city(), 120);
        String departement = optional("departementCode", input.departementCode(), 3);
        departement = departement == null ? null : departement.toUpperCase(Locale.ROOT);
        if (departement != null && !DEPARTEMENT.matcher(departement).matches()) {
            throw new FieldRefusal("departementCode", "partners.site.departementInvalid");
        }
        String fromPostcode = postcode == null ? null : departementOf(postcode);
        if (departement == null) {
            departement = fromPostcode;
        } else if (fromPostcode != null && !fromPostcode.equals(departement)) {
            throw new FieldRefusal("departementCode", "partners.site.departementMismatch", postcode, departement);
        }
        Double latitude = coordinate("latitude", input.latitude(), 90);
        Double longitude = coordinate("longitude", input.longitude(), 180);
        if ((latitude == null) != (longitude == null)) {
            throw new FieldRefusal(latitude == null ? "latitude" : "longitude", "partners.site.coordinatesPair");
        }
        return new ValidSite(name, address, postcode, city, departement, latitude, longitude);
    }

    private record ValidContact(String fullName, String role, String phone, String email) {}

    /** A contact's fields checked; its site, when given, must be one of the partner's. */
    private ValidContact validContact(UUID partnerId, ContactInput input) {
        String fullName = required("fullName", input.fullName(), 200, "partners.contact.nameRequired");
        String role = optional("roleLabel", input.roleLabel(), 120);
        String phone = phone("phone", input.phone());
        String email = email("email", input.email());
        if (input.siteId() != null && jdbc.sql("select count(*) from partner_site where id = ? and partner_id = ?")
                .param(input.siteId()).param(partnerId).query(Long.class).single() == 0) {
            throw new FieldRefusal("siteId", "partners.contact.siteUnknown");
        }
        return new ValidContact(fullName, role, phone, email);
    }

    private Site lockSite(UUID siteId) {
        return jdbc.sql("select * from partner_site where id = ? for update").param(siteId)
                .query(PartnerDirectory::mapSite).optional().orElseThrow(BusinessException::notFound);
    }

    private record ValidPartner(String name, String type, String description, List<String> activities,
            List<String> tags, String phone, String email, String website) {

        Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("type", type);
            p.put("description", description);
            p.put("activities", activities.toArray(String[]::new));
            p.put("tags", tags.toArray(String[]::new));
            p.put("phone", phone);
            p.put("email", email);
            p.put("website", website);
            return p;
        }
    }

    private static ValidPartner validate(PartnerInput input) {
        String name = required("name", input.name(), 200, "partners.name.required");
        if (input.type() == null || !TYPES.contains(input.type())) {
            throw new FieldRefusal("type", "partners.type.invalid");
        }
        String description = optional("description", input.description(), 4000);
        List<String> activities = list("activities", input.activities());
        List<String> tags = list("tags", input.tags()).stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        String website = optional("website", input.website(), 300);
        if (website != null && !WEBSITE.matcher(website).matches()) {
            throw new FieldRefusal("website", "partners.websiteInvalid");
        }
        return new ValidPartner(name, input.type(), description, activities, tags, phone("phone", input.phone()),
                email("email", input.email()), website);
    }

    /** A comma- or line-separated list: at most 30 entries of at most 60 characters, duplicates dropped. */
    private static List<String> list(String field, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : value.split("[,;\\n]")) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                if (trimmed.length() > 60) {
                    throw new FieldRefusal(field, "partners.listItemTooLong", 60);
                }
                items.add(trimmed);
            }
        }
        if (items.size() > 30) {
            throw new FieldRefusal(field, "partners.listTooLong", 30);
        }
        return List.copyOf(items);
    }

    private static String phone(String field, String value) {
        String phone = optional(field, value, 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new FieldRefusal(field, "partners.phoneInvalid");
        }
        return phone;
    }

    private static String email(String field, String value) {
        String email = optional(field, value, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new FieldRefusal(field, "partners.emailInvalid");
        }
        return email;
    }

    private static Double coordinate(String field, String value, int bound) {
        String text = optional(field, value, 20);
        if (text == null) {
            return null;
        }
        if (!COORDINATE.matcher(text).matches()) {
            throw new FieldRefusal(field, "partners.site.coordinateInvalid", bound);
        }
        double number = Double.parseDouble(text.replace(',', '.'));
        if (Math.abs(number) > bound) {
            throw new FieldRefusal(field, "partners.site.coordinateInvalid", bound);
        }
        return number;
    }

    /** The département of a French postcode (Corsica 20xxx: 2A below 20200, 2B from it; overseas 97x). */
    static String departementOf(String postcode) {
        if (postcode.startsWith("97") || postcode.startsWith("98")) {
            return postcode.substring(0, 3);
        }
        if (postcode.startsWith("20")) {
            return postcode.compareTo("20200") < 0 ? "2A" : "2B";
        }
        return postcode.substring(0, 2);
    }

    private static String required(String field, String value, int max, String key) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new FieldRefusal(field, key);
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        FieldRefusal.requireAtMost(field, value, max);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        return text.length() > max ? text.substring(0, max) : text;
    }

    private void refuseDuplicateName(String name, UUID except) {
        boolean taken = jdbc.sql("""
                select count(*) from partner
                where immutable_unaccent(lower(btrim(name))) = immutable_unaccent(lower(btrim(:name)))
                  and id is distinct from :except""")
                .param("name", name).param("except", except, java.sql.Types.OTHER).query(Long.class).single() > 0;
        if (taken) {
            throw new FieldRefusal("name", "partners.name.duplicate", name);
        }
    }

    private static void change(Map<String, Object> changes, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", before);
            change.put("after", after);
            changes.put(field, change);
        }
    }

    private Partner lock(UUID id) {
        return jdbc.sql("select * from partner where id = ? for update").param(id).query(PartnerDirectory::mapPartner)
                .optional().orElseThrow(BusinessException::notFound);
    }

    private void touch(UUID partnerId) {
        jdbc.sql("update partner set updated_at = ?, version = version + 1 where id = ?")
                .param(java.sql.Timestamp.from(clock.instant())).param(partnerId).update();
    }

    private List<Exchange> exchanges(String where, Map<String, ?> params, String order) {
        return jdbc.sql("""
                select e.*, p.name as partner_name from partner_exchange e join partner p on p.id = e.partner_id
                """ + where + " order by " + order)
                .params(params)
                .query((rs, n) -> new Exchange(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getString("partner_name"), rs.getString("kind"), rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("summary"), rs.getString("recorded_by_name"),
                        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                        rs.getString("reviewed_by_name"))).list();
    }

    private static void require(String permission) {
        if (!TenantContext.hasAuthority(permission)) {
            throw new AccessDeniedException(permission + " required");
        }
    }

    private static TenantPrincipal principal() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new AccessDeniedException("signed-in user required"));
    }

    private static UUID organisationId() {
        return TenantContext.currentOrganisationId().orElseThrow(() -> new AccessDeniedException("no association"));
    }

    private static Partner mapPartner(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("partner_type"),
                rs.getString("description"), strings(rs.getArray("activities")), strings(rs.getArray("tags")),
                rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getBoolean("archived"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Site mapSite(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class), rs.getString("name"),
                rs.getString("address"), rs.getString("postcode"), rs.getString("city"),
                rs.getString("departement_code"), (Double) rs.getObject("latitude", Double.class),
                (Double) rs.getObject("longitude", Double.class));
    }

    private static Contact mapContact(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getString("full_name"), rs.getString("role_label"),
                rs.getString("phone"), rs.getString("email"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
