import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for bench/observatory.sh (single-file Java program, localhost only). Signed-in
 * users open dashboards with varied filters, each with its own session, with a think time:
 * federation staff on the national observatory (every breakdown, several periods, filters by
 * region, field or measure type), directors on their association's dashboard (when its path is
 * given). Prints p50/p95/p99 per page in the result-line format of bench/run.
 * Usage: java bench/ObservatoryLoad.java BASE USERS SECONDS THINK_MS ASSOCIATION_PATH|-
 */
public class ObservatoryLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Passerelle-demo-2026";
    private static final String[] BREAKDOWNS = {"NETWORK_REGION", "COUR_APPEL", "TRIBUNAL", "DEPARTEMENT", "FIELD",
            "MEASURE_TYPE", "PERIOD"};
    private static final String[] REGIONS = {"AUVERGNE-RHONE-ALPES", "GRAND-OUEST", "ILE-DE-FRANCE", "MEDITERRANEE",
            "NORD-EST"};
    private static final String[] FIELDS = {"PRE_SENTENCE", "POST_SENTENCE", "MINORS"};
    private static final String[] TYPES = {"EP", "CJSE", "TIG", "MEDIATION_PENALE", "SURSIS_PROBATOIRE",
            "REPARATION_PENALE"};

    record Sample(String page, boolean ok, long nanos) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
        int users = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        long think = Long.parseLong(args[3]);
        String associationPath = args.length > 4 && !args[4].equals("-") ? args[4] : null;
        int year = java.time.Year.now().getValue();

        List<Thread> threads = new ArrayList<>();
        List<List<Sample>> all = new ArrayList<>();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        for (int u = 0; u < users; u++) {
            boolean national = associationPath == null || u % 2 == 0;
            Session session = new Session(base, national ? "equipe.federale" : "directrice");
            List<Sample> samples = new ArrayList<>();
            all.add(samples);
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                sleep(random.nextLong(think + 1));
                while (System.nanoTime() < end) {
                    String page = national ? "national" : "association";
                    String path = national ? nationalPath(random, year) : associationPath(random, associationPath, year);
                    long started = System.nanoTime();
                    boolean ok;
                    try {
                        ok = session.get(path) == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - started;
                    if (started >= warmupEnd) {
                        samples.add(new Sample(page, ok, took));
                    }
                    sleep(think / 2 + random.nextLong(think + 1));
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<Sample> samples = all.stream().flatMap(List::stream).toList();
        for (String page : List.of("national", "association")) {
            long[] ok = samples.stream().filter(s -> s.page().equals(page) && s.ok()).mapToLong(Sample::nanos).sorted()
                    .toArray();
            long failed = samples.stream().filter(s -> s.page().equals(page) && !s.ok()).count();
            if (ok.length == 0 && failed == 0) {
                continue;
            }
            System.err.printf(Locale.ROOT, "bench: %s: %d requests (%d failed), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    page, ok.length, failed, pct(ok, 0.5), pct(ok, 0.95), pct(ok, 0.99));
            System.out.printf(Locale.ROOT, "bench=observatory metric=%s_p95_ms value=%.1f unit=ms%n", page, pct(ok, 0.95));
            System.out.printf(Locale.ROOT, "bench=observatory metric=%s_p50_ms value=%.1f unit=ms%n", page, pct(ok, 0.5));
            System.out.printf(Locale.ROOT, "bench=observatory metric=%s_requests value=%d unit=requests%n", page, ok.length);
            System.out.printf(Locale.ROOT, "bench=observatory metric=%s_failed value=%d unit=requests%n", page, failed);
        }
    }

    /** A year among the last five, the last twelve months, or a quarter; a breakdown; sometimes a filter. */
    static String nationalPath(ThreadLocalRandom random, int year) {
        StringBuilder p = new StringBuilder("/observatory/national?");
        int y = year - 1 - random.nextInt(5);
        switch (random.nextInt(3)) {
            case 0 -> p.append("from=").append(y).append("-01&to=").append(y).append("-12");
            case 1 -> p.append("from=").append(year - 1).append(String.format("-%02d", 1 + random.nextInt(12)))
                    .append("&to=").append(year).append("-01");
            default -> {
                int q = random.nextInt(4);
                p.append("from=").append(y).append(String.format("-%02d", 1 + 3 * q)).append("&to=").append(y)
                        .append(String.format("-%02d", 3 + 3 * q));
            }
        }
        p.append("&by=").append(BREAKDOWNS[random.nextInt(BREAKDOWNS.length)]);
        switch (random.nextInt(4)) {
            case 0 -> p.append("&region=").append(REGIONS[random.nextInt(REGIONS.length)]);
            case 1 -> p.append("&field=").append(FIELDS[random.nextInt(FIELDS.length)]);
            case 2 -> p.append("&type=").append(TYPES[random.nextInt(TYPES.length)]);
            default -> { }
        }
        return p.toString();
    }

    /** The association dashboard: {from} and {to} in the path are replaced by a year or a quarter. */
    static String associationPath(ThreadLocalRandom random, String template, int year) {
        int y = year - 1 - random.nextInt(5);
        String from = y + "-01-01";
        String to = y + "-12-31";
        if (random.nextBoolean()) {
            int q = random.nextInt(4);
            from = String.format("%d-%02d-01", y, 1 + 3 * q);
            to = java.time.YearMonth.of(y, 3 + 3 * q).atEndOfMonth().toString();
        }
        return template.replace("{from}", from).replace("{to}", to);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One signed-in browser session. */
    static final class Session {
        final String base;
        final HttpClient client;

        Session(String base, String username) throws Exception {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in refused for " + username + ": " + r.statusCode());
            }
        }

        int get(String path) throws Exception {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode();
        }
    }
}
