package fr.passerelle.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the user goes back to a page, htmx asks the server for it again (it keeps no snapshot of
 * pages, see the layout's {@code htmx-config}) with {@code HX-History-Restore-Request: true} and
 * puts the answer in place of the whole page. Such a request is served as a plain one, without its
 * {@code HX-Request} header: every controller then answers with the full page and its layout, not
 * the fragment it gives an htmx request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HtmxHistoryRestoreFilter extends OncePerRequestFilter {

    static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    static final String HTMX_REQUEST = "HX-Request";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"true".equalsIgnoreCase(request.getHeader(HISTORY_RESTORE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new PlainRequest(request), response);
    }

    /** The request without its {@code HX-Request} header. */
    private static final class PlainRequest extends HttpServletRequestWrapper {

        PlainRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HTMX_REQUEST.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HTMX_REQUEST.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HTMX_REQUEST.equalsIgnoreCase(name))
                    .toList());
        }
    }
}
