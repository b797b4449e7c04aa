package fr.passerelle.measures.internal;

import fr.passerelle.audit.AuditSubjects;
import fr.passerelle.shared.TenantContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the audit page what the case objects of the trail are: a person (reference, and name for
 * viewers with {@code person:read}), a measure (reference), a report or an appointment (its
 * measure's reference), each with a link when the viewer may open that page. Describing is not a
 * read of a file: it is not audited itself.
 */
@Component
class CaseAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    CaseAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(String objectType, Collection<String> objectIds) {
        List<UUID> ids = objectIds.stream().map(CaseAuditSubjects::uuid).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        boolean persons = TenantContext.hasAuthority("person:read");
        boolean measures = TenantContext.hasAuthority("measure:read");
        boolean reports = TenantContext.hasAuthority("report:write") || TenantContext.hasAuthority("report:validate");
        Map<String, Subject> described = new HashMap<>();
        switch (objectType) {
            case "person" -> jdbc.sql("select id, reference, last_name, first_name from person where id in (:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> described.put(rs.getString(1), new Subject(rs.getString(2),
                            persons ? rs.getString(3) + " " + rs.getString(4) : null,
                            persons ? "/persons/" + rs.getString(1) : null)))
                    .list();
            case "measure" -> jdbc.sql("select id, reference from measure where id in (:ids)").param("ids", ids)
                    .query((rs, n) -> described.put(rs.getString(1), new Subject(rs.getString(2), null,
                            measures ? "/measures/" + rs.getString(1) : null)))
                    .list();
            case "report" -> jdbc.sql("""
                    select r.id, m.reference from report r join measure m on m.id = r.measure_id where r.id in (:ids)""")
                    .param("ids", ids)
                    .query((rs, n) -> described.put(rs.getString(1), new Subject(rs.getString(2), null,
                            reports ? "/reports/" + rs.getString(1) : null)))
                    .list();
            case "appointment" -> jdbc.sql("""
                    select a.id, m.reference, m.id from appointment a join measure m on m.id = a.measure_id
                    where a.id in (:ids)""")
                    .param("ids", ids)
                    .query((rs, n) -> described.put(rs.getString(1), new Subject(rs.getString(2), null,
                            measures ? "/measures/" + rs.getString(3) : null)))
                    .list();
            default -> {
                // not a case object
            }
        }
        return described;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<String>> ofPerson(String personReference) {
        List<String> person = jdbc.sql("select id::text from person where reference = upper(?)")
                .param(personReference.strip()).query(String.class).list();
        if (person.isEmpty()) {
            return Map.of();
        }
        UUID id = UUID.fromString(person.get(0));
        Map<String, List<String>> objects = new LinkedHashMap<>();
        objects.put("person", person);
        objects.put("measure", jdbc.sql("select id::text from measure where person_id = ?").param(id)
                .query(String.class).list());
        objects.put("report", jdbc.sql("""
                select r.id::text from report r join measure m on m.id = r.measure_id where m.person_id = ?""")
                .param(id).query(String.class).list());
        objects.put("appointment", jdbc.sql("""
                select a.id::text from appointment a join measure m on m.id = a.measure_id where m.person_id = ?""")
                .param(id).query(String.class).list());
        return objects;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
