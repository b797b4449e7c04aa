package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The forum: a thread started and answered with a quote, its followers mailed, a post reported and
 * hidden, a locked thread refusing replies (in the database too), a body's category read by its
 * members only, and the search.
 */
@PasserelleIntegrationTest
class ForumTest {

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
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aThreadIsAnsweredQuotedFollowedReportedHiddenAndLocked() {
        String tag = word();
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> forum.createCategory("Thème " + tag, null, null)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "equipe.federale");
        UUID category = forum.createCategory("Thème " + tag, "Les pratiques.", null);
        assertThatThrownBy(() -> forum.createCategory("Thème " + tag, null, null))
                .hasFieldOrPropertyWithValue("messageKey", "forum.category.name.taken");

        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> forum.startThread(category, " ", "Texte")).hasFieldOrPropertyWithValue("messageKey",
                "forum.thread.title.required");
        UUID thread = forum.startThread(category, "Stages " + tag, "Comment organisez-vous les **stages** " + tag + "un ?");
        assertThat(forum.subscribed(thread)).isTrue();

        SignedIn.as(users, "admin.marseille");
        UUID first = forum.posts(thread, 0).items().get(0).id();
        assertThat(forum.quote(thread, first)).startsWith("> **Hélène Rousseau** :\n> Comment organisez-vous");
        long mails = mailsTo();
        assertThat(forum.reply(thread, "Sur deux jours, avec la victime " + tag + "deux.", first)).isEqualTo(2);
        assertThat(mailsTo()).as("the follower is mailed from her own organisation's outbox").isEqualTo(mails + 1);
        assertThatThrownBy(() -> forum.reply(thread, "   ", null)).hasFieldOrPropertyWithValue("messageKey",
                "forum.post.body.required");
        forum.reply(thread, "<script>alert(1)</script> Rien ne s'exécute.", null);
        Forum.Post scripted = forum.posts(thread, 0).items().get(2);
        assertThat(scripted.html()).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(forum.posts(thread, 0).items().get(1).quotedNumber()).isEqualTo(1);

        // Search, accents and plurals aside.
        assertThat(forum.search("stage " + tag + "un")).extracting(Forum.Found::threadId).containsExactly(thread);
        assertThat(forum.search(tag + "deux")).extracting(Forum.Found::postNumber).containsExactly(2);

        // Reported, then hidden by the moderators: its text is no longer given to members.
        SignedIn.as(users, "directrice");
        forum.report(scripted.id(), "Hors sujet.");
        assertThatThrownBy(() -> forum.report(scripted.id(), "Encore.")).hasFieldOrPropertyWithValue("messageKey",
                "forum.report.already");
        SignedIn.as(users, "equipe.federale");
        assertThat(forum.openReports()).extracting(Forum.Report::postId).contains(scripted.id());
        forum.hide(scripted.id(), true, "Hors sujet.");
        assertThat(forum.openReports()).extracting(Forum.Report::postId).doesNotContain(scripted.id());
        assertThat(forum.posts(thread, 0).items().get(2).html()).isNotNull();
        SignedIn.as(users, "directrice");
        Forum.Post hidden = forum.posts(thread, 0).items().get(2);
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.html()).isNull();
        assertThat(hidden.hiddenReason()).isEqualTo("Hors sujet.");
        assertThatThrownBy(() -> forum.hide(scripted.id(), false, null)).isInstanceOf(AccessDeniedException.class);

        // Locked: no reply any more, and the database refuses one too.
        SignedIn.as(users, "equipe.federale");
        int version = forum.thread(thread).rowVersion();
        assertThatThrownBy(() -> forum.lock(thread, version, true, " ")).hasFieldOrPropertyWithValue("messageKey",
                "forum.reason.required");
        forum.lock(thread, version, true, "Discussion close.");
        assertThatThrownBy(() -> forum.lock(thread, version, false, null)).hasFieldOrPropertyWithValue("messageKey",
                "forum.thread.stale");
        SignedIn.as(users, "admin.marseille");
        assertThatThrownBy(() -> forum.reply(thread, "Encore un mot.", null)).hasFieldOrPropertyWithValue("messageKey",
                "forum.thread.locked");
        assertThat(forum.thread(thread).posts()).isEqualTo(3);
    }

    @Test
    void aBodysCategoryIsReadByItsMembersOnly() {
        String tag = word();
        var directrice = SignedIn.as(users, "directrice");
        SignedIn.as(users, "equipe.federale");
        UUID body = meetings.createBody(Meetings.Kind.WORKING_GROUP, "Groupe forum " + tag, null, null);
        meetings.addMember(body, directrice.organisationId(), directrice.userId(), Meetings.MemberRole.MEMBER);
        UUID category = forum.createCategory("Groupe " + tag, null, body);
        UUID thread = forum.startThread(category, "Ordre du jour " + tag, "Propositions.");

        SignedIn.as(users, "directrice");
        assertThat(forum.categories()).extracting(Forum.Category::id).contains(category);
        forum.reply(thread, "Une proposition.", null);
        SignedIn.as(users, "admin.marseille");
        assertThat(forum.categories()).extracting(Forum.Category::id).doesNotContain(category);
        assertThatThrownBy(() -> forum.thread(thread)).hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> forum.reply(thread, "Intrusion.", null)).hasFieldOrPropertyWithValue("status", 404);
        assertThat(forum.search("proposition")).extracting(Forum.Found::threadId).doesNotContain(thread);
        SignedIn.as(users, "organisateur");
        assertThat(forum.categories()).isEmpty();
        assertThat(OwnerSql.of(server).sql("select post_count from forum_thread where id = ?").param(thread)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private long mailsTo() {
        return OwnerSql.of(server).sql("select count(*) from mail_outbox where kind = 'FORUM_REPLY'").query(Long.class).single();
    }

    /** A demo account's e-mail address, read as the owner. */
    static String email(EmbeddedPostgresServer server, String login) {
        return OwnerSql.of(server).sql("select email from app_user where username = ?").param(login).query(String.class).single();
    }

    static String word() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
