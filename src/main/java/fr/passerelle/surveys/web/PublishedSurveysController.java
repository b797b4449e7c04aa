package fr.passerelle.surveys.web;

import fr.passerelle.shared.BusinessException;
import fr.passerelle.surveys.SurveyResults;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The surveys' results published beyond the federation (after small-cell suppression), for everyone. */
@Controller
class PublishedSurveysController {

    private final SurveyResults results;

    PublishedSurveysController(SurveyResults results) {
        this.results = results;
    }

    @GetMapping("/reseau/enquetes")
    String list(Model model) {
        model.addAttribute("publications", results.publications());
        return "surveys/published-list";
    }

    @GetMapping("/reseau/enquetes/{id}")
    String published(@PathVariable UUID id, Model model) {
        model.addAttribute("p", results.published(id).orElseThrow(BusinessException::notFound));
        return "surveys/published";
    }
}
