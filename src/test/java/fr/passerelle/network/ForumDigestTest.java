package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The forum's daily digest: one mail per reader and Paris day listing the new posts of the threads
 * they follow (not theirs), none when nothing is new, none for those who keep a mail at each reply,
 * and a second run the same day queues nothing.
 */
@PasserelleIntegrationTest
class ForumDigestTest {

    @Autowired
    Forum forum;

    @Autowired
    ForumDigest digest;

    @Autowired
    Clock clock;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void restore() {
        SignedIn.as(users, "admin.marseille");
        forum.chooseMailMode(Forum.MailMode.EACH);
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDigestListsTheNewPostsOncePerDayAndOnlyWhenThereAreAny() {
        String tag = ForumTest.word();
        SignedIn.as(users, "equipe.federale");
        UUID category = forum.createCategory("Résumés " + tag, null, null);
        PasserelleUser directrice = SignedIn.as(users, "directrice");
        UUID thread = forum.startThread(category, "Résumé " + tag, "Premier message.");
        PasserelleUser marseille = SignedIn.as(users, "admin.marseille");
        forum.reply(thread, "Je suis le sujet.", null);
        forum.chooseMailMode(Forum.MailMode.DIGEST);
        assertThat(forum.mailMode()).isEqualTo(Forum.MailMode.DIGEST);

        SignedIn.as(users, "directrice");
        int third = forum.reply(thread, "Troisième message.", null);
        forum.reply(thread, "Quatrième message.", null);
        SignedIn.as(users, "admin.marseille");
        int own = forum.reply(thread, "Ma propre réponse.", null);
        assertThat(replyMails(thread, marseille.userId())).as("a digest reader gets no mail at each reply").isZero();

        Instant first = clock.instant();
        assertThat(digest.queue(first)).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> mails = digests(marseille.userId());
        assertThat(mails).hasSize(1);
        Map<String, Object> mail = mails.get(0);
        assertThat(mail.get("recipient")).isEqualTo(email("admin.marseille"));
        assertThat(mail.get("organisation_id")).as("from her own organisation's outbox").isEqualTo(marseille.organisationId());
        assertThat(mail.get("dedup_key")).isEqualTo("forum-digest:" + marseille.userId() + ":" + day(first));
        assertThat((String) mail.get("subject")).contains("2 nouveaux messages");
        assertThat((String) mail.get("body")).contains("« Résumé " + tag + " » : 2 nouveaux messages",
                        "n° " + third + ", Hélène Rousseau", "n° " + (third + 1) + ", Hélène Rousseau",
                        "/network/forum/threads/" + thread + "?page=0#post-" + third)
                .doesNotContain("n° " + own + ",", "n° 1,", "n° 2,");
        assertThat(digests(directrice.userId())).as("a mail at each reply: no digest").isEmpty();

        // Nothing new since: the next day's run sends nothing.
        digest.queue(first.plus(Duration.ofDays(1)));
        assertThat(digests(marseille.userId(), first.plus(Duration.ofDays(1)))).isEmpty();

        // New post, then a second run the same day: still one digest that day; the post waits for the next.
        SignedIn.as(users, "directrice");
        int later = forum.reply(thread, "Un message de l’après-midi.", null);
        Instant second = clock.instant();
        digest.queue(second);
        List<Map<String, Object>> sameDay = digests(marseille.userId());
        if (day(second).equals(day(first))) {
            assertThat(sameDay).hasSize(1);
        }
        Instant tomorrow = second.plus(Duration.ofDays(1));
        digest.queue(tomorrow);
        List<Map<String, Object>> next = digests(marseille.userId(), tomorrow);
        assertThat(next).hasSize(1);
        assertThat((String) next.get(0).get("body")).contains("n° " + later + ", Hélène Rousseau", "1 nouveau message")
                .doesNotContain("n° " + third + ",");
        assertThat(digest.queue(tomorrow)).as("idempotent").isZero();
        assertThat(digests(marseille.userId(), tomorrow)).hasSize(1);
    }

    private List<Map<String, Object>> digests(UUID user) {
        return OwnerSql.of(server).sql("""
                select recipient, organisation_id, dedup_key, subject, body from mail_outbox
                where kind = 'FORUM_DIGEST' and dedup_key like ? order by created_at""")
                .param("forum-digest:" + user + ":%").query().listOfRows();
    }

    private List<Map<String, Object>> digests(UUID user, Instant at) {
        return OwnerSql.of(server).sql("select body from mail_outbox where kind = 'FORUM_DIGEST' and dedup_key = ?")
                .param("forum-digest:" + user + ":" + day(at)).query().listOfRows();
    }

    private long replyMails(UUID thread, UUID user) {
        return OwnerSql.of(server).sql("select count(*) from mail_outbox where kind = 'FORUM_REPLY' and dedup_key like ?")
                .param("forum:" + thread + ":%:" + user).query(Long.class).single();
    }

    private String email(String login) {
        return ForumTest.email(server, login);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(TestDates.PARIS).toLocalDate();
    }
}
