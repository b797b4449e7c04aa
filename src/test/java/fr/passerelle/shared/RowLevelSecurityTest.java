package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security, proven with raw SQL under the application role: without a tenant nothing
 * is visible, and organisation A can neither read, change, delete nor create B's rows.
 */
@PasserelleIntegrationTest
class RowLevelSecurityTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    fr.passerelle.shared.db.EmbeddedPostgresServer server;

    UUID organisationA;
    UUID organisationB;

    @BeforeEach
    void givenTwoAssociationsWithServices() {
        organisationA = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id limit 1")
                .query(UUID.class).single();
        organisationB = jdbc.sql("select id from organisation where kind = 'ASSOCIATION' order by id offset 1 limit 1")
                .query(UUID.class).single();
    }

    @Test
    void connectsAsARoleThatCannotBypassRowLevelSecurity() {
        var role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).single();
        assertThat(role[0]).as("superuser").isFalse();
        assertThat(role[1]).as("bypassrls").isFalse();
        long owned = jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Long.class).single();
        assertThat(owned).as("tables owned by the application role").isZero();
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabled() {
        var unprotected = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity""")
                .query(String.class).list();
        assertThat(unprotected).isEmpty();
    }

    @Test
    void seesNoTenantRowWithoutTheSetting() {
        long services = tx.execute(s -> jdbc.sql("select count(*) from service").query(Long.class).single());
        long users = tx.execute(s -> jdbc.sql("select count(*) from app_user").query(Long.class).single());
        long everywhere = jdbc.sql("select count(*) from user_role").query(Long.class).single();
        assertThat(services).isZero();
        assertThat(users).isZero();
        assertThat(everywhere).isZero();
    }

    @Test
    void thePersonSearchFunctionKeepsTheTenantCondition() {
        UUID inB = UUID.randomUUID();
        fr.passerelle.OwnerSql.of(server).sql("""
                insert into person (id, organisation_id, reference, last_name, first_name, birth_date)
                values (?, ?, 'P-RLS-1', 'Zwolinska', 'Agnieszka', date '1980-01-01')""")
                .param(inB).param(organisationB).update();
        String search = "select count(*) from person_fuzzy_search('zwolinska agnieszka', null)";
        long withoutTenant = tx.execute(s -> jdbc.sql(search).query(Long.class).single());
        long fromA = TenantContext.callAs(organisationA, () -> tx.execute(s -> jdbc.sql(search).query(Long.class).single()));
        long fromB = TenantContext.callAs(organisationB, () -> tx.execute(s -> jdbc.sql(search).query(Long.class).single()));
        assertThat(withoutTenant).isZero();
        assertThat(fromA).isZero();
        assertThat(fromB).isEqualTo(1);
    }

    @Test
    void organisationAReadsOnlyItsOwnRows() {
        long foreignVisible = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("select count(*) from service where organisation_id = ?").param(organisationB)
                        .query(Long.class).single()));
        long ownVisible = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("select count(*) from service").query(Long.class).single()));
        assertThat(foreignVisible).isZero();
        assertThat(ownVisible).isPositive();
    }

    @Test
    void organisationACannotUpdateOrDeleteOrganisationBsRows() {
        String before = TenantContext.callAs(organisationB, () -> tx.execute(s ->
                jdbc.sql("select string_agg(name, ',' order by name) from service").query(String.class).single()));

        int updated = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("update service set name = 'pirate' where organisation_id = ?").param(organisationB).update()));
        int deleted = TenantContext.callAs(organisationA, () -> tx.execute(s ->
                jdbc.sql("delete from service where organisation_id = ?").param(organisationB).update()));

        String after = TenantContext.callAs(organisationB, () -> tx.execute(s ->
                jdbc.sql("select string_agg(name, ',' order by name) from service").query(String.class).single()));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void organisationACannotCreateRowsForOrganisationB() {
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s ->
                jdbc.sql("insert into service (id, organisation_id, name) values (?, ?, 'intrus')")
                        .param(Ids.newId()).param(organisationB).update())))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void organisationACannotMoveItsRowsToOrganisationB() {
        assertThatThrownBy(() -> TenantContext.runAs(organisationA, () -> tx.executeWithoutResult(s ->
                jdbc.sql("update service set organisation_id = ?").param(organisationB).update())))
                .rootCause().hasMessageContaining("row-level security");
    }
}
