package fr.passerelle.identity;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The services (teams) of the current organisation: service pré-sentenciel, service mineurs... */
@Service
public class AssociationServices {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AssociationServices(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A service with the number of users attached to it. */
    public record TeamService(UUID id, String name, long members) {}

    @Transactional(readOnly = true)
    public List<TeamService> list() {
        return jdbc.sql("""
                select s.id, s.name, (select count(*) from app_user u where u.service_id = s.id) as members
                from service s order by lower(s.name)""")
                .query((rs, n) -> new TeamService(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    @Transactional
    public UUID create(String name) {
        String clean = checkName(name);
        UUID id = Ids.newId();
        try {
            jdbc.sql("insert into service (id, organisation_id, name) values (?, ?, ?)")
                    .param(id).param(TenantContext.currentOrganisationId().orElseThrow()).param(clean).update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("name", "service.name.taken");
        }
        audit.record("service.created", "service", id, Map.of("name", clean));
        return id;
    }

    @Transactional
    public void rename(UUID id, String name) {
        String clean = checkName(name);
        int updated;
        try {
            updated = jdbc.sql("update service set name = ? where id = ?").param(clean).param(id).update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("name", "service.name.taken");
        }
        if (updated == 0) {
            throw BusinessException.notFound();
        }
        audit.record("service.renamed", "service", id, Map.of("name", clean));
    }

    @Transactional
    public void delete(UUID id) {
        long members = jdbc.sql("select count(*) from app_user where service_id = ?").param(id).query(Long.class).single();
        if (members > 0) {
            throw BusinessException.conflict("service.notEmpty", members);
        }
        if (jdbc.sql("delete from service where id = ?").param(id).update() == 0) {
            throw BusinessException.notFound();
        }
        audit.record("service.deleted", "service", id, Map.of());
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 120) {
            throw new FieldRefusal("name", "service.name.invalid");
        }
        return name.trim();
    }
}
