package fr.passerelle.identity;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.db.TenantScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of organisations (associations, the federation, public bodies) and the federation's
 * network regions. Federation administrators create organisations, each with its first
 * administrator, and change them.
 */
@Service
public class Organisations {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;

    Organisations(JdbcClient jdbc, AuditLog audit, UserAccounts users, TenantScope tenantScope,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.tenantScope = tenantScope;
        this.events = events;
    }

    /** An organisation as listed and edited. */
    public record Organisation(UUID id, OrganisationKind kind, String name, String city, String departementCode,
            String regionCode, boolean sharesStatistics, boolean active) {}

    /** What can be set on an organisation. */
    public record OrganisationData(OrganisationKind kind, String name, String city, String departementCode,
            String regionCode, boolean sharesStatistics, boolean active) {}

    /** A network region of the federation. */
    public record Region(String code, String name) {}

    @Transactional(readOnly = true)
    public ResultPage<Organisation> list(String query, OrganisationKind kind, int page) {
        String q = query == null ? "" : query.trim();
        String where = " where (:q = '' or unaccent(lower(name)) like unaccent(lower(:like)) or lower(city) like lower(:like))"
                + " and (cast(:kind as text) is null or kind = :kind)";
        String kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("select count(*) from organisation" + where)
                .param("q", q).param("like", "%" + q + "%").param("kind", kindName)
                .query(Long.class).single();
        List<Organisation> items = jdbc.sql("select * from organisation" + where
                        + " order by lower(name), id limit :limit offset :offset")
                .param("q", q).param("like", "%" + q + "%").param("kind", kindName)
                .param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query(Organisations::map)
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** The ids of the active organisations of a kind (for scheduled work done organisation by organisation). */
    @Transactional(readOnly = true)
    public List<UUID> activeIds(OrganisationKind kind) {
        return jdbc.sql("select id from organisation where active and kind = ? order by id").param(kind.name())
                .query(UUID.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("select * from organisation where id = ?").param(id).query(Organisations::map).optional();
    }

    @Transactional(readOnly = true)
    public Organisation get(UUID id) {
        return find(id).orElseThrow(BusinessException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Region> regions() {
        return jdbc.sql("select code, name from network_region order by name")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2))).list();
    }

    /** Creates an organisation and, in its own tenant, its first administrator. */
    @Transactional
    public UUID create(OrganisationData data, UserAccounts.NewUser firstAdmin) {
        return create(Ids.newId(), data, firstAdmin);
    }

    /** Creates an organisation with a given identifier (stable identifiers of demo data). */
    @Transactional
    public UUID create(UUID id, OrganisationData data, UserAccounts.NewUser firstAdmin) {
        check(data);
        jdbc.sql("""
                insert into organisation (id, kind, name, city, departement_code, region_code, shares_statistics, active)
                values (:id, :kind, :name, :city, :dept, :region, :shares, :active)""")
                .param("id", id).param("kind", data.kind().name()).param("name", data.name().trim())
                .param("city", blankToNull(data.city())).param("dept", blankToNull(data.departementCode()))
                .param("region", blankToNull(data.regionCode())).param("shares", data.sharesStatistics())
                .param("active", data.active())
                .update();
        audit.record("organisation.created", "organisation", id, Map.of("name", data.name().trim(), "kind", data.kind().name()));
        events.publishEvent(new OrganisationCreated(id, data.kind()));
        if (firstAdmin != null) {
            UserAccounts.NewUser admin = new UserAccounts.NewUser(firstAdmin.username(), firstAdmin.displayName(),
                    firstAdmin.email(), firstAdmin.password(), null, List.of(Roles.adminRoleFor(data.kind())),
                    firstAdmin.demoAccount(), firstAdmin.mfaExempt());
            tenantScope.callAs(id, () -> users.create(admin));
        }
        return id;
    }

    @Transactional
    public void update(UUID id, OrganisationData data) {
        Organisation before = get(id);
        check(data);
        if (before.kind() != data.kind()) {
            throw new FieldRefusal("kind", "organisation.kind.immutable");
        }
        jdbc.sql("""
                update organisation set name = :name, city = :city, departement_code = :dept, region_code = :region,
                       shares_statistics = :shares, active = :active, updated_at = now()
                where id = :id""")
                .param("name", data.name().trim()).param("city", blankToNull(data.city()))
                .param("dept", blankToNull(data.departementCode())).param("region", blankToNull(data.regionCode()))
                .param("shares", data.sharesStatistics()).param("active", data.active()).param("id", id)
                .update();
        audit.record("organisation.updated", "organisation", id,
                Map.of("active", data.active(), "sharesStatistics", data.sharesStatistics()));
    }

    private void check(OrganisationData data) {
        if (data.kind() == null) {
            throw new FieldRefusal("kind", "organisation.kind.required");
        }
        if (data.name() == null || data.name().isBlank() || data.name().length() > 200) {
            throw new FieldRefusal("name", "organisation.name.invalid");
        }
        if (data.departementCode() != null && !data.departementCode().isBlank()
                && !data.departementCode().trim().matches("[0-9]{2,3}|2A|2B")) {
            throw new FieldRefusal("departementCode", "organisation.departement.invalid");
        }
        if (data.regionCode() != null && !data.regionCode().isBlank() && regions().stream()
                .noneMatch(r -> r.code().equals(data.regionCode()))) {
            throw new FieldRefusal("regionCode", "organisation.region.invalid");
        }
    }

    /** Active associations of one network region, and how many of them share their statistics. */
    public record RegionFigures(String region, long associations, long sharing) {}

    /** The network at a glance: active associations per region (no personal data). */
    @Transactional(readOnly = true)
    public List<RegionFigures> associationsByRegion() {
        return jdbc.sql("""
                select r.name, count(o.id) as associations, count(o.id) filter (where o.shares_statistics) as sharing
                from network_region r
                left join organisation o on o.region_code = r.code and o.kind = 'ASSOCIATION' and o.active
                group by r.name order by r.name""")
                .query((rs, n) -> new RegionFigures(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Adds a network region (demo data and federation set-up). */
    @Transactional
    public void ensureRegion(String code, String name) {
        jdbc.sql("insert into network_region (code, name) values (?, ?) on conflict (code) do update set name = excluded.name")
                .param(code).param(name).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Organisation map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Organisation(rs.getObject("id", UUID.class), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("city"), rs.getString("departement_code"),
                rs.getString("region_code"), rs.getBoolean("shares_statistics"), rs.getBoolean("active"));
    }
}
