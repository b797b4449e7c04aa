package fr.passerelle.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Access to the identifier and client address of the HTTP request being served, if any. */
public final class RequestIds {

    static final String REQUEST_ID_ATTRIBUTE = "passerelle.requestId";
    static final String CLIENT_ADDRESS_ATTRIBUTE = "passerelle.clientAddress";

    private static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    public static Optional<String> currentRequestId() {
        return attribute(REQUEST_ID_ATTRIBUTE);
    }

    public static Optional<String> currentClientAddress() {
        return attribute(CLIENT_ADDRESS_ATTRIBUTE);
    }

    /**
     * The request's identifier, given to it now if it has none yet (the proxy's {@code X-Request-Id}
     * when well-formed, else a new one), and returned in the response's {@code X-Request-Id}.
     */
    static String assign(HttpServletRequest request, HttpServletResponse response) {
        String requestId = (String) request.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (requestId == null) {
            String incoming = request.getHeader(HEADER);
            requestId = incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        }
        response.setHeader(HEADER, requestId);
        return requestId;
    }

    /** The identifier of this request, if it has been given one. */
    static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(REQUEST_ID_ATTRIBUTE));
    }

    private static Optional<String> attribute(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST));
    }
}
