package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A meeting of a national commission: planned and invited by federation staff, answered by a
 * member, attended, minuted and its decision logged; the member reads the published minutes.
 */
@PasserelleIntegrationTest
class MeetingsBrowserTest extends BrowserSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aMeetingIsInvitedAnsweredAttendedAndMinuted() {
        page.onDialog(dialog -> dialog.accept());
        String title = "Séance " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Paris"));
        signIn("equipe.federale");
        page.navigate(url("/network/meetings"));
        assertAccessible();
        click(AriaRole.LINK, "Commission pré-sentencielle");
        assertThat(page.locator("#body-members")).containsText("Hélène Rousseau");
        field("Intitulé").fill(title);
        field("Début").fill(now.minusHours(1).format(LOCAL));
        field("Fin").fill(now.plusHours(1).format(LOCAL));
        field("Lieu (sur place)").fill("Maison des associations, Lyon");
        field("Ordre du jour").fill("1. Accueil\n2. Pratiques du contrôle judiciaire");
        assertAccessible();
        click(AriaRole.BUTTON, "Prévoir la réunion");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Réunion prévue.");
        click(AriaRole.BUTTON, "Inviter les membres");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("membres invités");
        String meeting = page.url();

        page.context().clearCookies();
        signIn("directrice");
        // The home page lists the member's next meetings.
        assertThat(page.locator("#upcoming-meetings")).containsText(title);
        page.navigate(meeting);
        assertThat(page.locator("#my-reply")).containsText("Vous n’avez pas encore répondu.");
        click(AriaRole.BUTTON, "Oui");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Réponse enregistrée.");
        assertThat(page.locator("#my-reply")).containsText("Votre réponse : Oui.");
        assertAccessible();

        page.context().clearCookies();
        signIn("equipe.federale");
        page.navigate(meeting);
        assertThat(page.locator("#meeting-invitations")).containsText("Oui");
        field("Hélène Rousseau était présent(e)").check();
        click(AriaRole.BUTTON, "Enregistrer les présences");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Présences enregistrées : la réunion est tenue.");
        field("Projet de compte rendu").fill("Présente : Hélène Rousseau. Les pratiques sont partagées.");
        click(AriaRole.BUTTON, "Enregistrer le projet");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Projet de compte rendu enregistré.");
        page.getByLabel("Décision prise").fill("Un guide commun sera rédigé.");
        click(AriaRole.BUTTON, "Ajouter la décision");
        assertThat(page.locator("#meeting-decisions")).containsText("Un guide commun sera rédigé.");
        click(AriaRole.BUTTON, "Approuver et publier aux membres");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Compte rendu publié aux membres.");
        assertAccessible();

        page.context().clearCookies();
        signIn("directrice");
        page.navigate(meeting);
        assertThat(page.locator("#meeting-minutes")).containsText("Les pratiques sont partagées.");
        assertThat(page.locator("#meeting-invitations")).containsText("Hélène Rousseau");
        assertAccessible();
    }
}
