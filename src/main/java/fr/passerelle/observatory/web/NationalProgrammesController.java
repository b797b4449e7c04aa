package fr.passerelle.observatory.web;

import fr.passerelle.observatory.NationalProgrammes;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The federation's view of every prevention programme of the network, perturbed counts only. */
@Controller
@PreAuthorize("hasAuthority('programme:network')")
class NationalProgrammesController {

    private final NationalProgrammes programmes;

    NationalProgrammesController(NationalProgrammes programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/observatory/programmes")
    String show(Model model) {
        model.addAttribute("lines", programmes.lines());
        model.addAttribute("threshold", new CellKeyPerturbation().threshold());
        return "observatory/national-programmes";
    }
}
