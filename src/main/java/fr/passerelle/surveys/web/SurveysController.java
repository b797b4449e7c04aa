package fr.passerelle.surveys.web;

import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import fr.passerelle.surveys.AnswerRules;
import fr.passerelle.surveys.AnswersRefused;
import fr.passerelle.surveys.PrefillSource;
import fr.passerelle.surveys.Question;
import fr.passerelle.surveys.QuestionInput;
import fr.passerelle.surveys.QuestionKind;
import fr.passerelle.surveys.QuestionResult;
import fr.passerelle.surveys.Survey;
import fr.passerelle.surveys.SurveyResponses;
import fr.passerelle.surveys.SurveyResults;
import fr.passerelle.surveys.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The surveys: the federation builds, sends, follows and analyses them; an association's people
 * answer those sent to it.
 */
@Controller
@RequestMapping("/surveys")
class SurveysController {

    private final Surveys surveys;
    private final SurveyResponses responses;
    private final SurveyResults results;
    private final MessageSource messages;
    private final JsonMapper json;

    SurveysController(Surveys surveys, SurveyResponses responses, SurveyResults results, MessageSource messages,
            JsonMapper json) {
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('survey:manage') or hasAuthority('survey:answer')")
    String list(Model model) {
        model.addAttribute("surveys", surveys.list());
        if (TenantContext.hasAuthority(Permissions.SURVEY_MANAGE)) {
            headerChoices(model);
        }
        return "surveys/list";
    }

    /** The home page's card: the surveys running (with their rates, or the association's answer). */
    @GetMapping("/running")
    @PreAuthorize("hasAuthority('survey:manage') or hasAuthority('survey:answer')")
    String running(Model model) {
        model.addAttribute("running", surveys.running());
        return "surveys/running :: card";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('survey:manage')")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String introduction,
            @RequestParam(required = false) Survey.TargetKind targetKind, @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(defaultValue = "") String measureTypeCode, @RequestParam(defaultValue = "") String closesOn,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UUID created;
        try {
            created = surveys.create(new Surveys.SurveyInput(title, introduction, targetKind, regionCode,
                    measureTypeCode, date(closesOn)));
        } catch (FieldRefusal refusal) {
            // The list comes back with what was typed and the reason; nothing was created.
            model.addAttribute("typed", new Survey(null, title, introduction, Survey.Status.DRAFT, targetKind,
                    regionCode, measureTypeCode, lenientDate(closesOn), null, null, null, 0, null, null));
            model.addAttribute("flashError", refusal.messageKey());
            model.addAttribute("flashErrorArguments", refusal.arguments());
            response.setStatus(400);
            return list(model);
        }
        Forms.success(redirect, "survey.created");
        return "redirect:/surveys/" + created;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('survey:manage') or hasAuthority('survey:answer')")
    String survey(@PathVariable UUID id, Model model) {
        if (!TenantContext.hasAuthority(Permissions.SURVEY_MANAGE)) {
            return "redirect:/surveys/" + id + "/answer";
        }
        Survey survey = surveys.get(id);
        model.addAttribute("survey", survey);
        model.addAttribute("questions", surveys.questions(id));
        model.addAttribute("targetName", switch (survey.targetKind()) {
            case ALL -> "";
            case REGION -> surveys.regions().stream().filter(r -> r.code().equals(survey.targetRegionCode()))
                    .map(Surveys.Named::name).findFirst().orElse(survey.targetRegionCode());
            case MEASURE_TYPE -> measureTypeNames().getOrDefault(survey.targetMeasureTypeCode(),
                    survey.targetMeasureTypeCode());
        });
        if (survey.draft()) {
            if (!model.containsAttribute("questionForm")) {
                model.addAttribute("questionForm", QuestionInput.blank());
            }
            builderChoices(model);
            headerChoices(model);
            model.addAttribute("values", FormValues.of(Map.of()));
        } else {
            model.addAttribute("rate", surveys.rate(id));
            model.addAttribute("targets", surveys.targets(id));
            model.addAttribute("reminders", surveys.reminders(id));
            model.addAttribute("published", results.published(id).isPresent());
            model.addAttribute("answerable", surveys.answerableToday(survey));
        }
        return "surveys/survey";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('survey:manage')")
    String update(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String introduction, @RequestParam(required = false) Survey.TargetKind targetKind,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String measureTypeCode,
            @RequestParam(defaultValue = "") String closesOn, RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.updated", () -> surveys.update(id, rowVersion, new Surveys.SurveyInput(title,
                introduction, targetKind, regionCode, measureTypeCode, date(closesOn))));
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize("hasAuthority('survey:manage')")
    String addQuestion(@PathVariable UUID id, QuestionForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            surveys.addQuestion(id, form.input());
        } catch (FieldRefusal refusal) {
            return refusedQuestion(id, null, form, refusal, model, response);
        }
        Forms.success(redirect, "survey.question.added");
        return "redirect:/surveys/" + id + "#add-question";
    }

    @GetMapping("/{id}/questions/{questionId}")
    @PreAuthorize("hasAuthority('survey:manage')")
    String editQuestion(@PathVariable UUID id, @PathVariable UUID questionId, Model model) {
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", surveys.input(id, questionId));
        }
        return questionPage(id, questionId, model);
    }

    @PostMapping("/{id}/questions/{questionId}")
    @PreAuthorize("hasAuthority('survey:manage')")
    String updateQuestion(@PathVariable UUID id, @PathVariable UUID questionId, QuestionForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            surveys.updateQuestion(id, questionId, form.input());
        } catch (FieldRefusal refusal) {
            return refusedQuestion(id, questionId, form, refusal, model, response);
        }
        Forms.success(redirect, "survey.question.updated");
        return "redirect:/surveys/" + id + "#question-" + questionId;
    }

    @PostMapping("/{id}/questions/{questionId}/move")
    @PreAuthorize("hasAuthority('survey:manage')")
    String moveQuestion(@PathVariable UUID id, @PathVariable UUID questionId, @RequestParam boolean up,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.question.moved", () -> surveys.moveQuestion(id, questionId, up));
        return "redirect:/surveys/" + id + "#question-" + questionId;
    }

    @PostMapping("/{id}/questions/{questionId}/delete")
    @PreAuthorize("hasAuthority('survey:manage')")
    String deleteQuestion(@PathVariable UUID id, @PathVariable UUID questionId, RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.question.deleted", () -> surveys.deleteQuestion(id, questionId));
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/open")
    @PreAuthorize("hasAuthority('survey:manage')")
    String open(@PathVariable UUID id, @RequestParam int rowVersion, RedirectAttributes redirect) {
        try {
            Forms.success(redirect, "survey.opened", surveys.open(id, rowVersion));
        } catch (BusinessException refusal) {
            refuse(redirect, refusal);
        }
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('survey:manage')")
    String close(@PathVariable UUID id, @RequestParam int rowVersion, RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.closed", () -> surveys.close(id, rowVersion));
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/remind")
    @PreAuthorize("hasAuthority('survey:manage')")
    String remind(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Forms.success(redirect, "survey.reminded", surveys.remind(id));
        } catch (BusinessException refusal) {
            refuse(redirect, refusal);
        }
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('survey:manage')")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.publishedOk", () -> results.publish(id));
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/{id}/results")
    @PreAuthorize("hasAuthority('survey:manage')")
    String results(@PathVariable UUID id, Model model) {
        SurveyResults.Results r = results.results(id);
        model.addAttribute("results", r);
        List<String> charts = new ArrayList<>();
        for (QuestionResult q : r.questions()) {
            charts.add(q.counts().isEmpty() ? null : json.writeValueAsString(Map.of(
                    "labels", q.counts().stream().map(QuestionResult.Count::label).toList(),
                    "values", q.counts().stream().map(QuestionResult.Count::count).toList())));
        }
        model.addAttribute("charts", charts);
        return "surveys/results";
    }

    @GetMapping("/{id}/export")
    @PreAuthorize("hasAuthority('survey:manage')")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "CSV") SpreadsheetFormat format,
            Locale locale) {
        SurveyResults.Table table = results.table(id, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(format, messages.getMessage("survey.export.sheet", null, locale), table.headers(),
                table.rows(), out);
        return Downloads.attachment(MediaType.parseMediaType(format.mediaType()),
                "enquete-" + id + "." + format.extension(), out.toByteArray());
    }

    // ---- an association's answer ----

    @GetMapping("/{id}/answer")
    @PreAuthorize("hasAuthority('survey:answer')")
    String answer(@PathVariable UUID id, Model model) {
        SurveyResponses.Response response = responses.response(id);
        List<Question> questions = surveys.questions(id);
        model.addAttribute("values", FormValues.of(questions, response.values(), response.confirmed()));
        return answerPage(id, questions, response, Map.of(), model);
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize("hasAuthority('survey:answer')")
    String saveAnswer(@PathVariable UUID id, @RequestParam int rowVersion,
            @RequestParam(defaultValue = "save") String action, HttpServletRequest request, Model model,
            RedirectAttributes redirect, HttpServletResponse httpResponse) {
        boolean submit = "submit".equals(action);
        Set<UUID> confirmed = new LinkedHashSet<>();
        String[] ticks = request.getParameterValues("confirm");
        if (ticks != null) {
            for (String t : ticks) {
                try {
                    confirmed.add(UUID.fromString(t));
                } catch (IllegalArgumentException ignored) {
                    // Not one of the form's check boxes: nothing to confirm.
                }
            }
        }
        try {
            responses.save(id, rowVersion, name -> {
                String[] v = request.getParameterValues(name);
                return v == null ? null : List.of(v);
            }, confirmed, submit);
        } catch (AnswersRefused refused) {
            return refusedAnswer(id, request, refused.messageKey(), refused.arguments(), refused.problems(), model,
                    httpResponse, 400);
        } catch (BusinessException refusal) {
            if (refusal.status() == 404 || refusal.status() == 403) {
                throw refusal;
            }
            return refusedAnswer(id, request, refusal.messageKey(), refusal.arguments(), Map.of(), model, httpResponse,
                    refusal.status());
        }
        Forms.success(redirect, submit ? "survey.answer.submittedOk" : "survey.answer.saved");
        return "redirect:/surveys/" + id + "/answer";
    }

    @PostMapping("/{id}/answer/reopen")
    @PreAuthorize("hasAuthority('survey:submit')")
    String reopen(@PathVariable UUID id, @RequestParam int rowVersion, RedirectAttributes redirect) {
        Forms.perform(redirect, "survey.answer.reopened", () -> responses.reopen(id, rowVersion));
        return "redirect:/surveys/" + id + "/answer";
    }

    // ---- helpers ----

    /** Flashes a refusal's message (a refusal for something not found or forbidden still answers 404 or 403). */
    private static void refuse(RedirectAttributes redirect, BusinessException refusal) {
        if (refusal.status() == 404 || refusal.status() == 403) {
            throw refusal;
        }
        Forms.error(redirect, refusal.messageKey(), refusal.arguments());
    }

    private String refusedAnswer(UUID id, HttpServletRequest request, String key, Object[] arguments,
            Map<UUID, AnswerRules.Problem> problems, Model model, HttpServletResponse httpResponse, int status) {
        SurveyResponses.Response response = responses.response(id);
        model.addAttribute("values", FormValues.of(request.getParameterMap()));
        model.addAttribute("flashError", key);
        model.addAttribute("flashErrorArguments", arguments);
        httpResponse.setStatus(status);
        return answerPage(id, surveys.questions(id), response, problems, model);
    }

    private String answerPage(UUID id, List<Question> questions, SurveyResponses.Response response,
            Map<UUID, AnswerRules.Problem> problems, Model model) {
        Survey survey = surveys.get(id);
        model.addAttribute("survey", survey);
        model.addAttribute("questions", questions);
        model.addAttribute("response", response);
        model.addAttribute("problems", problems);
        model.addAttribute("prefillYear", responses.prefillYear());
        model.addAttribute("measureTypes", measureTypeNames());
        boolean answerable = surveys.answerableToday(survey);
        model.addAttribute("answerableToday", answerable);
        model.addAttribute("editable", !response.submitted() && answerable);
        return "surveys/answer";
    }

    private String refusedQuestion(UUID id, UUID questionId, QuestionForm form, FieldRefusal refusal, Model model,
            HttpServletResponse response) {
        model.addAttribute("questionForm", form.input());
        model.addAttribute("questionError", refusal);
        response.setStatus(400);
        if (questionId != null) {
            return questionPage(id, questionId, model);
        }
        survey(id, model);
        return "surveys/survey";
    }

    private String questionPage(UUID id, UUID questionId, Model model) {
        Survey survey = surveys.get(id);
        List<Question> questions = surveys.questions(id);
        Question question = questions.stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(BusinessException::notFound);
        model.addAttribute("survey", survey);
        model.addAttribute("question", question);
        model.addAttribute("questions", questions.stream().filter(q -> q.position() < question.position()).toList());
        builderChoices(model);
        return "surveys/question";
    }

    private void builderChoices(Model model) {
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("prefillSources", PrefillSource.values());
        model.addAttribute("measureTypes", surveys.measureTypes());
    }

    private void headerChoices(Model model) {
        model.addAttribute("targetKinds", Survey.TargetKind.values());
        model.addAttribute("regions", surveys.regions());
        model.addAttribute("measureTypes", surveys.measureTypes());
    }

    private Map<String, String> measureTypeNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        surveys.measureTypes().forEach(t -> names.put(t.code(), t.name()));
        return names;
    }

    private static LocalDate lenientDate(String text) {
        try {
            return date(text);
        } catch (FieldRefusal refusal) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRefusal("closesOn", "survey.closesOn.invalid");
        }
    }

    /** The builder's item form, as posted. */
    record QuestionForm(QuestionKind kind, String label, String help, Boolean required, String options,
            String gridRows, String scaleMin, String scaleMax, String scaleMinLabel, String scaleMaxLabel,
            String numberMin, String numberMax, UUID conditionQuestionId, String conditionOption,
            PrefillSource prefillSource, String prefillMeasureTypeCode) {

        QuestionInput input() {
            return new QuestionInput(kind, label, help, Boolean.TRUE.equals(required), options, gridRows, scaleMin,
                    scaleMax, scaleMinLabel, scaleMaxLabel, numberMin, numberMax, conditionQuestionId, conditionOption,
                    prefillSource, prefillMeasureTypeCode);
        }
    }
}
