package fr.passerelle.measures.web;

import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.CalendarFeeds;
import fr.passerelle.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The case worker's calendar feed: its secret URL (created, renewed, revoked) and the ICS document itself. */
@Controller
class CalendarController {

    private final CalendarFeeds feeds;
    private final UserAccounts users;

    CalendarController(CalendarFeeds feeds, UserAccounts users) {
        this.feeds = feeds;
        this.users = users;
    }

    @GetMapping("/account/calendar")
    @PreAuthorize("hasAuthority('measure:read')")
    String page(Model model) {
        model.addAttribute("active", feeds.active());
        model.addAttribute("digest", users.ownDigestEnabled());
        return "account/calendar";
    }

    /** The daily digest of deadlines by email, on or off. */
    @PostMapping("/account/digest")
    @PreAuthorize("hasAuthority('measure:read')")
    String digest(@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        users.setOwnDigest(enabled);
        Forms.success(redirect, enabled ? "digest.turnedOn" : "digest.turnedOff");
        return "redirect:/account/calendar";
    }

    @PostMapping("/account/calendar")
    @PreAuthorize("hasAuthority('measure:read')")
    String renew(HttpServletRequest request, RedirectAttributes redirect) {
        String token = feeds.renew();
        redirect.addFlashAttribute("calendarUrl", ServletUriComponentsBuilder.fromContextPath(request)
                .path("/calendar/{token}.ics").buildAndExpand(token).toUriString());
        Forms.success(redirect, "calendar.created");
        return "redirect:/account/calendar";
    }

    @PostMapping("/account/calendar/revoke")
    @PreAuthorize("hasAuthority('measure:read')")
    String revoke(RedirectAttributes redirect) {
        feeds.revoke();
        Forms.success(redirect, "calendar.revoked");
        return "redirect:/account/calendar";
    }

    /** Public: the secret token is the credential; an unknown or revoked one is simply not found. */
    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.render(token)
                .map(ics -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                        .cacheControl(CacheControl.noStore()).body(ics))
                .orElse(ResponseEntity.notFound().build());
    }
}
