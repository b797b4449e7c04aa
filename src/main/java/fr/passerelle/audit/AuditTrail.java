package fr.passerelle.audit;

import fr.passerelle.shared.ResultPage;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the current organisation's part of the audit trail, newest first. */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit event as shown to an administrator. */
    public record AuditEvent(long seq, Instant occurredAt, String actorName, String action, String objectType,
            String objectId, String details, String requestId) {}

    @Transactional(readOnly = true)
    public ResultPage<AuditEvent> list(String action, int page) {
        String a = action == null ? "" : action.trim();
        String where = " where (:a = '' or action like :prefix)";
        long total = jdbc.sql("select count(*) from audit_event" + where)
                .param("a", a).param("prefix", a + "%").query(Long.class).single();
        List<AuditEvent> items = jdbc.sql("select seq, occurred_at, actor_name, action, object_type, object_id,"
                        + " details::text, request_id from audit_event" + where
                        + " order by seq desc limit :limit offset :offset")
                .param("a", a).param("prefix", a + "%")
                .param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query((rs, n) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }
}
