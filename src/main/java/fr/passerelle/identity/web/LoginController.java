package fr.passerelle.identity.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form itself is processed by Spring Security). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) Long throttled, Authentication authentication, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().noneMatch(a -> "MFA_PENDING".equals(a.getAuthority()))) {
            return "redirect:/";
        }
        model.addAttribute("loginError", error != null);
        model.addAttribute("loggedOut", logout != null);
        // Set only by the flash attribute of an unlock link opened in this browser.
        model.addAttribute("unlocked", Boolean.TRUE.equals(model.getAttribute("unlocked")));
        model.addAttribute("throttledSeconds", throttled == null ? null : Math.max(1, Math.min(throttled, 3600)));
        return "login";
    }
}
