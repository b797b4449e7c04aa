package fr.passerelle.consultation.web;

import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationResults;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.shared.BusinessException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public results page ({@code /c/{slug}/results}, no account): once the organiser published
 * the results, the rankings, the opinion groups and the profile splits; nothing about any
 * participant. Acts as the consultation's organisation, found from the slug on the server.
 */
@Controller
class OpenResultsController {

    private final Consultations consultations;
    private final ConsultationResults results;
    private final AnalysisJobs jobs;

    OpenResultsController(Consultations consultations, ConsultationResults results, AnalysisJobs jobs) {
        this.consultations = consultations;
        this.results = results;
        this.jobs = jobs;
    }

    @GetMapping("/c/{slug}/results")
    String results(@PathVariable String slug, @RequestParam(required = false) String split, HtmxRequest htmx,
            Model model) {
        Consultations.PublicRef ref = consultations.lookup(slug).orElseThrow(BusinessException::notFound);
        return Consultations.asOrganiser(ref, () -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            model.addAttribute("splitsAction", "/c/" + c.slug() + "/results");
            if (htmx.isHtmxRequest()) {
                // The split selector: that section only.
                model.addAttribute("splits", results.publishedSplits(c, jobs.latestDone(c.id()), ResultsController.TOP,
                        split).orElse(null));
                return "consultation/results/fragments :: splits-section";
            }
            ConsultationResults.Results r = results.published(c, consultations.counters(c.id()), jobs.latestDone(c.id()),
                    ResultsController.TOP, split);
            model.addAttribute("r", r);
            model.addAttribute("map", r.analysis().map(ResultsMap::of).orElse(null));
            return "consultation/results/public";
        });
    }
}
