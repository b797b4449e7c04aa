import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vote load for bench/votes.sh and bench/crash-votes.sh (localhost only; classpath: target/classes
 * and the PostgreSQL driver).
 *   load BASE SLUG PARTICIPANTS CONCURRENCY JDBC_URL OWNER_ROLE APP_ROLE
 *     after a warm-up (rounds of 1,000 participants until the throughput is steady), virtual
 *     participants fetch their sequence (signed keys, cookie) and prove a real browser (the proof
 *     of work, once per participant, not measured), then post their 12 votes
 *     through HTTP; then the same vote statement directly over JDBC (PostgreSQL's ceiling); then a
 *     static stylesheet through the same HTTP stack (what a request costs at the least here).
 *   crash BASE SLUG CONCURRENCY SECONDS ACK_FILE
 *     votes until SECONDS or until the application stops answering; writes every acknowledged
 *     (2xx) vote as "participant,proposal" to ACK_FILE.
 *   verify JDBC_URL OWNER_ROLE CONSULTATION ACK_FILE
 *     prints acknowledged, stored, lost (acknowledged but not stored) and double_counted.
 */
public class VotesLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([A-Za-z0-9_-]+)\"");
    private static final String[] KEYS = {"AGREE", "DISAGREE", "NEUTRAL"};
    private static final int WARMUP_ROUND = 1000;

    record Shown(String cookie, UUID participant, List<String> proposals, List<String> keys) {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args);
            case "crash" -> crash(args);
            case "verify" -> verify(args);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * A minimal HTTP/1.1 client over one kept-alive socket per worker thread: the load generator
     * shares the 2 cores with the application, so it must cost as little as possible (the JDK's
     * HttpClient, with its own selector thread and futures per request, costs noticeably more).
     */
    static final class Http {
        private final String host;
        private final int port;
        private final ThreadLocal<Connection> connections = new ThreadLocal<>();

        Http(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        record Response(int status, java.util.Map<String, String> headers, byte[] body) {
            String text() {
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        private static final class Connection {
            final java.net.Socket socket;
            final java.io.BufferedInputStream in;
            final java.io.OutputStream out;

            Connection(String host, int port) throws java.io.IOException {
                socket = new java.net.Socket();
                socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
            }
        }

        Response send(String method, String path, String cookie, String json) throws java.io.IOException {
            Connection c = connections.get();
            if (c == null) {
                c = new Connection(host, port);
                connections.set(c);
            }
            try {
                byte[] body = json == null ? new byte[0] : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                        .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
                if (cookie != null) {
                    head.append("Cookie: ").append(cookie).append("\r\n");
                }
                if (json != null) {
                    head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                c.out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                c.out.write(body);
                c.out.flush();
                String status = line(c.in);
                if (status == null) {
                    throw new java.io.EOFException("connection closed");
                }
                int code = Integer.parseInt(status.substring(9, 12));
                java.util.Map<String, String> headers = new java.util.HashMap<>();
                for (String h = line(c.in); h != null && !h.isEmpty(); h = line(c.in)) {
                    int colon = h.indexOf(':');
                    headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), h.substring(colon + 1).trim());
                }
                java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
                if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    for (int size = Integer.parseInt(line(c.in).split(";")[0].trim(), 16); size > 0;
                            size = Integer.parseInt(line(c.in).split(";")[0].trim(), 16)) {
                        content.write(c.in.readNBytes(size));
                        line(c.in);
                    }
                    line(c.in);
                } else if (headers.containsKey("content-length")) {
                    content.write(c.in.readNBytes(Integer.parseInt(headers.get("content-length"))));
                }
                if ("close".equalsIgnoreCase(headers.get("connection"))) {
                    close();
                }
                return new Response(code, headers, content.toByteArray());
            } catch (java.io.IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private void close() {
            Connection c = connections.get();
            connections.remove();
            if (c != null) {
                try {
                    c.socket.close();
                } catch (java.io.IOException ignored) {
                    // already gone
                }
            }
        }

        private static String line(java.io.InputStream in) throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            int ch;
            while ((ch = in.read()) != -1) {
                if (ch == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) ch);
            }
            return b.length() == 0 ? null : b.toString();
        }
    }

    static Http client(String base) {
        return new Http(base);
    }

    static void checkLocal(String base) {
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("only localhost targets are allowed");
        }
    }

    static Shown sequence(Http http, String base, String slug) throws Exception {
        Http.Response r = http.send("GET", "/c/" + slug + "/sequence.json", null, null);
        if (r.status() != 200) {
            throw new IllegalStateException("sequence: HTTP " + r.status() + " " + r.text());
        }
        String setCookie = r.headers().get("set-cookie");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        UUID participant = UUID.fromString(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf('=') + 37));
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String body = r.text();
        Matcher m = ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        m = KEY.matcher(body);
        while (m.find()) {
            keys.add(m.group(1));
        }
        prove(http, slug, cookie, body);
        return new Shown(cookie, participant, ids, keys);
    }

    private static final Pattern PROOF = Pattern.compile("\"proof\":\\{\"algorithm\":\"([^\"]+)\",\"challenge\":\"([0-9a-f]+)\","
            + "\"maxnumber\":(\\d+),\"salt\":\"([^\"]+)\",\"signature\":\"([0-9a-f]+)\"\\}");

    /**
     * A new participant's proof of a real browser, as the vote page's script makes it: finds the
     * number whose SHA-256 with the salt is the challenge and posts the ALTCHA payload once, so that
     * the votes measured are trusted ones (bench/votes-common.sh lowers the difficulty: the proof is
     * made once per participant, outside the vote path).
     */
    static void prove(Http http, String slug, String cookie, String sequence) throws Exception {
        Matcher m = PROOF.matcher(sequence);
        if (!m.find()) {
            return; // already proven
        }
        String algorithm = m.group(1), challenge = m.group(2), salt = m.group(4), signature = m.group(5);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance(algorithm);
        long max = Long.parseLong(m.group(3));
        for (long n = 0; n <= max; n++) {
            if (java.util.HexFormat.of().formatHex(sha.digest((salt + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .equals(challenge)) {
                String payload = java.util.Base64.getEncoder().encodeToString(("{\"algorithm\":\"" + algorithm
                        + "\",\"challenge\":\"" + challenge + "\",\"number\":" + n + ",\"salt\":\"" + salt
                        + "\",\"signature\":\"" + signature + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                Http.Response r = http.send("POST", "/c/" + slug + "/proof", cookie, "{\"payload\":\"" + payload + "\"}");
                if (r.status() != 200) {
                    throw new IllegalStateException("proof: HTTP " + r.status() + " " + r.text());
                }
                return;
            }
        }
        throw new IllegalStateException("proof: no solution");
    }

    static int vote(Http http, String base, String slug, Shown s, int i, String key) throws Exception {
        String body = "{\"proposalId\":\"" + s.proposals().get(i) + "\",\"key\":\"" + key
                + "\",\"location\":\"SEQUENCE\",\"signature\":\"" + s.keys().get(i) + "\"}";
        return http.send("POST", "/c/" + slug + "/votes", s.cookie(), body).status();
    }

    static void load(String[] args) throws Exception {
        String base = args[1];
        checkLocal(base);
        String slug = args[2];
        int participants = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        String jdbcUrl = args[5];
        String appRole = args[7];
        UUID organisation;
        UUID consultation;
        try (Connection c = DriverManager.getConnection(jdbcUrl, args[6], "");
                PreparedStatement ps = c.prepareStatement("select organisation_id, id from consultation where slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                organisation = (UUID) rs.getObject(1);
                consultation = (UUID) rs.getObject(2);
            }
        }

        // 1. Warm-up: rounds of 1,000 virtual participants open the voting sequence (cookie, signed
        //    keys) and vote, unmeasured, until the throughput stops rising (see steady; at most
        //    BENCH_WARMUP_ROUNDS rounds). On these two cores the
        //    just-in-time compiler needs tens of thousands of votes before the server reaches the
        //    speed it keeps afterwards; each round's throughput goes to stderr.
        int maxRounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_ROUNDS", "30"));
        Http http = client(base);
        List<Double> rounds = new ArrayList<>();
        while (rounds.size() < maxRounds && !steady(rounds)) {
            List<Shown> round = sequences(http, base, slug, WARMUP_ROUND, concurrency);
            AtomicInteger taken = new AtomicInteger();
            AtomicInteger cast = new AtomicInteger();
            long roundStart = System.nanoTime();
            runThreads(concurrency, () -> {
                int p;
                while ((p = taken.getAndIncrement()) < round.size()) {
                    Shown s = round.get(p);
                    for (int i = 0; i < s.proposals().size(); i++) {
                        vote(http, base, slug, s, i, KEYS[(p + i) % 3]);
                        cast.incrementAndGet();
                    }
                }
            });
            rounds.add(cast.get() / ((System.nanoTime() - roundStart) / 1e9));
            System.err.printf("votes: warm-up round %d: %.0f votes/s%n", rounds.size(), rounds.get(rounds.size() - 1));
        }
        System.err.printf("votes: warm-up done (%d rounds of %d participants), measuring%n", rounds.size(), WARMUP_ROUND);
        List<Shown> fetched = sequences(http, base, slug, participants, concurrency);

        // 2. They vote: each worker takes a participant and posts their 12 votes one after the other.
        List<Shown> all = fetched;
        long[] latencies = new long[all.stream().mapToInt(s -> s.proposals().size()).sum()];
        AtomicInteger slot = new AtomicInteger();
        AtomicInteger who = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long[] machineBefore = machineCpuTicks();
        long generatorBefore = generatorCpuNanos();
        long started = System.nanoTime();
        runThreads(concurrency, () -> {
            int p;
            while ((p = who.getAndIncrement()) < all.size()) {
                Shown s = all.get(p);
                for (int i = 0; i < s.proposals().size(); i++) {
                    long t0 = System.nanoTime();
                    int status = vote(http, base, slug, s, i, KEYS[(p + i) % 3]);
                    latencies[slot.getAndIncrement()] = System.nanoTime() - t0;
                    if (status / 100 != 2) {
                        failures.incrementAndGet();
                    }
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        // Where the CPU went while votes were measured: the whole machine (all cores, from
        // /proc/stat) and this load generator (its own process time). The rest is the server
        // (application and PostgreSQL) and whatever else runs on the machine.
        long[] machineAfter = machineCpuTicks();
        double generatorCpu = (generatorCpuNanos() - generatorBefore) / 1e9;
        double machineBusy = (machineAfter[0] - machineBefore[0]) / (double) CLOCK_TICKS;
        double machineTotal = (machineAfter[1] - machineBefore[1]) / (double) CLOCK_TICKS;
        int votes = slot.get();
        long[] sorted = Arrays.copyOf(latencies, votes);
        Arrays.sort(sorted);
        double perSecond = (votes - failures.get()) / seconds;

        // 3. PostgreSQL's ceiling: the same statement directly over JDBC, one vote per transaction
        //    (the baseline), and with 32 votes per transaction (what group commit can reach).
        double ceiling = ceiling(jdbcUrl, appRole, organisation, consultation, votes, concurrency, 1);
        double batchedCeiling = ceiling(jdbcUrl, appRole, organisation, consultation, votes, concurrency / 4, 32);

        // 4. The floor of the HTTP stack on this machine: a static stylesheet, same client, same
        //    concurrency, measured over 5 s after 5 s of warm-up.
        staticRate(http, concurrency);
        double staticPerSecond = staticRate(http, concurrency);

        System.out.printf("bench=votes metric=votes_per_s value=%.0f unit=votes/s baseline=%.0f ratio=%.2f%n", perSecond,
                ceiling, perSecond / ceiling);
        System.out.printf("bench=votes metric=vote_p50_ms value=%.2f unit=ms%n", percentile(sorted, 0.50));
        System.out.printf("bench=votes metric=vote_p95_ms value=%.2f unit=ms%n", percentile(sorted, 0.95));
        System.out.printf("bench=votes metric=vote_p99_ms value=%.2f unit=ms%n", percentile(sorted, 0.99));
        System.out.printf("bench=votes metric=ceiling_votes_per_s value=%.0f unit=votes/s%n", ceiling);
        System.out.printf("bench=votes metric=ceiling_batched_votes_per_s value=%.0f unit=votes/s%n", batchedCeiling);
        System.out.printf("bench=votes metric=static_rps value=%.0f unit=req/s%n", staticPerSecond);
        System.out.printf("bench=votes metric=votes_total value=%d unit=votes%n", votes);
        if (machineTotal > 0) {
            double serverCpu = Math.max(machineBusy - generatorCpu, 1e-9);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("bench=votes metric=loadgen_cpu_share value=%.2f unit=share%n", generatorCpu / machineTotal);
            System.out.printf("bench=votes metric=machine_cpu_busy_share value=%.2f unit=share%n", machineBusy / machineTotal);
            System.out.printf("bench=votes metric=server_cpu_ms_per_vote value=%.3f unit=ms%n",
                    serverCpu * 1000 / (votes - failures.get()));
            // What the same server would take on all its cores, the load generator on another machine.
            System.out.printf("bench=votes metric=votes_per_s_generator_elsewhere value=%.0f unit=votes/s%n",
                    (votes - failures.get()) / serverCpu * cores);
        }
        System.out.printf("bench=votes metric=warmup_rounds value=%d unit=rounds%n", rounds.size());
        System.out.printf("bench=votes metric=warmup_first_round_votes_per_s value=%.0f unit=votes/s%n", rounds.get(0));
        System.out.printf("bench=votes metric=vote_failures value=%d unit=votes%n", failures.get());
    }

    /**
     * PostgreSQL's ceiling for the vote statement run directly over JDBC by CONCURRENCY connections
     * in autocommit, BATCH votes per statement (1: one vote per transaction, as a plain insert
     * would be done; more: as the application's group commit does). New participants each time.
     */
    static double ceiling(String url, String role, UUID organisation, UUID consultation, int votes, int concurrency,
            int batch) throws Exception {
        String sql = fr.passerelle.consultation.VoteStatement.cast();
        List<UUID> proposals = new ArrayList<>();
        int participants = (votes + 11) / 12;
        List<UUID> voters = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, role, "")) {
            c.setAutoCommit(false);
            tenant(c, organisation);
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from consultation_proposal where consultation_id = ? and status = 'ACCEPTED'")) {
                ps.setObject(1, consultation);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        proposals.add((UUID) rs.getObject(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into consultation_participant (id, organisation_id, consultation_id) values (?, ?, ?)""")) {
                for (int i = 0; i < participants; i++) {
                    UUID id = UUID.randomUUID();
                    voters.add(id);
                    ps.setObject(1, id);
                    ps.setObject(2, organisation);
                    ps.setObject(3, consultation);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        // Each participant's 12 votes on distinct proposals, all of them in one list.
        List<Object[]> ballots = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int p = 0; p < voters.size(); p++) {
            Set<UUID> seen = new java.util.HashSet<>();
            for (int i = 0; i < 12 && ballots.size() < votes; i++) {
                UUID proposal;
                do {
                    proposal = proposals.get(random.nextInt(proposals.size()));
                } while (!seen.add(proposal));
                ballots.add(new Object[] {voters.get(p), proposal, KEYS[(p + i) % 3]});
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        runThreads(concurrency, () -> {
            try (Connection c = DriverManager.getConnection(url, role, "")) {
                // Autocommit, like the application: the tenant setting and the votes run as one
                // implicit transaction, committed before the result comes back.
                c.setAutoCommit(true);
                PreparedStatement cast = c.prepareStatement(sql);
                int from;
                while ((from = next.getAndAdd(batch)) < ballots.size()) {
                    List<Object[]> mine = ballots.subList(from, Math.min(ballots.size(), from + batch));
                    int n = mine.size();
                    cast.setString(1, organisation.toString());
                    cast.setString(2, "");
                    cast.setArray(3, c.createArrayOf("uuid", java.util.Collections.nCopies(n, consultation).toArray()));
                    cast.setArray(4, c.createArrayOf("uuid", mine.stream().map(b -> b[0]).toArray()));
                    cast.setArray(5, c.createArrayOf("uuid", mine.stream().map(b -> b[1]).toArray()));
                    cast.setArray(6, c.createArrayOf("text", mine.stream().map(b -> b[2]).toArray()));
                    cast.setArray(7, c.createArrayOf("text", java.util.Collections.nCopies(n, "").toArray()));
                    cast.setArray(8, c.createArrayOf("text", java.util.Collections.nCopies(n, "TRUSTED").toArray()));
                    cast.setArray(9, c.createArrayOf("boolean", java.util.Collections.nCopies(n, true).toArray()));
                    cast.setArray(10, c.createArrayOf("boolean", java.util.Collections.nCopies(n, true).toArray()));
                    cast.execute();
                    cast.getMoreResults();
                    cast.getResultSet().close();
                    done.addAndGet(n);
                }
            }
        });
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    static void tenant(Connection c, UUID organisation) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select set_config('passerelle.organisation_id', ?, true)")) {
            ps.setString(1, organisation.toString());
            ps.execute();
        }
    }

    static void crash(String[] args) throws Exception {
        String base = args[1];
        checkLocal(base);
        String slug = args[2];
        int concurrency = Integer.parseInt(args[3]);
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        Path ackFile = Path.of(args[5]);
        Http http = client(base);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger consecutiveFailures = new AtomicInteger();
        runThreads(concurrency, () -> {
            int p = 0;
            while (System.nanoTime() < end && consecutiveFailures.get() < 200) {
                Shown s;
                try {
                    s = sequence(http, base, slug);
                } catch (Exception e) {
                    consecutiveFailures.incrementAndGet();
                    Thread.sleep(10);
                    continue;
                }
                for (int i = 0; i < s.proposals().size(); i++) {
                    try {
                        int status = vote(http, base, slug, s, i, KEYS[(p + i) % 3]);
                        if (status / 100 == 2) {
                            acknowledged.add(s.participant() + "," + s.proposals().get(i));
                            consecutiveFailures.set(0);
                        }
                    } catch (Exception e) {
                        consecutiveFailures.incrementAndGet();
                    }
                }
                p++;
            }
        });
        Files.write(ackFile, acknowledged);
        System.err.printf("crash-votes: %d votes acknowledged%n", acknowledged.size());
    }

    static void verify(String[] args) throws Exception {
        String url = args[1];
        String owner = args[2];
        UUID consultation = UUID.fromString(args[3]);
        List<String> acknowledged = Files.readAllLines(Path.of(args[4]));
        Set<String> stored = ConcurrentHashMap.newKeySet();
        long doubleCounted;
        try (Connection c = DriverManager.getConnection(url, owner, "")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select participant_id, proposal_id from consultation_vote where consultation_id = ?")) {
                ps.setObject(1, consultation);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1) + "," + rs.getObject(2));
                    }
                }
            }
            // Counters against the votes table: every vote counted exactly once in ALL.
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce(sum(abs(coalesce(k.total, 0) - coalesce(v.total, 0))), 0)
                    from consultation_proposal p
                    left join (select proposal_id, agree + disagree + neutral total from consultation_proposal_counter
                               where kind = 'ALL') k on k.proposal_id = p.id
                    left join (select proposal_id, count(*) total from consultation_vote group by proposal_id) v
                           on v.proposal_id = p.id
                    where p.consultation_id = ?""")) {
                ps.setObject(1, consultation);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    doubleCounted = rs.getLong(1);
                }
            }
        }
        long lost = acknowledged.stream().filter(a -> !stored.contains(a)).count();
        System.out.printf("bench=crash-votes metric=acknowledged value=%d unit=votes%n", acknowledged.size());
        System.out.printf("bench=crash-votes metric=stored value=%d unit=votes%n", stored.size());
        System.out.printf("bench=crash-votes metric=lost value=%d unit=votes%n", lost);
        System.out.printf("bench=crash-votes metric=double_counted value=%d unit=votes%n", doubleCounted);
    }

    interface Work {
        void run() throws Exception;
    }

    /** COUNT new participants' sequences (cookie and signed keys), CONCURRENCY at a time. */
    static List<Shown> sequences(Http http, String base, String slug, int count, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Shown> shown = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        runThreads(concurrency, () -> {
            while (next.getAndIncrement() < count) {
                shown.add(sequence(http, base, slug));
            }
        });
        return new ArrayList<>(shown);
    }

    /**
     * Whether the warm-up is over: at least 8 rounds, and neither of the last two rounds more than
     * 5 % faster than the one before it (the throughput has stopped rising).
     */
    static boolean steady(List<Double> rounds) {
        int n = rounds.size();
        return n >= 8 && rounds.get(n - 1) <= 1.05 * rounds.get(n - 2) && rounds.get(n - 2) <= 1.05 * rounds.get(n - 3);
    }

    /** Static stylesheets per second over 5 s, CONCURRENCY at a time. */
    static double staticRate(Http http, int concurrency) throws Exception {
        AtomicLong statics = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(5).toNanos();
        runThreads(concurrency, () -> {
            while (System.nanoTime() < end) {
                if (http.send("GET", "/css/passerelle.css", null, null).status() == 200) {
                    statics.incrementAndGet();
                }
            }
        });
        return statics.get() / ((System.nanoTime() - start) / 1e9);
    }

    static void runThreads(int n, Work work) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.get(0));
        }
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final long CLOCK_TICKS = 100;

    /** Busy and total CPU ticks of the whole machine, all cores, from /proc/stat; zeros elsewhere. */
    private static long[] machineCpuTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** CPU time used by this load generator so far. */
    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
