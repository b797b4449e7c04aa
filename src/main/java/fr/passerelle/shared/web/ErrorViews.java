package fr.passerelle.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Which error page a user sees: the status pages of {@code templates/error/} as Spring Boot finds
 * them, except that {@code /error} asked for directly is a page like any unknown one (404), and
 * that when the database cannot be reached the answer is the plain page (503), which needs neither
 * the session nor the database and so comes at once instead of waiting for the database again.
 */
@Component
class ErrorViews extends DefaultErrorViewResolver {

    /** The error page that stands alone: no layout, no session, no database. */
    static final String PLAIN = "error/plain";

    private final ErrorAttributes errors;

    ErrorViews(ApplicationContext context, WebProperties web, ErrorAttributes errors) {
        super(context, web.getResources());
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return new ModelAndView("error/404", model, HttpStatus.NOT_FOUND);
        }
        if (databaseUnreachable(errors.getError(new ServletWebRequest(request)))) {
            Map<String, Object> plain = new HashMap<>(model);
            plain.putAll(plainModel(HttpStatus.SERVICE_UNAVAILABLE.value(), (String) model.get("requestId"),
                    request.getContextPath()));
            return new ModelAndView(PLAIN, plain, HttpStatus.SERVICE_UNAVAILABLE);
        }
        return super.resolveErrorView(request, status, model);
    }

    /**
     * Whether an error comes from a database that could not be reached: a connection refused or
     * lost, that is an SQL state of class 08 ("connection exception") somewhere in the causes, also
     * when a failed rollback on the lost connection hides it. When no connection comes in time
     * because the database is down, the pool's timeout carries the last connection failure (and its
     * 08 state); a pool that is merely exhausted, the database being up, carries none, and is an
     * ordinary server error.
     */
    static boolean databaseUnreachable(Throwable error) {
        return anyCause(error, cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08")
                || cause instanceof TransactionSystemException failed && failed.getApplicationException() != null
                        && databaseUnreachable(failed.getApplicationException()));
    }

    /** Whether the error or one of its causes passes the test. */
    static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the plain page shows for a status; its links start with the context path (the page is
     * also drawn outside any web request, by {@link ProductErrorReportValve}).
     */
    static Map<String, Object> plainModel(int status, String requestId, String contextPath) {
        String page = switch (status) {
            case 400, 404, 413, 503 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.generic";
        };
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("titleKey", page + ".title");
        model.put("textKey", page + ".text");
        model.put("requestId", requestId);
        model.put("contextPath", contextPath == null ? "" : contextPath);
        return model;
    }

    /** The problem detail's message for a status the server gave before any API controller. */
    static String problemKey(int status) {
        return switch (status) {
            case 404 -> "error.notFound";
            case 413 -> "api.problem.tooLarge";
            case 503 -> "api.problem.unavailable";
            default -> status >= 500 ? "api.problem.internal" : "api.problem.badRequest";
        };
    }
}
