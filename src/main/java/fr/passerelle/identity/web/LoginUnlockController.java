package fr.passerelle.identity.web;

import fr.passerelle.identity.internal.LoginUnlocks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unlock links for a login name held back by failed sign-ins: asking for one (the answer is the
 * same whether the name exists or not), and opening it. Opening takes a click on a button (a
 * POST), so that a mail scanner following the link does not spend it.
 */
@Controller
class LoginUnlockController {

    private final LoginUnlocks unlocks;

    LoginUnlockController(LoginUnlocks unlocks) {
        this.unlocks = unlocks;
    }

    @GetMapping("/login/unlock")
    String form() {
        return "unlock/request";
    }

    @PostMapping("/login/unlock")
    String request(@RequestParam(defaultValue = "") String username, HttpServletRequest request, Locale locale,
            Model model) {
        if (unlocks.requestLink(username, request.getRemoteAddr(), locale)) {
            model.addAttribute("sent", true);
        } else {
            model.addAttribute("limited", true);
        }
        return "unlock/request";
    }

    @GetMapping("/login/unlock/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "unlock/open";
    }

    @PostMapping("/login/unlock/{token}")
    String open(@PathVariable String token, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (unlocks.open(token, request).isPresent()) {
            // A flash attribute, so that only this browser is told its login name was unlocked.
            redirect.addFlashAttribute("unlocked", true);
            return "redirect:/login";
        }
        model.addAttribute("token", token);
        model.addAttribute("invalid", true);
        return "unlock/open";
    }
}
