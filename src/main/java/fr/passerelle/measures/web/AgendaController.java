package fr.passerelle.measures.web;

import fr.passerelle.measures.Agenda;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The agenda: a case worker's appointments by week or by month (a service head may pick a colleague). */
@Controller
class AgendaController {

    private final Agenda agenda;

    AgendaController(Agenda agenda) {
        this.agenda = agenda;
    }

    @GetMapping("/agenda")
    @PreAuthorize("hasAuthority('measure:read')")
    String show(@RequestParam(defaultValue = "WEEK") Agenda.Span view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID worker, Model model) {
        Agenda.Period period = agenda.of(worker, view, date);
        List<Agenda.Worker> workers = agenda.workers();
        model.addAttribute("period", period);
        model.addAttribute("workers", workers);
        model.addAttribute("workerName", workers.stream().filter(w -> w.id().equals(period.workerId()))
                .map(Agenda.Worker::displayName).findFirst().orElse(null));
        model.addAttribute("worker", worker);
        model.addAttribute("links", java.util.Map.of(
                "previous", link(view, period.previous(), worker), "today", link(view, null, worker),
                "next", link(view, period.next(), worker), "week", link(Agenda.Span.WEEK, period.first(), worker),
                "month", link(Agenda.Span.MONTH, period.first(), worker)));
        return "agenda/show";
    }

    /** A link to another period or view, keeping the colleague shown (the date left out means today). */
    private static String link(Agenda.Span view, LocalDate date, UUID worker) {
        return UriComponentsBuilder.fromPath("/agenda").queryParam("view", view)
                .queryParamIfPresent("date", Optional.ofNullable(date))
                .queryParamIfPresent("worker", Optional.ofNullable(worker)).toUriString();
    }
}
