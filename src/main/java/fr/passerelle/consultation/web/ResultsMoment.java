package fr.passerelle.consultation.web;

import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.Consultations;
import java.util.Optional;
import java.util.UUID;

/**
 * Which analysis and counters a results page or report shows. Once the results are published with
 * their moment stored: the analysis run at publication ({@code snapshot}) and the counters of that
 * moment, or those counters and no analysis when there were not enough votes for one (never an
 * older analysis). Otherwise (not published, or published before the moment was stored): the latest
 * finished analysis and the live counters.
 */
record ResultsMoment(Optional<AnalysisJobs.Job> analysis, boolean snapshot,
        Optional<Consultations.Counters> storedCounters) {

    static ResultsMoment of(Consultations consultations, AnalysisJobs jobs, UUID consultationId) {
        Optional<Consultations.Counters> stored = consultations.publishedCounters(consultationId);
        Optional<AnalysisJobs.Job> published = jobs.published(consultationId);
        boolean snapshot = published.isPresent();
        return new ResultsMoment(snapshot || stored.isPresent() ? published : jobs.latestDone(consultationId), snapshot,
                stored);
    }

    Consultations.Counters counters(Consultations consultations, UUID consultationId) {
        return storedCounters.orElseGet(() -> consultations.counters(consultationId));
    }
}
