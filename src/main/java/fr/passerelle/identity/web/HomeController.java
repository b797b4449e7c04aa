package fr.passerelle.identity.web;

import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.PasserelleUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The home page, whose content depends on the user's roles. */
@Controller
class HomeController {

    private final Organisations organisations;
    private final JsonMapper json;

    HomeController(Organisations organisations, JsonMapper json) {
        this.organisations = organisations;
        this.json = json;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PasserelleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.get(user.organisationId()));
        if (user.hasPermission("network:read")) {
            List<Organisations.RegionFigures> regions = organisations.associationsByRegion();
            model.addAttribute("regions", regions);
            model.addAttribute("regionsChart", json.writeValueAsString(Map.of(
                    "labels", regions.stream().map(Organisations.RegionFigures::region).toList(),
                    "values", regions.stream().map(Organisations.RegionFigures::associations).toList())));
        }
        return "home";
    }
}
