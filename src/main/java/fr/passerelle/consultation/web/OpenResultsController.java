package fr.passerelle.consultation.web;

import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationResults;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.shared.BusinessException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public results page ({@code /c/{slug}/results}, no account): once the organiser published
 * the results, the rankings, the opinion groups and the profile splits; nothing about any
 * participant. Acts as the consultation's organisation, found from the slug on the server. The page
 * is the moment of publication: the analysis run then and the counters stored with it.
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
            // The analysis run at publication and the counters of that moment.
            ResultsMoment moment = ResultsMoment.of(consultations, jobs, c.id());
            Optional<AnalysisJobs.Job> analysis = moment.analysis();
            boolean snapshot = moment.snapshot();
            if (htmx.isHtmxRequest()) {
                // The split selector: that section only.
                model.addAttribute("splits", results.publishedSplits(c, analysis, ResultsController.TOP, split, snapshot)
                        .orElse(null));
                return "consultation/results/fragments :: splits-section";
            }
            Consultations.Counters counters = moment.counters(consultations, c.id());
            ConsultationResults.Results r = results.published(c, counters, analysis, snapshot, ResultsController.TOP,
                    split);
            model.addAttribute("r", r);
            model.addAttribute("map", r.analysis().map(ResultsMap::of).orElse(null));
            return "consultation/results/public";
        });
    }
}
