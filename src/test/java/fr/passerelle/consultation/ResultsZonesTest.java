package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.consultation.engine.Zone;
import fr.passerelle.identity.PasserelleUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The zones of the results through the real vote path and analysis: the consensus list holds only
 * consensus (never a 50 % / 50 % proposal, nor one an opinion group rejects), proposals with too few
 * or mostly neutral votes have no clear opinion, and the PDF report shows the same zone column and
 * the opinion map as the page.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ResultsZonesTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired AnalysisJobs jobs;
    @Autowired ConsultationResults results;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;
    UUID agreed;
    UUID halfHalf;
    UUID rejectedByOneCamp;
    UUID mostlyNeutral;
    UUID fewVotes;

    /**
     * Forty voters in two camps of twenty (even: camp A, odd: camp B) on eight proposals: 0 agreed by
     * all; 1 agreed by half of each camp, disagreed by the other half (20 / 20); 2 agreed by camp A
     * and six of camp B (26 / 14: 65 % agree overall, but camp B mostly disagrees); 3 mostly
     * neutral (36 of 40); 4 voted by three voters only; 5 and 6 agreed by camp A only, 7 by camp B only.
     */
    @BeforeEach
    void givenTwoCampsVotingOnEightProposals() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 8);
        List<UUID> p = made.proposals();
        agreed = p.get(0);
        halfHalf = p.get(1);
        rejectedByOneCamp = p.get(2);
        mostlyNeutral = p.get(3);
        fewVotes = p.get(4);
        ConsultationFixture.as(made, () -> {
            for (int v = 0; v < 40; v++) {
                boolean campA = v % 2 == 0;
                int rank = v / 2; // 0..19 within the camp
                UUID voter = participants.generated(made.id(), null, null).id();
                vote(voter, p.get(0), VoteKey.AGREE);
                vote(voter, p.get(1), rank % 2 == 0 ? VoteKey.AGREE : VoteKey.DISAGREE);
                vote(voter, p.get(2), campA || rank < 6 ? VoteKey.AGREE : VoteKey.DISAGREE);
                vote(voter, p.get(3), v < 2 ? VoteKey.AGREE : v < 4 ? VoteKey.DISAGREE : VoteKey.NEUTRAL);
                if (v < 3) {
                    vote(voter, p.get(4), VoteKey.AGREE);
                }
                vote(voter, p.get(5), campA ? VoteKey.AGREE : VoteKey.DISAGREE);
                vote(voter, p.get(6), campA ? VoteKey.AGREE : VoteKey.DISAGREE);
                vote(voter, p.get(7), campA ? VoteKey.DISAGREE : VoteKey.AGREE);
            }
            return null;
        });
    }

    private void vote(UUID voter, UUID proposal, VoteKey key) {
        votes.cast(new Votes.Ballot(made.id(), voter, proposal, key, null, ProposalKeys.Location.SEQUENCE,
                keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theConsensusListHoldsOnlyConsensusAndNeverAHalfAgreeHalfDisagreeProposal() {
        ConsultationResults.Results before = results();
        Map<UUID, Zone> zones = zones(before);
        assertThat(zones.get(halfHalf)).isEqualTo(Zone.CONTROVERSY);
        assertThat(zones.get(agreed)).isEqualTo(Zone.CONSENSUS);
        // Before any analysis the groups are unknown: 65 % agree overall is a consensus by the scores.
        assertThat(zones.get(rejectedByOneCamp)).isEqualTo(Zone.CONSENSUS);
        assertThat(zones.get(mostlyNeutral)).isEqualTo(Zone.NO_CLEAR_OPINION);
        assertThat(zones.get(fewVotes)).isEqualTo(Zone.NO_CLEAR_OPINION);
        assertThat(ids(before.consensus())).containsExactlyInAnyOrder(agreed, rejectedByOneCamp);
        assertThat(before.consensus()).allSatisfy(s -> assertThat(s.zone()).isEqualTo(Zone.CONSENSUS));
        assertThat(before.controversies()).allSatisfy(s -> assertThat(s.zone()).isEqualTo(Zone.CONTROVERSY));
        assertThat(ids(before.controversies())).contains(halfHalf).doesNotContain(mostlyNeutral, fewVotes, agreed);

        AnalysisJobs.Job job = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return jobs.runNow(made.id());
        });
        assertThat(job.status()).isEqualTo("DONE");
        ConsultationResults.Results after = results();
        // Camp B mostly disagrees with proposal 2: its group does not agree, so it divides the groups.
        assertThat(zones(after).get(rejectedByOneCamp)).isEqualTo(Zone.CONTROVERSY);
        assertThat(ids(after.consensus())).containsExactly(agreed);
        assertThat(ids(after.controversies())).contains(halfHalf, rejectedByOneCamp)
                .doesNotContain(agreed, mostlyNeutral, fewVotes);
        ConsultationResults.Scored consensual = after.all().stream().filter(s -> s.id().equals(agreed)).findFirst()
                .orElseThrow();
        // Every group agrees with it: its least convinced group is still above one half.
        assertThat(consensual.weakestGroupAgreement()).isGreaterThan(Zone.GROUP_AGREEMENT);
    }

    @Test
    void votesSplitHalfAndHalfAreNoConsensusWhateverPageTheyWereCastFrom() {
        // Ten verified votes on one proposal: five agree from the sequence, five disagree from the
        // proposal page. The blend weighs the sequence votes twice (agree 0.69); the voters are split.
        ConsultationFixture.Made split = ConsultationFixture.published(users, consultations, participants, proposals, 1);
        UUID proposal = split.proposals().get(0);
        ConsultationResults.Results r = ConsultationFixture.as(split, () -> {
            for (int v = 0; v < 10; v++) {
                UUID voter = participants.generated(split.id(), null, null).id();
                ProposalKeys.Location from = v < 5 ? ProposalKeys.Location.SEQUENCE : ProposalKeys.Location.PROPOSAL;
                votes.cast(new Votes.Ballot(split.id(), voter, proposal, v < 5 ? VoteKey.AGREE : VoteKey.DISAGREE,
                        null, from, keys.sign(proposal, voter, from)));
            }
            SignedIn.as(users, "analyste");
            return results.of(consultations.get(split.id()), consultations.counters(split.id()),
                    jobs.latestDone(split.id()), 20);
        });
        ConsultationResults.Scored scored = r.all().get(0);
        assertThat(scored.votes()).isEqualTo(10);
        assertThat(scored.scores().agree().value()).isGreaterThanOrEqualTo(0.6);
        assertThat(scored.zone()).isEqualTo(Zone.CONTROVERSY);
        assertThat(r.consensus()).isEmpty();
        assertThat(ids(r.controversies())).containsExactly(proposal);
    }

    @Test
    void thePageAndThePdfReportShowTheSameZonesAndThePdfDrawsTheOpinionMap() throws Exception {
        ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return jobs.runNow(made.id());
        });
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String page = mvc.perform(get("/consultations/" + made.id() + "/results").with(user(analyst))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("data-zone=\"CONSENSUS\"").contains("data-zone=\"CONTROVERSY\"")
                .contains("data-zone=\"NO_CLEAR_OPINION\"").contains("Sans avis net");

        // The proposals CSV gives every proposal the same zone as the page.
        String csv = mvc.perform(get("/consultations/" + made.id() + "/results/proposals.csv").with(user(analyst)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains("numéro 0 ")).findFirst().orElseThrow()).contains(";Consensus;");
        assertThat(csv.lines().filter(l -> l.contains("numéro 1 ")).findFirst().orElseThrow()).contains(";Controverse;");
        assertThat(csv.lines().filter(l -> l.contains("numéro 2 ")).findFirst().orElseThrow()).contains(";Controverse;");
        assertThat(csv.lines().filter(l -> l.contains("numéro 3 ")).findFirst().orElseThrow()).contains(";Sans avis net;");
        assertThat(csv.lines().filter(l -> l.contains("numéro 4 ")).findFirst().orElseThrow()).contains(";Sans avis net;");

        byte[] pdf = mvc.perform(get("/consultations/" + made.id() + "/results/report.pdf").with(user(analyst)))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            String consensusSection = text.substring(text.indexOf("Propositions qui font consensus"),
                    text.indexOf("Propositions qui divisent"));
            // The zone column, as on the page; only the agreed proposal is a consensus.
            assertThat(consensusSection).contains("Zone").contains("Il faut une idée numéro 0").contains("Consensus")
                    .doesNotContain("numéro 1 ").doesNotContain("numéro 2 ").doesNotContain("Controverse");
            String divided = text.substring(text.indexOf("Propositions qui divisent"));
            assertThat(divided).contains("Zone").contains("Controverse");
            // The opinion map: its title, its group letters drawn in the SVG, and its legend.
            assertThat(text).contains("Carte des groupes d’opinion").contains("Chaque point est un(e) participant(e)");
            assertThat(text).contains("Propositions sans avis net");
            // The map is drawn: the dots of the second group (red, #d62728, at 70 % opacity) are on a page.
            assertThat(redPixels(document)).isGreaterThan(20);
        }
        String source = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(source).startsWith("%PDF-");
    }

    /** Pixels of the rendered report in the map's second group colour; nothing else in the report is red. */
    private static int redPixels(PDDocument document) throws java.io.IOException {
        org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
        int red = 0;
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            java.awt.image.BufferedImage image = renderer.renderImageWithDPI(i, 100);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r > 180 && g < 140 && b < 140) {
                        red++;
                    }
                }
            }
        }
        return red;
    }

    private ConsultationResults.Results results() {
        return ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "analyste");
            return results.of(consultations.get(made.id()), consultations.counters(made.id()),
                    jobs.latestDone(made.id()), 20);
        });
    }

    private static Map<UUID, Zone> zones(ConsultationResults.Results r) {
        return r.all().stream().collect(Collectors.toMap(ConsultationResults.Scored::id, ConsultationResults.Scored::zone));
    }

    private static List<UUID> ids(List<ConsultationResults.Scored> list) {
        return new ArrayList<>(list.stream().map(ConsultationResults.Scored::id).toList());
    }
}
