import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the page benchmarks (a single-file Java program, localhost targets only):
 * bench/partners.sh and bench/programmes.sh. Signs USERS virtual users in as the demo case worker
 * "intervenant" (each with its own session), warms the server up (BENCH_WARMUP_S seconds, 20 by
 * default, of the scenario's requests at full speed, not measured), then runs its phases one after
 * the other, each user waiting THINK_MS ± 50 % between two requests, with a 3-second warm-up each.
 * The first phase is always the style sheet (the baseline of the same run). Scenarios:
 * <ul>
 * <li>partners: the free-place search page with varied criteria (a kind or any, a period of 30 to
 * 120 days starting within the next two months, the association's département, within 10 to 80 km
 * of a point around Lyon, or both); the same searches through {@code /api/v1/places/search} (the
 * query without the page); the occupancy calendar of the 30-place site CALENDAR_SITE from a week
 * among the last two months and the next two;</li>
 * <li>programmes: the good-practice library's search page: French words (one to three, among words
 * the sheets use, singular or plural, with or without accents) in three searches out of four, a
 * facet value in one out of two, a page of results beyond the first now and then; then the
 * indicators page of the programme PROGRAMME, read by as many users signed in as the demo local
 * authority's coordinator "coordinatrice" (a signed member of its group).</li>
 * </ul>
 * Every request started in the measured window is kept with its latency (sending to last byte);
 * latencies are sorted for exact percentiles. Prints {@code bench=SCENARIO metric=... value=...
 * unit=...[ baseline=... ratio=...]} lines; progress on stderr.
 * <li>network: the resource library's search page `/network/resources` (French words of the generated
 * documents' text in three searches out of four, a tag in one out of two, a second page now and
 * then) and a page of a forum thread of 200 replies, as 20 signed-in directors of the flagship
 * association (a member of the network and of the commission whose documents are generated); then
 * the results page of a survey of 60 questions answered by 150 associations, as 20 signed-in
 * members of the federation's staff.
 * Usage: java bench/PageLoad.java partners|programmes|network http://localhost:PORT USERS SECONDS THINK_MS [CALENDAR_SITE|PROGRAMME|THREAD SURVEY]
 */
public class PageLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Passerelle-demo-2026";
    private static final String[] KINDS = {"", "INDIVIDUAL", "SHARED", "PE_RESERVED"};
    private static final String[] WORDS = {"chantier", "chantiers", "jeunes", "violences", "conjugales", "victimes",
            "mediation", "médiation", "tranquillité", "securite", "récidive", "insertion", "prévention", "transports",
            "citoyenneté", "mineurs", "quartier", "emploi", "permis", "justice", "femmes", "habitants", "école"};
    private static final String[][] FACETS = {{"axis", "YOUTH"}, {"axis", "VIOLENCE_VICTIMS"},
            {"axis", "PUBLIC_TRANQUILLITY"}, {"public", "YOUNG_PEOPLE"}, {"public", "WOMEN_VICTIMS"},
            {"age", "MINORS"}, {"age", "YOUNG_ADULTS"}, {"carrier", "ASSOCIATION"}, {"carrier", "COMMUNE"},
            {"funding", "FIPD"}, {"funding", "STATE"}};

    private static String bench;

    record Sample(boolean ok, long nanos) {}

    public static void main(String[] args) throws Exception {
        bench = args[0];
        String base = args[1];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
        int users = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long think = Long.parseLong(args[4]);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            sessions.add(new Session(base, bench.equals("network") ? "directrice" : "intervenant"));
        }
        log("signed in " + users + " users");
        switch (bench) {
            case "partners" -> partners(sessions, seconds, think, args[5]);
            case "programmes" -> programmes(sessions, seconds, think, base, args[5]);
            case "network" -> network(sessions, seconds, think, base, args[5], args[6]);
            default -> throw new IllegalArgumentException("unknown scenario " + bench);
        }
    }

    private static void partners(List<Session> sessions, long seconds, long think, String calendarSite)
            throws InterruptedException {
        Function<Session, Sample> search = s -> s.get(searchPath());
        Function<Session, Sample> calendar = s -> s.get(calendarPath(calendarSite));
        Sample check = calendar.apply(sessions.get(0));
        if (!check.ok() || !search.apply(sessions.get(0)).ok()) {
            throw new IllegalStateException("the search or the calendar of site " + calendarSite + " is refused");
        }
        warmUp(sessions, s -> ThreadLocalRandom.current().nextBoolean() ? search.apply(s) : calendar.apply(s));
        long[] statics = run("static", sessions, seconds, think, s -> s.get("/css/passerelle.css"));
        long[] searches = run("search", sessions, seconds, think, search);
        // The same searches through the REST API: the query without the page around it.
        long[] apiSearches = run("search-api", sessions, seconds, think,
                s -> s.get(searchPath().replace("/places?", "/api/v1/places/search?")));
        long[] calendars = run("calendar", sessions, seconds, think, calendar);
        print("static", statics, null);
        print("place_search", searches, statics);
        print("place_search_api", apiSearches, statics);
        print("calendar_30_places", calendars, statics);
    }

    private static void programmes(List<Session> sessions, long seconds, long think, String base, String programme)
            throws Exception {
        Function<Session, Sample> search = s -> s.get(librarySearchPath());
        if (!search.apply(sessions.get(0)).ok()) {
            throw new IllegalStateException("the library search is refused");
        }
        List<Session> leads = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            leads.add(new Session(base, "coordinatrice"));
        }
        Function<Session, Sample> indicators = s -> s.get("/programmes/" + programme + "/indicators");
        if (!indicators.apply(leads.get(0)).ok()) {
            throw new IllegalStateException("the indicators of programme " + programme + " are refused");
        }
        warmUp(sessions, search);
        warmUp(leads, indicators);
        long[] statics = run("static", sessions, seconds, think, s -> s.get("/css/passerelle.css"));
        long[] searches = run("search", sessions, seconds, think, search);
        long[] figures = run("indicators", leads, seconds, think, indicators);
        print("static", statics, null);
        print("library_search", searches, statics);
        print("programme_indicators", figures, statics);
    }

    private static final String[] LIBRARY_WORDS = {"contrôle", "judiciaire", "enquête", "sociale", "médiation",
            "mediation", "pénale", "stage", "stages", "citoyenneté", "réparation", "victimes", "mineurs", "insertion",
            "logement", "emploi", "santé", "addictions", "délais", "rapport", "magistrat", "partenaires", "évaluation",
            "protocole", "convention", "bilan"};
    private static final String[] LIBRARY_TAGS = {"guide", "modèle", "pré-sentenciel", "post-sentenciel", "mineurs",
            "victimes", "formation", "statistiques"};

    private static void network(List<Session> sessions, long seconds, long think, String base, String thread,
            String survey) throws Exception {
        Function<Session, Sample> search = s -> s.get(resourceSearchPath());
        Function<Session, Sample> replies = s -> s.get("/network/forum/threads/" + thread + "?page="
                + ThreadLocalRandom.current().nextInt(5));
        if (!search.apply(sessions.get(0)).ok() || !replies.apply(sessions.get(0)).ok()) {
            throw new IllegalStateException("the library search or the thread " + thread + " is refused");
        }
        warmUp(sessions, s -> ThreadLocalRandom.current().nextBoolean() ? search.apply(s) : replies.apply(s));
        long[] statics = run("static", sessions, seconds, think, s -> s.get("/css/passerelle.css"));
        long[] searches = run("search", sessions, seconds, think, search);
        long[] threads = run("thread", sessions, seconds, think, replies);
        // The survey's results page, as the federation's staff read it.
        List<Session> staff = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            staff.add(new Session(base, "equipe.federale"));
        }
        Function<Session, Sample> results = s -> s.get("/surveys/" + survey + "/results");
        if (!results.apply(staff.get(0)).ok()) {
            throw new IllegalStateException("the results of survey " + survey + " are refused");
        }
        warmUp(staff, results);
        long[] surveyResults = run("survey", staff, seconds, think, results);
        print("static", statics, null);
        print("library_search", searches, statics);
        print("forum_thread", threads, statics);
        print("survey_results", surveyResults, statics);
    }

    /** A search of the resource library as a member makes it. */
    static String resourceSearchPath() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder path = new StringBuilder("/network/resources?q=");
        if (random.nextInt(4) != 0) {
            int words = 1 + random.nextInt(3);
            List<String> q = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                q.add(LIBRARY_WORDS[random.nextInt(LIBRARY_WORDS.length)]);
            }
            path.append(URLEncoder.encode(String.join(" ", q), StandardCharsets.UTF_8));
        }
        if (random.nextBoolean()) {
            path.append("&tag=").append(URLEncoder.encode(LIBRARY_TAGS[random.nextInt(LIBRARY_TAGS.length)],
                    StandardCharsets.UTF_8));
        }
        if (random.nextInt(8) == 0) {
            path.append("&page=1");
        }
        return path.toString();
    }

    private static void warmUp(List<Session> sessions, Function<Session, Sample> request) throws InterruptedException {
        long warmup = Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_S", "20"));
        if (warmup > 0) {
            run("warm-up", sessions, warmup, 0, request);
        }
    }

    /** A search as a case worker fills the form in. */
    static String searchPath() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate from = LocalDate.now().plusDays(random.nextInt(60));
        LocalDate until = from.plusDays(30 + random.nextInt(91));
        StringBuilder path = new StringBuilder("/places?kind=" + KINDS[random.nextInt(KINDS.length)] + "&from=" + from
                + "&until=" + until);
        int where = random.nextInt(3);
        if (where != 1) {
            path.append("&departement=69");
        }
        if (where != 0) {
            path.append(String.format(Locale.ROOT, "&latitude=%.4f&longitude=%.4f&withinKm=%d",
                    45.757 + (random.nextDouble() - 0.5) * 0.2, 4.832 + (random.nextDouble() - 0.5) * 0.3,
                    10 + random.nextInt(71)));
        }
        return path.toString();
    }

    static String calendarPath(String site) {
        LocalDate from = LocalDate.now().plusWeeks(ThreadLocalRandom.current().nextInt(-8, 9));
        return "/places/sites/" + site + "/calendar?from=" + from;
    }

    /** A library search as a case worker makes it. */
    static String librarySearchPath() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder path = new StringBuilder("/practices?q=");
        if (random.nextInt(4) != 0) {
            int words = 1 + random.nextInt(3);
            List<String> q = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                q.add(WORDS[random.nextInt(WORDS.length)]);
            }
            path.append(URLEncoder.encode(String.join(" ", q), StandardCharsets.UTF_8));
        }
        if (random.nextBoolean()) {
            String[] facet = FACETS[random.nextInt(FACETS.length)];
            path.append('&').append(facet[0]).append('=').append(facet[1]);
        }
        if (random.nextInt(10) == 0) {
            path.append("&page=1");
        }
        return path.toString();
    }

    private static void print(String name, long[] latencies, long[] baseline) {
        for (double p : new double[] {0.50, 0.95, 0.99}) {
            String metric = String.format(Locale.ROOT, "%s_p%d_ms", name, Math.round(p * 100));
            double value = percentile(latencies, p);
            if (baseline == null) {
                System.out.printf(Locale.ROOT, "bench=" + bench + " metric=%s value=%.1f unit=ms%n", metric, value);
            } else {
                double b = percentile(baseline, p);
                System.out.printf(Locale.ROOT, "bench=" + bench + " metric=%s value=%.1f unit=ms baseline=%.1f ratio=%.2f%n",
                        metric, value, b, value / b);
            }
        }
        System.out.printf(Locale.ROOT, "bench=" + bench + " metric=%s_requests value=%d unit=requests%n", name,
                latencies.length);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Runs one phase; returns the sorted latencies of the successful requests (failures on stderr). */
    private static long[] run(String phase, List<Session> sessions, long seconds, long think,
            Function<Session, Sample> request) throws InterruptedException {
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        List<List<Sample>> perUser = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Session session : sessions) {
            List<Sample> samples = new ArrayList<>();
            perUser.add(samples);
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (think > 0) {
                    sleep(random.nextLong(think + 1));
                }
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    Sample s = request.apply(session);
                    if (started >= warmupEnd) {
                        samples.add(s);
                    }
                    if (think > 0) {
                        sleep(think / 2 + random.nextLong(think + 1));
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Sample> all = new ArrayList<>();
        perUser.forEach(all::addAll);
        long[] latencies = all.stream().filter(Sample::ok).mapToLong(Sample::nanos).sorted().toArray();
        long failed = all.size() - latencies.length;
        log(String.format(Locale.ROOT, "%s: %d requests (%d failed), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", phase,
                all.size(), failed, percentile(latencies, 0.5), percentile(latencies, 0.95),
                percentile(latencies, 0.99)));
        if (failed > 0) {
            System.out.printf(Locale.ROOT, "bench=" + bench + " metric=%s_errors value=%d unit=requests%n", phase, failed);
        }
        return latencies;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }

    /** A signed-in user with their own session. */
    static final class Session {
        final String base;
        final HttpClient client;

        Session(String base, String username) throws Exception {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
                throw new IllegalStateException("sign-in refused for " + username + ": " + r.statusCode());
            }
        }

        Sample get(String path) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Sample(r.statusCode() == 200, System.nanoTime() - started);
            } catch (Exception e) {
                return new Sample(false, System.nanoTime() - started);
            }
        }
    }
}
