package fr.passerelle.demo;

import fr.passerelle.consultation.AnalysisJobs;
import fr.passerelle.consultation.ConsultationReplay;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.shared.TenantContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The replay command (benchmarks, demonstrations): with {@code passerelle.replay.enabled=true},
 * replays the consultation of document 004 into the demo public body through the real services
 * ({@link ConsultationReplay}), then runs the analysis job on it, and prints one line per figure:
 * {@code replay: participants=… proposals=… votes=… seconds=…} and
 * {@code replay-analysis: groups=… seconds=…}. Options: {@code passerelle.replay.scale} (1 =
 * document 004), {@code .slug}, {@code .threads}, {@code .seed}; {@code .exit=true} stops the
 * application afterwards. An existing slug is left as it is (the replay is not run twice).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "passerelle.replay.enabled", havingValue = "true")
class ReplayRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    private final ConsultationReplay replay;
    private final Consultations consultations;
    private final AnalysisJobs jobs;
    private final ApplicationContext context;
    private final double scale;
    private final String slug;
    private final int threads;
    private final long seed;
    private final boolean exit;

    ReplayRunner(ConsultationReplay replay, Consultations consultations, AnalysisJobs jobs, ApplicationContext context,
            @Value("${passerelle.replay.scale:1.0}") double scale, @Value("${passerelle.replay.slug:rejeu-004}") String slug,
            @Value("${passerelle.replay.threads:4}") int threads, @Value("${passerelle.replay.seed:2024}") long seed,
            @Value("${passerelle.replay.exit:false}") boolean exit) {
        this.replay = replay;
        this.consultations = consultations;
        this.jobs = jobs;
        this.context = context;
        this.scale = scale;
        this.slug = slug;
        this.threads = threads;
        this.seed = seed;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (consultations.lookup(slug).isPresent()) {
            log.warn("replay: {} already exists, not replayed again", slug);
        } else {
            ConsultationReplay.Replayed r = replay.replay(DemoDataGenerator.demoId("public-body"), slug, scale, seed, threads);
            System.out.printf(java.util.Locale.ROOT,
                    "replay: participants=%d professionals=%d citizens=%d proposals=%d votes=%d professional_votes=%d seconds=%.1f%n",
                    r.participants(), r.professionals(), r.citizens(), r.proposals(), r.votes(), r.professionalVotes(),
                    r.millis() / 1000.0);
            var previous = SecurityContextHolder.getContext().getAuthentication();
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("replay", null,
                    List.of(new SimpleGrantedAuthority("consultation:analyse"))));
            try {
                AnalysisJobs.Job job = TenantContext.callAs(DemoDataGenerator.demoId("public-body"),
                        () -> jobs.runNow(r.consultationId()));
                System.out.printf(java.util.Locale.ROOT,
                        "replay-analysis: status=%s participants=%d votes=%d groups=%d silhouette=%.3f seconds=%.3f%n",
                        job.status(), job.participants() == null ? 0 : job.participants(),
                        job.votes() == null ? 0 : job.votes(), job.groupCount() == null ? 0 : job.groupCount(),
                        job.silhouette() == null ? 0 : job.silhouette(),
                        job.durationMs() == null ? 0 : job.durationMs() / 1000.0);
            } finally {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        }
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
