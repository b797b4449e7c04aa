package fr.passerelle.identity.web;

import fr.passerelle.identity.ApiTokens;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's personal API tokens. A new token is shown once, in the answer to its
 * creation (not through the session), and never again.
 */
@Controller
class ApiTokensController {

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String page(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            model.addAttribute("newToken", tokens.create(name));
        } catch (FieldRefusal refusal) {
            model.addAttribute("nameError", refusal.messageKey());
            model.addAttribute("nameErrorArguments", refusal.arguments());
            model.addAttribute("name", name);
        }
        return page(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        Forms.success(redirect, "apiToken.revoked");
        return "redirect:/account/tokens";
    }
}
