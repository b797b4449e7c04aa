package fr.passerelle.shared.web;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Access to the identifier and client address of the HTTP request being served, if any. */
public final class RequestIds {

    static final String REQUEST_ID_ATTRIBUTE = "passerelle.requestId";
    static final String CLIENT_ADDRESS_ATTRIBUTE = "passerelle.clientAddress";

    private RequestIds() {}

    public static Optional<String> currentRequestId() {
        return attribute(REQUEST_ID_ATTRIBUTE);
    }

    public static Optional<String> currentClientAddress() {
        return attribute(CLIENT_ADDRESS_ATTRIBUTE);
    }

    private static Optional<String> attribute(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST));
    }
}
