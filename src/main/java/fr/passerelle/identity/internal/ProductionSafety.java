package fr.passerelle.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the {@code prod} profile changes for accounts: demo accounts (created by the demo data, all
 * with the password published in the README) are disabled — they cannot sign in nor use an API
 * token, whatever their {@code enabled} flag says — and the demo exemption from the second factor
 * never applies ({@link LoginLookup}). Disabling rather than refusing to start lets an installation
 * that was once started with demo data come back up safely; this check says so at WARN at every
 * start, with the number of such accounts, so that an operator removes them.
 */
@Component
class ProductionSafety implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafety.class);

    private final JdbcClient jdbc;
    private final boolean production;

    ProductionSafety(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.production = isProduction(environment);
    }

    static boolean isProduction(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("prod"));
    }

    @Override
    public void run(ApplicationArguments args) {
        demoAccountsDisabled();
    }

    /** Under the production profile, the number of demo accounts found (and disabled); else 0. */
    long demoAccountsDisabled() {
        if (!production) {
            return 0;
        }
        long demo = jdbc.sql("select identity_demo_account_count()").query(Long.class).single();
        if (demo > 0) {
            log.warn("This database holds {} demo account(s) (published password): under the prod profile they are"
                    + " disabled and cannot sign in. Delete them or start from a database without demo data.", demo);
        }
        return demo;
    }
}
