package fr.passerelle.imports.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import fr.passerelle.imports.ImportJobs;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A file sent to the import above the multipart limit is sent back to the import page with the
 * reason. Without this, Spring Security reads the form's CSRF token first, Tomcat then refuses
 * every read of the request's parameters (even the error page's), and the user gets the bare
 * server page after two logged errors. So the parts are read here, before Spring Security
 * (order -100); a request over the limit is answered with a redirect (303) to
 * {@code /imports?refused=tooLarge}, where the page says what the limit is, once the rest of the
 * upload is read (the browser still sending would otherwise see the connection cut).
 */
@Component
@Order(-101)
class UploadSizeFilter extends OncePerRequestFilter {

    /** Where a refused upload is sent: the import page, which explains the limit. */
    static final String REFUSED = "/imports?refused=tooLarge";

    /** The upload pages (the caseload's, the partner list's) and where each sends a refused upload. */
    static final java.util.Map<String, String> REFUSED_BY_PAGE = java.util.Map.of("/imports", REFUSED,
            "/partners/import", "/partners/import?refused=tooLarge");

    /** The most bytes of a refused upload read after the limit so that the browser gets the answer. */
    static final long DRAINED = 2 * ImportJobs.MAX_BYTES;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || !REFUSED_BY_PAGE.containsKey(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException refused) {
            if (!aboveTheLimit(refused)) {
                throw refused;
            }
            drain(request);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath()
                    + REFUSED_BY_PAGE.get(request.getRequestURI().substring(request.getContextPath().length())));
            return;
        } catch (IOException | ServletException malformed) {
            // Left to the controller, which answers a body it cannot read as an unreadable file.
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads and drops the rest of a refused upload, up to {@link #DRAINED} bytes: a browser still
     * sending when the server closes the connection shows its own connection error instead of the
     * answer (Tomcat closes it when more than 2 MB are left unread).
     */
    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAINED;
        try {
            InputStream rest = request.getInputStream();
            for (int n = rest.read(buffer); n > 0 && left > 0; n = rest.read(buffer)) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // The rest cannot be read: the connection is closed after the answer, nothing more to do.
        }
    }

    /** Whether Tomcat refused the parts for a file or request above the configured maximum. */
    private static boolean aboveTheLimit(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException) {
                return true;
            }
        }
        return false;
    }
}
