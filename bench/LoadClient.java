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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for bench/startup.sh (run as a single-file Java program against localhost only).
 * Modes: "static" fetches a static asset; "login" opens the login page and signs in with a demo
 * account, each iteration with a new session. Prints the completed operations per second.
 * Usage: java bench/LoadClient.java static|login http://localhost:PORT CONCURRENCY SECONDS
 */
public class LoadClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String[] ACCOUNTS = {"intervenant", "cheffe.service", "directrice", "admin.asso",
            "equipe.federale", "admin.federation", "organisateur", "moderatrice", "analyste", "participant"};

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
        int concurrency = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    boolean ok;
                    try {
                        ok = "login".equals(mode) ? login(base, ACCOUNTS[(int) ((worker + i) % ACCOUNTS.length)])
                                : fetchStatic(base);
                    } catch (Exception e) {
                        ok = false;
                    }
                    i++;
                    if (System.nanoTime() >= warmupEnd && System.nanoTime() < end) {
                        (ok ? done : failed).incrementAndGet();
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failed.get() > done.get() / 100) {
            System.err.println("bench: " + failed.get() + " failed " + mode + " requests");
        }
        System.out.printf(java.util.Locale.ROOT, "%.2f%n", done.get() / (double) seconds);
    }

    private static final HttpClient SHARED = HttpClient.newBuilder().build();

    private static boolean fetchStatic(String base) throws Exception {
        HttpResponse<byte[]> r = SHARED.send(HttpRequest.newBuilder(URI.create(base + "/css/passerelle.css")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200;
    }

    private static boolean login(String base, String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            return false;
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode("Passerelle-demo-2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/");
    }
}
