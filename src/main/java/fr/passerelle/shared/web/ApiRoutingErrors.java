package fr.passerelle.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that reach no controller (unknown path, wrong method or body type)
 * get a problem detail too. Any other request is left to the default handling (the error pages):
 * rethrowing the exception hands it back unchanged.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingErrors {

    private final ApiProblems problems;

    ApiRoutingErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unrouted(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request) || !(e instanceof ErrorResponse error)) {
            throw e;
        }
        HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
        String key = switch (status) {
            case METHOD_NOT_ALLOWED -> "api.problem.methodNotAllowed";
            case UNSUPPORTED_MEDIA_TYPE -> "api.problem.unsupportedMediaType";
            default -> "error.notFound";
        };
        return ResponseEntity.status(status).headers(error.getHeaders()).body(problems.problem(request, status, key));
    }
}
