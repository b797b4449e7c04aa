import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Import benchmark client for bench/measures-import.sh (a single-file Java program, localhost only):
 * writes a caseload CSV as Excel saves it in France (Windows-1252, ';', dd/MM/yyyy, French labels),
 * signs in as admin.asso, uploads it, maps the columns and imports it through the real HTTP
 * endpoints, polls the progress until the end, and prints the figures. With a pid, samples the
 * application's resident memory while the import runs.
 * Usage: java bench/ImportClient.java BASE_URL ROWS WORK_DIR [APP_PID]
 */
public class ImportClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> LAST = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
            "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
            "Bonnet", "François", "Martínez", "Legrand", "Benali", "Haddad", "Diallo", "Traoré", "N'Diaye", "Nguyen",
            "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu");
    private static final List<String> FIRST = List.of("Lucas", "Hugo", "Léa", "Emma", "Nathan", "Inès", "Yanis",
            "Chloé", "Mohamed", "Sarah", "Enzo", "Manon", "Kevin", "Camille", "Théo", "Jade", "Mathis", "Lina",
            "Rayan", "Zoé", "Karim", "Julie", "Maxime", "Aïcha", "Dylan", "Océane", "Bastien", "Nora", "Jérôme",
            "Sandrine", "Frédéric", "Nadia", "Sébastien", "Céline", "Mehdi", "Élodie");
    private static final List<String> TYPES = List.of("Contrôle judiciaire socio-éducatif", "CJSE", "Médiation pénale",
            "Stage de citoyenneté", "Enquête sociale rapide", "TIG", "Réparation pénale", "Sursis probatoire — accompagnement",
            "Enquête de personnalité", "Justice restaurative (rencontres, médiation restaurative, cercles)");
    private static final List<String> COURTS = List.of("Tribunal judiciaire de Lyon", "TJ-LYON", "Lyon",
            "Villefranche-sur-Saône", "Tribunal judiciaire de Bourg-en-Bresse", "Saint-Étienne");
    private static final List<String> PRESCRIBERS = List.of("Parquet", "Juge d'instruction", "JLD", "JAP",
            "Juge des enfants", "Tribunal correctionnel", "SPIP");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
        int rows = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        long pid = args.length > 3 && !args[3].isBlank() ? Long.parseLong(args[3]) : -1;
        Path csv = dir.resolve("caseload-" + rows + ".csv");
        generate(csv, rows, new Random(System.nanoTime()));

        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(client, base);
        String token = csrf(get(client, base + "/imports").body());
        MemorySampler memory = new MemorySampler(pid);
        memory.start();
        long started = System.nanoTime();
        String boundary = "----passerelle-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + csv.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = client.send(HttpRequest.newBuilder(URI.create(base + "/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = uploaded.headers().firstValue("Location").orElse("");
        Matcher job = Pattern.compile("/imports/([0-9a-f-]{36})$").matcher(location);
        if (uploaded.statusCode() != 302 || !job.find()) {
            fail("upload refused (" + uploaded.statusCode() + " " + location + ")");
        }
        String id = job.group(1);
        long uploadedAt = System.nanoTime();
        String form = "_csrf=" + enc(token) + "&action=import"
                + "&column0=LAST_NAME&column1=FIRST_NAME&column2=BIRTH_DATE&column3=SEX&column4=PHONE&column5=EMAIL"
                + "&column6=ADDRESS&column7=MEASURE_TYPE&column8=COURT&column9=PRESCRIBER_TYPE&column10=PRESCRIBER_NAME"
                + "&column11=PARQUET_NUMBER&column12=RECEIVED_ON&column13=DUE_ON";
        HttpResponse<String> mapped = client.send(HttpRequest.newBuilder(URI.create(base + "/imports/" + id + "/mapping"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (mapped.statusCode() != 302) {
            fail("mapping refused (" + mapped.statusCode() + ")");
        }
        while (true) {
            HttpResponse<String> progress = get(client, base + "/imports/" + id + "/progress");
            if (progress.statusCode() != 200) {
                fail("progress answered " + progress.statusCode());
            }
            if (progress.headers().firstValue("HX-Refresh").isPresent()) {
                break;
            }
            Thread.sleep(250);
        }
        long finished = System.nanoTime();
        memory.stopSampling();
        String page = get(client, base + "/imports/" + id).body();
        int measures = count(page, "count-measures-created");
        if (measures != rows) {
            Matcher alert = Pattern.compile("class=\"alert alert-danger\"[^>]*>([^<]*)<").matcher(page);
            Matcher errors = Pattern.compile("<tbody>(.{0,1500})", Pattern.DOTALL).matcher(page);
            fail("import did not create the " + rows + " measures (page says " + measures + "): "
                    + (alert.find() ? alert.group(1) : "") + (errors.find() ? errors.group(1).replaceAll("\\s+", " ") : ""));
        }
        double seconds = (finished - started) / 1e9;
        System.out.printf(Locale.ROOT, "bench=measures metric=import_100k_s value=%.2f unit=s%n", seconds);
        System.out.printf(Locale.ROOT, "bench=measures metric=import_rows_per_s value=%.0f unit=rows/s%n", rows / seconds);
        System.out.printf(Locale.ROOT, "bench=measures metric=import_upload_s value=%.2f unit=s%n",
                (uploadedAt - started) / 1e9);
        System.out.printf(Locale.ROOT, "bench=measures metric=import_persons_created value=%d unit=persons%n",
                count(page, "count-persons-created"));
        if (memory.peakKb > 0) {
            System.out.printf(Locale.ROOT, "bench=measures metric=import_app_rss_before_mb value=%.0f unit=MB%n",
                    memory.firstKb / 1024.0);
            System.out.printf(Locale.ROOT, "bench=measures metric=import_app_rss_peak_mb value=%.0f unit=MB%n",
                    memory.peakKb / 1024.0);
        }
    }

    /** One row per measure; about 70 % of the persons have one measure, the others two. */
    static void generate(Path csv, int rows, Random random) throws IOException {
        Set<String> persons = new HashSet<>();
        LocalDate today = LocalDate.now();
        try (BufferedWriter out = Files.newBufferedWriter(csv, Charset.forName("windows-1252"))) {
            out.write("Nom;Prénom;Date de naissance;Sexe;Téléphone;Courriel;Adresse;Type de mesure;Juridiction;"
                    + "Prescripteur;Nom du magistrat;N° parquet;Date de réception;Échéance\r\n");
            int written = 0;
            while (written < rows) {
                String last;
                String first;
                LocalDate birth;
                do {
                    last = LAST.get(random.nextInt(LAST.size())) + "-" + LAST.get(random.nextInt(LAST.size()));
                    first = FIRST.get(random.nextInt(FIRST.size()));
                    birth = LocalDate.of(1950 + random.nextInt(58), 1 + random.nextInt(12), 1 + random.nextInt(28));
                } while (!persons.add(key(last, first, birth)));
                String sex = random.nextBoolean() ? "F" : "M";
                String phone = random.nextInt(3) == 0 ? "" : String.format("06 %02d %02d %02d %02d", random.nextInt(100),
                        random.nextInt(100), random.nextInt(100), random.nextInt(100));
                String email = random.nextInt(4) == 0 ? "" : key(first, "", null).replace(" ", "") + "." + written + "@exemple.fr";
                String address = (1 + random.nextInt(120)) + " rue de la République, 69002 Lyon";
                int measures = random.nextInt(10) < 7 ? 1 : 2;
                LocalDate received = today.minusDays(1 + random.nextInt(700));
                for (int m = 0; m < measures && written < rows; m++, written++) {
                    LocalDate due = random.nextBoolean() ? received.plusMonths(6) : null;
                    out.write(String.join(";", last, first, birth.format(FRENCH), sex, phone, email,
                            "\"" + address + "\"", TYPES.get(random.nextInt(TYPES.size())),
                            COURTS.get(random.nextInt(COURTS.size())), PRESCRIBERS.get(random.nextInt(PRESCRIBERS.size())),
                            random.nextBoolean() ? "Mme la juge Durand" : "",
                            random.nextBoolean() ? String.format("%d/%05d", received.getYear() % 100, random.nextInt(99999)) : "",
                            received.format(FRENCH), due == null ? "" : due.format(FRENCH)));
                    out.write("\r\n");
                    received = received.minusDays(1 + random.nextInt(30));
                }
            }
        }
    }

    private static String key(String last, String first, LocalDate birth) {
        String s = Normalizer.normalize(last + " " + first, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return birth == null ? s : s + "|" + birth;
    }

    private static void signIn(HttpClient client, String base) throws Exception {
        String token = csrf(get(client, base + "/login").body());
        String form = "username=admin.asso&password=" + enc("Passerelle-demo-2026") + "&_csrf=" + enc(token);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
            fail("sign-in as admin.asso failed (" + r.statusCode() + " " + r.headers().firstValue("Location").orElse("")
                    + ")");
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            fail("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static int count(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">\\s*(\\d+)\\s*<").matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void fail(String message) {
        System.err.println("bench: " + message);
        System.exit(1);
    }

    /** Samples VmRSS of a process from /proc every 100 ms. */
    static final class MemorySampler extends Thread {
        private final long pid;
        private volatile boolean running = true;
        volatile long peakKb;
        volatile long firstKb;

        MemorySampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path status = Path.of("/proc/" + pid + "/status");
            while (running && pid > 0) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            if (firstKb == 0) {
                                firstKb = kb;
                            }
                            peakKb = Math.max(peakKb, kb);
                        }
                    }
                    Thread.sleep(100);
                } catch (IOException | InterruptedException | NumberFormatException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
