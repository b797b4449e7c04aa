package fr.passerelle.consultation.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationResults;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.WorkshopSessions;
import fr.passerelle.consultation.Workshops;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * Organisers' workshops page: ideas from the results, sessions (planned, changed, cancelled) and
 * their invitations, solution sheets and their exports (CSV, PDF of one sheet or of all).
 */
@Controller
@RequestMapping("/consultations/{id}/workshops")
@PreAuthorize("hasAuthority('consultation:manage')")
class WorkshopsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Consultations consultations;
    private final Workshops workshops;
    private final WorkshopSessions sessions;
    private final ConsultationResults results;
    private final AnalysisJobs jobs;
    private final MessageSource messages;
    private final AuditLog audit;
    private final PdfDocuments pdf;
    private final Clock clock;

    WorkshopsController(Consultations consultations, Workshops workshops, WorkshopSessions sessions,
            ConsultationResults results, AnalysisJobs jobs, MessageSource messages, AuditLog audit, PdfDocuments pdf,
            Clock clock) {
        this.consultations = consultations;
        this.workshops = workshops;
        this.sessions = sessions;
        this.results = results;
        this.jobs = jobs;
        this.messages = messages;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The page; {@code sheet} or {@code session} opens that sheet or session in its form. */
    @GetMapping
    String page(@PathVariable UUID id, @RequestParam(required = false) UUID sheet,
            @RequestParam(required = false) UUID session, Model model) {
        Consultations.Consultation c = consultations.get(id);
        ConsultationResults.Results r = results.of(c, consultations.counters(id), jobs.latestDone(id), ResultsController.TOP);
        List<Workshops.Idea> ideas = workshops.ideas(id);
        List<Workshops.Sheet> sheets = workshops.sheets(id);
        List<WorkshopSessions.Session> planned = sessions.sessions(id);
        model.addAttribute("consultation", c);
        model.addAttribute("candidates", java.util.stream.Stream.concat(r.consensus().stream(), r.controversies().stream())
                .filter(s -> ideas.stream().noneMatch(i -> i.proposalId().equals(s.id()))).distinct().toList());
        model.addAttribute("ideas", ideas);
        model.addAttribute("sessions", planned);
        model.addAttribute("reachable", sessions.reachable(id));
        WorkshopSessions.Session editing = planned.stream().filter(s -> s.id().equals(session) && !s.cancelled())
                .findFirst().orElse(null);
        model.addAttribute("editing", editing);
        if (editing != null && !model.containsAttribute("sessionDraft")) {
            keepDraft(model, new WorkshopSessions.Plan(editing.title(), editing.localStartsAt(), editing.place(),
                    editing.capacity()));
        }
        model.addAttribute("sheets", sheets);
        model.addAttribute("sheet", sheets.stream().filter(s -> s.id().equals(sheet)).findFirst()
                .orElse(new Workshops.Sheet(null, null, "", "", "", "", "", "", "")));
        return "consultation/workshops/page";
    }

    @PostMapping("/ideas")
    String selectIdea(@PathVariable UUID id, @RequestParam(required = false) UUID proposal, RedirectAttributes redirect) {
        consultations.get(id);
        Forms.perform(redirect, "workshop.idea.selected", () -> workshops.selectIdea(id, proposal));
        return "redirect:/consultations/" + id + "/workshops";
    }

    @PostMapping("/sessions")
    String plan(@PathVariable UUID id, @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) String place, @RequestParam(required = false) Integer capacity,
            RedirectAttributes redirect) {
        consultations.get(id);
        WorkshopSessions.Plan plan = new WorkshopSessions.Plan(title, startsAt, place, capacity);
        if (!Forms.perform(redirect, "workshop.session.planned", () -> sessions.plan(id, plan))) {
            keepDraft(redirect, plan);
        }
        return "redirect:/consultations/" + id + "/workshops";
    }

    /**
     * Changes a session's title, date, place or capacity; a session whose date has passed is
     * corrected, without mails (see {@link WorkshopSessions#change}).
     */
    @PostMapping("/sessions/{sessionId}")
    String change(@PathVariable UUID id, @PathVariable UUID sessionId, @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) String place, @RequestParam(required = false) Integer capacity,
            RedirectAttributes redirect) {
        consultations.get(id);
        boolean past = sessions.session(id, sessionId).past();
        WorkshopSessions.Plan plan = new WorkshopSessions.Plan(title, startsAt, place, capacity);
        if (Forms.perform(redirect, past ? "workshop.session.corrected" : "workshop.session.changed", () -> {
            int told = sessions.change(id, sessionId, plan);
            if (!past) {
                redirect.addFlashAttribute("toldCount", told);
            }
        })) {
            return "redirect:/consultations/" + id + "/workshops";
        }
        keepDraft(redirect, plan);
        return "redirect:/consultations/" + id + "/workshops?session=" + sessionId + "#session-form";
    }

    /**
     * Cancels a session (the page asks for a confirmation first); its invited participants are
     * told, unless its date has passed (then it is recorded as not having taken place, without mails).
     */
    @PostMapping("/sessions/{sessionId}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID sessionId, RedirectAttributes redirect) {
        consultations.get(id);
        boolean past = sessions.session(id, sessionId).past();
        Forms.perform(redirect, past ? "workshop.session.cancelledPast" : "workshop.session.cancelled", () -> {
            int told = sessions.cancel(id, sessionId);
            if (!past) {
                redirect.addFlashAttribute("toldCount", told);
            }
        });
        return "redirect:/consultations/" + id + "/workshops";
    }

    @PostMapping("/sessions/{sessionId}/invite")
    String invite(@PathVariable UUID id, @PathVariable UUID sessionId, RedirectAttributes redirect) {
        consultations.get(id);
        Forms.perform(redirect, "workshop.invited", () -> redirect.addFlashAttribute("invitedCount",
                sessions.invite(id, sessionId)));
        return "redirect:/consultations/" + id + "/workshops";
    }

    /** A refused session form comes back with what was typed. */
    private static void keepDraft(RedirectAttributes redirect, WorkshopSessions.Plan plan) {
        redirect.addFlashAttribute("sessionDraft", draft(plan));
    }

    /** The session form filled with a session's values. */
    private static void keepDraft(Model model, WorkshopSessions.Plan plan) {
        model.addAttribute("sessionDraft", draft(plan));
    }

    private static Map<String, Object> draft(WorkshopSessions.Plan plan) {
        Map<String, Object> draft = new java.util.HashMap<>();
        draft.put("title", plan.title());
        draft.put("startsAt", plan.startsAt());
        draft.put("place", plan.place());
        draft.put("capacity", plan.capacity());
        return draft;
    }

    @PostMapping("/sheets")
    String saveSheet(@PathVariable UUID id, @RequestParam(required = false) UUID sheetId,
            @RequestParam(required = false) UUID ideaId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String problem, @RequestParam(required = false) String solution,
            @RequestParam(required = false) String actors, @RequestParam(required = false) String resources,
            @RequestParam(required = false) String steps, @RequestParam(required = false) String indicators,
            RedirectAttributes redirect) {
        consultations.get(id);
        boolean saved = Forms.perform(redirect, "workshop.sheet.saved", () -> workshops.saveSheet(id,
                new Workshops.Sheet(sheetId, ideaId, title, problem, solution, actors, resources, steps, indicators)));
        if (!saved) {
            redirect.addFlashAttribute("draft", new Workshops.Sheet(sheetId, ideaId, title, problem, solution, actors,
                    resources, steps, indicators));
        }
        return "redirect:/consultations/" + id + "/workshops" + (sheetId == null ? "" : "?sheet=" + sheetId) + "#sheet-form";
    }

    @GetMapping("/sheets.csv")
    ResponseEntity<byte[]> export(@PathVariable UUID id, Locale locale) {
        Consultations.Consultation c = consultations.get(id);
        Map<UUID, String> ideaText = ideaTexts(id);
        List<String> headers = List.of("workshop.sheet.idea.label", "workshop.sheet.title", "workshop.sheet.problem",
                "workshop.sheet.solution", "workshop.sheet.actors", "workshop.sheet.resources", "workshop.sheet.steps",
                "workshop.sheet.indicators").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        List<List<String>> rows = workshops.sheets(id).stream().map(s -> List.of(ideaText.getOrDefault(s.ideaId(), ""),
                s.title(), s.problem(), s.solution(), s.actors(), s.resources(), s.steps(), s.indicators())).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.CSV, "fiches", headers, rows, out);
        audit.record("consultation.workshop.sheets.exported", "consultation", id, Map.of("format", "CSV", "sheets", rows.size()));
        return Downloads.attachment(MediaType.parseMediaType(SpreadsheetFormat.CSV.mediaType()), "fiches-" + c.slug() + ".csv",
                out.toByteArray());
    }

    /** Every solution sheet of the consultation as a PDF, one sheet a page. */
    @GetMapping("/sheets.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id) {
        Consultations.Consultation c = consultations.get(id);
        List<Workshops.Sheet> sheets = workshops.sheets(id);
        byte[] body = sheetsPdf(c, sheets);
        audit.record("consultation.workshop.sheets.exported", "consultation", id, Map.of("format", "PDF", "sheets",
                sheets.size()));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "fiches-" + c.slug() + ".pdf", body);
    }

    /** One solution sheet as a PDF. */
    @GetMapping("/sheets/{sheetId}.pdf")
    ResponseEntity<byte[]> exportSheetPdf(@PathVariable UUID id, @PathVariable UUID sheetId) {
        Consultations.Consultation c = consultations.get(id);
        Workshops.Sheet sheet = workshops.sheet(id, sheetId);
        byte[] body = sheetsPdf(c, List.of(sheet));
        audit.record("consultation.workshop.sheets.exported", "consultation_solution_sheet", sheetId,
                Map.of("format", "PDF", "consultation", id.toString()));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "fiche-" + c.slug() + "-" + sheetId + ".pdf", body);
    }

    private byte[] sheetsPdf(Consultations.Consultation c, List<Workshops.Sheet> sheets) {
        return pdf.render("consultation/workshops/sheets", Map.of("consultation", c, "sheets", sheets,
                "ideas", ideaTexts(c.id()), "generatedOn", LocalDate.now(clock.withZone(PARIS))));
    }

    private Map<UUID, String> ideaTexts(UUID consultationId) {
        Map<UUID, String> ideaText = new java.util.HashMap<>();
        workshops.ideas(consultationId).forEach(i -> ideaText.put(i.id(), i.text()));
        return ideaText;
    }
}
