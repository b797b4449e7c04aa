package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
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
 * Mentions: an @login of someone who may read the thread is highlighted and mailed from their own
 * organisation's outbox; the author, someone who cannot read the category, an unknown name and
 * someone who chose no forum mail get nothing; a follower mailed for the reply is not mailed twice.
 */
@PasserelleIntegrationTest
class ForumMentionsTest {

    @Autowired
    Forum forum;

    @Autowired
    Meetings meetings;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void restore() {
        for (String login : List.of("admin.marseille", "directrice")) {
            SignedIn.as(users, login);
            forum.chooseMailMode(Forum.MailMode.EACH);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMentionIsHighlightedAndMailedOnceToThoseWhoMayReadTheThread() {
        String tag = ForumTest.word();
        PasserelleUser marseille = SignedIn.as(users, "admin.marseille");
        SignedIn.as(users, "equipe.federale");
        UUID category = forum.createCategory("Mentions " + tag, null, null);

        PasserelleUser directrice = SignedIn.as(users, "directrice");
        UUID thread = forum.startThread(category, "Mentions " + tag, "Bonjour @Admin.Marseille, @organisateur, @directrice, "
                + "@inconnu." + tag + ", @<script>alert(1)</script> et `@admin.marseille` dans du code.");

        String html = forum.posts(thread, 0).items().get(0).html();
        assertThat(html).contains("<span class=\"mention\">@Admin.Marseille</span>", "<span class=\"mention\">@directrice</span>")
                .as("a person of an organisation outside the network reads no category: plain text")
                .doesNotContain("<span class=\"mention\">@organisateur").contains("@organisateur")
                .as("an unknown name stays text").contains("@inconnu." + tag).doesNotContain("mention\">@inconnu")
                .doesNotContain("<script").contains("&lt;script&gt;")
                .as("code is left as it is").contains("<code>@admin.marseille</code>");
        assertThat(mentionMails(thread)).as("the mentioned reader, from her own organisation's outbox; not the author")
                .containsExactly(Map.of("recipient", email("admin.marseille"), "organisation_id", marseille.organisationId(),
                        "dedup_key", "forum-mention:" + thread + ":1:" + marseille.userId()));

        // She follows the thread once she replied: the reply mail is the one mail for a mention.
        SignedIn.as(users, "admin.marseille");
        forum.reply(thread, "Présente.", null);
        SignedIn.as(users, "directrice");
        int number = forum.reply(thread, "Merci @admin.marseille.", null);
        assertThat(mailsFor(thread, number, marseille.userId())).containsExactly("FORUM_REPLY");

        // No forum mail at all: neither the reply nor the mention.
        SignedIn.as(users, "admin.marseille");
        forum.chooseMailMode(Forum.MailMode.NONE);
        assertThat(forum.mailMode()).isEqualTo(Forum.MailMode.NONE);
        SignedIn.as(users, "directrice");
        int ignored = forum.reply(thread, "Encore merci @admin.marseille !", null);
        assertThat(mailsFor(thread, ignored, marseille.userId())).isEmpty();
        assertThat(forum.posts(thread, 0).items().get(ignored - 1).html())
                .contains("<span class=\"mention\">@admin.marseille</span>");

        // A daily digest: the reply waits for the digest, the mention is mailed at once.
        SignedIn.as(users, "admin.marseille");
        forum.chooseMailMode(Forum.MailMode.DIGEST);
        SignedIn.as(users, "directrice");
        int mentioned = forum.reply(thread, "@admin.marseille, une dernière chose.", null);
        assertThat(mailsFor(thread, mentioned, marseille.userId())).containsExactly("FORUM_MENTION");
        assertThat(directrice.userId()).isNotNull();
    }

    @Test
    void someoneWhoCannotReadABodysCategoryIsNeitherHighlightedNorMailed() {
        String tag = ForumTest.word();
        PasserelleUser directrice = SignedIn.as(users, "directrice");
        PasserelleUser marseille = SignedIn.as(users, "admin.marseille");
        SignedIn.as(users, "equipe.federale");
        UUID body = meetings.createBody(Meetings.Kind.WORKING_GROUP, "Groupe mentions " + tag, null, null);
        meetings.addMember(body, directrice.organisationId(), directrice.userId(), Meetings.MemberRole.MEMBER);
        UUID category = forum.createCategory("Groupe mentions " + tag, null, body);
        UUID thread = forum.startThread(category, "Réservé " + tag, "Avis de @directrice et de @admin.marseille ?");

        assertThat(forum.posts(thread, 0).items().get(0).html()).contains("<span class=\"mention\">@directrice</span>")
                .doesNotContain("<span class=\"mention\">@admin.marseille");
        assertThat(mentionMails(thread)).extracting(m -> m.get("recipient")).containsExactly(email("directrice"));
        assertThat(mailsFor(thread, 1, marseille.userId())).isEmpty();
    }

    private List<Map<String, Object>> mentionMails(UUID thread) {
        return OwnerSql.of(server).sql("""
                select recipient, organisation_id, dedup_key from mail_outbox
                where kind = 'FORUM_MENTION' and dedup_key like ? order by dedup_key""")
                .param("forum-mention:" + thread + ":%").query().listOfRows();
    }

    /** The kinds of the mails a post gave a person. */
    private List<String> mailsFor(UUID thread, int number, UUID user) {
        return OwnerSql.of(server).sql("select kind from mail_outbox where dedup_key in (?, ?) order by kind")
                .params("forum:" + thread + ":" + number + ":" + user, "forum-mention:" + thread + ":" + number + ":" + user)
                .query(String.class).list();
    }

    private String email(String login) {
        return ForumTest.email(server, login);
    }
}
