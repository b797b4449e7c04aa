package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo data set: the federation, its 9 regions, about 150 associations, an account per role. */
@PasserelleIntegrationTest
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void hasTheFederationItsNineRegionsAndAHundredAndFiftyAssociations() {
        assertThat(count("select count(*) from organisation where kind = 'FEDERATION'")).isEqualTo(1);
        assertThat(count("select count(*) from network_region")).isEqualTo(9);
        // Demo associations have ids derived from their court's code (other tests add their own associations).
        List<UUID> demoIds = jdbc.sql("select code from judicial_court").query(String.class).list().stream()
                .map(DemoDataGenerator::demoId).toList();
        assertThat(jdbc.sql("select count(*) from organisation where kind = 'ASSOCIATION' and id in (:ids)")
                .param("ids", demoIds).query(Long.class).single()).isEqualTo(150);
        assertThat(jdbc.sql("select count(*) from organisation where id in (:ids) and region_code is null")
                .param("ids", demoIds).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct region_code) from organisation where id in (:ids)")
                .param("ids", demoIds).query(Long.class).single()).isEqualTo(9);
    }

    /** The demo library: real files at each access level, one of them the board meeting's. */
    @Test
    void hasALibraryWithReadableDocumentsAtEveryAccessLevel() {
        var owner = fr.passerelle.OwnerSql.of(server);
        String demo = "r.created_by_name = 'Équipe fédérale (démo)'";
        for (String access : List.of("PUBLIC", "MEMBERS", "BODY")) {
            assertThat(owner.sql("select count(*) from network_resource r where " + demo + " and access_level = ?")
                    .param(access).query(Long.class).single()).as(access).isGreaterThanOrEqualTo(2);
        }
        assertThat(owner.sql("select count(*) from network_resource r where " + demo + " and meeting_id is not null")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from network_resource r join network_resource_version v on v.resource_id = r.id"
                + " where " + demo + " and (length(v.extracted_text) < 40 or v.media_type not in ('application/pdf',"
                + " 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))").query(Long.class).single())
                .as("every demo file is a real PDF or XLSX whose text was extracted").isZero();
    }

    /** Every region's regional meeting body, each other one with a meeting held (minutes published) and one to come. */
    @Test
    void hasARegionalMeetingInEveryRegionWithPublishedMinutes() {
        var owner = fr.passerelle.OwnerSql.of(server);
        assertThat(owner.sql("select count(distinct region_code) from network_body where kind = 'REGIONAL'")
                .query(Long.class).single()).isEqualTo(9);
        assertThat(owner.sql("select count(*) from network_body b where b.kind = 'REGIONAL'"
                + " and exists (select 1 from network_meeting m where m.body_id = b.id and m.status = 'HELD'"
                + " and m.minutes_status = 'PUBLISHED')"
                + " and exists (select 1 from network_meeting m where m.body_id = b.id and m.status = 'PLANNED'"
                + " and m.invited_at is not null)").query(Long.class).single()).isEqualTo(8);
    }

    /** The demo forum: theme and body categories, threads with replies and a quote, a mention, a report, a lock, a digest reader. */
    @Test
    void hasAForumWithThreadsAReportAndALockedThread() {
        var owner = fr.passerelle.OwnerSql.of(server);
        assertThat(owner.sql("select count(*) from forum_category where name in ('Pratiques professionnelles',"
                + " 'Vie du réseau', 'Commission pré-sentencielle : travaux')").query(Long.class).single()).isEqualTo(3);
        assertThat(owner.sql("select count(*) from forum_thread t join forum_category c on c.id = t.category_id"
                + " where c.name = 'Pratiques professionnelles' and t.post_count >= 2").query(Long.class).single())
                .isEqualTo(2);
        assertThat(owner.sql("select count(*) from forum_post p join forum_thread t on t.id = p.thread_id"
                + " where t.title like 'Stages de citoyenneté%' and p.quoted_post_id is not null").query(Long.class).single())
                .isEqualTo(1);
        assertThat(owner.sql("select count(*) from forum_report r join forum_post p on p.id = r.post_id"
                + " join forum_thread t on t.id = p.thread_id where t.title like 'Enquêtes sociales rapides%'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from forum_thread where title like 'Rencontre nationale%' and locked_at is not null")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from forum_post where body_html like '%<span class=\"mention\">@directrice</span>%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(owner.sql("select count(*) from forum_mail_preference p join app_user u on u.id = p.user_id"
                + " where u.username = 'cheffe.service' and p.mode = 'DIGEST'").query(Long.class).single()).isEqualTo(1);
    }

    /** The demo surveys: the annual one running with its rate and pre-filled answers, a flash one published, a draft. */
    @Test
    void hasARunningSurveyWithItsRateAPublishedOneAndADraft() {
        var owner = fr.passerelle.OwnerSql.of(server);
        Map<String, Object> annual = owner.sql("""
                select s.id, (select count(*) from survey_target t where t.survey_id = s.id) as targets,
                       (select count(*) from survey_response r where r.survey_id = s.id and r.status = 'SUBMITTED') as submitted,
                       (select count(*) from survey_response r where r.survey_id = s.id and r.prefilled <> '{}') as prefilled
                from survey s where s.title like 'Enquête annuelle d’activité%' and s.status = 'OPEN'""")
                .query().singleRow();
        long targets = (Long) annual.get("targets");
        long submitted = (Long) annual.get("submitted");
        assertThat(targets).isGreaterThanOrEqualTo(140);
        assertThat(submitted).isBetween(targets / 2, targets - 1);
        assertThat((Long) annual.get("prefilled")).isGreaterThanOrEqualTo(submitted);
        // Lyon has a draft, prepared by its service head, not submitted.
        assertThat(owner.sql("select status from survey_response where survey_id = ? and organisation_id = ?")
                .params(annual.get("id"), fr.passerelle.demo.DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT))
                .query(String.class).single()).isEqualTo("DRAFT");
        assertThat(owner.sql("select count(*) from survey s join survey_publication p on p.survey_id = s.id"
                + " where s.status = 'CLOSED'").query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from survey where status = 'DRAFT'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }

    @Autowired
    fr.passerelle.shared.db.EmbeddedPostgresServer server;

    @Test
    void isTheSameOnEveryRun() {
        UUID lyon = DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT);
        assertThat(jdbc.sql("select name from organisation where id = ?").param(lyon).query(String.class).single())
                .isEqualTo("Association socio-judiciaire du Rhône (démo)");
        List<String> sample = jdbc.sql("select name from organisation where kind = 'ASSOCIATION' order by id limit 3")
                .query(String.class).list();
        assertThat(sample).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void hasASignInForEveryRoleWithTheReadmePassword() {
        List<String> roles = jdbc.sql("select code from role").query(String.class).list();
        List<String> covered = DemoAccounts.ALL.stream().map(DemoAccounts.DemoAccount::role).distinct().toList();
        assertThat(covered).containsAll(roles);
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            PasserelleUser user = (PasserelleUser) users.loadUserByUsername(account.username());
            assertThat(user.roles()).containsExactly(account.role());
            assertThat(encoder.matches(DemoAccounts.PASSWORD, user.getPassword())).isTrue();
        }
    }

    @Test
    void onlyTheMarkedDemoAccountsSkipTheSecondFactor() {
        PasserelleUser exempt = (PasserelleUser) users.loadUserByUsername("intervenant");
        PasserelleUser strict = (PasserelleUser) users.loadUserByUsername("intervenant.mfa");
        assertThat(exempt.mfaRequired()).isFalse();
        assertThat(strict.mfaRequired()).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
