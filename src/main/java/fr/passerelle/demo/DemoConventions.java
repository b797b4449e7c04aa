package fr.passerelle.demo;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.partners.ConventionObject;
import fr.passerelle.partners.PartnerConventions;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Lyon association's conventions with its partners: 6 places of placement à l'extérieur with
 * the CHRS "Le Relais", and four others of the other objects, one of them ending within a month.
 * Written once the application is ready (after the partner directory's demo data), as the demo
 * director; a partner missing from the directory is added under the same name (by the partners module). Runs once: a second
 * start finds the CHRS's convention and writes nothing.
 */
@Component
class DemoConventions {

    /** The CHRS with which the Lyon association has 6 PE places (the same name as the directory's). */
    static final String RELAIS = "CHRS Le Relais – Lyon 7e";
    static final String RELAIS_REFERENCE = "CONV-PE-RELAIS";

    private final DemoDataRunner runner;
    private final UserDetailsService users;
    private final PartnerConventions conventions;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoConventions(DemoDataRunner runner, @Qualifier("loginLookup") UserDetailsService users,
            PartnerConventions conventions, TransactionTemplate tx, Clock clock) {
        this.runner = runner;
        this.users = users;
        this.conventions = conventions;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!runner.enabled()) {
            return;
        }
        PasserelleUser director = (PasserelleUser) users.loadUserByUsername("directrice");
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(director, null, director.getAuthorities()));
        try {
            TenantContext.runAs(director.organisationId(), () -> tx.executeWithoutResult(s -> write()));
        } finally {
            context.setAuthentication(previous);
        }
    }

    private void write() {
        boolean done = conventions.list(new PartnerConventions.Filter(null, null, null, true)).stream()
                .anyMatch(c -> c.reference().equals(RELAIS_REFERENCE));
        if (done) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        UUID relais = conventions.partnerNamed(RELAIS, "CHRS");
        conventions.create(new PartnerConventions.ConventionData(relais, ConventionObject.PLACEMENT_EXTERIEUR, RELAIS_REFERENCE,
                "Places de placement à l’extérieur au CHRS Le Relais", "SPIP du Rhône", today.minusMonths(8).withDayOfMonth(1),
                today.minusMonths(7).withDayOfMonth(1), today.plusMonths(17).withDayOfMonth(1).minusDays(1), 6,
                new BigDecimal("52.00"), "Accueil sur orientation du SPIP ; bilan trimestriel avec le CHRS."));
        conventions.create(new PartnerConventions.ConventionData(conventions.partnerNamed("CSAPA Rhône Addictions – Lyon 3e", "CSAPA"),
                ConventionObject.SOINS, "CONV-SOINS-CSAPA", "Accès aux consultations en addictologie", null,
                today.minusYears(2), today.minusYears(2).plusDays(14), today.plusDays(21), 0, null,
                "Se termine bientôt : renouvellement à préparer avec le CSAPA."));
        conventions.create(new PartnerConventions.ConventionData(conventions.partnerNamed("Mission locale de Lyon – Confluence", "MISSION_LOCALE"),
                ConventionObject.INSERTION, "CONV-INS-ML", "Accompagnement vers l’emploi des 18-25 ans", "France Travail",
                today.minusMonths(5), today.minusMonths(4), today.plusMonths(8), 0, null, null));
        conventions.create(new PartnerConventions.ConventionData(conventions.partnerNamed("Lyon Métropole Habitat", "SOCIAL_LANDLORD"),
                ConventionObject.HEBERGEMENT, "CONV-HEB-LMH", "Logements relais en sortie de détention", "Métropole de Lyon",
                today.minusMonths(14), today.minusMonths(13), today.plusMonths(11), 4, new BigDecimal("18.50"), null));
        conventions.create(new PartnerConventions.ConventionData(relais, ConventionObject.HEBERGEMENT, "CONV-HEB-RELAIS-2024",
                "Hébergement d’urgence (convention précédente)", null, today.minusYears(3), today.minusYears(3).plusDays(10),
                today.minusMonths(7).withDayOfMonth(1).minusDays(1), 3, new BigDecimal("48.00"), null));
    }
}
