package fr.passerelle.consultation.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationResults;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.engine.ProposalScores;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.shared.web.Forms;
import jakarta.servlet.http.HttpServletResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import fr.passerelle.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results dashboard of organisers and analysts: participation, proposals by status, rankings,
 * the opinion-group map and profile splits; the analysis job (started here, progress polled by
 * htmx); CSV exports (never personal data) and the PDF report.
 */
@Controller
@PreAuthorize("hasAuthority('consultation:analyse')")
class ResultsController {

    static final int TOP = 10;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Consultations consultations;
    private final ConsultationResults results;
    private final AnalysisJobs jobs;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    ResultsController(Consultations consultations, ConsultationResults results, AnalysisJobs jobs, PdfDocuments pdf,
            MessageSource messages, AuditLog audit, JsonMapper json, Clock clock) {
        this.consultations = consultations;
        this.results = results;
        this.jobs = jobs;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/results")
    String list(Model model) {
        model.addAttribute("consultations", consultations.list());
        model.addAttribute("titleKey", "results.list.title");
        model.addAttribute("prefix", "/consultations/");
        model.addAttribute("suffix", "/results");
        return "consultation/choose";
    }

    /**
     * The dashboard; {@code split} names the profile question the splits are by. An htmx request
     * (the split selector) gets the splits section only.
     */
    @GetMapping("/consultations/{id}/results")
    String dashboard(@PathVariable UUID id, @RequestParam(required = false) String split, HtmxRequest htmx, Model model,
            Locale locale) {
        Consultations.Consultation c = consultations.get(id);
        model.addAttribute("splitsAction", "/consultations/" + id + "/results");
        if (htmx.isHtmxRequest()) {
            // The split selector: that section only.
            model.addAttribute("splits", results.splits(c, jobs.latestDone(id), TOP, split).orElse(null));
            return "consultation/results/fragments :: splits-section";
        }
        // The job before the results: a job that ends in between then shows as running (the page
        // polls and reloads), never as done above results that do not hold it yet.
        AnalysisJobs.Job job = jobs.latest(id).orElse(null);
        ConsultationResults.Results r = results.of(c, consultations.counters(id), jobs.latestDone(id), TOP, split);
        model.addAttribute("r", r);
        model.addAttribute("job", job);
        model.addAttribute("map", r.analysis().map(ResultsMap::of).orElse(null));
        model.addAttribute("suspicion", results.suspicion(id));
        model.addAttribute("audience", results.audience(id));
        ParticipationChart chart = ParticipationChart.of(r.participation());
        model.addAttribute("participationChart", json.writeValueAsString(chart.data(
                Map.of("participants", messages.getMessage("consultation.counter.participants", null, locale),
                        "proposals", messages.getMessage("consultation.counter.proposals", null, locale),
                        "votes", messages.getMessage("consultation.counter.votes", null, locale)),
                List.of(messages.getMessage("results.chart.axisLeft", null, locale),
                        messages.getMessage("results.chart.axisRight", null, locale)))));
        return "consultation/results/dashboard";
    }

    @PostMapping("/consultations/{id}/analysis")
    String analyse(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "analysis.started", () -> jobs.request(id));
        return "redirect:/consultations/" + id + "/results";
    }

    /** Polled while the job runs; asks the page to reload when it is over. */
    @GetMapping("/consultations/{id}/analysis/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        // Polled every second: the job alone (row-level security and the permission guard it). No job
        // here — another organisation's consultation, or one never analysed — is not found.
        AnalysisJobs.Job job = jobs.latest(id).orElseThrow(fr.passerelle.shared.BusinessException::notFound);
        model.addAttribute("job", job);
        model.addAttribute("consultationId", id);
        if (!job.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "consultation/results/dashboard :: progress";
    }

    /** Accepted proposals with their vote counts, scores, zones and group-aware consensus. */
    @GetMapping("/consultations/{id}/results/proposals.csv")
    ResponseEntity<byte[]> proposalsCsv(@PathVariable UUID id, Locale locale) {
        Consultations.Consultation c = consultations.get(id);
        ConsultationResults.Results r = results.of(c, consultations.counters(id), jobs.latestDone(id), TOP);
        List<String> headers = List.of("results.csv.id", "results.csv.text", "results.csv.themes", "results.csv.votes",
                "results.csv.agree", "results.csv.disagree", "results.csv.neutral", "results.csv.top",
                "results.csv.topLower", "results.csv.controversy", "results.csv.controversyLower", "results.csv.zone",
                "results.csv.consensus").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (ConsultationResults.Scored s : r.all()) {
            ProposalScores p = s.scores();
            rows.add(java.util.Arrays.asList(s.id().toString(), s.text(), String.join(", ", s.themes()),
                    String.valueOf(s.votes()), num(p.agree().value()), num(p.disagree().value()), num(p.neutral().value()),
                    num(p.top().value()), num(p.top().lower()), num(p.controversy().value()), num(p.controversy().lower()),
                    messages.getMessage("results.zone." + s.zone(), null, locale),
                    s.consensusGeometricMean() == null ? null : num(s.consensusGeometricMean())));
        }
        return csv(c, "propositions", headers, rows);
    }

    /**
     * Votes aggregated per proposal, counter kind and key (with the qualifications): no participant
     * appears. Every column says what it counts: a qualification names its vote key too ("Platitude"
     * exists for agree and for disagree).
     */
    @GetMapping("/consultations/{id}/results/votes.csv")
    ResponseEntity<byte[]> votesCsv(@PathVariable UUID id, Locale locale) {
        Consultations.Consultation c = consultations.get(id);
        List<String> headers = new ArrayList<>(List.of("results.csv.votes.proposalId", "results.csv.votes.text",
                "results.csv.votes.kind"));
        headers.replaceAll(k -> messages.getMessage(k, null, locale));
        for (fr.passerelle.consultation.engine.VoteKey key : fr.passerelle.consultation.engine.VoteKey.values()) {
            headers.add(messages.getMessage("results.csv.votes.keyCount",
                    new Object[] {messages.getMessage("consultation.key." + key, null, locale)}, locale));
        }
        for (Qualification q : Qualification.values()) {
            headers.add(messages.getMessage("results.csv.votes.qualificationCount",
                    new Object[] {messages.getMessage("consultation.qualification." + q, null, locale),
                        messages.getMessage("consultation.key." + q.key(), null, locale)}, locale));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ConsultationResults.Aggregate a : results.aggregates(id)) {
            List<String> row = new ArrayList<>(List.of(a.proposalId().toString(), a.text(), a.kind(),
                    String.valueOf(a.tally().agree()), String.valueOf(a.tally().disagree()),
                    String.valueOf(a.tally().neutral())));
            for (Qualification q : Qualification.values()) {
                row.add(String.valueOf(a.tally().count(q)));
            }
            rows.add(row);
        }
        return csv(c, "votes", headers, rows);
    }

    @GetMapping("/consultations/{id}/results/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(required = false) String split) {
        Consultations.Consultation c = consultations.get(id);
        // Once published, the report is the published moment, as the public page.
        ResultsMoment moment = ResultsMoment.of(consultations, jobs, id);
        ConsultationResults.Results r = results.of(c, moment.counters(consultations, id), moment.analysis(), TOP, split,
                moment.snapshot());
        Map<String, Object> model = new java.util.HashMap<>(Map.of("r", r, "chart", ParticipationChart.of(r.participation()),
                "generatedOn", LocalDate.now(clock.withZone(PARIS))));
        r.analysis().map(ResultsMap::of).ifPresent(map -> model.put("map", map));
        byte[] body = pdf.render("consultation/results/report", model);
        audit.record("consultation.results.exported", "consultation", id, Map.of("format", "PDF"));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "resultats-" + c.slug() + ".pdf", body);
    }

    private ResponseEntity<byte[]> csv(Consultations.Consultation c, String what, List<String> headers,
            List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.CSV, what, headers, rows, out);
        audit.record("consultation.results.exported", "consultation", c.id(), Map.of("format", "CSV", "what", what));
        return Downloads.attachment(MediaType.parseMediaType(SpreadsheetFormat.CSV.mediaType()), what + "-" + c.slug() + ".csv",
                out.toByteArray());
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
