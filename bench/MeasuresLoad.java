import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for bench/measures.sh (a single-file Java program, localhost targets only).
 * Signs USERS virtual users in (each with its own session: four in five are the demo case worker
 * "intervenant", one in five the service head "cheffe.service"), creates a few reports through
 * the application, warms the server up (BENCH_WARMUP_S seconds, 30 by default, of caseload pages and
 * searches at full speed, not measured: the just-in-time compiler reaches its steady state), then
 * runs phases one after the other on the same server, each with a 3-second warm-up:
 * <ul>
 * <li>with think time (each user waits THINK_MS ± 50 % between two requests, like a person
 * reading a page): the static asset (baseline), caseload pages, person searches, measure pages
 * (each read audited), report PDFs;</li>
 * <li>saturated (no think time): the static asset, caseload pages and person searches, whose
 * throughput is the capacity of the machine.</li>
 * </ul>
 * Every request started in the measured window is kept, however long it takes, with its latency
 * (from sending to the last byte of the response); latencies are sorted for exact percentiles. Prints result lines {@code bench=measures metric=... value=... unit=...};
 * progress goes to stderr.
 * Usage: java bench/MeasuresLoad.java http://localhost:PORT USERS SECONDS THINK_MS PDF_USERS [PHASES]
 * (PHASES, for investigations: a comma-separated subset such as caseload,search-saturated)
 */
public class MeasuresLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEXT_CURSOR = Pattern.compile("id=\"next-page\"[^>]*href=\"[^\"]*cursor=([A-Za-z0-9_-]+)");
    private static final Pattern NEXT_CURSOR_BEFORE = Pattern.compile("href=\"[^\"]*cursor=([A-Za-z0-9_-]+)\"[^>]*id=\"next-page\"");
    private static final Pattern MEASURE_LINK = Pattern.compile("href=\"/measures/([0-9a-f-]{36})\"");
    private static final String PASSWORD = "Passerelle-demo-2026";
    private static final String[] VIEWS = {"MINE", "SERVICE", "LATE"};
    /** Searched names, as people type them: frequent and rarer names, with and without accents. */
    private static final String[] NAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand",
            "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
            "François", "Martínez", "Legrand", "Benali", "Haddad", "Diallo", "Traoré", "Nguyen", "Rousseau", "Blanc",
            "Guérin", "Müller", "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu", "Chevalier", "Gaillard", "Lemaire",
            "Rivière", "Ménard", "Le Goff", "Da Silva", "Ouattara", "Yilmaz", "Öztürk", "Santini", "Pelletier",
            "Barthélemy", "Étienne", "Lévêque", "Hoarau", "Grondin", "Bakayoko", "Colombo", "Texier"};
    private static final String[] FIRST_NAMES = {"Lucas", "Léa", "Mohamed", "Inès", "Kévin", "Chloé", "Jérôme",
            "Aïcha", "Sébastien", "Élodie", "Nathalie", "Karim"};
    private static final String REPORT_BODY = """
            Madame, Monsieur le Procureur de la République,

            Par décision de votre parquet, notre service a été saisi de la mesure citée en référence. La personne a été \
            convoquée dans les délais et s’est présentée au premier entretien, accompagnée de son conseil.

            Situation personnelle : la personne vit seule dans un logement personnel, après une période d’hébergement \
            chez un tiers. Elle est suivie par un travailleur social du département et perçoit des ressources modestes.

            Situation professionnelle : après une période sans emploi, elle a signé un contrat à durée déterminée dans \
            la logistique. Elle se dit motivée et a produit ses fiches de paie des trois derniers mois.

            Respect des obligations : les rendez-vous ont été honorés, à une exception près, excusée par un justificatif \
            médical. Les justificatifs de soins ont été remis régulièrement.

            Évaluation : l’intervenante relève une prise de conscience progressive des faits et de leurs conséquences \
            pour la victime, ainsi qu’une stabilisation de la situation sociale.

            Proposition : au vu de ces éléments, le service propose de considérer la mesure comme exécutée et reste à \
            votre disposition pour tout complément d’information.
            """;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
        int users = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        long thinkMs = Long.parseLong(args[3]);
        int pdfUsers = Integer.parseInt(args[4]);

        List<VirtualUser> vus = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            vus.add(new VirtualUser(base, i % 5 == 4 ? "cheffe.service" : "intervenant"));
        }
        log("signed in " + users + " users");
        List<String> reports = createReports(vus.get(0), 20);
        log("created " + reports.size() + " reports");
        // Measure pages: each read is audited (measure.viewed), the cost this phase shows.
        List<String> measurePages = measureIds(vus.get(0), "SERVICE", 50);

        if (args.length > 5) {
            // Investigation mode: only the named phases, with their summary on stderr.
            for (String phase : args[5].split(",")) {
                long think = phase.endsWith("-saturated") ? 0 : thinkMs;
                switch (phase.replace("-saturated", "")) {
                    case "static" -> run(phase, vus, seconds, think, vu -> vu.get("/css/passerelle.css", false));
                    case "caseload" -> run(phase, vus, seconds, think, VirtualUser::nextCaseloadPage).breakdown();
                    case "search" -> run(phase, vus, seconds, think, VirtualUser::nextSearch);
                    case "measure" -> run(phase, vus, seconds, think, vu -> vu.get("/measures/"
                            + measurePages.get(ThreadLocalRandom.current().nextInt(measurePages.size())), false));
                    case "pdf" -> run(phase, vus.subList(0, Math.min(pdfUsers, vus.size())), seconds, think,
                            vu -> vu.get("/reports/" + reports.get(ThreadLocalRandom.current().nextInt(reports.size()))
                                    + "/pdf", false));
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
            }
            return;
        }
        // Warm-up, not measured: the server's just-in-time compiler and caches reach their steady
        // state (a server runs for days; its first minute is not what its users live with).
        long warmup = Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_S", "30"));
        if (warmup > 0) {
            run("warm-up", vus, warmup, 0, vu -> ThreadLocalRandom.current().nextBoolean() ? vu.nextCaseloadPage()
                    : vu.nextSearch());
        }
        Result staticThink = run("static", vus, seconds, thinkMs, vu -> vu.get("/css/passerelle.css", false));
        Result caseload = run("caseload", vus, seconds, thinkMs, VirtualUser::nextCaseloadPage);
        Result search = run("search", vus, seconds, thinkMs, VirtualUser::nextSearch);
        Result measure = run("measure", vus, seconds, thinkMs, vu -> vu.get("/measures/"
                + measurePages.get(ThreadLocalRandom.current().nextInt(measurePages.size())), false));
        Result pdf = run("pdf", vus.subList(0, Math.min(pdfUsers, vus.size())), seconds, thinkMs,
                vu -> vu.get("/reports/" + reports.get(ThreadLocalRandom.current().nextInt(reports.size())) + "/pdf", false));
        Result staticMax = run("static-saturated", vus, seconds, 0, vu -> vu.get("/css/passerelle.css", false));
        Result caseloadMax = run("caseload-saturated", vus, seconds, 0, VirtualUser::nextCaseloadPage);
        Result searchMax = run("search-saturated", vus, seconds, 0, VirtualUser::nextSearch);

        print("static", staticThink, null);
        print("caseload", caseload, staticThink);
        for (String view : VIEWS) {
            for (String page : new String[] {"first", "next"}) {
                System.out.printf(Locale.ROOT, "bench=measures metric=caseload_%s_%s_p95_ms value=%.1f unit=ms%n",
                        view.toLowerCase(Locale.ROOT), page, caseload.only(view + "-" + page).percentile(0.95));
            }
        }
        print("search", search, staticThink);
        print("measure", measure, staticThink);
        print("pdf", pdf, null);
        throughput("static_max_rps", staticMax, null);
        throughput("caseload_max_rps", caseloadMax, staticMax);
        throughput("search_max_rps", searchMax, staticMax);
        System.out.printf(Locale.ROOT, "bench=measures metric=caseload_saturated_p95_ms value=%.1f unit=ms%n",
                caseloadMax.percentile(0.95));
        System.out.printf(Locale.ROOT, "bench=measures metric=search_saturated_p95_ms value=%.1f unit=ms%n",
                searchMax.percentile(0.95));
    }

    private static void print(String name, Result r, Result baseline) {
        for (double p : new double[] {0.50, 0.95, 0.99}) {
            String metric = String.format(Locale.ROOT, "%s_p%d_ms", name, Math.round(p * 100));
            double value = r.percentile(p);
            if (baseline == null) {
                System.out.printf(Locale.ROOT, "bench=measures metric=%s value=%.1f unit=ms%n", metric, value);
            } else {
                double b = baseline.percentile(p);
                System.out.printf(Locale.ROOT, "bench=measures metric=%s value=%.1f unit=ms baseline=%.1f ratio=%.2f%n",
                        metric, value, b, value / b);
            }
        }
        throughput(name + "_rps", r, baseline);
        if (r.failed > 0) {
            System.out.printf(Locale.ROOT, "bench=measures metric=%s_errors value=%d unit=requests%n", name, r.failed);
        }
    }

    private static void throughput(String metric, Result r, Result baseline) {
        if (baseline == null) {
            System.out.printf(Locale.ROOT, "bench=measures metric=%s value=%.1f unit=req/s%n", metric, r.rps());
        } else {
            System.out.printf(Locale.ROOT, "bench=measures metric=%s value=%.1f unit=req/s baseline=%.1f ratio=%.4f%n",
                    metric, r.rps(), baseline.rps(), r.rps() / baseline.rps());
        }
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }

    /** One request's outcome: a label (for breakdowns), success and latency. */
    record Sample(String label, boolean ok, long nanos) {}

    /** The samples of a phase. */
    static final class Result {
        final long[] latencies;
        final String[] labels;
        final long failed;
        final double seconds;

        Result(List<Sample> samples, double seconds) {
            List<Sample> ok = samples.stream().filter(Sample::ok).sorted((a, b) -> Long.compare(a.nanos, b.nanos)).toList();
            this.latencies = ok.stream().mapToLong(Sample::nanos).toArray();
            this.labels = ok.stream().map(Sample::label).toArray(String[]::new);
            this.failed = samples.size() - ok.size();
            this.seconds = seconds;
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        double rps() {
            return latencies.length / seconds;
        }

        void breakdown() {
            for (String label : Arrays.stream(labels).distinct().sorted().toList()) {
                Result part = only(label);
                log(String.format(Locale.ROOT, "  %s: %d, p50 %.1f ms, p95 %.1f ms", label, part.latencies.length,
                        part.percentile(0.5), part.percentile(0.95)));
            }
        }

        Result only(String label) {
            List<Sample> part = new ArrayList<>();
            for (int i = 0; i < latencies.length; i++) {
                if (labels[i].equals(label)) {
                    part.add(new Sample(label, true, latencies[i]));
                }
            }
            return new Result(part, seconds);
        }
    }

    /** Runs one phase: every user repeats its request until the end, samples kept after the warm-up. */
    private static Result run(String phase, List<VirtualUser> vus, long seconds, long thinkMs,
            Function<VirtualUser, Sample> request) throws InterruptedException {
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        List<List<Sample>> perUser = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong exceptions = new AtomicLong();
        for (VirtualUser vu : vus) {
            List<Sample> samples = new ArrayList<>();
            perUser.add(samples);
            Thread t = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (thinkMs > 0) {
                    sleep(random.nextLong(thinkMs + 1));
                }
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    Sample s;
                    try {
                        s = request.apply(vu);
                    } catch (RuntimeException e) {
                        exceptions.incrementAndGet();
                        s = new Sample("error", false, System.nanoTime() - started);
                    }
                    if (started >= warmupEnd && started < end) {
                        samples.add(s);
                    }
                    if (thinkMs > 0) {
                        sleep(thinkMs / 2 + random.nextLong(thinkMs + 1));
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
        Result result = new Result(all, seconds);
        log(String.format(Locale.ROOT, "%s: %d requests (%d failed), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f req/s",
                phase, all.size(), result.failed, result.percentile(0.5), result.percentile(0.95),
                result.percentile(0.99), result.rps()));
        return result;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Up to {@code count} measures linked from the first page of a caseload view of the user. */
    private static List<String> measureIds(VirtualUser vu, String view, int count) throws Exception {
        List<String> measures = new ArrayList<>();
        Matcher m = MEASURE_LINK.matcher(vu.body("/caseload?view=" + view));
        while (m.find() && measures.size() < count) {
            if (!measures.contains(m.group(1))) {
                measures.add(m.group(1));
            }
        }
        return measures;
    }

    /** Creates reports with a realistic text on measures of the user's caseload, through the application. */
    private static List<String> createReports(VirtualUser vu, int count) throws Exception {
        List<String> measures = measureIds(vu, "MINE", count);
        List<String> reports = new ArrayList<>();
        for (String measure : measures) {
            HttpResponse<String> created = vu.post("/measures/" + measure + "/reports", Map.of("kind", "FINAL"));
            String location = created.headers().firstValue("Location").orElse("");
            Matcher id = Pattern.compile("/reports/([0-9a-f-]{36})").matcher(location);
            if (created.statusCode() != 302 || !id.find()) {
                throw new IllegalStateException("report creation refused: " + created.statusCode() + " " + location);
            }
            HttpResponse<String> saved = vu.post("/reports/" + id.group(1), Map.of("body", REPORT_BODY));
            if (saved.statusCode() != 302) {
                throw new IllegalStateException("report text refused: " + saved.statusCode());
            }
            reports.add(id.group(1));
        }
        if (reports.isEmpty()) {
            throw new IllegalStateException("no measure in the caseload of " + vu.username);
        }
        return reports;
    }

    /** A signed-in person with their own session, walking through caseload views and searches. */
    static final class VirtualUser {
        final String base;
        final String username;
        final HttpClient client;
        int step;
        String cursor;

        VirtualUser(String base, String username) throws Exception {
            this.base = base;
            this.username = username;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login")), csrf(page.body()),
                    Map.of("username", username, "password", PASSWORD));
            if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
                throw new IllegalStateException("sign-in refused for " + username + ": " + r.statusCode());
            }
        }

        /** My caseload, my service, late: a first page, then the next keyset page of the same view. */
        Sample nextCaseloadPage() {
            String view = VIEWS[(step / 2) % VIEWS.length];
            boolean next = step % 2 == 1 && cursor != null;
            step++;
            String path = "/caseload?view=" + view + (next ? "&cursor=" + cursor : "");
            long started = System.nanoTime();
            HttpResponse<String> r = sendQuietly(HttpRequest.newBuilder(URI.create(base + path)), false);
            long nanos = System.nanoTime() - started;
            cursor = null;
            if (r != null && r.statusCode() == 200) {
                Matcher m = NEXT_CURSOR.matcher(r.body());
                Matcher before = NEXT_CURSOR_BEFORE.matcher(r.body());
                cursor = m.find() ? m.group(1) : before.find() ? before.group(1) : null;
            }
            return new Sample(view + "-" + (next ? "next" : "first"), r != null && r.statusCode() == 200, nanos);
        }

        /** A search as typed in the search box (htmx request): a name prefix, sometimes without accents. */
        Sample nextSearch() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String name = NAMES[random.nextInt(NAMES.length)];
            String q = switch (random.nextInt(4)) {
                case 0 -> name.substring(0, Math.min(name.length(), 3));
                case 1 -> name.substring(0, Math.min(name.length(), 4 + random.nextInt(3)));
                case 2 -> name + " " + FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                default -> name;
            };
            if (random.nextBoolean()) {
                q = Normalizer.normalize(q, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
            }
            return get("/persons?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), true);
        }

        Sample get(String path, boolean htmx) {
            long started = System.nanoTime();
            HttpResponse<String> r = sendQuietly(HttpRequest.newBuilder(URI.create(base + path)), htmx);
            return new Sample(path, r != null && r.statusCode() == 200, System.nanoTime() - started);
        }

        String body(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)), csrf(body("/caseload")), form);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String csrf, Map<String, String> form)
                throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> sendQuietly(HttpRequest.Builder request, boolean htmx) {
            try {
                if (htmx) {
                    request.header("HX-Request", "true");
                }
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                return null;
            }
        }

        private static String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in the page");
            }
            return m.group(1);
        }
    }
}
