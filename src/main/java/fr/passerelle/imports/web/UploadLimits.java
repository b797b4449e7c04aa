package fr.passerelle.imports.web;

import fr.passerelle.imports.ImportJobs;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A file above the upload limit is refused before any controller sees it: say so on the import page. */
@ControllerAdvice
class UploadLimits {

    private final MessageSource messages;

    UploadLimits(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("importError", messages.getMessage("import.file.tooLarge",
                new Object[] {ImportJobs.MAX_BYTES / (1024 * 1024)}, locale));
        return "redirect:/imports";
    }
}
