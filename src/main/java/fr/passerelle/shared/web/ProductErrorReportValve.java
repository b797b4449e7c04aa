package fr.passerelle.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tomcat's last word on an error, in place of its own English report: what the application could
 * not answer itself (a request Tomcat refuses before any application code, such as a header too
 * large or an encoded slash in the path; an error whose error page failed too) gets the product's
 * page ({@code error/plain}) in the user's language with a request id, or a problem detail under
 * {@code /api}. It needs nothing but the templates and messages: no session, no database.
 */
final class ProductErrorReportValve extends ErrorReportValve {

    /** The plain page needs the stylesheets of this origin, nothing else; nobody may frame it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";


    private static final Logger LOG = LoggerFactory.getLogger(ProductErrorReportValve.class);

    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<ApiProblems> problems;
    private final ObjectProvider<LocaleResolver> locales;

    ProductErrorReportValve(ObjectProvider<ITemplateEngine> templates, ObjectProvider<ApiProblems> problems,
            ObjectProvider<LocaleResolver> locales) {
        this.templates = templates;
        this.problems = problems;
        this.locales = locales;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = statusOf(throwable, response.getStatus());
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        response.setStatus(status);
        String requestId = RequestIds.assign(request, response);
        MDC.put("requestId", requestId);
        try {
            if (status >= 500) {
                LOG.error("{} {} answered {}", request.getMethod(), request.getRequestURI(), status, throwable);
            } else {
                LOG.debug("{} {} refused by the server with {}", request.getMethod(), request.getRequestURI(), status,
                        throwable);
            }
            write(request, response, status, requestId);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the error page of {} {}", request.getMethod(), request.getRequestURI(), e);
        } finally {
            MDC.remove("requestId");
        }
    }

    /**
     * The status a refusal of the request's content deserves (a form or upload too large, a body
     * that cannot be parsed) or a database out of reach (503) where the container left a bare 500.
     */
    private static int statusOf(Throwable error, int status) {
        if (ErrorViews.databaseUnreachable(error)) {
            return HttpStatus.SERVICE_UNAVAILABLE.value();
        }
        if (ErrorViews.anyCause(error, cause -> cause instanceof SizeException
                || cause instanceof MaxUploadSizeExceededException
                || cause instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413)) {
            return HttpStatus.CONTENT_TOO_LARGE.value();
        }
        if (ErrorViews.anyCause(error, cause -> cause instanceof InvalidParameterException)) {
            return HttpStatus.BAD_REQUEST.value();
        }
        return status;
    }

    private void write(Request request, Response response, int status, String requestId) throws IOException {
        String body;
        if (ApiProblems.isApi(request)) {
            HttpStatus resolved = HttpStatus.resolve(status);
            body = problems.getObject().json(request, resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR,
                    ErrorViews.problemKey(status));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        } else {
            Locale locale = locales.getObject().resolveLocale(request);
            body = templates.getObject().process(ErrorViews.PLAIN, new Context(locale, ErrorViews.plainModel(status,
                    requestId, request.getContextPath())));
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setLocale(locale);
        }
        response.setCharacterEncoding("UTF-8");
        // The security headers of the application's own answers, which this one comes without.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        PrintWriter writer = response.getReporter();
        if (writer != null) {
            writer.write(body);
            response.finishResponse();
        }
    }
}
