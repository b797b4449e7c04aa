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
 * Row-level security of the partner directory, proven with raw SQL under the application role:
 * association A can neither read nor change B's partners, sites, contacts, levels and exchanges, nor
 * attach a row of its own to B's partner.
 */
@PasserelleIntegrationTest
class PartnerRowLevelSecurityTest {

    static final List<String> TABLES = List.of("partner", "partner_site", "partner_contact",
            "partner_level_assessment", "partner_exchange");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    UUID organisationA;
    UUID organisationB;
    UUID partnerOfB;

    @BeforeEach
    void givenAPartnerOfAssociationBWithEveryKindOfRow() {
        organisationA = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id limit 1")
                .query(UUID.class).single();
        organisationB = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id offset 1 limit 1")
                .query(UUID.class).single();
        JdbcClient owner = OwnerSql.of(server);
        partnerOfB = Ids.newId();
        UUID site = Ids.newId();
        owner.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, 'CHRS', now(), ?, now())""")
                .params(partnerOfB, organisationB, "RLS " + partnerOfB, Ids.newId()).update();
        owner.sql("""
                insert into partner_site (id, organisation_id, partner_id, name, postcode, departement_code, created_at)
                values (?, ?, ?, 'Site B', '13001', '13', now())""").params(site, organisationB, partnerOfB).update();
        owner.sql("""
                insert into partner_contact (id, organisation_id, partner_id, site_id, full_name, created_at)
                values (?, ?, ?, ?, 'Contact B', now())""").params(Ids.newId(), organisationB, partnerOfB, site).update();
        owner.sql("""
                insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                                      assessed_by_name, created_at)
                values (?, ?, ?, 3, current_date, ?, 'B', now())""")
                .params(Ids.newId(), organisationB, partnerOfB, Ids.newId()).update();
        owner.sql("""
                insert into partner_exchange (id, organisation_id, partner_id, kind, occurred_on, summary, recorded_by,
                                              recorded_by_name, created_at)
                values (?, ?, ?, 'CALL', current_date, 'Appel', ?, 'B', now())""")
                .params(Ids.newId(), organisationB, partnerOfB, Ids.newId()).update();
    }

    @Test
    void associationAReadsNoneOfBsDirectoryRows() {
        for (String table : TABLES) {
            long fromA = asA("select count(*) from " + table + " where organisation_id = ?", organisationB);
            long fromB = TenantContext.callAs(organisationB, () -> tx.execute(s -> jdbc.sql(
                    "select count(*) from " + table + " where organisation_id = ?").param(organisationB)
                    .query(Long.class).single()));
            assertThat(fromA).as(table + " seen from A").isZero();
            assertThat(fromB).as(table + " seen from B").isPositive();
        }
        long viaChildren = asA("select count(*) from partner_site where partner_id = ?", partnerOfB);
        assertThat(viaChildren).isZero();
    }

    @Test
    void associationACannotChangeOrDeleteBsDirectoryRows() {
        int updated = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("update partner set name = 'pirate' where id = ?").param(partnerOfB).update()
                        + jdbc.sql("update partner_site set city = 'pirate' where partner_id = ?").param(partnerOfB).update()
                        + jdbc.sql("update partner_contact set full_name = 'pirate' where partner_id = ?").param(partnerOfB)
                                .update()
                        + jdbc.sql("update partner_exchange set summary = 'pirate' where partner_id = ?").param(partnerOfB)
                                .update()));
        int deleted = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("delete from partner_exchange where partner_id = ?").param(partnerOfB).update()
                        + jdbc.sql("delete from partner_contact where partner_id = ?").param(partnerOfB).update()
                        + jdbc.sql("delete from partner where id = ?").param(partnerOfB).update()));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        JdbcClient owner = OwnerSql.of(server);
        assertThat(owner.sql("select name from partner where id = ?").param(partnerOfB).query(String.class).single())
                .isEqualTo("RLS " + partnerOfB);
        for (String table : List.of("partner_site", "partner_contact", "partner_level_assessment", "partner_exchange")) {
            assertThat(owner.sql("select count(*) from " + table + " where partner_id = ?").param(partnerOfB)
                    .query(Long.class).single()).as(table).isEqualTo(1);
        }
    }

    @Test
    void associationACannotWriteRowsIntoBsDirectory() {
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, 'Intrus', 'OTHER', now(), ?, now())""")
                .params(Ids.newId(), organisationB, Ids.newId()).update())))
                .rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner_exchange (id, organisation_id, partner_id, kind, occurred_on, summary, recorded_by,
                                              recorded_by_name, created_at)
                values (?, ?, ?, 'CALL', current_date, 'Intrus', ?, 'A', now())""")
                .params(Ids.newId(), organisationB, partnerOfB, Ids.newId()).update())))
                .rootCause().hasMessageContaining("row-level security");
        // A's own row cannot point at B's partner either (the composite foreign key).
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                                      assessed_by_name, created_at)
                values (?, ?, ?, 4, current_date, ?, 'A', now())""")
                .params(Ids.newId(), organisationA, partnerOfB, Ids.newId()).update())))
                .rootCause().hasMessageContaining("foreign key");
    }

    private long asA(String sql, UUID param) {
        return TenantContext.callAs(organisationA, () -> tx.execute(s -> jdbc.sql(sql).param(param)
                .query(Long.class).single()));
    }
}
