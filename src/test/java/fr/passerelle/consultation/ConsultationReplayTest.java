package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@PasserelleIntegrationTest
class ConsultationReplayTest {

    @Autowired ConsultationReplay replay;
    @Autowired AnalysisJobs jobs;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFullScalePlanHasTheProportionsOfDocument004() {
        ConsultationReplay.Plan plan = ConsultationReplay.Plan.at(1.0);
        assertThat(plan.participants()).isEqualTo(10_200);
        assertThat(plan.professionals()).isEqualTo(1_100);
        assertThat(plan.citizens()).isEqualTo(8_262);
        assertThat(plan.proposals()).isEqualTo(837);
        assertThat(plan.votes()).isEqualTo(135_395);
        assertThat(Arrays.stream(ConsultationReplay.voteCounts(plan)).sum()).isEqualTo(135_395);
        assertThat(Arrays.stream(ConsultationReplay.voteCounts(plan)).limit(1_100).sum()).isEqualTo(23_200);
    }

    @Test
    void aSmallReplayGoesThroughTheRealVotePathAndTheAnalysisFindsGroups() {
        PasserelleUser organiser = (PasserelleUser) users.loadUserByUsername("organisateur");
        String slug = ConsultationFixture.uniqueSlug("rejeu");
        ConsultationReplay.Replayed r = replay.replay(organiser.organisationId(), slug, 0.01, 2024, 2);
        assertThat(r.participants()).isEqualTo(102);
        assertThat(r.professionals()).isEqualTo(11);
        assertThat(r.proposals()).isEqualTo(40);
        assertThat(r.votes()).isEqualTo(1_354);
        assertThat(r.professionalVotes()).isEqualTo(232);
        JdbcClient owner = OwnerSql.of(server);
        assertThat(owner.sql("select count(*) from consultation_vote where consultation_id = ? and trust = 'TRUSTED' "
                + "and from_sequence").param(r.consultationId()).query(Long.class).single()).isEqualTo(1_354L);
        assertThat(owner.sql("""
                select coalesce(sum(k.agree + k.disagree + k.neutral), 0) from consultation_proposal_counter k
                join consultation_proposal p on p.id = k.proposal_id where p.consultation_id = ? and k.kind = 'SEQUENCE'""")
                .param(r.consultationId()).query(Long.class).single()).isEqualTo(1_354L);
        assertThat(owner.sql("select count(*) from consultation_participant where consultation_id = ? and segment = 'YES'")
                .param(r.consultationId()).query(Long.class).single()).isEqualTo(11L);
        assertThat(owner.sql("select count(*) from consultation_participant where consultation_id = ? and segment = 'NO'")
                .param(r.consultationId()).query(Long.class).single()).isEqualTo(83L);
        assertThat(owner.sql("select count(distinct created_at::date) from consultation_vote where consultation_id = ?")
                .param(r.consultationId()).query(Long.class).single()).as("votes spread over the weeks").isGreaterThan(5L);

        SignedIn.as(users, "analyste");
        AnalysisJobs.Job job = TenantContext.callAs(organiser.organisationId(), () -> jobs.runNow(r.consultationId()));
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.votes()).isEqualTo(1_354);
        assertThat(job.groupCount()).isGreaterThanOrEqualTo(2);
        assertThat(UUID.fromString(job.id().toString())).isNotNull();
    }
}
