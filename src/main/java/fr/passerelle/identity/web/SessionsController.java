package fr.passerelle.identity.web;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.internal.UserSessions;
import fr.passerelle.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's open sessions: the list, signing one out, signing out everywhere. */
@Controller
class SessionsController {

    private final UserSessions sessions;

    SessionsController(UserSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String list(@AuthenticationPrincipal PasserelleUser user, HttpServletRequest request, Model model) {
        HttpSession current = request.getSession(false);
        model.addAttribute("sessions", sessions.list(user, current == null ? null : current.getId()));
        return "account/sessions";
    }

    @PostMapping("/account/sessions/{id}/sign-out")
    String signOut(@AuthenticationPrincipal PasserelleUser user, @PathVariable String id,
            RedirectAttributes redirect) {
        if (sessions.signOut(user, id)) {
            Forms.success(redirect, "session.signedOut");
        }
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal PasserelleUser user, HttpServletRequest request) {
        sessions.signOutEverywhere(user);
        HttpSession current = request.getSession(false);
        if (current != null) {
            current.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "account/signed-out";
    }
}
