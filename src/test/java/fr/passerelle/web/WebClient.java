package fr.passerelle.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small browser-like HTTP client for integration tests: keeps cookies, fills CSRF tokens, no redirects followed. */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** What a browser asks for, so that error pages are HTML as users see them. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The value of a cookie the client holds, if any. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form, taking the CSRF token from the page at {@code formPage} first. */
    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return submit(get(formPage).body(), action, fields);
    }

    /** Posts a form with the CSRF token of a page already fetched. */
    public HttpResponse<String> submit(String pageHtml, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(pageHtml);
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (m.find()) {
            all.put("_csrf", m.group(1));
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return post("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Sends a request the caller builds (headers, body) to {@code path}, with this client's cookies. */
    public HttpResponse<String> send(String path, UnaryOperator<HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        return http.send(request.apply(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
