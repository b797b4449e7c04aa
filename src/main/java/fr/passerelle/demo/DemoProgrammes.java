package fr.passerelle.demo;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.programmes.ProgrammesDemoData;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo local authority's two programmes (Vaulx-en-Velin, created with its accounts by the
 * generator), seeded once the application is ready, after the good-practice library is loaded: the
 * programmes are run from two of its sheets. A demo database generated before programmes existed
 * gets the local authority and its accounts here. Written once.
 */
@Component
class DemoProgrammes {

    static final UUID LOCAL_AUTHORITY = DemoDataGenerator.demoId("local-authority");
    static final String LOCAL_AUTHORITY_NAME = "Ville de Vaulx-en-Velin (démo)";

    private final DemoDataRunner runner;
    private final Organisations organisations;
    private final UserAccounts users;
    private final ProgrammesDemoData data;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoProgrammes(DemoDataRunner runner, Organisations organisations, UserAccounts users, ProgrammesDemoData data,
            TransactionTemplate tx, Clock clock) {
        this.runner = runner;
        this.organisations = organisations;
        this.users = users;
        this.data = data;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seed() {
        if (!runner.enabled() || organisations.find(DemoDataGenerator.demoId("federation")).isEmpty()) {
            return;
        }
        if (organisations.find(LOCAL_AUTHORITY).isEmpty()) {
            tx.executeWithoutResult(status -> organisations.create(LOCAL_AUTHORITY, new Organisations.OrganisationData(
                    OrganisationKind.LOCAL_AUTHORITY, LOCAL_AUTHORITY_NAME, "Vaulx-en-Velin", "69", null,
                    false, true), null));
        }
        TenantContext.runAs(LOCAL_AUTHORITY, () -> tx.executeWithoutResult(status -> {
            for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
                if (account.home() != DemoAccounts.Home.LOCAL_AUTHORITY) {
                    continue;
                }
                Map<String, UUID> existing = users.loginsWithRole(account.role());
                if (!existing.containsKey(account.username())) {
                    users.create(new UserAccounts.NewUser(account.username(), account.displayName(),
                            account.username() + "@demo.passerelle.invalid", DemoAccounts.PASSWORD, null,
                            List.of(account.role()), true, account.mfaExempt()));
                }
            }
            users.withRole(Roles.PROGRAMME_LEAD).stream().findFirst().ifPresent(lead ->
                    data.seed(LOCAL_AUTHORITY, lead.id(), lead.displayName(),
                            LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")))));
        }));
    }
}
