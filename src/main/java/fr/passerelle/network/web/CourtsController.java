package fr.passerelle.network.web;

import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reference list of courts, searchable by everyone, correctable by the federation. */
@Controller
@RequestMapping("/reference/courts")
class CourtsController {

    private final Courts courts;

    CourtsController(Courts courts) {
        this.courts = courts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reference:read')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String ca,
            HtmxRequest htmx, Model model) {
        model.addAttribute("courts", courts.judicialCourts(q, ca));
        model.addAttribute("courtsOfAppeal", courts.courtsOfAppeal());
        model.addAttribute("q", q);
        model.addAttribute("ca", ca);
        return htmx.isHtmxRequest() ? "reference/courts/list :: results" : "reference/courts/list";
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('reference:edit')")
    String edit(@PathVariable String code, Model model) {
        Courts.JudicialCourt court = courts.judicialCourt(code).orElseThrow(BusinessException::notFound);
        CourtForm form = new CourtForm();
        form.setName(court.name());
        form.setSeatCity(court.seatCity());
        form.setDepartementCode(court.departementCode());
        form.setDepartementName(court.departementName());
        form.setCourtOfAppealCode(court.courtOfAppealCode());
        form.setLatitude(court.latitude());
        form.setLongitude(court.longitude());
        model.addAttribute("form", form);
        return showForm(court, model);
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAuthority('reference:edit')")
    String correct(@PathVariable String code, @ModelAttribute("form") CourtForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Courts.JudicialCourt court = courts.judicialCourt(code).orElseThrow(BusinessException::notFound);
        if (result.hasErrors()) {
            return showForm(court, model);
        }
        try {
            courts.correct(code, new Courts.CourtCorrection(form.getName(), form.getSeatCity(),
                    form.getDepartementCode(), form.getDepartementName(), form.getCourtOfAppealCode(),
                    form.getLatitude(), form.getLongitude()));
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(court, model);
        }
        Forms.success(redirect, "court.corrected");
        return "redirect:/reference/courts?q=" + java.net.URLEncoder.encode(form.getSeatCity(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String showForm(Courts.JudicialCourt court, Model model) {
        model.addAttribute("court", court);
        model.addAttribute("courtsOfAppeal", courts.courtsOfAppeal());
        return "reference/courts/form";
    }
}
