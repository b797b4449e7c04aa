package fr.passerelle.network.web;

import fr.passerelle.network.Forum;
import fr.passerelle.network.Meetings;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
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
 * The forum: categories, threads, replies and quotes, subscriptions and reports for every signed-in
 * reader (row-level security decides where), moderation for the federation's staff.
 */
@Controller
@RequestMapping("/network/forum")
class ForumController {

    private final Forum forum;
    private final Meetings meetings;

    ForumController(Forum forum, Meetings meetings) {
        this.forum = forum;
        this.meetings = meetings;
    }

    @GetMapping
    String categories(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("categories", forum.categories());
        model.addAttribute("q", q == null ? "" : q.strip());
        try {
            model.addAttribute("found", forum.search(q));
        } catch (FieldRefusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("found", java.util.List.of());
        }
        model.addAttribute("openReports", forum.openReportCount());
        model.addAttribute("mailMode", forum.mailMode());
        model.addAttribute("mailModes", Forum.MailMode.values());
        if (fr.passerelle.shared.TenantContext.hasAuthority(fr.passerelle.identity.Permissions.FORUM_MODERATE)) {
            model.addAttribute("bodies", meetings.bodies());
        }
        return "network/forum/categories";
    }

    /** The signed-in person's choice of forum mails: at each reply, a daily digest, or none. */
    @PostMapping("/mail-mode")
    String chooseMailMode(@RequestParam(defaultValue = "") String mode, RedirectAttributes redirect) {
        Forum.MailMode chosen = java.util.Arrays.stream(Forum.MailMode.values()).filter(m -> m.name().equals(mode))
                .findFirst().orElse(null);
        Forms.perform(redirect, "forum.mailMode.chosenOk", () -> forum.chooseMailMode(chosen));
        return "redirect:/network/forum";
    }

    @PostMapping("/categories")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String createCategory(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) UUID bodyId, RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        if (Forms.perform(redirect, "forum.category.created", () -> created[0] = forum.createCategory(name, description, bodyId))) {
            return "redirect:/network/forum/categories/" + created[0];
        }
        return "redirect:/network/forum";
    }

    @GetMapping("/categories/{id}")
    String category(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("category", forum.category(id));
        model.addAttribute("threads", forum.threads(id, ResultPage.sanitizePage(page)));
        return "network/forum/category";
    }

    @PostMapping("/categories/{id}/threads")
    String startThread(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        UUID[] started = new UUID[1];
        if (Forms.perform(redirect, "forum.thread.startedOk", () -> started[0] = forum.startThread(id, title, body))) {
            return "redirect:/network/forum/threads/" + started[0];
        }
        redirect.addFlashAttribute("draftTitle", title);
        redirect.addFlashAttribute("draftBody", body);
        return "redirect:/network/forum/categories/" + id;
    }

    @GetMapping("/threads/{id}")
    String thread(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) UUID quote, Model model) {
        Forum.Thread thread = forum.thread(id);
        model.addAttribute("thread", thread);
        model.addAttribute("posts", forum.posts(id, ResultPage.sanitizePage(page)));
        model.addAttribute("subscribed", forum.subscribed(id));
        if (quote != null && !model.containsAttribute("draftBody")) {
            model.addAttribute("draftBody", forum.quote(id, quote));
            model.addAttribute("quotedPostId", quote);
        }
        if (fr.passerelle.shared.TenantContext.hasAuthority(fr.passerelle.identity.Permissions.FORUM_MODERATE)) {
            model.addAttribute("categories", forum.categories());
        }
        return "network/forum/thread";
    }

    @PostMapping("/threads/{id}/posts")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) UUID quotedPostId, RedirectAttributes redirect) {
        int[] number = new int[1];
        if (Forms.perform(redirect, "forum.post.writtenOk", () -> number[0] = forum.reply(id, body, quotedPostId))) {
            return "redirect:/network/forum/threads/" + id + "?page=" + ((number[0] - 1) / Forum.POSTS_PAGE) + "#post-" + number[0];
        }
        redirect.addFlashAttribute("draftBody", body);
        return "redirect:/network/forum/threads/" + id + (quotedPostId == null ? "" : "?quote=" + quotedPostId);
    }

    @PostMapping("/threads/{id}/subscription")
    String subscribe(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean subscribe,
            RedirectAttributes redirect) {
        Forms.perform(redirect, subscribe ? "forum.subscribedOk" : "forum.unsubscribedOk", () -> forum.subscribe(id, subscribe));
        return "redirect:/network/forum/threads/" + id;
    }

    @PostMapping("/posts/{id}/report")
    String report(@PathVariable UUID id, @RequestParam UUID threadId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "forum.report.sent", () -> forum.report(id, reason));
        return "redirect:/network/forum/threads/" + threadId;
    }

    @PostMapping("/posts/{id}/hide")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String hide(@PathVariable UUID id, @RequestParam UUID threadId, @RequestParam(defaultValue = "true") boolean hidden,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean fromReports,
            RedirectAttributes redirect) {
        Forms.perform(redirect, hidden ? "forum.post.hiddenOk" : "forum.post.shownOk", () -> forum.hide(id, hidden, reason));
        return fromReports ? "redirect:/network/forum/reports" : "redirect:/network/forum/threads/" + threadId;
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String reports(Model model) {
        model.addAttribute("reports", forum.openReports());
        return "network/forum/reports";
    }

    @PostMapping("/reports/{id}/dismiss")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String dismiss(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "forum.report.dismissedOk", () -> forum.dismiss(id));
        return "redirect:/network/forum/reports";
    }

    @PostMapping("/threads/{id}/lock")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String lock(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "true") boolean locked,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Forms.perform(redirect, locked ? "forum.thread.lockedOk" : "forum.thread.unlockedOk",
                () -> forum.lock(id, rowVersion, locked, reason));
        return "redirect:/network/forum/threads/" + id;
    }

    @PostMapping("/threads/{id}/move")
    @PreAuthorize("hasAuthority('forum:moderate')")
    String move(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(required = false) UUID categoryId,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "forum.thread.movedOk", () -> forum.move(id, rowVersion, categoryId));
        return "redirect:/network/forum/threads/" + id;
    }
}
