package fr.passerelle.demo;

import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.network.Forum;
import fr.passerelle.network.Meetings;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo forum: two theme categories and the pre-sentencing commission's, threads written by the
 * demo people of Lyon, Marseille and the federation (each as themselves: the policies check the
 * author), a quote, a mention, a reported post and a locked thread; the service head of Lyon
 * reads it in the daily digest. Written by {@link DemoMeetings} once the
 * bodies exist, when the forum has no category yet.
 */
@Component
class DemoForum {

    private final Forum forum;
    private final Meetings meetings;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final TransactionTemplate tx;

    DemoForum(Forum forum, Meetings meetings, UserAccounts users, TenantScope tenantScope, TransactionTemplate tx) {
        this.forum = forum;
        this.meetings = meetings;
        this.users = users;
        this.tenantScope = tenantScope;
        this.tx = tx;
    }

    /** Writes the forum unless it has categories; returns how many threads it wrote. */
    int seed(UUID federation, UUID lyon, UUID marseille) {
        Person staff = person(federation, Roles.FEDERATION_STAFF, "equipe.federale", "Claire Dubois");
        Person director = person(lyon, Roles.DIRECTOR, "directrice", "Hélène Rousseau");
        Person head = person(lyon, Roles.SERVICE_HEAD, "cheffe.service", "Cheffe de service");
        Person marseilleAdmin = person(marseille, Roles.ASSOCIATION_ADMIN, "admin.marseille", "Paul Girard");
        if (staff == null || director == null || marseilleAdmin == null
                || !as(staff, forum::categories).isEmpty()) {
            return 0;
        }
        UUID practices = as(staff, () -> forum.createCategory("Pratiques professionnelles",
                "Échanges entre équipes sur les mesures et leur suivi.", null));
        UUID news = as(staff, () -> forum.createCategory("Vie du réseau", "Annonces, rencontres, formations.", null));
        UUID commission = as(staff, () -> meetings.bodies()).stream().filter(b -> b.kind() == Meetings.Kind.COMMISSION)
                .findFirst().map(b -> as(staff, () -> forum.createCategory("Commission pré-sentencielle : travaux",
                        "Réservé aux membres de la commission.", b.id())))
                .orElse(null);

        UUID stages = as(director, () -> forum.startThread(practices, "Stages de citoyenneté : sur un ou deux jours ?",
                "Nous hésitons entre un stage **sur deux jours** et deux demi-journées espacées d’une semaine.\n\n"
                        + "Qu’avez-vous observé sur l’assiduité ?"));
        UUID first = as(director, () -> forum.posts(stages, 0).items().get(0).id());
        String quoted = as(marseilleAdmin, () -> forum.quote(stages, first));
        as(marseilleAdmin, () -> forum.reply(stages,
                quoted + "À Marseille, les deux demi-journées donnent **moins d’absences** au second jour.", first));
        as(staff, () -> forum.reply(stages, "Le guide du réseau propose les deux formats : voir la page des ressources. "
                + "@directrice, pourrez-vous nous dire au printemps ce que vous aurez retenu ?", null));
        if (head != null) {
            as(head, () -> forum.reply(stages, "Merci, nous essaierons les demi-journées au printemps.", null));
            // The service head reads the forum in one mail a day.
            as(head, () -> {
                forum.chooseMailMode(Forum.MailMode.DIGEST);
                return null;
            });
        }

        UUID esr = as(marseilleAdmin, () -> forum.startThread(practices, "Enquêtes sociales rapides : délais de remise",
                "Quels délais obtenez-vous entre la saisine et la remise du rapport ?\n\n- Marseille : 28 jours en médiane"));
        int offTopic = as(director, () -> forum.reply(esr, "Lyon : 21 jours. Et quelqu’un vend-il des places de parking ?",
                null));
        as(marseilleAdmin, () -> {
            UUID post = forum.posts(esr, 0).items().get(offTopic - 1).id();
            forum.report(post, "La seconde question est hors sujet.");
            return null;
        });

        UUID meeting = as(staff, () -> forum.startThread(news, "Rencontre nationale : inscriptions ouvertes",
                "Les inscriptions à la rencontre nationale sont ouvertes jusqu’à la fin du mois."));
        as(staff, () -> {
            forum.lock(meeting, forum.thread(meeting).rowVersion(), true, "Annonce : les questions vont à la fédération.");
            return null;
        });
        int threads = 3;
        if (commission != null) {
            as(staff, () -> forum.startThread(commission, "Ordre du jour de la commission de rentrée",
                    "Vos propositions de points à inscrire sont les bienvenues."));
            as(director, () -> forum.reply(forum.threads(commission, 0).items().get(0).id(),
                    "Proposition : un relevé commun des délais d’enquête.", null));
            threads++;
        }
        return threads;
    }

    /** A demo person: their account's id, organisation and name (null when the account does not exist). */
    private record Person(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}

    private Person person(UUID organisation, String role, String login, String name) {
        UUID user = tenantScope.callAs(organisation, () -> users.loginsWithRole(role)).get(login);
        return user == null ? null : new Person(user, organisation, name);
    }

    /** Runs as the person, in their organisation, in a transaction of its own, with the moderators' permission for staff. */
    private <T> T as(Person person, Supplier<T> work) {
        List<String> permissions = person.organisationId().equals(DemoDataGenerator.demoId("federation"))
                ? List.of(Permissions.FORUM_MODERATE, Permissions.MEETING_MANAGE) : List.of();
        return DemoPermissions.callAs(person, permissions, () -> TenantContext.callAs(person.organisationId(),
                () -> tx.execute(status -> work.get())));
    }
}
