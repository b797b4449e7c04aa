package fr.passerelle.demo;

import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.surveys.PrefillSource;
import fr.passerelle.surveys.Question;
import fr.passerelle.surveys.QuestionInput;
import fr.passerelle.surveys.QuestionKind;
import fr.passerelle.surveys.Survey;
import fr.passerelle.surveys.SurveyResponses;
import fr.passerelle.surveys.SurveyResults;
import fr.passerelle.surveys.Surveys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo surveys: the annual activity survey, open to every member, answered by about four in five
 * associations (their figures pre-filled from Passerelle, mostly confirmed, some corrected), not yet
 * by Lyon, whose service head has started a draft, nor by Marseille; a flash survey on citizenship courses, closed with
 * its results published (after small-cell suppression); and a survey being built. Written by
 * {@link DemoMeetings} once the network exists, when there is no survey yet. Deterministic.
 */
@Component
class DemoSurveys {

    private final Surveys surveys;
    private final SurveyResponses responses;
    private final SurveyResults results;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoSurveys(Surveys surveys, SurveyResponses responses, SurveyResults results, TransactionTemplate tx, Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.tx = tx;
        this.clock = clock;
    }

    private record Actor(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}

    /** Writes the surveys unless there is one; returns how many answers were submitted. */
    int seed(UUID federation, UUID lyon, UUID marseille) {
        Actor staff = new Actor(null, federation, "Claire Dubois");
        if (!asFederation(staff, surveys::list).isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        int year = today.getYear() - 1;
        Random random = new Random(2026);

        UUID annual = asFederation(staff, () -> surveys.create(new Surveys.SurveyInput("Enquête annuelle d’activité "
                + year, "Chaque année, la fédération recueille l’activité de ses associations pour son rapport et ses "
                + "échanges avec le ministère. Les chiffres tirés de Passerelle sont pré-remplis : confirmez-les ou "
                + "corrigez-les.", Survey.TargetKind.ALL, null, null, today.plusWeeks(3))));
        List<QuestionInput> items = List.of(
                item(QuestionKind.SECTION, "Votre activité en " + year, false, null, null),
                number("Mesures reçues en " + year, PrefillSource.MEASURES_RECEIVED),
                number("Mesures terminées en " + year, PrefillSource.MEASURES_ENDED),
                new QuestionInput(QuestionKind.NUMBER, "Équivalents temps plein de l’équipe socio-judiciaire", null,
                        true, null, null, null, null, null, null, "0", "500", null, null, null, null),
                item(QuestionKind.SECTION, "Vos partenariats", false, null, null),
                item(QuestionKind.SINGLE, "Avez-vous une convention avec le SPIP ?", true, "Oui\nNon\nEn cours", null));
        for (QuestionInput q : items) {
            asFederation(staff, () -> surveys.addQuestion(annual, q));
        }
        UUID spip = asFederation(staff, () -> surveys.questions(annual)).stream()
                .filter(q -> q.kind() == QuestionKind.SINGLE).findFirst().orElseThrow().id();
        for (QuestionInput q : List.of(
                new QuestionInput(QuestionKind.TEXT, "Sur quoi porte-t-elle ?", null, false, null, null, null, null,
                        null, null, null, null, spip, "Oui", null, null),
                item(QuestionKind.MULTIPLE, "Quelles difficultés rencontrez-vous ?", false,
                        "Recrutement\nFinancement\nDélais de paiement des frais de justice\nLocaux\nRelations avec les juridictions",
                        null),
                new QuestionInput(QuestionKind.SCALE, "Êtes-vous satisfaits de l’appui de la fédération ?", null, true,
                        null, null, "1", "5", "Pas du tout", "Tout à fait", null, null, null, null, null, null),
                item(QuestionKind.GRID, "Comment évolue votre activité ?", false, "En baisse\nStable\nEn hausse",
                        "Enquêtes sociales rapides\nContrôle judiciaire socio-éducatif\nStages"),
                item(QuestionKind.DATE, "Date de votre dernière assemblée générale", false, null, null))) {
            asFederation(staff, () -> surveys.addQuestion(annual, q));
        }
        asFederation(staff, () -> surveys.open(annual, surveys.get(annual).rowVersion()));
        List<Question> questions = asFederation(staff, () -> surveys.questions(annual));
        List<UUID> targets = asFederation(staff, () -> surveys.targets(annual)).stream()
                .map(Surveys.Target::organisationId).toList();
        int submitted = 0;
        for (UUID association : targets) {
            if (association.equals(lyon) || association.equals(marseille)) {
                continue;
            }
            if (random.nextInt(100) < 80) {
                answer(association, annual, questions, random, true);
                submitted++;
            } else if (random.nextInt(3) == 0) {
                answer(association, annual, questions, random, false);
            }
        }
        // Lyon's service head has started the answer; the director will finish and submit it.
        asAssociation(new Actor(null, lyon, "Cheffe de service"), () -> {
            Map<String, List<String>> form = new HashMap<>();
            form.put(field(questions, QuestionKind.SINGLE), List.of("Oui"));
            form.put(questions.stream().filter(q -> q.kind() == QuestionKind.TEXT).findFirst().orElseThrow().field(),
                    List.of("Le suivi des contrôles judiciaires socio-éducatifs et les enquêtes."));
            return responses.save(annual, -1, form::get, Set.of(), false);
        });

        // A flash survey, closed, its results published.
        UUID flash = asFederation(staff, () -> surveys.create(new Surveys.SurveyInput(
                "Enquête flash : stages de citoyenneté", "Trois questions sur vos stages.", Survey.TargetKind.ALL, null,
                null, today)));
        asFederation(staff, () -> surveys.addQuestion(flash, item(QuestionKind.SINGLE,
                "Sous quelle forme organisez-vous vos stages ?", true, "Deux jours consécutifs\nDeux demi-journées\n"
                        + "Autre format", null)));
        asFederation(staff, () -> surveys.addQuestion(flash, new QuestionInput(QuestionKind.NUMBER,
                "Nombre de stages organisés cette année", null, false, null, null, null, null, null, null, "0", null,
                null, null, null, null)));
        asFederation(staff, () -> surveys.open(flash, surveys.get(flash).rowVersion()));
        List<Question> flashQuestions = asFederation(staff, () -> surveys.questions(flash));
        List<String> formats = flashQuestions.get(0).options();
        for (UUID association : asFederation(staff, () -> surveys.targets(flash)).stream()
                .map(Surveys.Target::organisationId).toList()) {
            if (association.equals(lyon) || association.equals(marseille) || random.nextInt(100) >= 60) {
                continue;
            }
            int pick = random.nextInt(10);
            Map<String, List<String>> form = new HashMap<>();
            form.put(flashQuestions.get(0).field(), List.of(formats.get(pick < 6 ? 0 : pick < 9 ? 1 : 2)));
            form.put(flashQuestions.get(1).field(), List.of(String.valueOf(2 + random.nextInt(20))));
            asDirector(association, () -> responses.save(flash, -1, form::get, Set.of(), true));
        }
        asFederation(staff, () -> {
            surveys.close(flash, surveys.get(flash).rowVersion());
            results.publish(flash);
            return null;
        });

        // A survey being built.
        UUID draft = asFederation(staff, () -> surveys.create(new Surveys.SurveyInput("Locaux et accueil du public",
                null, Survey.TargetKind.ALL, null, null, today.plusMonths(2))));
        asFederation(staff, () -> surveys.addQuestion(draft, item(QuestionKind.SINGLE,
                "Vos locaux sont-ils accessibles aux personnes à mobilité réduite ?", true, "Oui\nEn partie\nNon", null)));
        return submitted;
    }

    /** An association's answer, as its director would type it: figures mostly confirmed, a few corrected. */
    private void answer(UUID association, UUID survey, List<Question> questions, Random random, boolean submit) {
        asDirector(association, () -> {
            SurveyResponses.Response fresh = responses.response(survey);
            Map<String, List<String>> form = new HashMap<>();
            Set<UUID> confirmed = new java.util.HashSet<>();
            for (Question q : questions) {
                switch (q.kind()) {
                    case NUMBER -> {
                        BigDecimal prefilled = fresh.prefilled().get(q.id());
                        if (prefilled != null && prefilled.signum() > 0 && random.nextInt(10) < 8) {
                            form.put(q.field(), List.of(prefilled.toPlainString()));
                            confirmed.add(q.id());
                        } else {
                            int base = q.prefillSource() == null ? 3 + random.nextInt(25) : 150 + random.nextInt(600);
                            form.put(q.field(), List.of(String.valueOf(base)));
                        }
                    }
                    case SINGLE -> form.put(q.field(), List.of(q.options().get(random.nextInt(10) < 6 ? 0
                            : random.nextInt(q.options().size()))));
                    case TEXT -> form.put(q.field(), List.of(List.of("Le suivi des personnes sous contrôle judiciaire.",
                            "Les enquêtes et les permanences au tribunal.", "Les stages et le travail d’intérêt général.")
                            .get(random.nextInt(3))));
                    case MULTIPLE -> form.put(q.field(), q.options().stream().filter(o -> random.nextInt(10) < 4)
                            .toList());
                    case SCALE -> form.put(q.field(), List.of(String.valueOf(Math.min(5, 2 + random.nextInt(4)))));
                    case GRID -> {
                        for (int i = 0; i < q.gridRows().size(); i++) {
                            form.put(q.field() + "-" + i, List.of(q.options().get(random.nextInt(q.options().size()))));
                        }
                    }
                    case DATE -> form.put(q.field(), List.of(LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")))
                            .minusDays(30 + random.nextInt(300)).toString()));
                    default -> { }
                }
            }
            return responses.save(survey, -1, form::get, confirmed, submit);
        });
    }

    private static String field(List<Question> questions, QuestionKind kind) {
        return questions.stream().filter(q -> q.kind() == kind).findFirst().orElseThrow().field();
    }

    private static QuestionInput item(QuestionKind kind, String label, boolean required, String options, String rows) {
        return new QuestionInput(kind, label, null, required, options, rows, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static QuestionInput number(String label, PrefillSource source) {
        return new QuestionInput(QuestionKind.NUMBER, label, null, true, null, null, null, null, null, null, "0", null,
                null, null, source, null);
    }

    private <T> T asFederation(Actor staff, Supplier<T> work) {
        return DemoPermissions.callAs(staff, List.of(Permissions.SURVEY_MANAGE, Permissions.NETWORK_READ),
                () -> TenantContext.callAs(staff.organisationId(), () -> tx.execute(status -> work.get())));
    }

    private <T> T asDirector(UUID association, Supplier<T> work) {
        Actor director = new Actor(null, association, "Direction (démo)");
        return DemoPermissions.callAs(director, List.of(Permissions.SURVEY_ANSWER, Permissions.SURVEY_SUBMIT),
                () -> TenantContext.callAs(association, () -> tx.execute(status -> work.get())));
    }

    private <T> T asAssociation(Actor person, Supplier<T> work) {
        return DemoPermissions.callAs(person, List.of(Permissions.SURVEY_ANSWER),
                () -> TenantContext.callAs(person.organisationId(), () -> tx.execute(status -> work.get())));
    }
}
