package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The analysis job on a consultation with two opinion camps voted through the real vote path:
 * groups found and stored, ids stable on a second run, profile splits, results pages and exports.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class AnalysisJobsTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired AnalysisJobs jobs;
    @Autowired ConsultationResults results;
    @Autowired EmbeddedPostgresServer server;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenTwoCampsVotingOnTwelveProposals() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 12);
        ResultsFixture.twoCamps(made, 40, consultations, participants, votes, keys);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theJobFindsTheTwoCampsStoresThemAndKeepsGroupIdsOnASecondRun() throws Exception {
        AnalysisJobs.Job first = runAnalysis();
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.progress()).isEqualTo(100);
        assertThat(first.participants()).isEqualTo(40);
        assertThat(first.votes()).isEqualTo(480);
        assertThat(first.groupCount()).isEqualTo(2);
        Map<UUID, Integer> groupsAfterFirst = groupOfParticipants();
        assertThat(groupsAfterFirst).hasSize(40);
        // Each camp is one group: participants of the same parity share their group.
        assertThat(groupsAfterFirst.values().stream().distinct()).hasSize(2);

        AnalysisJobs.Job second = runAnalysis();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(groupOfParticipants()).as("same votes, same seed: same groups with the same ids")
                .isEqualTo(groupsAfterFirst);

        ConsultationResults.Results r = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return results.of(consultations.get(made.id()), consultations.counters(made.id()), jobs.latestDone(made.id()), 20);
        });
        ConsultationResults.AnalysisResult a = r.analysis().orElseThrow();
        assertThat(a.groups()).hasSize(2).allSatisfy(g -> assertThat(g.representatives()).isNotEmpty());
        assertThat(a.points()).hasSize(40);
        assertThat(a.segments()).containsExactly("NO", "YES");
        // Professionals (camp A) agree with the first six proposals, citizens do not.
        ConsultationResults.Split split = a.splits().stream()
                .filter(s -> s.proposalId().equals(made.proposals().get(0))).findFirst().orElseThrow();
        assertThat(split.bySegment().get("YES").agree().value()).isGreaterThan(0.6);
        assertThat(split.bySegment().get("NO").agree().value()).isLessThan(0.3);
        assertThat(r.consensus()).isNotEmpty();
        assertThat(r.controversies()).isNotEmpty();
    }

    @Test
    void theDashboardExportsAndPublicPageShowTheResultsWithoutPersonalData() throws Exception {
        runAnalysis();
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String page = mvc.perform(get("/consultations/" + made.id() + "/results").with(user(analyst))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("opinion-map").contains("id=\"groups\"").contains("id=\"splits\"");

        MvcResult csv = mvc.perform(get("/consultations/" + made.id() + "/results/proposals.csv").with(user(analyst)))
                .andReturn();
        String proposalsCsv = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(proposalsCsv.lines().count()).isEqualTo(13);
        assertThat(proposalsCsv).contains("Il faut une idée numéro 0").doesNotContain("@exemple.org");

        String votesCsv = mvc.perform(get("/consultations/" + made.id() + "/results/votes.csv").with(user(analyst)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(votesCsv.lines().count()).isEqualTo(1 + 12 * 4);
        assertThat(votesCsv).doesNotContain("@exemple.org");
        for (UUID participant : groupOfParticipants().keySet()) {
            assertThat(votesCsv).doesNotContain(participant.toString());
            assertThat(proposalsCsv).doesNotContain(participant.toString());
        }

        byte[] pdf = mvc.perform(get("/consultations/" + made.id() + "/results/report.pdf").with(user(analyst)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // Not public before the organiser publishes the results.
        assertThat(mvc.perform(get("/c/" + made.slug() + "/results")).andReturn().getResponse().getStatus()).isEqualTo(404);
        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            consultations.close(made.id());
            consultations.publishResults(made.id());
            SecurityContextHolder.clearContext();
            return null;
        });
        String open = mvc.perform(get("/c/" + made.slug() + "/results")).andReturn().getResponse().getContentAsString();
        assertThat(open).contains("opinion-map").contains("Il faut une idée numéro").doesNotContain("@exemple.org");
        assertThat(mvc.perform(get("/c/" + made.slug())).andReturn().getResponse().getContentAsString())
                .contains("/c/" + made.slug() + "/results");
    }

    @Test
    void aConsultationWithoutVotesGivesAClearFailureNotACrash() {
        ConsultationFixture.Made empty = ConsultationFixture.published(users, consultations, participants, proposals, 2);
        AnalysisJobs.Job job = ConsultationFixture.as(empty, () -> {
            SignedIn.as(users, "analyste");
            return jobs.runNow(empty.id());
        });
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.error()).isEqualTo(AnalysisJobs.NOT_ENOUGH_VOTES);
    }

    private AnalysisJobs.Job runAnalysis() throws InterruptedException {
        UUID id = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            try {
                return jobs.request(made.id());
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        for (int i = 0; i < 300; i++) {
            AnalysisJobs.Job job = ConsultationFixture.as(made, () -> {
                SignedIn.as(users, "analyste");
                try {
                    return jobs.latest(made.id()).orElseThrow();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            if (job.id().equals(id) && !job.running()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the analysis did not finish");
    }

    private Map<UUID, Integer> groupOfParticipants() {
        JdbcClient owner = OwnerSql.of(server);
        Map<UUID, Integer> result = new java.util.HashMap<>();
        owner.sql("select participant_id, group_id from consultation_participant_position where consultation_id = ?")
                .param(made.id()).query(rs -> {
                    result.put(rs.getObject(1, UUID.class), (Integer) rs.getObject(2));
                });
        return result;
    }

}
