package fr.passerelle.shared.web;

import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Helpers shared by form controllers: field refusals and flash messages. */
public final class Forms {

    private Forms() {}

    /** Shows a refusal next to its field (or as a form-wide error when the field is unknown). */
    public static void reject(BindingResult result, FieldRefusal refusal) {
        if (refusal.field() != null && result.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), refusal.field()) != null) {
            result.rejectValue(refusal.field(), refusal.messageKey(), refusal.arguments(), refusal.messageKey());
        } else {
            result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
        }
    }

    public static void success(RedirectAttributes redirect, String messageKey) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
    }

    /** Flashes a success whose message takes arguments (e.g. how many were done). */
    public static void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        if (arguments != null && arguments.length > 0) {
            redirect.addFlashAttribute("flashSuccessArguments", arguments);
        }
    }

    public static void error(RedirectAttributes redirect, String messageKey) {
        redirect.addFlashAttribute("flashError", messageKey);
    }

    /** Flashes an error whose message takes arguments (e.g. a number to respect). */
    public static void error(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("flashError", messageKey);
        if (arguments != null && arguments.length > 0) {
            redirect.addFlashAttribute("flashErrorArguments", arguments);
        }
    }

    /**
     * Runs a user's action and flashes its success, or the refusal's message; whether it succeeded.
     * A refusal for something not found, or forbidden, still answers 404 or 403.
     */
    public static boolean perform(RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            success(redirect, successKey);
            return true;
        } catch (BusinessException refusal) {
            if (refusal.status() == 404 || refusal.status() == 403) {
                throw refusal;
            }
            error(redirect, refusal.messageKey(), refusal.arguments());
            return false;
        }
    }
}
