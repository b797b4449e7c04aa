package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.consultation.engine.ProfileSplits;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        ResultsFixture.twoCamps(made, 40, AnalysisJobsTest::departement, consultations, participants, votes, keys);
    }

    /** 15 voters from the Rhône, 12 from the Bouches-du-Rhône, 3 from Paris, 2 from Corse-du-Sud, 8 who did not say. */
    static String departement(int voter) {
        return voter < 15 ? "69" : voter < 27 ? "13" : voter < 30 ? "75" : voter < 32 ? "2A" : null;
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
        // By default the splits are by the professional question (professionals vs citizens).
        ConsultationResults.Splits splits = a.splits();
        assertThat(splits.questions()).extracting(ConsultationResults.SplitQuestion::code)
                .containsExactly(Consultations.PROFESSIONAL_QUESTION, Consultations.DEPARTEMENT_QUESTION);
        assertThat(splits.question().code()).isEqualTo(Consultations.PROFESSIONAL_QUESTION);
        assertThat(splits.segments()).extracting(ConsultationResults.Segment::key).containsExactly("NO", "YES");
        assertThat(splits.segments()).extracting(ConsultationResults.Segment::participants).containsExactly(20, 20);
        assertThat(splits.rows()).hasSize(12);
        // Professionals (camp A) agree with the first six proposals, citizens do not.
        ConsultationResults.Split split = splits.rows().stream()
                .filter(s -> s.proposalId().equals(made.proposals().get(0))).findFirst().orElseThrow();
        assertThat(split.bySegment().get("YES").agree().value()).isGreaterThan(0.6);
        assertThat(split.bySegment().get("NO").agree().value()).isLessThan(0.3);
        // Each proposal is agreed by one camp and rejected by the other (about 45 % / 45 %): none is a consensus.
        assertThat(r.consensus()).isEmpty();
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

    @Test
    void theJobSplitsByDepartementMergingSmallDepartementsIntoOthers() throws Exception {
        AnalysisJobs.Job job = runAnalysis();
        JdbcClient owner = OwnerSql.of(server);
        List<String> stored = owner.sql("""
                select question_code || ' ' || segment || ' ' || participants from consultation_analysis_split_segment
                where analysis_id = ? order by 1""").param(job.id()).query(String.class).list();
        // Paris (3) and Corse-du-Sud (2) are under five voters each: with the 8 voters who gave no
        // département they are "others" (13), so that every voter is in a segment.
        assertThat(stored).containsExactly("DEPARTEMENT ,others 13", "DEPARTEMENT 13 12", "DEPARTEMENT 69 15",
                "PROFESSIONAL NO 20", "PROFESSIONAL YES 20");
        assertThat(owner.sql("""
                select distinct segment from consultation_analysis_split where analysis_id = ? and question_code = 'DEPARTEMENT'
                order by 1""").param(job.id()).query(String.class).list()).containsExactly(",others", "13", "69");

        ConsultationResults.Splits byDepartement = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            try {
                return results.of(consultations.get(made.id()), consultations.counters(made.id()),
                        jobs.latestDone(made.id()), 10, Consultations.DEPARTEMENT_QUESTION).analysis().orElseThrow().splits();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(byDepartement.question().code()).isEqualTo(Consultations.DEPARTEMENT_QUESTION);
        assertThat(byDepartement.segments()).extracting(ConsultationResults.Segment::key)
                .containsExactly("13", "69", ProfileSplits.OTHERS);
        assertThat(byDepartement.rows()).hasSize(10).allSatisfy(row -> {
            assertThat(row.votesBySegment().get("69")).isEqualTo(15);
            assertThat(row.votesBySegment().get(ProfileSplits.OTHERS)).isEqualTo(13);
        });

        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String page = mvc.perform(get("/consultations/" + made.id() + "/results").param("split", "DEPARTEMENT")
                .with(user(analyst))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"split-by\"").contains("<option value=\"DEPARTEMENT\" selected=\"selected\">")
                .contains("Département 69").contains("Département 13").contains("Autres")
                .doesNotContain("Département 75").doesNotContain("Département 2A");
        // The selector's htmx request gets the splits section alone.
        String section = mvc.perform(get("/consultations/" + made.id() + "/results").param("split", "PROFESSIONAL")
                .header("HX-Request", "true").with(user(analyst))).andReturn().getResponse().getContentAsString();
        assertThat(section).startsWith("<section id=\"splits-section\"").doesNotContain("<html")
                .contains("Professionnel(le)s").doesNotContain("Département 69");
        String pdf = pdfText(mvc.perform(get("/consultations/" + made.id() + "/results/report.pdf")
                .param("split", "DEPARTEMENT").with(user(analyst))).andReturn().getResponse().getContentAsByteArray());
        assertThat(pdf).contains("Département 69").contains("Autres").doesNotContain("Département 75");
    }

    @Test
    void theReportSaysInSentencesWhatItHasNotGotYet() throws Exception {
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        ConsultationFixture.Made nothing = ConsultationFixture.published(users, consultations, participants, proposals, 0);
        String empty = pdfText(mvc.perform(get("/consultations/" + nothing.id() + "/results/report.pdf").with(user(analyst)))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(empty).contains("Personne n’a encore participé").contains("Aucune proposition acceptée pour l’instant")
                .contains("Aucun vote pour l’instant").contains("Aucune analyse des opinions n’a encore été faite");
        String dashboard = mvc.perform(get("/consultations/" + nothing.id() + "/results").with(user(analyst))).andReturn()
                .getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"participation-none\"").contains("Personne n’a encore participé")
                .doesNotContain("id=\"participation-chart\"").doesNotContain("id=\"per-day\"");

        ConsultationFixture.Made noVote = ConsultationFixture.published(users, consultations, participants, proposals, 2);
        String proposalsOnly = pdfText(mvc.perform(get("/consultations/" + noVote.id() + "/results/report.pdf")
                .with(user(analyst))).andReturn().getResponse().getContentAsByteArray());
        assertThat(proposalsOnly).doesNotContain("Personne n’a encore participé")
                .contains("Participant(e)s : 2").contains("Propositions : 2").contains("Votes : 0")
                .contains("Il faut une idée numéro 0").contains("Aucun vote pour l’instant")
                .contains("Aucune analyse des opinions n’a encore été faite");

        // Once analysed, the report has the groups and the splits instead.
        runAnalysis();
        String analysed = pdfText(mvc.perform(get("/consultations/" + made.id() + "/results/report.pdf").with(user(analyst)))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(analysed).doesNotContain("Aucune analyse des opinions").doesNotContain("Aucun vote pour l’instant")
                .contains("Groupe A").contains("Professionnel(le)s").contains("Votes : 480");
    }

    /** The text of a PDF, white space collapsed. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
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
        return org.awaitility.Awaitility.await().pollInSameThread()
                .alias("the analysis finishes").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> ConsultationFixture.as(made, () -> {
                    SignedIn.as(users, "analyste");
                    try {
                        return jobs.latest(made.id()).orElseThrow();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }), job -> job.id().equals(id) && !job.running());
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
