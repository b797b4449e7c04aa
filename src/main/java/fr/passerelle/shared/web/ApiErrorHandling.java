package fr.passerelle.shared.web;

import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one path from a refusal to what an API client receives: a problem detail
 * ({@code application/problem+json}) with the right status, a {@code detail} in the client's
 * language and, for bad input, the fields at fault ({@code errors}). Never a stack trace.
 * Applies to REST controllers only; pages keep {@link ErrorHandling}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandling extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandling.class);

    private final ApiProblems problems;

    ApiErrorHandling(ApiProblems problems) {
        this.problems = problems;
    }

    /** A business refusal: 400 (with the field), 404, 409... with its own message. */
    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> refused(BusinessException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.valueOf(e.status()), e.messageKey(), e.arguments());
        if (e instanceof FieldRefusal refusal && refusal.field() != null) {
            problem.setProperty("errors", List.of(fieldError(refusal.field(), refusal.messageKey(),
                    problem.getDetail())));
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problems.problem(request, HttpStatus.FORBIDDEN, "api.problem.forbidden"));
    }

    /** A malformed identifier in the path designates nothing (as on the pages); elsewhere it is bad input. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badArgument(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        boolean inPath = e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (inPath) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(problems.problem(request, HttpStatus.NOT_FOUND, "error.notFound"));
        }
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.badRequest");
        problem.setProperty("errors", List.of(fieldError(e.getName(), "api.problem.invalidValue",
                problems.message(request, "api.problem.invalidValue"))));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Anything unexpected: 500 with the incident reference, the cause in the log only; 503 when the
     * database cannot be reached (the client may try again later).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (ErrorViews.databaseUnreachable(e)) {
            LOG.warn("API request failed, database unreachable: {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "api.problem.unavailable"));
        }
        LOG.error("API request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "api.problem.internal"));
    }

    /** Unreadable JSON or a value of the wrong type: 400, naming the field when it is known. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "api.problem.unreadable");
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .reduce((a, b) -> a + "." + b).orElse(null);
            problem.setProperty("errors", List.of(fieldError(field, "api.problem.invalidValue",
                    problems.message(servlet, "api.problem.invalidValue"))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Bean Validation on a request body: 400 with every field at fault. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "api.problem.badRequest");
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            String key = error.getDefaultMessage() != null && error.getDefaultMessage().startsWith("{")
                    ? error.getDefaultMessage().substring(1, error.getDefaultMessage().length() - 1)
                    : "api.problem.invalidValue";
            errors.add(fieldError(error.getField(), key, problems.message(servlet, key)));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Every other framework refusal (405, 406, 415, missing parameter...): its status, our wording. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String key = switch (status) {
            case NOT_FOUND -> "error.notFound";
            case METHOD_NOT_ALLOWED -> "api.problem.methodNotAllowed";
            case NOT_ACCEPTABLE -> "api.problem.notAcceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "api.problem.unsupportedMediaType";
            default -> status.is5xxServerError() ? "api.problem.internal" : "api.problem.badRequest";
        };
        if (status.is5xxServerError()) {
            LOG.error("API request failed", ex);
        }
        return ResponseEntity.status(status).headers(headers).body(problems.problem(servlet(request), status, key));
    }

    private static Map<String, String> fieldError(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
