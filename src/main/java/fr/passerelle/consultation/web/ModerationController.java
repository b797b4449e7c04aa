package fr.passerelle.consultation.web;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Moderation;
import fr.passerelle.consultation.RefusalReason;
import fr.passerelle.shared.web.Forms;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * Moderators' pages: consultations with their pending counts, the queue of one consultation (with
 * bulk actions), and one proposal, locked for the moderator while the page is open (htmx renews
 * the lock); after a decision the next free proposal opens.
 */
@Controller
@RequestMapping("/moderation")
@PreAuthorize("hasAuthority('consultation:moderate')")
class ModerationController {

    private final Consultations consultations;
    private final Moderation moderation;

    ModerationController(Consultations consultations, Moderation moderation) {
        this.consultations = consultations;
        this.moderation = moderation;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("consultations", consultations.list());
        model.addAttribute("titleKey", "moderation.title");
        model.addAttribute("prefix", "/moderation/");
        model.addAttribute("suffix", "");
        return "consultation/choose";
    }

    @GetMapping("/{id}")
    String queue(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean postponed,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Consultations.Consultation c = consultations.get(id);
        List<Moderation.Item> items = moderation.queue(id, postponed, page);
        model.addAttribute("consultation", c);
        model.addAttribute("items", items.stream().limit(Moderation.QUEUE_PAGE).toList());
        model.addAttribute("hasNext", items.size() > Moderation.QUEUE_PAGE);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("postponed", postponed);
        model.addAttribute("reasons", reasons(c));
        return "consultation/moderation/queue";
    }

    @PostMapping("/{id}/next")
    String next(@PathVariable UUID id, RedirectAttributes redirect) {
        consultations.get(id);
        return nextOrQueue(id, redirect);
    }

    @PostMapping("/{id}/bulk")
    String bulk(@PathVariable UUID id, @RequestParam(name = "proposal", required = false) List<UUID> proposals,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        consultations.get(id);
        Optional<Moderation.Decision> d = parse(Moderation.Decision.class, decision);
        if (d.isEmpty()) {
            Forms.error(redirect, "moderation.bulk.decision");
            return "redirect:/moderation/" + id;
        }
        Forms.perform(redirect, "moderation.bulk.done", () -> redirect.addFlashAttribute("bulk", moderation.bulk(id,
                proposals == null ? List.of() : proposals, d.get(), parse(RefusalReason.class, reason).orElse(null))));
        return "redirect:/moderation/" + id;
    }

    @GetMapping("/proposals/{proposalId}")
    String proposal(@PathVariable UUID proposalId, Model model) {
        Moderation.Item item = moderation.open(proposalId);
        Consultations.Consultation c = consultations.get(item.consultationId());
        model.addAttribute("item", item);
        model.addAttribute("consultation", c);
        model.addAttribute("reasons", reasons(c));
        model.addAttribute("hints", moderation.hints(proposalId));
        // A rephrasing: the moderator sees the refused version and why it was refused.
        model.addAttribute("rephrased", item.rephrases() == null ? null : moderation.get(item.rephrases()));
        model.addAttribute("lockMinutes", Moderation.LOCK.toMinutes());
        return "consultation/moderation/proposal";
    }

    /** Renews the lock while the page is open (htmx, every minute); says when it was lost. */
    @PostMapping("/proposals/{proposalId}/lock")
    String renew(@PathVariable UUID proposalId, Model model) {
        moderation.get(proposalId);
        model.addAttribute("held", moderation.renew(proposalId));
        model.addAttribute("lockMinutes", Moderation.LOCK.toMinutes());
        return "consultation/moderation/proposal :: lock";
    }

    @PostMapping("/proposals/{proposalId}/accept")
    String accept(@PathVariable UUID proposalId, RedirectAttributes redirect) {
        return decide(proposalId, redirect, "moderation.accepted", () -> moderation.accept(proposalId));
    }

    @PostMapping("/proposals/{proposalId}/refuse")
    String refuse(@PathVariable UUID proposalId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Optional<RefusalReason> r = parse(RefusalReason.class, reason);
        return decide(proposalId, redirect, "moderation.refused", () -> moderation.refuse(proposalId, r.orElse(null)));
    }

    @PostMapping("/proposals/{proposalId}/postpone")
    String postpone(@PathVariable UUID proposalId, RedirectAttributes redirect) {
        return decide(proposalId, redirect, "moderation.postponed", () -> moderation.postpone(proposalId));
    }

    @PostMapping("/proposals/{proposalId}/themes")
    String themes(@PathVariable UUID proposalId, @RequestParam(name = "theme", required = false) List<UUID> themes,
            RedirectAttributes redirect) {
        moderation.get(proposalId);
        Forms.perform(redirect, "moderation.tagged", () -> moderation.tag(proposalId, themes == null ? List.of() : themes));
        return "redirect:/moderation/proposals/" + proposalId;
    }

    private String decide(UUID proposalId, RedirectAttributes redirect, String successKey, Runnable action) {
        Moderation.Item item = moderation.get(proposalId);
        if (!Forms.perform(redirect, successKey, action)) {
            return "redirect:/moderation/proposals/" + proposalId;
        }
        return nextOrQueue(item.consultationId(), redirect);
    }

    private String nextOrQueue(UUID consultationId, RedirectAttributes redirect) {
        return moderation.next(consultationId).map(next -> "redirect:/moderation/proposals/" + next).orElseGet(() -> {
            redirect.addFlashAttribute("queueEmpty", true);
            return "redirect:/moderation/" + consultationId;
        });
    }

    private static List<RefusalReason> reasons(Consultations.Consultation c) {
        return java.util.Arrays.stream(RefusalReason.values()).filter(c.refusalReasons()::contains).toList();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
