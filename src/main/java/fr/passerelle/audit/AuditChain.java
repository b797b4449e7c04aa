package fr.passerelle.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verification of the audit trail's hash chain. */
@Service
public class AuditChain {

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Walks the whole chain and reports the first broken link, if any. */
    @Transactional(readOnly = true)
    public Verification verify() {
        return jdbc.sql("select checked, first_broken_seq from audit_verify_chain()")
                .query((rs, n) -> new Verification(rs.getLong(1), (Long) rs.getObject(2)))
                .single();
    }

    /**
     * The result of a verification.
     *
     * @param checked number of intact links before the first broken one (or in all)
     * @param firstBrokenSeq sequence number of the first broken link, null when intact
     */
    public record Verification(long checked, Long firstBrokenSeq) implements java.io.Serializable {

        public boolean intact() {
            return firstBrokenSeq == null;
        }
    }
}
