package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
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
 * The organiser's counters (voters and verified votes apart from visits and untrusted votes), the
 * results published as one moment (analysis run at closing and at publication, its counters stored),
 * an unknown vote value refused with a 400 and a message, and the votes CSV's column names.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ResultsPublicationTest {

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

    /**
     * Four proposals (four authors); six voters whose 24 votes are trusted; one voter whose only
     * vote carries a forged key (stored, not counted).
     */
    @BeforeEach
    void givenSixTrustedVotersAndOneForgedVote() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 4);
        ConsultationFixture.as(made, () -> {
            for (int v = 0; v < 6; v++) {
                UUID voter = participants.generated(made.id(), null, null).id();
                for (UUID p : made.proposals()) {
                    votes.cast(new Votes.Ballot(made.id(), voter, p, v < 5 ? VoteKey.AGREE : VoteKey.DISAGREE, null,
                            ProposalKeys.Location.SEQUENCE, keys.sign(p, voter, ProposalKeys.Location.SEQUENCE)));
                }
            }
            UUID troll = participants.generated(made.id(), null, null).id();
            votes.cast(new Votes.Ballot(made.id(), troll, made.proposals().get(0), VoteKey.DISAGREE, null,
                    ProposalKeys.Location.SEQUENCE, "forged"));
            return null;
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDashboardShowsVotersAndVerifiedVotesApartFromVisitsAndUntrustedVotes() throws Exception {
        // Two visitors open the vote page (each gets a participant) and leave without voting.
        mvc.perform(get("/c/" + made.slug() + "/vote")).andReturn();
        mvc.perform(get("/c/" + made.slug() + "/vote")).andReturn();
        ConsultationResults.Audience audience = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return results.audience(made.id());
        });
        // 6 voters with counted votes; 4 authors + 6 voters + the forger + 2 visitors issued.
        assertThat(audience).isEqualTo(new ConsultationResults.Audience(6, 24, 13, 1));

        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String page = mvc.perform(get("/consultations/" + made.id() + "/results").with(user(analyst))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("<li id=\"counter-voters\"><strong>6</strong>")
                .contains("<li id=\"counter-trusted-votes\"><strong>24</strong>")
                .contains("<li id=\"counter-visitors\"><strong>13</strong>")
                .contains("<li id=\"counter-untrusted-votes\"><strong>1</strong>");
    }

    @Test
    void closingAndPublishingRunTheAnalysisAndThePublicPageIsThatMoment() throws Exception {
        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            consultations.close(made.id());
            return null;
        });
        AnalysisJobs.Job atClosing = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return jobs.latestDone(made.id()).orElseThrow();
        });
        assertThat(atClosing.votes()).isEqualTo(24);

        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            consultations.publishResults(made.id());
            return null;
        });
        AnalysisJobs.Job published = ConsultationFixture.as(made, () -> jobs.published(made.id()).orElseThrow());
        assertThat(published.id()).as("publishing runs the analysis again").isNotEqualTo(atClosing.id());
        assertThat(published.status()).isEqualTo("DONE");
        // The public counters of that moment: proven participants (4 authors, 6 voters, the forger), proposals, trusted votes.
        assertThat(ConsultationFixture.as(made, () -> consultations.publishedCounters(made.id()).orElseThrow()))
                .isEqualTo(new Consultations.Counters(11, 4, 24));

        // After publication the live counters change (a late merge, say): the public page does not.
        JdbcClient owner = OwnerSql.of(server);
        owner.sql("update consultation_proposal_counter set agree = agree + 100 where proposal_id = ? and kind = 'VERIFIED'")
                .param(made.proposals().get(0)).update();
        String page = mvc.perform(get("/c/" + made.slug() + "/results")).andReturn().getResponse().getContentAsString();
        String at = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(published.finishedAt().atZone(ZoneId.of("Europe/Paris")));
        assertThat(page).contains("id=\"snapshot\"").contains("Résultats arrêtés le " + at)
                .contains("<strong>24</strong>").doesNotContain("<strong>124</strong>")
                .doesNotContain(">105<").doesNotContain(">106<");
        ConsultationResults.Results r = ConsultationFixture.as(made, () -> results.published(
                consultations.forPublic(new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(),
                        ConsultationStatus.RESULTS_PUBLISHED)), consultations.publishedCounters(made.id()).orElseThrow(),
                jobs.published(made.id()), true, 10, null));
        assertThat(r.all()).allSatisfy(s -> assertThat(s.votes()).isEqualTo(6));
        assertThat(r.snapshotAt()).isEqualTo(published.finishedAt());

        // The organiser's PDF report is that moment too.
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        byte[] pdf = mvc.perform(get("/consultations/" + made.id() + "/results/report.pdf").with(user(analyst)))
                .andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Résultats arrêtés le " + at).doesNotContain("124").doesNotContain("106");
        }
    }

    @Test
    void anAnalysisFailingAtPublicationOnTheAnalysisThreadRefusesThePublicationAndEndsFailed() {
        close();
        List<String> threads = new CopyOnWriteArrayList<>();
        AnalysisJobs.Analyser real = jobs.replaceAnalyser((matrix, previous, firstFreeId, options) -> {
            threads.add(Thread.currentThread().getName());
            throw new OutOfMemoryError("analysis too large");
        });
        try {
            assertThatThrownBy(() -> ConsultationFixture.as(made, () -> {
                SignedIn.as(users, "organisateur");
                consultations.publishResults(made.id());
                return null;
            })).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("consultation.results.analysisFailed"));
        } finally {
            jobs.replaceAnalyser(real);
        }
        // It ran on the one analysis thread that the background analyses use, not in the request's.
        assertThat(threads).singleElement().asString().startsWith("analysis-");
        AnalysisJobs.Job failed = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return jobs.latest(made.id()).orElseThrow();
        });
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).isEqualTo("OutOfMemoryError");
        assertThat(ConsultationFixture.as(made, () -> consultations.get(made.id()).status()))
                .isEqualTo(ConsultationStatus.CLOSED);
        assertThat(ConsultationFixture.as(made, () -> consultations.publishedCounters(made.id()))).isEmpty();

        // Once the analysis works again, the results are published with it.
        publish();
        assertThat(ConsultationFixture.as(made, () -> jobs.published(made.id()).orElseThrow().status())).isEqualTo("DONE");
    }

    @Test
    void anAnalysisNotOverInTimeAtPublicationAsksToTryAgainAndFinishesInTheBackground() {
        close();
        CountDownLatch release = new CountDownLatch(1);
        AnalysisJobs.Analyser[] real = new AnalysisJobs.Analyser[1];
        real[0] = jobs.replaceAnalyser((matrix, previous, firstFreeId, options) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real[0].run(matrix, previous, firstFreeId, options);
        });
        Duration wait = jobs.replaceResultsWait(Duration.ofMillis(300));
        try {
            assertThatThrownBy(() -> ConsultationFixture.as(made, () -> {
                SignedIn.as(users, "organisateur");
                consultations.publishResults(made.id());
                return null;
            })).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("consultation.results.analysisRunning"));
            assertThat(ConsultationFixture.as(made, () -> consultations.get(made.id()).status()))
                    .isEqualTo(ConsultationStatus.CLOSED);
            release.countDown();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ConsultationFixture.as(made, () -> {
                SignedIn.as(users, "analyste");
                return jobs.latest(made.id()).orElseThrow().done();
            }));
        } finally {
            release.countDown();
            jobs.replaceAnalyser(real[0]);
            jobs.replaceResultsWait(wait);
        }
        publish();
        assertThat(ConsultationFixture.as(made, () -> consultations.get(made.id()).status()))
                .isEqualTo(ConsultationStatus.RESULTS_PUBLISHED);
    }

    @Test
    void resultsPublishedWithoutEnoughVotesForAnAnalysisShowNoOlderAnalysis() throws Exception {
        close();
        // The analysis at closing is done; then every proposal is archived: no vote left to analyse.
        OwnerSql.of(server).sql("update consultation_proposal set status = 'ARCHIVED' where consultation_id = ?")
                .param(made.id()).update();
        publish();
        assertThat(ConsultationFixture.as(made, () -> jobs.published(made.id()))).isEmpty();
        assertThat(ConsultationFixture.as(made, () -> jobs.latestDone(made.id()))).isPresent();
        String page = mvc.perform(get("/c/" + made.slug() + "/results")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Aucune analyse n’a encore été faite.").doesNotContain("id=\"snapshot\"");
    }

    private void close() {
        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            consultations.close(made.id());
            return null;
        });
    }

    private void publish() {
        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            consultations.publishResults(made.id());
            return null;
        });
    }

    @Test
    void anUnknownVoteValueIsA400WithAMessageInTheUsersLanguageAndNothingIsRecorded() throws Exception {
        MvcResult opened = mvc.perform(get("/c/" + made.slug() + "/vote")).andReturn();
        Cookie participant = opened.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        UUID proposal = made.proposals().get(1);
        MvcResult french = mvc.perform(post("/c/" + made.slug() + "/vote").with(csrf()).cookie(participant)
                .param("proposalId", proposal.toString()).param("key", "7")).andReturn();
        assertThat(french.getResponse().getStatus()).isEqualTo(400);
        assertThat(french.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Vote inconnu");
        MvcResult english = mvc.perform(post("/c/" + made.slug() + "/vote").with(csrf()).cookie(participant)
                .header("Accept-Language", "en").param("proposalId", proposal.toString()).param("key", "7")).andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(400);
        assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Unknown vote");
        MvcResult qualification = mvc.perform(post("/c/" + made.slug() + "/qualify").with(csrf()).cookie(participant)
                .param("proposalId", proposal.toString()).param("qualification", "BRILLIANT")).andReturn();
        assertThat(qualification.getResponse().getStatus()).isEqualTo(400);
        assertThat(qualification.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Précision inconnue");
        assertThat(OwnerSql.of(server).sql("select count(*) from consultation_vote where proposal_id = ?")
                .param(proposal).query(Long.class).single()).as("6 voters, nothing more").isEqualTo(6);
    }

    @Test
    void theVotesCsvNamesEveryColumnUnambiguously() throws Exception {
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String csv = mvc.perform(get("/consultations/" + made.id() + "/results/votes.csv").with(user(analyst)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> headers = List.of(csv.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(";"));
        assertThat(new HashSet<>(headers)).as("no two columns share a name").hasSize(headers.size());
        assertThat(headers).hasSize(3 + 3 + 9);
        assertThat(headers.get(0)).isEqualTo("Identifiant de la proposition");
        assertThat(headers.get(3)).isEqualTo("Nombre de votes « D’accord »");
        assertThat(headers).contains("Nombre de précisions « Banalité » (votes « D’accord »)",
                "Nombre de précisions « Banalité » (votes « Pas d’accord »)");
        assertThat(headers.get(2)).startsWith("Compteur (ALL");
    }
}
