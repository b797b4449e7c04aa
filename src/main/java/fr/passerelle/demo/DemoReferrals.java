package fr.passerelle.demo;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.partners.ReferralsDemoData;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The Lyon association's orientations of persons to partners (partners module), in every status,
 * written once the application is ready — after the directory's demo partners — as its demo case
 * worker.
 */
@Component
class DemoReferrals {

    private static final long SEED = 6;

    private final DemoDataRunner runner;
    private final ReferralsDemoData referrals;
    private final UserDetailsService users;
    private final Clock clock;

    DemoReferrals(DemoDataRunner runner, ReferralsDemoData referrals, @Qualifier("loginLookup") UserDetailsService users,
            Clock clock) {
        this.runner = runner;
        this.referrals = referrals;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!runner.enabled()) {
            return;
        }
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()));
        try {
            int written = TenantContext.callAs(worker.organisationId(), () -> referrals.seed(LocalDate.now(clock), SEED));
            LoggerFactory.getLogger(DemoReferrals.class).info("Demo referrals: {}", written);
        } finally {
            context.setAuthentication(previous);
        }
    }
}
