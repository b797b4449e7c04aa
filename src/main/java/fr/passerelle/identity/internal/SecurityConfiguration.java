package fr.passerelle.identity.internal;

import fr.passerelle.identity.PasserelleUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Web security: form sign-in at {@code /login} with throttling and a second factor, CSRF on
 * every state change, a strict Content-Security-Policy without inline scripts, and permission
 * checks by name on every controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Scripts and styles only from this origin; map tiles may come from a configured server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final IpAddressMatcher LOCAL_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOCAL_V6 = new IpAddressMatcher("::1");

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInFlow signIn, LoginThrottle throttle,
            SecurityContextRepository contextRepository,
            @Value("${passerelle.metrics.token:}") String metricsToken) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contextRepository))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/calendar/*.ics")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access((auth, ctx) -> new AuthorizationDecision(metricsAllowed(ctx.getRequest(), metricsToken)))
                        .requestMatchers("/mfa/**")
                        .access(SecurityConfiguration::mfaPending)
                        .anyRequest()
                        .access(SecurityConfiguration::fullySignedIn))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof PasserelleUser u) {
                                signIn.auditAs(u, "logout", Map.of());
                            }
                        })
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("PASSERELLE_SESSION"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler(accessDeniedHandler()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * Metrics go to a scraper holding the configured bearer token, or else only to clients on
     * this machine.
     */
    static boolean metricsAllowed(HttpServletRequest request, String token) {
        if (token != null && !token.isBlank()) {
            String header = request.getHeader("Authorization");
            return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        return LOCAL_V4.matches(request) || LOCAL_V6.matches(request);
    }

    /** A user still owing their second factor is sent back to it rather than refused. */
    private static AccessDeniedHandler accessDeniedHandler() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            Authentication auth = org.springframework.security.core.context.SecurityContextHolder
                    .getContext().getAuthentication();
            if (auth instanceof MfaPendingAuthentication && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/mfa/verify");
                return;
            }
            forbidden.handle(request, response, exception);
        };
    }

    static AuthorizationResult fullySignedIn(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication a = authentication.get();
        return new AuthorizationDecision(a != null && a.isAuthenticated()
                && !(a instanceof AnonymousAuthenticationToken) && !(a instanceof MfaPendingAuthentication));
    }

    static AuthorizationResult mfaPending(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        return new AuthorizationDecision(authentication.get() instanceof MfaPendingAuthentication);
    }
}
