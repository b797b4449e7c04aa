package fr.passerelle.identity.web;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the organisation's user accounts. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('user:manage')")
class UserAdminController {

    private final UserAccounts users;
    private final AssociationServices services;

    UserAdminController(UserAccounts users, AssociationServices services) {
        this.users = users;
        this.services = services;
    }

    @InitBinder("form")
    void restrictBinding(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer page,
            HtmxRequest htmx, Model model) {
        ResultPage<UserAccounts.UserSummary> result = users.list(q, ResultPage.sanitizePage(page));
        model.addAttribute("users", result);
        model.addAttribute("q", q);
        return htmx.isHtmxRequest() ? "admin/users/list :: results" : "admin/users/list";
    }

    @GetMapping("/new")
    String newForm(@ModelAttribute("form") UserForm form, @AuthenticationPrincipal PasserelleUser me, Model model) {
        return showForm(null, me, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, BindingResult result, @AuthenticationPrincipal PasserelleUser me,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(null, me, model);
        }
        try {
            UUID id = users.create(new UserAccounts.NewUser(form.getUsername(), form.getDisplayName(), form.getEmail(),
                    form.getPassword(), form.getServiceId(), form.getRoles(), false, false));
            Forms.success(redirect, "user.created");
            return "redirect:/admin/users/" + id;
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(null, me, model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal PasserelleUser me, Model model) {
        UserAccounts.UserDetail user = users.get(id);
        UserForm form = new UserForm();
        form.setUsername(user.username());
        form.setDisplayName(user.displayName());
        form.setEmail(user.email());
        form.setServiceId(user.serviceId());
        form.setRoles(new java.util.ArrayList<>(user.roles()));
        form.setEnabled(user.enabled());
        model.addAttribute("form", form);
        return showForm(user, me, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserForm form, BindingResult result,
            @AuthenticationPrincipal PasserelleUser me, Model model, RedirectAttributes redirect) {
        UserAccounts.UserDetail user = users.get(id);
        if (result.hasErrors()) {
            form.setUsername(user.username());
            return showForm(user, me, model);
        }
        try {
            users.update(id, new UserAccounts.UserChanges(form.getDisplayName(), form.getEmail(), form.getServiceId(),
                    form.getRoles(), form.isEnabled()));
            Forms.success(redirect, "user.updated");
            return "redirect:/admin/users/" + id;
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            form.setUsername(user.username());
            return showForm(user, me, model);
        }
    }

    @PostMapping("/{id}/password")
    String setPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        try {
            users.setPassword(id, password);
            Forms.success(redirect, "user.passwordSetTokensRevoked");
        } catch (FieldRefusal refusal) {
            Forms.error(redirect, refusal.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/mfa-reset")
    String resetMfa(@PathVariable UUID id, RedirectAttributes redirect) {
        users.resetMfa(id);
        Forms.success(redirect, "user.mfaResetTokensRevoked");
        return "redirect:/admin/users/" + id;
    }

    private String showForm(UserAccounts.UserDetail user, PasserelleUser me, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("roleOptions", Roles.forKind(me.organisationKind()));
        model.addAttribute("serviceOptions", services.list());
        return "admin/users/form";
    }
}
