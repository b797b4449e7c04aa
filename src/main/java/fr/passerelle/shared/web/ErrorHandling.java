package fr.passerelle.shared.web;

import fr.passerelle.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one path from a refusal to what the user sees: a friendly page in their language with
 * the right status, never a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

    @ExceptionHandler(BusinessException.class)
    String refused(BusinessException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArguments", e.arguments());
        return e.status() == 404 ? "error/404" : "error/refused";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(Model model, HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }
}
