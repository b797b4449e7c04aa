package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A post's Markdown never gives HTML that runs something. */
class ForumTextTest {

    @Test
    void markdownIsRenderedAndNothingRunsFromAPost() {
        assertThat(ForumText.html("**Gras** et *italique*\n\n- un\n- deux"))
                .contains("<strong>Gras</strong>", "<em>italique</em>", "<li>un</li>");
        assertThat(ForumText.html("<script>alert(1)</script> <img src=x onerror=alert(1)>"))
                .doesNotContain("<script", "<img", "onerror=alert(1)>");
        assertThat(ForumText.html("[lien](javascript:alert(1)) [ok](https://example.org)"))
                .doesNotContain("javascript:")
                .contains("<a href=\"https://example.org\" rel=\"nofollow noopener\">ok</a>");
        assertThat(ForumText.html("Voir https://example.org/guide")).contains("href=\"https://example.org/guide\"");
        assertThat(ForumText.html("<a href=\"https://x.org\" onclick=\"alert(1)\">x</a>")).doesNotContain("<a href")
                .contains("&lt;a href");
    }

    @Test
    void knownNamesAfterAnAtAreMentionsAndNothingElseIs() {
        String markdown = "Merci @Paul.Girard, @inconnu et @<script>alert(1)</script> ; écrire à paul@example.org, "
                + "voir `@paul.girard` et [@paul.girard](https://example.org). @paul.girard.";
        assertThat(ForumText.mentioned(markdown)).containsExactly("paul.girard", "inconnu");
        String html = ForumText.html(markdown, java.util.Set.of("paul.girard"));
        assertThat(html).startsWith("<p>Merci <span class=\"mention\">@Paul.Girard</span>, @inconnu et @&lt;script&gt;")
                .doesNotContain("<script", "mention\">@inconnu", "<span class=\"mention\">@example")
                .contains("<code>@paul.girard</code>", ">@paul.girard</a>", "<span class=\"mention\">@paul.girard</span>.</p>");
        assertThat(ForumText.html(markdown)).doesNotContain("<span");
        assertThat(ForumText.html("@" + "a".repeat(30) + " ".repeat(2) + "x", java.util.Set.of("a".repeat(30))))
                .contains("<span class=\"mention\">@" + "a".repeat(30) + "</span>");
    }

    @Test
    void aQuoteKeepsTheAuthorAndEveryLine() {
        assertThat(ForumText.quote("Hélène *R*", "Ligne un\nLigne deux"))
                .isEqualTo("> **Hélène R** :\n> Ligne un\n> Ligne deux\n\n");
    }
}
