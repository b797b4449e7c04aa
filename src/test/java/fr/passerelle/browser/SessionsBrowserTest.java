package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.web.WebClient;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A user opens their sessions from the menu, signs out another browser, then signs out everywhere. */
@PasserelleIntegrationTest
class SessionsBrowserTest extends BrowserSupport {

    private static final String PASSWORD = "Sentier-Des-Crêtes-2026";

    @Autowired
    UserAccounts accounts;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aUserSignsAnotherSessionOutThenSignsOutEverywhere() throws Exception {
        String username = givenAnAccount();
        WebClient otherBrowser = new WebClient(port);
        org.assertj.core.api.Assertions.assertThat(WebClient.location(otherBrowser.signIn(username, PASSWORD))).endsWith("/");
        signIn(username, PASSWORD);

        follow("account", "Mes sessions");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes sessions ouvertes")))
                .isVisible();
        assertThat(page.locator("#sessions tbody tr")).hasCount(2);
        assertThat(page.locator("#sessions tr.table-active")).containsText("Cette session");
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnecter").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La session a été déconnectée.");
        assertThat(page.locator("#sessions tbody tr")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(WebClient.location(otherBrowser.get("/"))).endsWith("/login");

        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Me déconnecter partout").setExact(true))
                .click();
        assertThat(page.locator("#signed-out-everywhere")).hasText("Toutes vos sessions ont été fermées.");
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    private String givenAnAccount() {
        String username = "sessions." + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as(users, "admin.asso");
        try {
            accounts.create(new UserAccounts.NewUser(username, "Compte des sessions", "sessions@exemple.org", PASSWORD,
                    null, List.of(Roles.DIRECTOR), true, true));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return username;
    }
}
