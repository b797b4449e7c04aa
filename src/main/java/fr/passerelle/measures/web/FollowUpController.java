package fr.passerelle.measures.web;

import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Forms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Obligations, hours and days, incidents of a measure, and the report of an incident to the magistrate. */
@Controller
@PreAuthorize("hasAuthority('measure:write')")
class FollowUpController {

    private final FollowUp followUp;

    FollowUpController(FollowUp followUp) {
        this.followUp = followUp;
    }

    @PostMapping("/measures/{id}/obligations")
    String addObligation(@PathVariable UUID id, @RequestParam(required = false) String label, RedirectAttributes redirect) {
        return act(id, redirect, "obligation.added", () -> {
            followUp.addObligation(id, label);
            return id;
        });
    }

    @PostMapping("/obligations/{id}")
    String updateObligation(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        return act(followUp.measureOfObligation(id), redirect, "obligation.updated",
                () -> followUp.setObligationStatus(id, status, notes));
    }

    @PostMapping("/measures/{id}/quantities")
    String logQuantity(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate entryDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
            @RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        return act(id, redirect, "quantity.logged", () -> {
            followUp.logQuantity(id, entryDate, toDate, quantity, notes);
            return id;
        });
    }

    @PostMapping("/quantities/{id}")
    String correctQuantity(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate entryDate,
            @RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(followUp.measureOfEntry(id), redirect, "quantity.corrected",
                () -> followUp.correctEntry(id, entryDate, quantity, notes, reason));
    }

    @PostMapping("/quantities/{id}/delete")
    String deleteQuantity(@PathVariable UUID id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(followUp.measureOfEntry(id), redirect, "quantity.deleted", () -> followUp.deleteEntry(id, reason));
    }

    @PostMapping("/measures/{id}/incidents")
    String recordIncident(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @RequestParam(required = false) IncidentKind kind, @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        return act(id, redirect, "incident.recorded", () -> {
            followUp.recordIncident(id, occurredOn, kind, description);
            return id;
        });
    }

    @PostMapping("/incidents/{id}/report")
    String report(@PathVariable UUID id, @RequestParam(required = false) String reportedTo, RedirectAttributes redirect) {
        return act(followUp.measureOfIncident(id), redirect, "incident.reported", () -> followUp.report(id, reportedTo));
    }

    /**
     * Runs an action and goes back to the measure's page with its outcome; a refusal is shown there
     * (unknown or foreign objects remain "not found").
     */
    private static String act(UUID measureId, RedirectAttributes redirect, String successKey, Supplier<UUID> action) {
        try {
            UUID measure = action.get();
            Forms.success(redirect, successKey);
            return "redirect:/measures/" + measure;
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            Forms.error(redirect, refusal.messageKey(), refusal.arguments());
            return "redirect:/measures/" + measureId;
        }
    }
}
