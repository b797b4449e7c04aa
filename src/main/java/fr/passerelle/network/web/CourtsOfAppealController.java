package fr.passerelle.network.web;

import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reference list of the cours d'appel, correctable by the federation. */
@Controller
@RequestMapping("/reference/courts-of-appeal")
class CourtsOfAppealController {

    private final Courts courts;

    CourtsOfAppealController(Courts courts) {
        this.courts = courts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reference:read')")
    String list(Model model) {
        model.addAttribute("courtsOfAppeal", courts.courtsOfAppeal());
        return "reference/courts-of-appeal/list";
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('reference:edit')")
    String edit(@PathVariable String code, Model model) {
        Courts.CourtOfAppeal court = courts.courtOfAppeal(code).orElseThrow(BusinessException::notFound);
        CourtForm form = new CourtForm();
        form.setName(court.name());
        form.setSeatCity(court.seatCity());
        form.setLatitude(court.latitude());
        form.setLongitude(court.longitude());
        model.addAttribute("form", form);
        model.addAttribute("court", court);
        return "reference/courts-of-appeal/form";
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAuthority('reference:edit')")
    String correct(@PathVariable String code, @ModelAttribute("form") CourtForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Courts.CourtOfAppeal court = courts.courtOfAppeal(code).orElseThrow(BusinessException::notFound);
        model.addAttribute("court", court);
        if (result.hasErrors()) {
            return "reference/courts-of-appeal/form";
        }
        try {
            courts.correct(code, new Courts.CourtOfAppealCorrection(form.getName(), form.getSeatCity(),
                    form.getLatitude(), form.getLongitude()));
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return "reference/courts-of-appeal/form";
        }
        Forms.success(redirect, "court.corrected");
        return "redirect:/reference/courts-of-appeal";
    }
}
