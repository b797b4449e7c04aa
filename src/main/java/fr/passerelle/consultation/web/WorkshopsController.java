package fr.passerelle.consultation.web;

import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationResults;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Workshops;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.shared.web.Forms;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import fr.passerelle.shared.web.Downloads;
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

/** Organisers' workshops page: ideas from the results, sessions and invitations, solution sheets and their export. */
@Controller
@RequestMapping("/consultations/{id}/workshops")
@PreAuthorize("hasAuthority('consultation:manage')")
class WorkshopsController {

    private final Consultations consultations;
    private final Workshops workshops;
    private final ConsultationResults results;
    private final AnalysisJobs jobs;
    private final MessageSource messages;
    private final fr.passerelle.audit.AuditLog audit;

    WorkshopsController(Consultations consultations, Workshops workshops, ConsultationResults results, AnalysisJobs jobs,
            MessageSource messages, fr.passerelle.audit.AuditLog audit) {
        this.consultations = consultations;
        this.workshops = workshops;
        this.results = results;
        this.jobs = jobs;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    String page(@PathVariable UUID id, @RequestParam(required = false) UUID sheet, Model model) {
        Consultations.Consultation c = consultations.get(id);
        ConsultationResults.Results r = results.of(c, consultations.counters(id), jobs.latestDone(id), ResultsController.TOP);
        List<Workshops.Idea> ideas = workshops.ideas(id);
        List<Workshops.Sheet> sheets = workshops.sheets(id);
        model.addAttribute("consultation", c);
        model.addAttribute("candidates", java.util.stream.Stream.concat(r.consensus().stream(), r.controversies().stream())
                .filter(s -> ideas.stream().noneMatch(i -> i.proposalId().equals(s.id()))).distinct().toList());
        model.addAttribute("ideas", ideas);
        model.addAttribute("sessions", workshops.sessions(id));
        model.addAttribute("reachable", workshops.reachable(id));
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
        if (!Forms.perform(redirect, "workshop.session.planned",
                () -> workshops.planSession(id, title, startsAt, place, capacity))) {
            // Refused: the form comes back with what was typed.
            Map<String, Object> draft = new java.util.HashMap<>();
            draft.put("title", title);
            draft.put("startsAt", startsAt);
            draft.put("place", place);
            draft.put("capacity", capacity);
            redirect.addFlashAttribute("sessionDraft", draft);
        }
        return "redirect:/consultations/" + id + "/workshops";
    }

    @PostMapping("/sessions/{sessionId}/invite")
    String invite(@PathVariable UUID id, @PathVariable UUID sessionId, RedirectAttributes redirect) {
        consultations.get(id);
        Forms.perform(redirect, "workshop.invited", () -> redirect.addFlashAttribute("invitedCount",
                workshops.invite(id, sessionId)));
        return "redirect:/consultations/" + id + "/workshops";
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
        Map<UUID, String> ideaText = new java.util.HashMap<>();
        workshops.ideas(id).forEach(i -> ideaText.put(i.id(), i.text()));
        List<String> headers = List.of("workshop.sheet.idea.label", "workshop.sheet.title", "workshop.sheet.problem",
                "workshop.sheet.solution", "workshop.sheet.actors", "workshop.sheet.resources", "workshop.sheet.steps",
                "workshop.sheet.indicators").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        List<List<String>> rows = workshops.sheets(id).stream().map(s -> List.of(ideaText.getOrDefault(s.ideaId(), ""),
                s.title(), s.problem(), s.solution(), s.actors(), s.resources(), s.steps(), s.indicators())).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.CSV, "fiches", headers, rows, out);
        audit.record("consultation.workshop.sheets.exported", "consultation", id, Map.of("sheets", rows.size()));
        return Downloads.attachment(MediaType.parseMediaType(SpreadsheetFormat.CSV.mediaType()), "fiches-" + c.slug() + ".csv",
                out.toByteArray());
    }
}
