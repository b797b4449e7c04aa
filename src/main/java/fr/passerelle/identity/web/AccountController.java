package fr.passerelle.identity.web;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.identity.internal.UserSessions;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: changing their password (which ends their other sessions). */
@Controller
class AccountController {

    private final UserAccounts users;
    private final UserSessions sessions;

    AccountController(UserAccounts users, UserSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String form(@ModelAttribute("form") PasswordForm form) {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes redirect,
            @AuthenticationPrincipal PasserelleUser user, HttpServletRequest request, HttpServletResponse response) {
        if (!Objects.equals(form.getNewPassword(), form.getConfirmation())) {
            result.rejectValue("confirmation", "account.password.mismatch");
            return "account/password";
        }
        try {
            users.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal.field().equals("password")
                    ? new FieldRefusal("newPassword", refusal.messageKey(), refusal.arguments()) : refusal);
            return "account/password";
        }
        sessions.renew(user, request, response);
        Forms.success(redirect, "account.password.changed");
        return "redirect:/";
    }
}
