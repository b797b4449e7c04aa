package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security of the referrals and of the mail attachments, proven with raw SQL under the
 * application role: association A can neither read nor change B's referrals, their events and the
 * files attached to B's mail, nor write a referral into B or to B's partner; and no one rewrites the
 * history of a referral.
 */
@PasserelleIntegrationTest
class ReferralRowLevelSecurityTest {

    static final List<String> TABLES = List.of("partner_referral", "partner_referral_event", "mail_outbox_attachment");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    UUID organisationA;
    UUID organisationB;
    UUID partnerOfB;
    UUID referralOfB;

    @BeforeEach
    void givenAReferralOfAssociationBWithItsEventAndMail() {
        organisationA = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id limit 1")
                .query(UUID.class).single();
        organisationB = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id offset 1 limit 1")
                .query(UUID.class).single();
        JdbcClient owner = OwnerSql.of(server);
        partnerOfB = Ids.newId();
        referralOfB = Ids.newId();
        owner.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, 'CSAPA', now(), ?, now())""")
                .params(partnerOfB, organisationB, "RLS " + partnerOfB, Ids.newId()).update();
        owner.sql(insertReferral()).params(referralOfB, organisationB, partnerOfB).update();
        owner.sql("""
                insert into partner_referral_event (id, organisation_id, referral_id, kind, effective_on, occurred_at,
                                                    actor_id, actor_name)
                values (?, ?, ?, 'SENT', current_date, now(), ?, 'B')""")
                .params(Ids.newId(), organisationB, referralOfB, Ids.newId()).update();
        UUID mail = Ids.newId();
        owner.sql("""
                insert into mail_outbox (id, organisation_id, kind, recipient, subject, body)
                values (?, ?, 'partner.referral', 'b@example.org', 'Orientation', 'Corps')""")
                .params(mail, organisationB).update();
        owner.sql("""
                insert into mail_outbox_attachment (id, organisation_id, mail_id, position, file_name, content_type, content)
                values (?, ?, ?, 0, 'orientation.pdf', 'application/pdf', '\\x25504446'::bytea)""")
                .params(Ids.newId(), organisationB, mail).update();
    }

    private static String insertReferral() {
        return """
                insert into partner_referral (id, organisation_id, partner_id, person_id, recipient_email, purpose,
                    shares_identity, shares_situation, shares_obligations, shares_health, consent_given_on,
                    consent_covers_health, consent_id, consent_recorded_by, consent_recorded_by_name, status, sent_on,
                    document, created_at, created_by)
                values (?, ?, ?, gen_random_uuid(), 'b@example.org', 'Objet', true, false, false, false, current_date,
                    false, gen_random_uuid(), gen_random_uuid(), 'B', 'SENT', current_date, '\\x25504446'::bytea, now(),
                    gen_random_uuid())""";
    }

    @Test
    void associationAReadsNoneOfBsReferralRows() {
        for (String table : TABLES) {
            long fromA = asA("select count(*) from " + table + " where organisation_id = ?", organisationB);
            long fromB = TenantContext.callAs(organisationB, () -> tx.execute(s -> jdbc.sql(
                    "select count(*) from " + table + " where organisation_id = ?").param(organisationB)
                    .query(Long.class).single()));
            assertThat(fromA).as(table + " seen from A").isZero();
            assertThat(fromB).as(table + " seen from B").isPositive();
        }
    }

    @Test
    void associationACannotChangeBsReferralsNorWriteIntoB() {
        int changed = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("update partner_referral set status = 'ACCEPTED', answered_on = current_date where id = ?")
                        .param(referralOfB).update()
                        + jdbc.sql("delete from partner_referral where id = ?").param(referralOfB).update()));
        assertThat(changed).isZero();
        assertThat(OwnerSql.of(server).sql("select status from partner_referral where id = ?").param(referralOfB)
                .query(String.class).single()).isEqualTo("SENT");
        // Into B, or from A to B's partner (the composite foreign key).
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s ->
                jdbc.sql(insertReferral()).params(Ids.newId(), organisationB, partnerOfB).update())))
                .rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s ->
                jdbc.sql(insertReferral()).params(Ids.newId(), organisationA, partnerOfB).update())))
                .rootCause().hasMessageContaining("foreign key");
    }

    @Test
    void theHistoryOfAReferralIsNeverRewritten() {
        assertThatThrownBy(() -> TenantContext.runAs(organisationB, () -> tx.executeWithoutResult(s ->
                jdbc.sql("update partner_referral_event set reason = 'x' where referral_id = ?").param(referralOfB)
                        .update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(organisationB, () -> tx.executeWithoutResult(s ->
                jdbc.sql("delete from mail_outbox_attachment where organisation_id = ?").param(organisationB).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    private long asA(String sql, Object param) {
        return TenantContext.callAs(organisationA, () -> tx.execute(s -> jdbc.sql(sql).param(param).query(Long.class)
                .single()));
    }
}
