package fr.passerelle.demo;

import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.network.Meetings;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * The demo network's bodies: the board, the pre-sentencing commission and the regional meeting of
 * every region (Auvergne-Rhône-Alpes first, then the others: {@link #regionalMeetings}), whose
 * members are the federation's demo staff, the director (and, in the commission, the service head)
 * of Lyon and the administrator of Marseille. The board met last month (attendance, published minutes,
 * decisions), the regional meeting met last week (minutes still a draft), the commission meets next
 * month (invitations sent). Written once, when no body exists yet; then the resource library
 * ({@link DemoResources}), once, when it is empty, the forum ({@link DemoForum}), once, and the surveys
 * ({@link DemoSurveys}), once.
 */
@Component
class DemoMeetings {

    private final DemoDataRunner runner;
    private final Organisations organisations;
    private final Meetings meetings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final DemoResources resources;
    private final DemoForum forum;
    private final DemoSurveys surveys;

    DemoMeetings(DemoDataRunner runner, Organisations organisations, Meetings meetings, TransactionTemplate tx, Clock clock,
            UserAccounts users, TenantScope tenantScope, DemoResources resources, DemoForum forum, DemoSurveys surveys) {
        this.surveys = surveys;
        this.resources = resources;
        this.forum = forum;
        this.users = users;
        this.tenantScope = tenantScope;
        this.runner = runner;
        this.organisations = organisations;
        this.meetings = meetings;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seed() {
        UUID federation = DemoDataGenerator.demoId("federation");
        UUID lyon = DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT);
        UUID marseille = DemoDataGenerator.demoId(DemoDataGenerator.SECOND_COURT);
        if (!runner.enabled() || organisations.find(federation).isEmpty() || organisations.find(lyon).isEmpty()) {
            return;
        }
        String marseilleRegion = organisations.find(marseille).map(Organisations.Organisation::regionCode).orElse(null);
        TenantPrincipal actor = new Actor(null, federation, "Équipe fédérale (démo)");
        DemoPermissions.callAs(actor, List.of(Permissions.MEETING_MANAGE, Permissions.LIBRARY_MANAGE), () -> {
            TenantContext.runAs(federation, () -> tx.executeWithoutResult(status -> {
                if (!meetings.bodies().isEmpty()) {
                    return;
                }
                LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Paris"))).withSecond(0).withNano(0);
                UUID board = meetings.createBody(Meetings.Kind.BOARD, "Conseil d’administration", null,
                        "Le conseil d’administration de la fédération.");
                UUID commission = meetings.createBody(Meetings.Kind.COMMISSION, "Commission pré-sentencielle", null,
                        "Enquêtes, contrôle judiciaire socio-éducatif, alternatives aux poursuites.");
                UUID regional = meetings.createBody(Meetings.Kind.REGIONAL, "Réunion régionale Auvergne-Rhône-Alpes",
                        DemoDataGenerator.regionCode("Auvergne-Rhône-Alpes"), null);
                for (UUID body : List.of(board, commission, regional)) {
                    name(body, federation, Roles.FEDERATION_STAFF, "equipe.federale", Meetings.MemberRole.CHAIR);
                    name(body, federation, Roles.FEDERATION_ADMIN, "admin.federation", Meetings.MemberRole.MEMBER);
                    name(body, lyon, Roles.DIRECTOR, "directrice", Meetings.MemberRole.MEMBER);
                }
                name(commission, lyon, Roles.SERVICE_HEAD, "cheffe.service", Meetings.MemberRole.MEMBER);
                name(board, marseille, Roles.ASSOCIATION_ADMIN, "admin.marseille", Meetings.MemberRole.MEMBER);
                name(commission, marseille, Roles.ASSOCIATION_ADMIN, "admin.marseille", Meetings.MemberRole.MEMBER);

                UUID held = meetings.plan(board, new Meetings.MeetingInput("Conseil du trimestre",
                        now.minusMonths(1).withHour(14).withMinute(0), now.minusMonths(1).withHour(17).withMinute(0),
                        Meetings.Mode.ON_SITE, "Siège de la fédération, Paris",
                        null, "1. Approbation du dernier compte rendu\n2. Adhésions\n3. Cotisations\n4. Questions diverses"));
                meetings.invite(held);
                List<UUID> invited = meetings.invitations(held).stream().map(Meetings.Invitation::userId).toList();
                meetings.recordAttendance(held, meetings.meeting(held).rowVersion(),
                        invited.subList(0, Math.max(1, invited.size() - 1)));
                meetings.recordDecision(held, "Le barème des cotisations de l’année est adopté.");
                meetings.recordDecision(held, "Deux demandes d’adhésion sont renvoyées à la commission.");
                meetings.saveMinutes(held, meetings.meeting(held).rowVersion(), "Présents : voir la liste d’émargement.\n"
                        + "Le compte rendu précédent est approuvé. Le barème des cotisations est adopté à l’unanimité."
                        + "\nLes demandes d’adhésion en cours sont présentées ; deux sont renvoyées à la commission.", true);

                UUID week = meetings.plan(regional, new Meetings.MeetingInput("Rencontre régionale",
                        now.minusDays(7).withHour(10).withMinute(0), now.minusDays(7).withHour(12).withMinute(30),
                        Meetings.Mode.REMOTE, null, "https://visio.demo.passerelle.invalid/aura",
                        "1. Tour de table des associations\n2. Stages de responsabilisation : retours"));
                meetings.invite(week);
                meetings.recordAttendance(week, meetings.meeting(week).rowVersion(),
                        meetings.invitations(week).stream().map(Meetings.Invitation::userId).toList());
                meetings.saveMinutes(week, meetings.meeting(week).rowVersion(),
                        "Projet : tour de table ; les stages reprennent en janvier.", false);

                UUID next = meetings.plan(commission, new Meetings.MeetingInput("Commission de rentrée",
                        now.plusMonths(1).withHour(9).withMinute(30), now.plusMonths(1).withHour(12).withMinute(0),
                        Meetings.Mode.ON_SITE, "Maison des associations, Lyon", null,
                        "1. Contrôle judiciaire socio-éducatif : pratiques\n2. Enquêtes sociales rapides : délais"));
                meetings.invite(next);
                int regions = regionalMeetings(now, federation, marseille, marseilleRegion, regional);
                LoggerFactory.getLogger(DemoMeetings.class).info("Demo meetings: {} bodies, {} meetings", 2 + regions,
                        3 + 2 * (regions - 1));
            }));
            TenantContext.runAs(federation, () -> tx.executeWithoutResult(status -> {
                long documents = resources.seed();
                if (documents > 0) {
                    LoggerFactory.getLogger(DemoMeetings.class).info("Demo resource library: {} documents", documents);
                }
            }));
            return null;
        });
        int threads = forum.seed(federation, lyon, marseille);
        if (threads > 0) {
            LoggerFactory.getLogger(DemoMeetings.class).info("Demo forum: {} threads", threads);
        }
        int answers = surveys.seed(federation, lyon, marseille);
        if (answers > 0) {
            LoggerFactory.getLogger(DemoMeetings.class).info("Demo surveys: {} answers to the annual survey", answers);
        }
    }

    /**
     * The regional meeting of every other region: the federation's staff chair it and its administrator
     * sits in it, with Marseille's administrator in Marseille's region; each met two months ago
     * (attendance, minutes published, a decision) and meets again in two months (invitations sent).
     * Returns how many regional bodies there are, the Auvergne-Rhône-Alpes one included.
     */
    private int regionalMeetings(LocalDateTime now, UUID federation, UUID marseille, String marseilleRegion,
            UUID existing) {
        String existingRegion = meetings.body(existing).regionCode();
        int bodies = 1;
        for (Organisations.Region region : organisations.regions()) {
            if (region.code().equals(existingRegion)) {
                continue;
            }
            UUID body = meetings.createBody(Meetings.Kind.REGIONAL, "Réunion régionale " + region.name(), region.code(),
                    "Les associations de la région et la fédération.");
            name(body, federation, Roles.FEDERATION_STAFF, "equipe.federale", Meetings.MemberRole.CHAIR);
            name(body, federation, Roles.FEDERATION_ADMIN, "admin.federation", Meetings.MemberRole.MEMBER);
            if (region.code().equals(marseilleRegion)) {
                name(body, marseille, Roles.ASSOCIATION_ADMIN, "admin.marseille", Meetings.MemberRole.MEMBER);
            }
            LocalDateTime held = now.minusMonths(2).withHour(10).withMinute(0);
            UUID past = meetings.plan(body, new Meetings.MeetingInput("Rencontre régionale du trimestre", held,
                    held.plusHours(2), Meetings.Mode.REMOTE, null, "https://visio.demo.passerelle.invalid/" + region.code()
                            .toLowerCase(java.util.Locale.ROOT),
                    "1. Tour de table des associations\n2. Activité des mesures de la région\n3. Formations à venir"));
            meetings.invite(past);
            meetings.recordAttendance(past, meetings.meeting(past).rowVersion(),
                    meetings.invitations(past).stream().map(Meetings.Invitation::userId).toList());
            meetings.recordDecision(past, "Un relevé commun des délais d’enquête est tenu pour la région.");
            meetings.saveMinutes(past, meetings.meeting(past).rowVersion(), "Tour de table des associations de la région "
                    + region.name() + ". Les délais d’enquête seront relevés en commun ; deux formations sont demandées.",
                    true);
            LocalDateTime coming = now.plusMonths(2).withHour(10).withMinute(0);
            meetings.invite(meetings.plan(body, new Meetings.MeetingInput("Rencontre régionale du trimestre suivant",
                    coming, coming.plusHours(2), Meetings.Mode.REMOTE, null, "https://visio.demo.passerelle.invalid/"
                            + region.code().toLowerCase(java.util.Locale.ROOT), "1. Suivi du relevé des délais\n2. Questions diverses")));
            bodies++;
        }
        return bodies;
    }

    /** Names a demo account of an organisation (found by its role and login) to a body, if it exists. */
    private void name(UUID body, UUID organisation, String roleCode, String login, Meetings.MemberRole role) {
        UUID user = tenantScope.callAs(organisation, () -> users.loginsWithRole(roleCode)).get(login);
        if (user != null) {
            meetings.addMember(body, organisation, user, role);
        }
    }

    /** The demo user on whose behalf the meetings are written. */
    private record Actor(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}
}
