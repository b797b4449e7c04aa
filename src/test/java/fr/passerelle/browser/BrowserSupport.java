package fr.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import fr.passerelle.demo.DemoAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: Playwright driving Chromium found at {@code PASSERELLE_CHROMIUM},
 * {@code /usr/bin/chromium}, or Playwright's own. Without a browser the tests are skipped with a
 * clear message, unless {@code PASSERELLE_REQUIRE_BROWSER=1} (CI), which makes it a failure.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSupport {

    private static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    @LocalServerPort
    int port;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    protected Page page;

    @BeforeAll
    void startBrowser() {
        Optional<Path> executable = chromium();
        boolean required = "1".equals(System.getenv("PASSERELLE_REQUIRE_BROWSER"));
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_FLAGS);
            executable.ifPresent(options::setExecutablePath);
            browser = playwright.chromium().launch(options);
        } catch (RuntimeException e) {
            String message = "No usable Chromium for browser tests (set PASSERELLE_CHROMIUM or install chromium): "
                    + e.getMessage();
            if (required) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }

    private static Optional<Path> chromium() {
        String configured = System.getenv("PASSERELLE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Errors the browser reported (Content-Security-Policy violations, script errors, failed assets). */
    private final List<String> browserErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        browserErrors.clear();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900)
                // Bootstrap drops its colour transitions under reduced motion: axe never sees a half-faded link.
                .setReducedMotion(ReducedMotion.REDUCE));
        context.setDefaultTimeout(15_000);
        // Assertions wait as long as actions (Playwright's default is 5 s): on a loaded 2-core CI
        // machine a page can take longer than that to answer without being wrong.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            // The browser logs refused sign-ins and forbidden pages as failed resources; those are expected answers.
            if ("error".equals(message.type()) && !message.text().contains("status of 4")) {
                browserErrors.add(message.text());
            }
        });
        page.onPageError(error -> browserErrors.add(error));
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(browserErrors).as("errors reported by the browser").isEmpty();
    }

    /** Opens a menu of the navigation bar (its id without "menu-": followUp, management, account…) and returns it. */
    protected Locator menu(String id) {
        Locator menu = page.locator("#menu-" + id);
        // A page restored by the browser's back button may come back with the menu still open.
        if (menu.getAttribute("open") == null) {
            menu.locator("summary").click();
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(menu).hasAttribute("open", "");
        return menu;
    }

    /** Opens a menu of the navigation bar and follows its link of that exact name. */
    protected void follow(String menu, String link) {
        menu(menu).getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(link).setExact(true)).click();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void signIn(String username) {
        signIn(username, DemoAccounts.PASSWORD);
    }

    protected void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Identifiant").fill(username);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Se connecter")).click();
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    protected void assertAccessible() {
        // A colour still fading in (a link just made active) would be measured half-way.
        page.waitForFunction("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(BrowserSupport::describe)
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on " + page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).toList();
    }
}
