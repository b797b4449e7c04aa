package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a user can meet over real HTTP is the product's page in their language with the
 * request id (or a problem detail under /api), including those Tomcat answers before the
 * application sees the request, and never Tomcat's own English report.
 */
@PasserelleIntegrationTest
class ServerErrorPagesTest {

    private static final String BIG_HEADER = "X-Padding: " + "a".repeat(20 * 1024);

    @LocalServerPort
    int port;

    @Test
    void aRequestHeaderOfTwentyKilobytesGetsTheProductsPageInTheUsersLanguage() throws IOException {
        Raw french = raw("GET /persons HTTP/1.1", BIG_HEADER);
        assertProductPage(french, 400, "fr", "Requête invalide");
        assertSecurityHeaders(french);
        Raw english = raw("GET /persons HTTP/1.1", "Accept-Language: en", BIG_HEADER);
        assertProductPage(english, 400, "en", "Invalid request");
    }

    @Test
    void anEncodedSlashInThePathGetsTheProductsPage() throws IOException {
        Raw slash = raw("GET /persons/a%2Fb HTTP/1.1");
        assertProductPage(slash, 400, "fr", "Requête invalide");
        assertSecurityHeaders(slash);
        assertProductPage(raw("GET /persons/a%2Fb HTTP/1.1", "Accept-Language: en-GB,en;q=0.9"), 400, "en",
                "Invalid request");
    }

    @Test
    void underTheApiTheServersOwnRefusalsAreProblemDetails() throws IOException {
        Raw slash = raw("GET /api/v1/measures/a%2Fb HTTP/1.1", "Accept: application/json");
        assertProblem(slash, 400, "api.problem.badRequest", "La requête n’est pas valide.");
        Raw header = raw("GET /api/v1/measures HTTP/1.1", "Accept: application/json", "Accept-Language: en", BIG_HEADER);
        assertProblem(header, 400, "api.problem.badRequest", "The request is not valid.");
    }

    @Test
    void aTenMegabyteFormGetsTheProductsPage() throws Exception {
        WebClient client = signedIn("intervenant");
        String form = "lastName=" + "a".repeat(10 * 1024 * 1024);
        HttpResponse<String> response = client.send("/persons", r -> r
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertProductPage(new Raw(response), 413, "fr", "Envoi trop volumineux");
    }

    @Test
    void anUploadAboveTheMultipartLimitIsSentBackToTheImportPageWithTheReason() throws Exception {
        WebClient client = signedIn("admin.asso");
        String boundary = "passerelle-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head);
        body.write(new byte[52 * 1024 * 1024]);
        body.write(tail);
        HttpResponse<String> response = client.send("/imports", r -> r
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(WebClient.location(response)).isEqualTo("/imports?refused=tooLarge");
        assertThat(client.get("/imports?refused=tooLarge").body()).contains("Fichier trop volumineux (50 Mo au plus).");
    }

    @Test
    void theErrorPathAskedForDirectlyIsAnUnknownPage() throws Exception {
        HttpResponse<String> response = new WebClient(port).get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable").doesNotContain("Tomcat");
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient client = new WebClient(port);
        assertThat(client.signIn(username, DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static void assertProductPage(Raw response, int status, String language, String title) {
        assertThat(response.status).as(response.body).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.body).doesNotContain("Tomcat").doesNotContain("HTTP Status")
                .contains("<html lang=\"" + language + "\"").contains(title)
                .contains("href=\"/css/passerelle.css\"");
        String requestId = response.header("x-request-id");
        assertThat(requestId).isNotBlank();
        assertThat(response.body).contains(("fr".equals(language) ? "Référence de l’incident : " : "Incident reference: ")
                + requestId);
    }

    /** The server's own refusals carry the security headers of the application's pages. */
    private static void assertSecurityHeaders(Raw response) {
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.header("content-security-policy")).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    private static void assertProblem(Raw response, int status, String code, String detail) {
        assertThat(response.status).as(response.body).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.body).contains("\"code\":\"" + code + "\"").contains("\"detail\":\"" + detail + "\"")
                .contains("\"requestId\":\"" + response.header("x-request-id") + "\"");
    }

    /** Sends a request as written, byte for byte (no client library would send these), and reads the answer. */
    private Raw raw(String requestLine, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port)
                .append("\r\nAccept: text/html\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return Raw.parse(in.readAllBytes());
        }
    }

    /** An HTTP answer: status, headers (names in lower case) and body. */
    private record Raw(int status, String headers, String body) {

        private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

        Raw(HttpResponse<String> response) {
            this(response.statusCode(), response.headers().map().entrySet().stream()
                    .map(e -> e.getKey().toLowerCase(Locale.ROOT) + ": " + String.join(",", e.getValue()))
                    .reduce("", (a, b) -> a + b + "\n"), response.body());
        }

        static Raw parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            Matcher m = STATUS.matcher(head);
            assertThat(m.find()).as(head).isTrue();
            String lowered = head.lines().skip(1).map(line -> {
                int colon = line.indexOf(':');
                return line.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + line.substring(colon + 1);
            }).reduce("", (a, b) -> a + b + "\n");
            String body = text.substring(end + 4);
            if (lowered.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(m.group(1)), lowered,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        /** Chunked transfer decoding, on text read as ISO-8859-1 (one character per byte). */
        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        String header(String name) {
            return headers.lines().filter(line -> line.startsWith(name + ":")).map(line -> line.substring(name.length() + 1).trim())
                    .findFirst().orElse("");
        }
    }
}
