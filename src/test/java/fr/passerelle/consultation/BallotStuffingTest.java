package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ballot stuffing (issue 14, item 8): participants are issued at a bounded rate per address and
 * network, their votes are trusted only after a proof of a real browser, and the organiser sees
 * the share of votes from suspicious bursts.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class BallotStuffingTest {

    @Autowired MockMvc mvc;
    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired ConsultationResults results;
    @Autowired ParticipantProofs proofs;
    @Autowired EmbeddedPostgresServer server;
    @Autowired JsonMapper json;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenAPublishedConsultation() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 12);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A sequence as a client at this address gets it: its cookie (if any), its body and status. */
    private record Fetched(int status, Cookie cookie, JsonNode body, String text) {}

    private Fetched sequence(String address, Cookie cookie) throws Exception {
        MockHttpServletRequestBuilder request = get("/c/" + made.slug() + "/sequence.json").with(from(address));
        if (cookie != null) {
            request.cookie(cookie);
        }
        MvcResult r = mvc.perform(request).andReturn();
        String text = r.getResponse().getContentAsString();
        Cookie set = r.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        return new Fetched(r.getResponse().getStatus(), set != null ? set : cookie, json.readTree(text), text);
    }

    private static String solve(JsonNode proof) {
        return ProofSolver.solve(proof.get("algorithm").asString(), proof.get("challenge").asString(),
                proof.get("maxnumber").asLong(), proof.get("salt").asString(), proof.get("signature").asString());
    }

    private MvcResult prove(String address, Cookie cookie, String payload) throws Exception {
        return mvc.perform(post("/c/" + made.slug() + "/proof").with(from(address)).cookie(cookie)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("payload", payload))))
                .andReturn();
    }

    private MvcResult vote(String address, Cookie cookie, JsonNode shown) throws Exception {
        return mvc.perform(post("/c/" + made.slug() + "/votes").with(from(address)).cookie(cookie)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "proposalId", shown.get("id").asString(), "key", "AGREE", "location", "SEQUENCE",
                        "signature", shown.get("key").asString()))))
                .andReturn();
    }

    private long trustedVoters() {
        return OwnerSql.of(server).sql("""
                select count(distinct participant_id) from consultation_vote where consultation_id = ? and trust = 'TRUSTED'""")
                .param(made.id()).query(Long.class).single();
    }

    private long counter(UUID proposal, String kind) {
        return OwnerSql.of(server).sql("""
                select coalesce(sum(agree + disagree + neutral), 0) from consultation_proposal_counter
                where proposal_id = ? and kind = ?""").param(proposal).param(kind).query(Long.class).single();
    }

    /** A keyed AGREE vote of this participant, cast as the consultation's organisation. */
    private void agree(UUID voter, UUID proposal) {
        votes.cast(new Votes.Ballot(made.id(), voter, proposal, fr.passerelle.consultation.engine.VoteKey.AGREE,
                null, ProposalKeys.Location.SEQUENCE, keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE)));
    }

    private ConsultationResults.Suspicion suspicion() {
        SignedIn.as(users, "analyste");
        try {
            return results.suspicion(made.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void fortyFreshParticipantsFromOneAddressInOneSecondDoNotMakeFortyTrustedVoters() throws Exception {
        // The attacker does everything a browser does, for each fresh participant: opens the
        // sequence (no cookie), solves the proof of work, votes with the signed key.
        int refused = 0;
        String refusal = null;
        java.util.List<Long> difficulties = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Fetched fetched = sequence("198.51.100.7", null);
            if (fetched.status() == 429) {
                refused++;
                refusal = fetched.text();
                assertThat(fetched.cookie()).isNull();
                continue;
            }
            assertThat(fetched.status()).isEqualTo(200);
            difficulties.add(fetched.body().get("proof").get("maxnumber").asLong());
            assertThat(prove("198.51.100.7", fetched.cookie(), solve(fetched.body().get("proof")))
                    .getResponse().getStatus()).isEqualTo(200);
            assertThat(vote("198.51.100.7", fetched.cookie(), fetched.body().get("proposals").get(0))
                    .getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(trustedVoters()).isLessThan(40).isEqualTo(30);
        assertThat(refused).isEqualTo(10);
        assertThat(refusal).contains("aucune nouvelle participation n’est ouverte depuis ce réseau");
        long participantsMade = OwnerSql.of(server).sql(
                "select count(*) from consultation_participant where consultation_id = ? and network_key is not null")
                .param(made.id()).query(Long.class).single();
        assertThat(participantsMade).isEqualTo(30);
        // Each ten participants from the network double the work of the next proofs.
        assertThat(difficulties).hasSize(30).startsWith(50_000L).endsWith(200_000L).isSorted();
        assertThat(difficulties.get(10)).isEqualTo(100_000L);
        // The organiser sees every one of those votes as coming from a burst.
        ConsultationResults.Suspicion s = suspicion();
        assertThat(s.votes()).isEqualTo(30);
        assertThat(s.burstVotes()).isEqualTo(30);
        assertThat(s.burstParticipants()).isEqualTo(30);
        assertThat(s.burstPercent()).isEqualTo(100);
    }

    @Test
    void withoutTheProofNoneOfManyFreshParticipantsVotesAsTrusted() throws Exception {
        for (int i = 0; i < 20; i++) {
            Fetched fetched = sequence("198.51.100.8", null);
            MvcResult voted = vote("198.51.100.8", fetched.cookie(), fetched.body().get("proposals").get(0));
            assertThat(voted.getResponse().getStatus()).isEqualTo(200);
            assertThat(json.readTree(voted.getResponse().getContentAsString()).get("trusted").asBoolean()).isFalse();
        }
        assertThat(trustedVoters()).isZero();
        assertThat(suspicion().untrustedVotes()).isEqualTo(20);
    }

    @Test
    void votesBeforeTheProofAreRecordedUntrustedAndCountOnceTheBrowserIsProven() throws Exception {
        Fetched fetched = sequence("198.51.100.9", null);
        JsonNode shown = fetched.body().get("proposals").get(0);
        UUID proposal = UUID.fromString(shown.get("id").asString());
        MvcResult early = vote("198.51.100.9", fetched.cookie(), shown);
        assertThat(json.readTree(early.getResponse().getContentAsString()).get("trusted").asBoolean()).isFalse();
        assertThat(counter(proposal, "ALL")).isEqualTo(1);
        assertThat(counter(proposal, "VERIFIED")).isZero();
        assertThat(counter(proposal, "SEQUENCE")).isZero();

        String payload = solve(fetched.body().get("proof"));
        assertThat(prove("198.51.100.9", fetched.cookie(), payload).getResponse().getStatus()).isEqualTo(200);
        assertThat(OwnerSql.of(server).sql("select trust from consultation_vote where proposal_id = ? and participant_id = ?")
                .param(proposal).param(participantOf(fetched.cookie())).query(String.class).single()).isEqualTo("TRUSTED");
        assertThat(counter(proposal, "ALL")).isEqualTo(1);
        assertThat(counter(proposal, "VERIFIED")).isEqualTo(1);
        assertThat(counter(proposal, "SEQUENCE")).isEqualTo(1);
        // A proven participant's next sequence carries no challenge, and its votes are trusted at once.
        Fetched again = sequence("198.51.100.9", fetched.cookie());
        assertThat(again.body().get("proof").isNull()).isTrue();
        MvcResult later = vote("198.51.100.9", fetched.cookie(), again.body().get("proposals").get(0));
        assertThat(json.readTree(later.getResponse().getContentAsString()).get("trusted").asBoolean()).isTrue();
    }

    @Test
    void aProofReplayedForAnotherParticipantOrForgedProvesNothing() throws Exception {
        Fetched first = sequence("198.51.100.10", null);
        String payload = solve(first.body().get("proof"));
        assertThat(prove("198.51.100.10", first.cookie(), payload).getResponse().getStatus()).isEqualTo(200);
        java.time.Instant provenAt = provenAt(first.cookie()).orElseThrow();
        // Replayed by its own participant: nothing changes.
        assertThat(prove("198.51.100.10", first.cookie(), payload).getResponse().getStatus()).isEqualTo(200);
        assertThat(provenAt(first.cookie())).contains(provenAt);

        Fetched second = sequence("198.51.100.11", null);
        MvcResult replayed = mvc.perform(post("/c/" + made.slug() + "/proof").with(from("198.51.100.11"))
                .cookie(second.cookie()).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("payload", payload)))).andReturn();
        assertThat(replayed.getResponse().getStatus()).isEqualTo(400);
        assertThat(replayed.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(replayed.getResponse().getContentAsString()).contains("Your browser could not be verified");
        MvcResult forged = prove("198.51.100.11", second.cookie(), ProofSolver.payload("SHA-256", "00", 1, "salt", "00"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(forged.getResponse().getContentAsString()).contains("La vérification de votre navigateur n’a pas abouti");
        assertThat(provenAt(second.cookie())).isEmpty();
        assertThat(json.readTree(vote("198.51.100.11", second.cookie(), second.body().get("proposals").get(0))
                .getResponse().getContentAsString()).get("trusted").asBoolean()).isFalse();
        // Without a participant cookie there is nobody to prove.
        assertThat(mvc.perform(post("/c/" + made.slug() + "/proof").contentType(MediaType.APPLICATION_JSON)
                .content("{\"payload\":\"x\"}")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void signingInCountsTheVotesCastBeforeAnyProof() {
        UUID proposal = made.proposals().get(0);
        UUID user = ((PasserelleUser) users.loadUserByUsername("participant")).userId();
        Participants.Participant merged = ConsultationFixture.as(made, () -> {
            UUID anonymous = participants.issue(made.id(), null, null, "198.51.100.12").orElseThrow().id();
            Votes.Recorded early = votes.cast(new Votes.Ballot(made.id(), anonymous, proposal,
                    fr.passerelle.consultation.engine.VoteKey.DISAGREE, null, ProposalKeys.Location.SEQUENCE,
                    keys.sign(proposal, anonymous, ProposalKeys.Location.SEQUENCE)));
            assertThat(early.trusted()).isFalse();
            return participants.issue(made.id(), anonymous, user, "198.51.100.12").orElseThrow();
        });
        assertThat(merged.proven()).isTrue();
        assertThat(OwnerSql.of(server).sql("select trust from consultation_vote where participant_id = ? and proposal_id = ?")
                .param(merged.id()).param(proposal).query(String.class).single()).isEqualTo("TRUSTED");
        assertThat(counter(proposal, "VERIFIED")).isEqualTo(1);
        assertThat(counter(proposal, "ALL")).isEqualTo(1);
    }

    private UUID participantOf(Cookie cookie) {
        return UUID.fromString(cookie.getValue().substring(0, 36));
    }

    private Optional<java.time.Instant> provenAt(Cookie cookie) {
        return OwnerSql.of(server).sql("select proven_at from consultation_participant where id = ?")
                .param(participantOf(cookie)).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))
                        .map(java.sql.Timestamp::toInstant)).single();
    }

    @Test
    void participantsAreIssuedAtABoundedRatePerAddressAndPerNetworkInIpv4AndIpv6() {
        ConsultationFixture.as(made, () -> {
            // One address: 30 participants in the window, then none.
            for (int i = 0; i < 30; i++) {
                assertThat(participants.issue(made.id(), null, null, "192.0.2.1")).isPresent();
            }
            assertThat(participants.issue(made.id(), null, null, "192.0.2.1")).isEmpty();
            // Other addresses of the same /24: 100 participants in all from the network, then none.
            for (int i = 2; i <= 71; i++) {
                assertThat(participants.issue(made.id(), null, null, "192.0.2." + i)).as("192.0.2." + i).isPresent();
            }
            assertThat(participants.issue(made.id(), null, null, "192.0.2.200")).isEmpty();
            // Another network is not held back; a cookie's participant is never refused.
            Participants.Participant other = participants.issue(made.id(), null, null, "192.0.3.1").orElseThrow();
            assertThat(other.proven()).isFalse();
            assertThat(participants.issue(made.id(), null, null, "192.0.3.1")).isPresent();

            // IPv6: one /64 counts as one network, whatever the spelling of its addresses.
            for (int i = 0; i < 30; i++) {
                assertThat(participants.issue(made.id(), null, null, "2001:db8:1:2::" + Integer.toHexString(i + 1)))
                        .isPresent();
            }
            for (int i = 0; i < 70; i++) {
                assertThat(participants.issue(made.id(), null, null,
                        "2001:db8:1:2:" + Integer.toHexString(i + 1) + ":0:0:1")).isPresent();
            }
            assertThat(participants.issue(made.id(), null, null, "2001:0db8:0001:0002:ffff::9")).isEmpty();
            assertThat(participants.issue(made.id(), null, null, "2001:db8:1:3::1")).isPresent();
            // A participant the client already has comes back whatever the limits.
            assertThat(participants.issue(made.id(), other.id(), null, "192.0.2.1")).map(Participants.Participant::id)
                    .contains(other.id());
            return null;
        });
    }

    @Test
    void theVotePageBeyondTheLimitSaysSoInTheVisitorsLanguageAndMakesNoParticipant() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(mvc.perform(get("/c/" + made.slug() + "/vote").with(from("203.0.113.5"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(200);
        }
        MvcResult limited = mvc.perform(get("/c/" + made.slug() + "/vote").with(from("203.0.113.5"))).andReturn();
        assertThat(limited.getResponse().getStatus()).isEqualTo(429);
        assertThat(limited.getResponse().getCookie("PASSERELLE_PARTICIPANT")).isNull();
        assertThat(limited.getResponse().getContentAsString()).contains("aucune nouvelle participation n’est ouverte")
                .doesNotContain("proposal-card");
        MvcResult english = mvc.perform(get("/c/" + made.slug() + "/vote").param("lang", "en").with(from("203.0.113.5")))
                .andReturn();
        assertThat(english.getResponse().getContentAsString()).contains("no new participation is opened from this network");
        // The page of a participant not proven yet carries the challenge for the browser's script.
        MvcResult fresh = mvc.perform(get("/c/" + made.slug() + "/vote").with(from("203.0.113.77"))).andReturn();
        assertThat(fresh.getResponse().getContentAsString()).contains("id=\"participant-proof\"",
                "/js/consultation-proof.js", "data-challenge=");
    }

    @Test
    void theOrganiserSeesTheShareOfVotesFromSuspiciousBurstsAndOfUntrustedVotes() throws Exception {
        UUID proposal = made.proposals().get(0);
        ConsultationFixture.as(made, () -> {
            // 12 participants from one network within seconds (a burst), 3 from three other networks,
            // all proven; one more, not proven, from a fourth network.
            for (int i = 0; i < 15; i++) {
                String address = i < 12 ? "192.0.2." + (i + 1) : "198.51." + i + ".1";
                UUID voter = participants.issue(made.id(), null, null, address).orElseThrow().id();
                participants.prove(made.id(), voter);
                agree(voter, proposal);
            }
            UUID unproven = participants.issue(made.id(), null, null, "203.0.113.1").orElseThrow().id();
            agree(unproven, proposal);
            return null;
        });
        ConsultationResults.Suspicion s = suspicion();
        assertThat(s.votes()).isEqualTo(16);
        assertThat(s.burstVotes()).isEqualTo(12);
        assertThat(s.burstParticipants()).isEqualTo(12);
        assertThat(s.untrustedVotes()).isEqualTo(1);
        assertThat(s.burstPercent()).isEqualTo(75);
        assertThat(s.untrustedPercent()).isEqualTo(6);
        PasserelleUser analyst = (PasserelleUser) users.loadUserByUsername("analyste");
        String page = mvc.perform(get("/consultations/" + made.id() + "/results").with(user(analyst))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Votes issus de rafales suspectes : 75 % (12 sur 16)",
                "Votes non comptés comme fiables : 6 % (1 sur 16)");
    }

    @Test
    void aWideNetworkGetsAtMostItsOwnLimitWhateverTheNetworksItsAddressesAreSpreadOverInIpv4AndIpv6() {
        ConsultationFixture.as(made, () -> {
            // 300 participants from 30 networks /24 of one /16 (10 addresses each), then none from
            // that /16, even from a network /24 not used yet; the next /16 is not held back.
            for (int i = 0; i < 300; i++) {
                String address = "10.20." + (i / 10) + "." + (i % 10 + 1);
                assertThat(participants.issue(made.id(), null, null, address)).as(address).isPresent();
            }
            assertThat(participants.issue(made.id(), null, null, "10.20.200.1")).isEmpty();
            assertThat(participants.issue(made.id(), null, null, "10.21.0.1")).isPresent();
            // IPv6: one /48 holds 65,536 networks /64; 300 participants from 300 of them, then none.
            for (int i = 0; i < 300; i++) {
                String address = "2001:db8:7:" + Integer.toHexString(i) + "::1";
                assertThat(participants.issue(made.id(), null, null, address)).as(address).isPresent();
            }
            assertThat(participants.issue(made.id(), null, null, "2001:db8:7:ffff::1")).isEmpty();
            assertThat(participants.issue(made.id(), null, null, "2001:db8:8::1")).isPresent();
            return null;
        });
    }

    @Test
    void theProofGetsHarderWithTheParticipantsIssuedFromTheWideNetworkJustBeforeUpToACeiling() {
        ConsultationFixture.as(made, () -> {
            java.util.List<Long> difficulties = new java.util.ArrayList<>();
            for (int i = 0; i < 45; i++) {
                // A new network /64 each time: only the wide network /48 links them.
                difficulties.add(participants.issue(made.id(), null, null,
                        "2001:db8:9:" + Integer.toHexString(i) + "::1").orElseThrow().proofMaxNumber());
            }
            assertThat(difficulties.subList(0, 10)).containsOnly(50_000L);
            assertThat(difficulties.subList(10, 20)).containsOnly(100_000L);
            assertThat(difficulties.subList(20, 30)).containsOnly(200_000L);
            assertThat(difficulties.subList(30, 45)).containsOnly(400_000L);
            // Another wide network starts from the base difficulty, and its challenge carries it.
            Participants.Participant elsewhere = participants.issue(made.id(), null, null, "2001:db8:a::1").orElseThrow();
            assertThat(elsewhere.proofMaxNumber()).isEqualTo(50_000L);
            assertThat(proofs.challenge(made.id(), participants.issue(made.id(), null, null,
                    "2001:db8:9:ff::1").orElseThrow()).maxnumber()).isEqualTo(400_000L);
            return null;
        });
    }

    @Test
    void aBurstSpreadOverTheNetworksOfOneWideNetworkIsSeen() {
        UUID proposal = made.proposals().get(0);
        ConsultationFixture.as(made, () -> {
            // 12 participants within seconds, each from its own network /24 of one /16.
            for (int i = 0; i < 12; i++) {
                UUID voter = participants.issue(made.id(), null, null, "172.16." + i + ".1").orElseThrow().id();
                participants.prove(made.id(), voter);
                agree(voter, proposal);
            }
            return null;
        });
        ConsultationResults.Suspicion s = suspicion();
        assertThat(s.votes()).isEqualTo(12);
        assertThat(s.burstParticipants()).isEqualTo(12);
        assertThat(s.burstVotes()).isEqualTo(12);
    }

    @Test
    void publicFiguresCountOnlyProvenParticipantsAndTrustedVotesWhateverThePageVisitsAndUnprovenVotes() throws Exception {
        Consultations.Counters before = ConsultationFixture.as(made, () -> consultations.counters(made.id()));
        // 20 visits of the vote page, each from its own address, each voting without any proof.
        for (int i = 0; i < 20; i++) {
            Fetched fetched = sequence("203.0." + (100 + i) + ".9", null);
            assertThat(vote("203.0." + (100 + i) + ".9", fetched.cookie(), fetched.body().get("proposals").get(0))
                    .getResponse().getStatus()).isEqualTo(200);
        }
        // One browser proves itself and votes.
        Fetched real = sequence("192.0.2.44", null);
        assertThat(prove("192.0.2.44", real.cookie(), solve(real.body().get("proof"))).getResponse().getStatus())
                .isEqualTo(200);
        vote("192.0.2.44", real.cookie(), real.body().get("proposals").get(0));

        Consultations.Counters after = ConsultationFixture.as(made, () -> consultations.counters(made.id()));
        assertThat(after.participants()).isEqualTo(before.participants() + 1);
        assertThat(after.votes()).isEqualTo(before.votes() + 1);
        String landing = mvc.perform(get("/c/" + made.slug())).andReturn().getResponse().getContentAsString();
        assertThat(landing).contains("<strong>" + after.participants() + "</strong> <span>participant(e)s vérifié(e)s</span>",
                "<strong>" + after.votes() + "</strong> <span>votes comptés</span>");
        String english = mvc.perform(get("/c/" + made.slug()).param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("<strong>" + after.participants() + "</strong> <span>verified participants</span>");
        // The published results say the same.
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        consultations.publishResults(made.id());
        SecurityContextHolder.clearContext();
        assertThat(mvc.perform(get("/c/" + made.slug() + "/results")).andReturn().getResponse().getContentAsString())
                .contains("<strong>" + after.participants() + "</strong> <span>participant(e)s vérifié(e)s</span>",
                        "<strong>" + after.votes() + "</strong> <span>votes comptés</span>");
    }

    @Test
    void aProofAfterTheConsultationClosedIsRefusedAndPromotesNothing() throws Exception {
        Fetched fetched = sequence("198.51.100.30", null);
        JsonNode shown = fetched.body().get("proposals").get(0);
        vote("198.51.100.30", fetched.cookie(), shown);
        String payload = solve(fetched.body().get("proof"));
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        SecurityContextHolder.clearContext();

        MvcResult refused = prove("198.51.100.30", fetched.cookie(), payload);
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString()).contains("Cette consultation n’est pas ouverte au vote.");
        MvcResult english = mvc.perform(post("/c/" + made.slug() + "/proof").with(from("198.51.100.30"))
                .cookie(fetched.cookie()).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("payload", payload)))).andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(409);
        assertThat(english.getResponse().getContentAsString()).contains("This consultation is not open to votes.");
        assertThat(provenAt(fetched.cookie())).isEmpty();
        assertThat(counter(UUID.fromString(shown.get("id").asString()), "VERIFIED")).isZero();
        assertThat(trustedVoters()).isZero();
    }

    @Test
    void aVoteInFlightWhileItsParticipantIsProvenEndsTrusted() throws Exception {
        UUID proposal = made.proposals().get(0);
        UUID voter = ConsultationFixture.as(made, () -> participants.issue(made.id(), null, null, "198.51.100.40")
                .orElseThrow().id());
        UUID organisation = OwnerSql.of(server).sql("select organisation_id from consultation where id = ?")
                .param(made.id()).query(UUID.class).single();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl(),
                fr.passerelle.shared.db.EmbeddedDatabaseProperties.OWNER_ROLE, "")) {
            // The vote's statement has run (the participant not proven yet) but not committed...
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement cast = c.prepareStatement(VoteStatement.CAST)) {
                cast.setString(1, organisation.toString());
                cast.setString(2, "");
                cast.setArray(3, c.createArrayOf("uuid", new Object[] {made.id()}));
                cast.setArray(4, c.createArrayOf("uuid", new Object[] {voter}));
                cast.setArray(5, c.createArrayOf("uuid", new Object[] {proposal}));
                cast.setArray(6, c.createArrayOf("text", new Object[] {"AGREE"}));
                cast.setArray(7, c.createArrayOf("text", new Object[] {""}));
                cast.setArray(8, c.createArrayOf("text", new Object[] {"TRUSTED"}));
                cast.setArray(9, c.createArrayOf("boolean", new Object[] {true}));
                cast.setArray(10, c.createArrayOf("boolean", new Object[] {false}));
                cast.execute();
            }
            // ...when the proof arrives: it waits for the vote, instead of promoting without it.
            java.util.concurrent.CompletableFuture<Boolean> proof = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ConsultationFixture.as(made, () -> participants.prove(made.id(), voter)));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> OwnerSql.of(server)
                    .sql("select count(*) from pg_locks where not granted")
                    .query(Long.class).single() > 0);
            c.commit();
            assertThat(proof.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(OwnerSql.of(server).sql("select trust from consultation_vote where participant_id = ? and proposal_id = ?")
                .param(voter).param(proposal).query(String.class).single()).isEqualTo("TRUSTED");
        assertThat(counter(proposal, "VERIFIED")).isEqualTo(1);
        assertThat(counter(proposal, "ALL")).isEqualTo(1);
    }
}
