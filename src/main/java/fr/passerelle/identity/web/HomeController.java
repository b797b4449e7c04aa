package fr.passerelle.identity.web;

import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.PasserelleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page, whose content depends on the user's roles. */
@Controller
class HomeController {

    private final Organisations organisations;

    HomeController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PasserelleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.get(user.organisationId()));
        return "home";
    }
}
