package fr.passerelle.measures.web;

import fr.passerelle.audit.AuditLog;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A measure's timeline alone, for htmx: the card filtered by kind, or the next (older) events
 * after a cursor. Without JavaScript the same links open the measure's page with the filter.
 */
@Controller
class TimelineController {

    private final TimelineLines timelineLines;
    private final AuditLog audit;

    TimelineController(TimelineLines timelineLines, AuditLog audit) {
        this.timelineLines = timelineLines;
        this.audit = audit;
    }

    @GetMapping("/measures/{id}/timeline")
    @PreAuthorize("hasAuthority('measure:read')")
    String timeline(@PathVariable UUID id, @RequestParam(required = false) String events,
            @RequestParam(required = false) String before, Locale locale, HtmxRequest htmx, Model model) {
        TimelineLines.View view = timelineLines.view(id, events, before, locale);
        audit.record("measure.viewed", "measure", id, Map.of("format", "timeline"));
        model.addAttribute("timeline", view);
        // "Show more" appends the older events to the list; a filter replaces the whole card.
        return htmx.isHtmxRequest() && view.before() != null ? "measures/timeline :: more" : "measures/timeline :: card";
    }
}
