package fr.passerelle.measures.api;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.measures.MeasureTimeline;
import fr.passerelle.measures.Measures;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Measures: the caseload views with their filters, a measure with its status steps, its full timeline, creation, lifecycle actions. */
@RestController
@RequestMapping(path = "/api/v1/measures", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Measures", description = "Measures created from judicial mandates and their lifecycle")
class MeasuresApi {

    private final Measures measures;
    private final Caseloads caseloads;
    private final MeasureTimeline timeline;
    private final AuditLog audit;

    MeasuresApi(Measures measures, Caseloads caseloads, MeasureTimeline timeline, AuditLog audit) {
        this.audit = audit;
        this.measures = measures;
        this.caseloads = caseloads;
        this.timeline = timeline;
    }

    /** A measure, the actions its status allows now, and its timeline. */
    record MeasureView(Measures.Measure measure, Set<MeasureAction> availableActions, List<Measures.Step> timeline) {}

    /** The judicial mandate a measure is created from, for a person of the caller's association. */
    record MandateInput(UUID personId, UUID measureTypeId, String courtCode, String prescriberType,
            String prescriberName, String parquetNumber, String instructionNumber, LocalDate receivedOn,
            LocalDate dueOn, BigDecimal orderedQuantity) {}

    /**
     * A lifecycle action and what it needs: {@code assigneeId} to (re)assign, {@code effectiveOn} to
     * start, end or close, {@code outcome} to end, {@code reason} to suspend.
     */
    record ActionInput(MeasureAction action, UUID assigneeId, LocalDate effectiveOn, MeasureOutcome outcome,
            String reason) {}

    @GetMapping
    @PreAuthorize("hasAuthority('measure:read')")
    @Operation(summary = "A caseload view (ALL by default) with the caseload's filters; keyset pagination by nextCursor")
    Caseloads.Page list(@RequestParam(defaultValue = "ALL") Caseloads.View view,
            @RequestParam(required = false) UUID type, @RequestParam(required = false) String field,
            @RequestParam(required = false) MeasureStatus status, @RequestParam(required = false) String court,
            @RequestParam(required = false) UUID worker,
            @RequestParam(defaultValue = "RECEIVED") Caseloads.Sort sort,
            @RequestParam(required = false) String cursor) {
        Caseloads.Page page = caseloads.page(view, new Caseloads.Filters(type, field, status, court, worker), sort, cursor);
        audit.record("caseload.listed", "caseload", view.name(), Map.of("lines", page.lines().size()));
        return page;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('measure:read')")
    @Operation(summary = "A measure with its timeline and the actions allowed now")
    MeasureView get(@PathVariable UUID id) {
        MeasureView view = view(id);
        audit.record("measure.viewed", "measure", id, Map.of("format", "api"));
        return view;
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize("hasAuthority('measure:read')")
    @Operation(summary = "Every event of a measure, newest first, " + MeasureTimeline.PAGE_SIZE + " a page: "
            + "filter by kind, the older events with before=next; report and document events only for the roles "
            + "that read reports")
    MeasureTimeline.Page timeline(@PathVariable UUID id, @RequestParam(required = false) MeasureTimeline.Kind kind,
            @RequestParam(required = false) String before) {
        MeasureTimeline.Page page = timeline.page(id, kind, before);
        audit.record("measure.viewed", "measure", id, Map.of("format", "api-timeline"));
        return page;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:write')")
    @Operation(summary = "Create a measure from a mandate (status RECEIVED)")
    ResponseEntity<Created> create(@RequestBody MandateInput m) {
        if (m.personId() == null) {
            throw new FieldRefusal("personId", "api.measure.person.required");
        }
        UUID id = measures.create(m.personId(), new Measures.Mandate(m.measureTypeId(), m.courtCode(),
                m.prescriberType(), m.prescriberName(), m.parquetNumber(), m.instructionNumber(), m.receivedOn(),
                m.dueOn(), m.orderedQuantity()));
        return Created.at("/api/v1/measures/{id}", id);
    }

    @PostMapping(path = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:write') or hasAuthority('measure:assign')")
    @Operation(summary = "Apply a lifecycle action; 409 when the measure's status does not allow it or a fact is missing")
    MeasureView act(@PathVariable UUID id, @RequestBody ActionInput input) {
        if (input.action() == null) {
            throw new FieldRefusal("action", "api.measure.action.required");
        }
        if (!TenantContext.hasAuthority(input.action().permission())) {
            throw new AccessDeniedException(input.action().permission() + " required");
        }
        measures.perform(id, input.action(), new Measures.ActionInput(input.assigneeId(), input.effectiveOn(),
                input.outcome(), input.reason()));
        return view(id);
    }

    private MeasureView view(UUID id) {
        Measures.Measure measure = measures.get(id);
        return new MeasureView(measure, measures.availableActions(measure), measures.timeline(id));
    }
}
