package fr.passerelle.audit;

import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.web.RequestIds;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way to write to the audit trail. Records who (from the signed-in user unless given),
 * which organisation, what, on which object, when, and the request it came from. Joins the
 * caller's transaction, so an event is kept exactly when the change it describes is.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an action of the signed-in user. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String objectType, Object objectId, Map<String, ?> details) {
        TenantPrincipal principal = TenantContext.currentPrincipal().orElse(null);
        append(new AuditEntry(
                TenantContext.currentOrganisationId().orElse(null),
                principal == null ? null : principal.userId(),
                principal == null ? null : principal.displayName(),
                action, objectType, objectId == null ? null : objectId.toString(), details));
    }

    /**
     * Records an action of the signed-in user in its own transaction, committed before this returns
     * whatever becomes of the caller's: a download is audited so before its first byte, and a
     * download broken midway stays in the trail.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordCommitted(String action, String objectType, Object objectId, Map<String, ?> details) {
        record(action, objectType, objectId, details);
    }

    /** Records an event whose actor is known explicitly (sign-in, sign-in failure, jobs). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void append(AuditEntry entry) {
        jdbc.sql("select audit_append(:org, :actor, :actorName, :action, :objectType, :objectId,"
                        + " cast(:details as jsonb), :requestId, :address)")
                .param("org", entry.organisationId())
                .param("actor", entry.actorId())
                .param("actorName", entry.actorName())
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("details", json.writeValueAsString(entry.details() == null ? Map.of() : entry.details()))
                .param("requestId", RequestIds.currentRequestId().orElse(null))
                .param("address", RequestIds.currentClientAddress().orElse(null))
                .query(Long.class)
                .single();
    }

    /**
     * One audit event before it is chained.
     *
     * @param organisationId the organisation concerned (null for an unknown login name)
     * @param actorId the user who acted, if known
     * @param actorName the name shown for the actor (or the login name typed)
     * @param action what happened, e.g. {@code login.success}
     * @param objectType the kind of object acted upon
     * @param objectId its identifier
     * @param details non-personal details
     */
    public record AuditEntry(UUID organisationId, UUID actorId, String actorName, String action,
            String objectType, String objectId, Map<String, ?> details) {}
}
