package fr.passerelle.identity.internal;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.mail.MailOutbox;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unlock links: a user whose login name is held back by failed sign-ins (perhaps someone else's)
 * asks for a link, sent through the mail outbox to the address of their account; opening it, once
 * and before it expires, lifts the delay of that login name in the browser that opened it. Only
 * the SHA-256 hash of the link's secret is kept. The answer to a request never says whether the
 * login name exists, nor takes longer when it does: the look-up and the mail are done in the
 * background, after the answer. An address may ask for a few links only within the address window
 * ({@code passerelle.security.unlock-requests}).
 */
@Service
public class LoginUnlocks implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LoginUnlocks.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoginLookup lookup;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final AuditLog audit;
    private final SignInFlow signIn;
    private final SecurityProperties.UnlockLink settings;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final ThreadPoolTaskExecutor background = new ThreadPoolTaskExecutor();

    LoginUnlocks(LoginLookup lookup, JdbcClient jdbc, TransactionTemplate tx, MailOutbox outbox, MessageSource messages,
            AuditLog audit, SignInFlow signIn, SecurityProperties properties, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        background.setCorePoolSize(1);
        background.setMaxPoolSize(1);
        background.setQueueCapacity(200);
        background.setThreadNamePrefix("login-unlock-");
        background.initialize();
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.signIn = signIn;
        this.settings = properties.unlockLink();
        this.clock = clock;
    }

    /**
     * Asks for an unlock link for a login name from a client address: false when the address asked
     * for too many lately (nothing is done); otherwise true at once, whether the name exists or not,
     * and the link is sent in the background (see {@link #sendLink}).
     */
    public boolean requestLink(String login, String address, Locale locale) {
        if (!throttle.unlockRequestAllowed(address)) {
            return false;
        }
        try {
            background.execute(() -> sendLink(login, locale));
        } catch (TaskRejectedException e) {
            LOG.warn("Too many unlock links waiting to be sent: one request dropped");
        }
        return true;
    }

    /** Whether requests for links are still waiting or being handled (for tests). */
    boolean busy() {
        return background.getActiveCount() > 0 || background.getThreadPoolExecutor().getQueue().size() > 0;
    }

    @Override
    public void destroy() {
        background.shutdown();
    }

    /**
     * Sends an unlock link to the account of a login name, if there is an active one and no link
     * was sent to it within the configured interval.
     */
    void sendLink(String login, Locale locale) {
        Optional<PasserelleUser> found = lookup.find(login).filter(PasserelleUser::isEnabled);
        if (found.isEmpty()) {
            return;
        }
        PasserelleUser user = found.get();
        Instant now = clock.instant();
        TenantContext.runAs(user.organisationId(), () -> tx.executeWithoutResult(status -> {
            // One request at a time per account, so that two racing requests send one mail.
            String email = jdbc.sql("select email from app_user where id = ? for update").param(user.userId())
                    .query(String.class).single();
            boolean recent = jdbc.sql("select count(*) from login_unlock_token where user_id = ? and created_at > ?")
                    .param(user.userId()).param(Timestamp.from(now.minus(settings.interval())))
                    .query(Long.class).single() > 0;
            if (recent) {
                return;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String hash = ApiTokens.hash(secret);
            jdbc.sql("""
                    insert into login_unlock_token (token_hash, user_id, organisation_id, created_at, expires_at)
                    values (?, ?, ?, ?, ?)""")
                    .param(hash).param(user.userId()).param(user.organisationId()).param(Timestamp.from(now))
                    .param(Timestamp.from(now.plus(settings.validity()))).update();
            String link = outbox.link("/login/unlock/" + secret);
            outbox.enqueue("LOGIN_UNLOCK", "login-unlock:" + hash, email,
                    messages.getMessage("unlock.mail.subject", null, locale),
                    messages.getMessage("unlock.mail.text", new Object[] {user.displayName(), link,
                            settings.validity().toMinutes()}, locale));
            audit.append(new AuditLog.AuditEntry(user.organisationId(), null, user.getUsername(), "login.unlock_sent",
                    "user", user.userId().toString(), Map.of()));
        }));
    }

    /**
     * Spends an unlock link: when it is live, the delay of its login name is lifted in this browser
     * and the login name returned; empty for a wrong, used or expired link.
     */
    public Optional<String> open(String secret, HttpServletRequest request) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<String> login = jdbc.sql("select identity_use_unlock_token(?, ?)")
                .param(ApiTokens.hash(secret)).param(Timestamp.from(clock.instant()))
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
        login.ifPresent(name -> signIn.unlock(request, name));
        return login;
    }
}
