package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.consultation.ConsultationFixture;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.Proposals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The voting sequence on a 375 px wide phone: a progress indicator ("3 / 12") follows the votes, and
 * every row of vote buttons (and of qualification buttons) stays on one line.
 */
@PasserelleIntegrationTest
class ConsultationVoteProgressBrowserTest extends BrowserSupport {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @Test
    void onA375PxPhoneTheProgressFollowsTheVotesAndNoButtonRowWraps() {
        ConsultationFixture.Made made = ConsultationFixture.published(users, consultations, participants, proposals, 12);
        page.setViewportSize(375, 812);
        page.navigate(url("/c/" + made.slug() + "/vote"));
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        Locator cards = page.locator("article.proposal-card");
        assertThat(cards).hasCount(12);
        assertThat(page.locator("#vote-progress-text")).hasText("0 / 12 propositions votées");
        for (Locator row : page.locator(".vote-keys").all()) {
            assertOneLine(row);
        }

        String[] keys = {"D’accord", "Pas d’accord", "Neutre"};
        for (int i = 0; i < 3; i++) {
            Locator card = page.locator("#" + cards.nth(i).getAttribute("id"));
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(keys[i]).setExact(true)).click();
            assertThat(card.locator(".vote-key[aria-pressed=true]")).hasText(keys[i]);
            assertThat(page.locator("#vote-progress-text")).hasText((i + 1) + " / 12 propositions votées");
            // The qualifications of that vote ("Je ne comprends pas", "Ça ne me concerne pas"…) stay on one line too.
            assertOneLine(card.locator(".qualification-keys"));
            assertOneLine(card.locator(".vote-keys"));
        }
        assertThat(page.locator("#vote-progress progress")).hasAttribute("value", "3");
        assertAccessible();
    }

    /**
     * The buttons of the row share one line: every button starts above the bottom of every other
     * (a wrapped button would start below the first line), and none is wider than the page. Their
     * own text may wrap inside them, which changes their heights, not their line.
     */
    private void assertOneLine(Locator row) {
        List<Double> tops = new ArrayList<>();
        List<Double> bottoms = new ArrayList<>();
        for (Locator button : row.locator("button").all()) {
            BoundingBox box = button.boundingBox();
            tops.add(box.y);
            bottoms.add(box.y + box.height);
            org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("inside the 375 px page").isLessThanOrEqualTo(375);
        }
        org.assertj.core.api.Assertions.assertThat(tops).as("buttons of one row").hasSizeGreaterThanOrEqualTo(3);
        double lowestTop = tops.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double highestBottom = bottoms.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(lowestTop).as("one line: tops " + tops + ", bottoms " + bottoms)
                .isLessThan(highestBottom);
    }
}
