package fr.passerelle.network.web;

import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.Profile;
import fr.passerelle.network.ProfileChanges;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The federation's queue of profile changes: each one against the published profile, approved or rejected. */
@Controller
@RequestMapping("/network/changes")
@PreAuthorize("hasAuthority('network:validate')")
class ChangesController {

    private final ProfileChanges changes;
    private final Directory directory;
    private final Courts courts;
    private final MessageSource messages;

    ChangesController(ProfileChanges changes, Directory directory, Courts courts, MessageSource messages) {
        this.messages = messages;
        this.changes = changes;
        this.directory = directory;
        this.courts = courts;
    }

    @GetMapping
    String queue(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("changes", changes.queue(ResultPage.sanitizePage(page)));
        return "network/changes/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        ProfileChanges.Change change = changes.get(id);
        Profile published = directory.published(change.organisationId()).orElse(null);
        model.addAttribute("change", change);
        model.addAttribute("published", published);
        model.addAttribute("changed", change.profile().differences(published));
        model.addAttribute("rows", rows(change.profile(), published));
        return "network/changes/show";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        if (Forms.perform(redirect, "profile.change.approved", () -> changes.approve(id))) {
            return "redirect:/network/changes";
        }
        return "redirect:/network/changes/" + id;
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (Forms.perform(redirect, "profile.change.rejected", () -> changes.reject(id, reason))) {
            return "redirect:/network/changes";
        }
        redirect.addFlashAttribute("reason", reason);
        return "redirect:/network/changes/" + id;
    }

    /** One line of the comparison: a field, its published and proposed values (as lines of text), whether it changed. */
    record Row(String field, List<String> published, List<String> proposed, List<String> added, List<String> removed,
            boolean changed) {}

    private List<Row> rows(Profile proposed, Profile published) {
        List<String> changed = proposed.differences(published);
        List<Row> rows = new ArrayList<>();
        for (String field : Profile.FIELDS) {
            List<String> before = published == null ? List.of() : values(field, published);
            List<String> after = values(field, proposed);
            List<String> added = after.stream().filter(v -> !before.contains(v)).toList();
            List<String> removed = before.stream().filter(v -> !after.contains(v)).toList();
            rows.add(new Row(field, before, after, added, removed, changed.contains(field)));
        }
        return rows;
    }

    private List<String> values(String field, Profile p) {
        Object value = switch (field) {
            case "address" -> p.address();
            case "postcode" -> p.postcode();
            case "city" -> p.city();
            case "coordinates" -> p.latitude() == null ? null : p.latitude().toPlainString() + ", " + p.longitude().toPlainString();
            case "phone" -> p.phone();
            case "email" -> p.email();
            case "website" -> p.website();
            case "description" -> p.description();
            case "mainField" -> p.mainField() == null ? null
                    : messages.getMessage(p.mainField().labelKey(), null, LocaleContextHolder.getLocale());
            case "courts" -> courts.judicialCourts(p.courts()).stream().map(Courts.JudicialCourt::name).toList();
            case "activities" -> directory.activities(p.activities()).stream().map(Directory.Activity::label).toList();
            default -> throw new IllegalArgumentException(field);
        };
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
