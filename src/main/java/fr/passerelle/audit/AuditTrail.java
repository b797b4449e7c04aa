package fr.passerelle.audit;

import fr.passerelle.shared.ResultPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the current organisation's part of the audit trail, newest first. */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final List<AuditSubjects> subjects;
    private final AuditActors actors;

    AuditTrail(JdbcClient jdbc, List<AuditSubjects> subjects, AuditActors actors) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.actors = actors;
    }

    /** One audit event as shown to an administrator, with what its object is when its module says so. */
    public record AuditEvent(long seq, Instant occurredAt, String actorName, String action, String objectType,
            String objectId, String details, String requestId, AuditSubjects.Subject subject) {}

    /**
     * What to show: an action prefix, a person's reference (the person, their measures, reports...),
     * the user who acted, and a period of days (Europe/Paris, both ends included). Empty parts do not filter.
     */
    public record Filter(String action, String person, UUID actor, LocalDate from, LocalDate to) {

        String actionPrefix() {
            return action == null ? "" : action.strip();
        }

        String personReference() {
            return person == null ? "" : person.strip();
        }
    }

    /** A user who can appear in the trail, for the filter. */
    public record Actor(UUID id, String name) {}

    /** One page of events; {@code personFound} is false when a person reference was given and matches no one. */
    public record Result(ResultPage<AuditEvent> events, boolean personFound) {}

    @Transactional(readOnly = true)
    public Result search(Filter filter, int page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!filter.actionPrefix().isEmpty()) {
            where.append(" and action like :prefix");
            params.put("prefix", filter.actionPrefix().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.actor() != null) {
            where.append(" and actor_id = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(PARIS).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (!filter.personReference().isEmpty()) {
            Map<String, List<String>> objects = new LinkedHashMap<>();
            subjects.forEach(s -> s.ofPerson(filter.personReference()).forEach(
                    (type, ids) -> objects.computeIfAbsent(type, t -> new ArrayList<>()).addAll(ids)));
            objects.values().removeIf(List::isEmpty);
            if (objects.isEmpty()) {
                return new Result(new ResultPage<>(List.of(), page, PAGE_SIZE, 0), false);
            }
            List<String> alternatives = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, List<String>> entry : objects.entrySet()) {
                alternatives.add("(object_type = :type" + i + " and object_id in (:ids" + i + "))");
                params.put("type" + i, entry.getKey());
                params.put("ids" + i, entry.getValue());
                i++;
            }
            where.append(" and (").append(String.join(" or ", alternatives)).append(")");
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<AuditEvent> items = jdbc.sql("select seq, occurred_at, actor_name, action, object_type, object_id,"
                        + " details::text, request_id from audit_event" + where
                        + " order by seq desc limit :limit offset :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query((rs, n) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), null))
                .list();
        return new Result(new ResultPage<>(described(items), page, PAGE_SIZE, total), true);
    }

    /** The users who can appear in the organisation's trail (its accounts, from identity), by name. */
    @Transactional(readOnly = true)
    public List<Actor> actors() {
        return actors.ofCurrentOrganisation();
    }

    private List<AuditEvent> described(List<AuditEvent> events) {
        Map<String, List<String>> idsByType = events.stream().filter(e -> e.objectType() != null && e.objectId() != null)
                .collect(Collectors.groupingBy(AuditEvent::objectType, LinkedHashMap::new,
                        Collectors.mapping(AuditEvent::objectId, Collectors.toList())));
        Map<String, Map<String, AuditSubjects.Subject>> known = new HashMap<>();
        idsByType.forEach((type, ids) -> subjects.forEach(s ->
                known.computeIfAbsent(type, t -> new HashMap<>()).putAll(s.describe(type, ids))));
        return events.stream().map(e -> e.objectType() == null || e.objectId() == null ? e : new AuditEvent(e.seq(), e.occurredAt(),
                e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.requestId(),
                known.getOrDefault(e.objectType(), Map.of()).get(e.objectId()))).toList();
    }
}
