package fr.passerelle.identity.internal;

import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.web.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Web security: form sign-in at {@code /login} with throttling and a second factor, CSRF on
 * every state change, a strict Content-Security-Policy without inline scripts, and permission
 * checks by name on every controller method. The REST API ({@code /api/**}) also accepts personal
 * API tokens ({@code Authorization: Bearer}), answers refusals with problem details instead of
 * redirects, and skips CSRF only for token-authenticated requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Scripts and styles only from this origin; images from it too, and map tiles from the tile
     * server configured in {@code passerelle.map.tile-url} (nothing more when it is blank or on this
     * origin).
     */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileImageSource(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles) + "; font-src 'self'; connect-src 'self';"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static final java.util.regex.Pattern TILE_URL = java.util.regex.Pattern.compile(
            "(https?)://([A-Za-z0-9.{}-]+)(:[0-9]{1,5})?(/.*)?");

    /**
     * The Content-Security-Policy source of a Leaflet tile URL template: its scheme, host and port,
     * a host label holding a placeholder (the {@code {s}} of the subdomains) becoming a wildcard
     * ({@code https://{s}.tile.example.org/{z}/{x}/{y}.png} gives {@code https://*.tile.example.org});
     * empty for a blank or same-origin ({@code /...}) template.
     *
     * @throws IllegalStateException for anything else, so that a wrong setting stops the start-up
     */
    static String tileImageSource(String tileUrl) {
        String url = tileUrl == null ? "" : tileUrl.trim();
        if (url.isEmpty() || (url.startsWith("/") && !url.startsWith("//"))) {
            return "";
        }
        java.util.regex.Matcher m = TILE_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("passerelle.map.tile-url must be an http(s) URL template or a path on this"
                    + " server, not: " + url);
        }
        String[] labels = m.group(2).split("\\.", -1);
        int last = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].contains("{") || labels[i].contains("}")) {
                last = i;
            }
        }
        if (last == labels.length - 1 || java.util.Arrays.stream(labels).anyMatch(String::isEmpty)) {
            throw new IllegalStateException("passerelle.map.tile-url has no usable host: " + url);
        }
        String host = last < 0 ? m.group(2)
                : "*." + String.join(".", java.util.Arrays.copyOfRange(labels, last + 1, labels.length));
        return m.group(1) + "://" + host.toLowerCase(java.util.Locale.ROOT) + (m.group(3) == null ? "" : m.group(3));
    }

    private static final IpAddressMatcher LOCAL_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOCAL_V6 = new IpAddressMatcher("::1");

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    /**
     * No Spring Security observations: {@code management.observations.enable.spring.security=false}
     * makes them no-ops, but the filter chain would still be wrapped filter by filter on every
     * request. Request timings stay with {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Swagger UI, the interactive API documentation (its own, relaxed, style policy). */
    static final String[] SWAGGER_UI = {"/swagger-ui.html", "/swagger-ui/**"};

    /** Swagger UI sets style attributes from its scripts; nothing else is relaxed, and only on its pages. */
    static String swaggerUiContentSecurityPolicy(String tileUrl) {
        return contentSecurityPolicy(tileUrl).replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    }

    /**
     * The public JSON vote ({@link #consultationJsonVote}), the busiest request of a national
     * consultation, gets a chain of its own with only what it needs: no session, no saved request,
     * no sign-in, sign-out or API token filters (it identifies the participant by the signed
     * cookie alone), the same security headers, and no CSRF token for the reasons given there.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicVoteFilterChain(HttpSecurity http, @Value("${passerelle.map.tile-url:}") String tileUrl)
            throws Exception {
        http.securityMatcher(SecurityConfiguration::consultationJsonVote)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .csrf(c -> c.disable())
                .logout(l -> l.disable())
                .headers(h -> policies(h.addHeaderWriter(new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(tileUrl)))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInFlow signIn,
            SecurityContextRepository contextRepository, ApiProblems problems, JdbcClient jdbc, LoginLookup lookup,
            ApiTokens tokens, java.time.Clock clock, UserSessions userSessions,
            @Value("${passerelle.metrics.token:}") String metricsToken, @Value("${passerelle.map.tile-url:}") String tileUrl)
            throws Exception {
        RequestMatcher swaggerUi = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
        };
        http.securityContext(c -> c.securityContextRepository(contextRepository))
                .addFilterBefore(bearerTokenFilter(problems, new ApiTokenAuthenticationProvider(jdbc, lookup, tokens,
                        clock)), UsernamePasswordAuthenticationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(
                        request -> ApiProblems.isApi(request) && ApiTokenConverter.hasBearer(request)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/unlock", "/login/unlock/*", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/calendar/*.ics", "/c/**", "/reseau/annuaire", "/reseau/associations/*",
                                "/reseau/carte", "/reseau/carte/**", "/reseau/adhesion", "/reseau/adhesion/envoyee",
                                "/reseau/ressources", "/reseau/ressources/*/fichier", "/reseau/enquetes", "/reseau/enquetes/*")
                        .permitAll()
                        .requestMatchers(SWAGGER_UI)
                        .access((auth, ctx) -> new AuthorizationDecision(
                                fullySignedIn(auth, ctx).isGranted() && hasAuthority(auth.get(), Permissions.API_EXPLORE)))
                        .requestMatchers("/actuator/prometheus")
                        .access((auth, ctx) -> new AuthorizationDecision(metricsAllowed(ctx.getRequest(), metricsToken)))
                        .requestMatchers("/mfa/**")
                        .access(SecurityConfiguration::mfaPending)
                        .anyRequest()
                        .access(SecurityConfiguration::fullySignedIn))
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(signIn::throttledDetails)
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof PasserelleUser u) {
                                userSessions.audit(u, "logout", Map.of());
                            }
                        })
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("PASSERELLE_SESSION"))
                .addFilterAfter(new SessionStampFilter(userSessions), LogoutFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDeniedHandler(problems)))
                .headers(h -> policies(h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swaggerUi), new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(tileUrl))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new ContentSecurityPolicyHeaderWriter(swaggerUiContentSecurityPolicy(tileUrl))))));
        return http.build();
    }

    /** The referrer and permissions policies of every chain. */
    private static void policies(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
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

    /**
     * Authenticates {@code /api/**} (and the OpenAPI document) by personal API token when the request
     * carries one; a wrong, revoked or disabled token gets 401 whatever session comes with it. The
     * result lives in the request only.
     */
    private static ApiTokenFilter bearerTokenFilter(ApiProblems problems, ApiTokenAuthenticationProvider provider) {
        return new ApiTokenFilter(request -> ApiProblems.isApi(request) || request.getRequestURI()
                        .startsWith(request.getContextPath() + "/v3/api-docs"),
                new ApiTokenConverter(), provider,
                (request, response, exception) -> unauthorized(problems, request, response, "api.problem.tokenInvalid"));
    }

    /** Pages send anonymous users to the sign-in form; the API answers 401 with a problem. */
    private static AuthenticationEntryPoint entryPoint(ApiProblems problems) {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if (ApiProblems.isApi(request)) {
                unauthorized(problems, request, response, "api.problem.unauthorized");
            } else {
                login.commence(request, response, exception);
            }
        };
    }

    private static void unauthorized(ApiProblems problems, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, String messageKey) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"passerelle\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, messageKey);
    }

    /** A user still owing their second factor is sent back to it rather than refused. */
    private static AccessDeniedHandler accessDeniedHandler(ApiProblems problems) {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            Authentication auth = org.springframework.security.core.context.SecurityContextHolder
                    .getContext().getAuthentication();
            if (ApiProblems.isApi(request)) {
                if (auth instanceof MfaPendingAuthentication) {
                    unauthorized(problems, request, response, "api.problem.unauthorized");
                } else {
                    problems.write(request, response, HttpStatus.FORBIDDEN,
                            exception instanceof CsrfException ? "api.problem.csrf" : "api.problem.forbidden");
                }
                return;
            }
            if (auth instanceof MfaPendingAuthentication && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/mfa/verify");
                return;
            }
            forbidden.handle(request, response, exception);
        };
    }

    /**
     * The public JSON vote of a consultation ({@code POST /c/{slug}/votes}, JSON only) and the
     * participant's proof of work ({@code POST /c/{slug}/proof}, JSON only) carry no CSRF token:
     * they need the participant cookie, which is SameSite=Lax (never sent by a cross-site POST), and
     * a JSON body, which a cross-site form cannot send without a CORS preflight.
     */
    private static final java.util.regex.Pattern CONSULTATION_VOTES = java.util.regex.Pattern.compile("/c/[a-z0-9-]{1,80}/(votes|proof)");

    static boolean consultationJsonVote(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && CONSULTATION_VOTES.matcher(path).matches()
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    static AuthorizationResult fullySignedIn(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication a = authentication.get();
        return new AuthorizationDecision(a != null && a.isAuthenticated()
                && !(a instanceof AnonymousAuthenticationToken) && !(a instanceof MfaPendingAuthentication));
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    static AuthorizationResult mfaPending(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        return new AuthorizationDecision(authentication.get() instanceof MfaPendingAuthentication);
    }
}
