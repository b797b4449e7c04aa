package fr.passerelle.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}): the
 * {@code detail} comes from the message files in the client's language (Accept-Language, French
 * by default), {@code code} is the message key for programs, {@code requestId} the incident
 * reference. Used by the API's exception handler and by the security filters (401, 403).
 */
@Component
public class ApiProblems {

    /** The paths of the REST API. */
    public static final String API_PREFIX = "/api/";

    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Whether a request is addressed to the REST API. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PREFIX);
    }

    /** The client's language among French and English, from Accept-Language; French otherwise. */
    public static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                for (Locale candidate : SUPPORTED) {
                    String language = range.getRange().split("-")[0];
                    if (range.getWeight() > 0 && language.equalsIgnoreCase(candidate.getLanguage())) {
                        return candidate;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.FRENCH;
        }
        return Locale.FRENCH;
    }

    /** A problem whose detail is the message {@code messageKey} in the client's language. */
    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String messageKey, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(request, messageKey, arguments));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", messageKey);
        RequestIds.of(request).ifPresent(id -> problem.setProperty("requestId", id));
        return problem;
    }

    /** A message in the client's language (the key itself if it has none). */
    public String message(HttpServletRequest request, String messageKey, Object... arguments) {
        return messages.getMessage(messageKey, arguments, messageKey, locale(request));
    }

    /** Writes a problem directly to the response (outside Spring MVC: security filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json(request, status, messageKey).getBytes(StandardCharsets.UTF_8));
    }

    /** A problem as JSON text (outside Spring MVC). */
    String json(HttpServletRequest request, HttpStatus status, String messageKey) {
        ProblemDetail problem = problem(request, status, messageKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsString(body);
    }
}
