package fr.passerelle.demo;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.network.MainField;
import fr.passerelle.network.Membership;
import fr.passerelle.network.MembershipFees;
import fr.passerelle.network.Profile;
import fr.passerelle.network.Siret;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo network's membership: every demo association a member (one suspended for an unpaid fee,
 * one resigned), this year's fees (scale, figures, calls, payments, arrears reminded), and membership applications in every state — two just submitted, one with its
 * regional opinion, one postponed, one refused, one accepted (its association created, with an
 * administrator whose password nobody knows, as the federation would give it by another channel).
 * Written once, when no application exists yet.
 */
@Component
class DemoMembership {

    private final DemoDataRunner runner;
    private final Organisations organisations;
    private final Membership membership;
    private final MembershipFees fees;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoMembership(DemoDataRunner runner, Organisations organisations, Membership membership, MembershipFees fees,
            TransactionTemplate tx, Clock clock) {
        this.runner = runner;
        this.fees = fees;
        this.organisations = organisations;
        this.membership = membership;
        this.tx = tx;
        this.clock = clock;
    }

    /** One application of the demo: who applies, and how far it went. */
    private record Applicant(String name, String city, String postcode, String court, String region, MainField field,
            List<String> activities, Membership.Status reached) {}

    private static final List<Applicant> APPLICANTS = List.of(
            new Applicant("Association Trait d’union Ardèche", "Privas", "07000", "TJ-PRIVAS", "Méditerranée",
                    MainField.PRE_SENTENCE, List.of("ESR", "MEDIATION_PENALE"), Membership.Status.SUBMITTED),
            new Applicant("Médiation et citoyenneté du Var", "Toulon", "83000", "TJ-TOULON", "Méditerranée",
                    MainField.PRE_SENTENCE, List.of("MEDIATION_PENALE", "STAGE_CITOYENNETE"), Membership.Status.SUBMITTED),
            new Applicant("Parcours justice Loire", "Saint-Étienne", "42000", "TJ-SAINT-ETIENNE", "Auvergne-Rhône-Alpes",
                    MainField.POST_SENTENCE, List.of("TIG", "PLACEMENT_EXTERIEUR"), Membership.Status.REVIEWED),
            new Applicant("Relais jeunesse Vaucluse", "Avignon", "84000", "TJ-AVIGNON", "Méditerranée",
                    MainField.MINORS, List.of("REPARATION_PENALE"), Membership.Status.POSTPONED),
            new Applicant("Écoute et lien Drôme", "Valence", "26000", "TJ-VALENCE", "Auvergne-Rhône-Alpes",
                    MainField.RESTORATIVE, List.of("JUSTICE_RESTAURATIVE"), Membership.Status.REFUSED),
            new Applicant("Association Passage Isère", "Grenoble", "38000", "TJ-GRENOBLE", "Auvergne-Rhône-Alpes",
                    MainField.PRE_SENTENCE, List.of("ESR", "EP", "CJSE"), Membership.Status.ACCEPTED));

    /** Before {@link DemoMeetings}: the demo forum it writes is read and written by member associations only. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    void seed() {
        UUID federation = DemoDataGenerator.demoId("federation");
        if (!runner.enabled() || organisations.find(federation).isEmpty()) {
            return;
        }
        TenantPrincipal actor = new Actor(null, federation, "Équipe fédérale (démo)");
        boolean seeded = DemoPermissions.callAs(actor, List.of(Permissions.MEMBERSHIP_REVIEW), () ->
                membership.applications(null, "", 0).total() > 0);
        if (seeded) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        List<UUID> associations = organisations.activeIds(OrganisationKind.ASSOCIATION);
        DemoPermissions.callAs(actor, List.of(Permissions.MEMBERSHIP_REVIEW, Permissions.MEMBERSHIP_DECIDE), () -> {
            TenantContext.runAs(federation, () -> tx.executeWithoutResult(status -> {
                for (UUID association : associations) {
                    if (membership.history(association).isEmpty()) {
                        membership.changeStatus(association, Membership.MemberStatus.MEMBER,
                                today.withDayOfYear(1).minusYears(3), "Membre du réseau avant Passerelle.");
                    }
                }
                List<UUID> others = associations.stream()
                        .filter(a -> !a.equals(DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT))
                                && !a.equals(DemoDataGenerator.demoId(DemoDataGenerator.SECOND_COURT)))
                        .sorted().toList();
                seedFees(associations, today);
                if (others.size() >= 2) {
                    membership.changeStatus(others.get(0), Membership.MemberStatus.SUSPENDED, today.minusMonths(2),
                            "Cotisation de l’année précédente impayée après deux relances.");
                    membership.changeStatus(others.get(1), Membership.MemberStatus.RESIGNED, today.minusMonths(5),
                            "Dissolution de l’association votée en assemblée générale.");
                }
            }));
            return null;
        });
        List<UUID> sponsors = List.of(DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT),
                DemoDataGenerator.demoId(DemoDataGenerator.SECOND_COURT));
        int n = 0;
        for (Applicant applicant : APPLICANTS) {
            n++;
            String reference = tx.execute(status -> membership.apply(input(applicant, sponsors)));
            DemoPermissions.callAs(actor, List.of(Permissions.MEMBERSHIP_REVIEW, Permissions.MEMBERSHIP_DECIDE), () -> {
                TenantContext.runAs(federation, () -> tx.executeWithoutResult(status -> advance(reference, applicant)));
                return null;
            });
        }
        LoggerFactory.getLogger(DemoMembership.class).info("Demo membership: {} applications", n);
    }

    /**
     * This year's scale (on the budget, due two months ago), every member's figures, the calls
     * issued and mailed; most paid in full, some in part, the rest in arrears and reminded once.
     */
    private void seedFees(List<UUID> associations, LocalDate today) {
        int year = today.getYear();
        fees.saveRule(year, MembershipFees.Basis.BUDGET, today.minusMonths(2), List.of(
                new MembershipFees.Bracket(BigDecimal.ZERO, new BigDecimal("150")),
                new MembershipFees.Bracket(new BigDecimal("200000"), new BigDecimal("400")),
                new MembershipFees.Bracket(new BigDecimal("500000"), new BigDecimal("800")),
                new MembershipFees.Bracket(new BigDecimal("1000000"), new BigDecimal("1500")),
                new MembershipFees.Bracket(new BigDecimal("3000000"), new BigDecimal("2500"))));
        for (UUID association : associations) {
            int h = Math.floorMod(association.hashCode(), 1000);
            fees.recordFigures(association, year - 1, BigDecimal.valueOf(120_000L + h * 4_200L),
                    BigDecimal.valueOf(2 + h % 55).add(new BigDecimal("0.5")));
        }
        fees.issue(year);
        int n = 0;
        for (MembershipFees.Call call : fees.allCalls(year, null)) {
            int kind = n++ % 10;
            if (kind < 7) {
                fees.recordPayment(call.id(), today.minusMonths(3).plusDays(kind), call.amount(),
                        kind % 2 == 0 ? MembershipFees.Method.TRANSFER : MembershipFees.Method.CHEQUE, null);
            } else if (kind == 7) {
                fees.recordPayment(call.id(), today.minusMonths(1), call.amount().divide(BigDecimal.valueOf(2)),
                        MembershipFees.Method.TRANSFER, "Premier versement, le solde annoncé pour le mois prochain.");
            }
        }
        fees.remind(year);
    }

    private void advance(String reference, Applicant applicant) {
        if (applicant.reached() == Membership.Status.SUBMITTED) {
            return;
        }
        UUID id = membership.applications(null, reference, 0).items().get(0).id();
        membership.giveOpinion(id, 0, applicant.reached() == Membership.Status.REFUSED ? Membership.Opinion.UNFAVOURABLE
                : Membership.Opinion.FAVOURABLE, applicant.reached() == Membership.Status.REFUSED
                ? "Activité hors du champ socio-judiciaire du réseau : écoute généraliste, aucune mesure ordonnée."
                : "Structure connue des juridictions du ressort ; équipe qualifiée ; budget équilibré.");
        switch (applicant.reached()) {
            case POSTPONED -> membership.decide(id, 1, Membership.Decision.POSTPONE,
                    "Habilitation du tribunal en cours de renouvellement : à réexaminer à la prochaine commission.", null);
            case REFUSED -> membership.decide(id, 1, Membership.Decision.REFUSE,
                    "La structure n’exerce pas de mesures judiciaires ; elle peut rejoindre le réseau comme partenaire.",
                    null);
            case ACCEPTED -> {
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                membership.decide(id, 1, Membership.Decision.ACCEPT, null, new Membership.FirstAdmin("admin.passage",
                        "Aa1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
            }
            default -> { }
        }
    }

    private static Membership.ApplicationInput input(Applicant a, List<UUID> sponsors) {
        String slug = a.city().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        Profile profile = new Profile("3 place de la Mairie", a.postcode(), a.city(), null, null, "04 75 00 00 00",
                "contact@" + slug + ".demo.passerelle.invalid", null,
                "Association candidate au réseau, présentée par ses deux marraines.", a.field(), List.of(a.court()),
                a.activities());
        return new Membership.ApplicationInput(a.name(), siret(a.name()), Membership.LegalForm.ASSOCIATION_1901,
                DemoDataGenerator.regionCode(a.region()), profile, "Habilitation du tribunal judiciaire (arrêté préfectoral).",
                new BigDecimal("420000"), new BigDecimal("7.5"), sponsors, "Direction de " + a.name(),
                "Administration " + a.city(), "admin@" + slug + ".demo.passerelle.invalid", true,
                "Présidence de " + a.name());
    }

    /** A stable, valid SIRET for a name: thirteen digits from it and the check digit that makes it valid. */
    static String siret(String name) {
        String body = String.format("%013d", Math.floorMod((long) name.hashCode() * 7919L, 10_000_000_000_000L));
        for (int check = 0; check < 10; check++) {
            if (Siret.valid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no check digit for " + body);
    }

    /** The demo user on whose behalf the membership is written. */
    private record Actor(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}
}
