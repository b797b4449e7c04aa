package fr.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is append-only for the application and any later edit breaks the chain. */
@PasserelleIntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void anEditMadeAsTheOwnerIsDetectedAtItsLink() {
        UUID organisation = UUID.randomUUID();
        audit.append(new AuditLog.AuditEntry(organisation, null, "test", "test.first", "thing", "1", Map.of("n", 1)));
        audit.append(new AuditLog.AuditEntry(organisation, null, "test", "test.second", "thing", "2", Map.of("n", 2)));
        assertThat(chain.verify().intact()).isTrue();

        JdbcClient owner = OwnerSql.of(server);
        long tampered = owner.sql("select seq from audit_event where action = 'test.first' and organisation_id = ?")
                .param(organisation).query(Long.class).single();
        try {
            owner.sql("update audit_event set actor_name = 'someone else' where seq = ?").param(tampered).update();

            AuditChain.Verification result = chain.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(tampered);
            assertThat(result.checked()).isEqualTo(tampered - 1);
        } finally {
            owner.sql("update audit_event set actor_name = 'test' where seq = ?").param(tampered).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDeletedLinkIsDetected() {
        UUID organisation = UUID.randomUUID();
        audit.append(new AuditLog.AuditEntry(organisation, null, "test", "test.deleted", null, null, Map.of()));
        audit.append(new AuditLog.AuditEntry(organisation, null, "test", "test.after", null, null, Map.of()));
        JdbcClient owner = OwnerSql.of(server);
        var row = owner.sql("select * from audit_event where action = 'test.deleted' and organisation_id = ?")
                .param(organisation).query().singleRow();
        long seq = (Long) row.get("seq");
        try {
            owner.sql("delete from audit_event where seq = ?").param(seq).update();
            assertThat(chain.verify().firstBrokenSeq()).isEqualTo(seq + 1);
        } finally {
            owner.sql("""
                    insert into audit_event (seq, occurred_at, organisation_id, actor_id, actor_name, action, object_type,
                        object_id, details, request_id, client_address, prev_hash, hash, hash_version)
                    values (:seq, :occurred_at, :organisation_id, :actor_id, :actor_name, :action, :object_type,
                        :object_id, cast(:details as jsonb), :request_id, :client_address, :prev_hash, :hash, :hash_version)""")
                    .paramSource(withTextDetails(row)).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theApplicationRoleCanNeitherUpdateNorDeleteNorInsertDirectly() {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'x'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into audit_event (seq, occurred_at, action, prev_hash, hash)
                values (999999, now(), 'forged', repeat('0', 64), repeat('0', 64))""").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    private static Map<String, Object> withTextDetails(Map<String, Object> row) {
        var copy = new java.util.HashMap<>(row);
        copy.put("details", String.valueOf(row.get("details")));
        return copy;
    }
}
