package fr.passerelle.audit.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.TenantContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place where refused access is recorded: a request of a signed-in user, answered by a
 * page or API controller with 404 (an identifier not found in their association, which is what
 * another association's identifiers look like) or 403 (a permission missing), leaves an
 * {@code access.refused} event with the user, their organisation, the method and the path; never
 * anything read from another association. Static resources, unknown URLs and the error dispatch
 * are not controller requests and are not recorded. A user's refusals beyond a limit per minute are
 * only counted ({@link RefusedAccessThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class RefusedAccessAudit implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedAccessAudit.class);
    private static final int MAX_PATH = 200;

    private final AuditLog audit;
    private final RefusedAccessThrottle throttle;

    RefusedAccessAudit(AuditLog audit, RefusedAccessThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != DispatcherType.REQUEST
                || TenantContext.currentPrincipal().isEmpty()) {
            return;
        }
        int status = ex instanceof AccessDeniedException ? 403 : response.getStatus();
        if (status != 403 && status != 404) {
            return;
        }
        String path = request.getRequestURI();
        try {
            if (!throttle.admit(TenantContext.currentPrincipal().orElseThrow())) {
                return;
            }
            audit.record("access.refused", "path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path,
                    Map.of("method", request.getMethod(), "status", status));
        } catch (RuntimeException e) {
            // The refusal itself stands; failing to record it must not turn it into a 500.
            LOG.error("refused access not recorded: {} {}", request.getMethod(), path, e);
        }
    }
}
