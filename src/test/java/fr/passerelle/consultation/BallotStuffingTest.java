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
        for (int i = 0; i < 40; i++) {
            Fetched fetched = sequence("198.51.100.7", null);
            if (fetched.status() == 429) {
                refused++;
                refusal = fetched.text();
                assertThat(fetched.cookie()).isNull();
                continue;
            }
            assertThat(fetched.status()).isEqualTo(200);
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
                votes.cast(new Votes.Ballot(made.id(), voter, proposal, fr.passerelle.consultation.engine.VoteKey.AGREE,
                        null, ProposalKeys.Location.SEQUENCE, keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE)));
            }
            UUID unproven = participants.issue(made.id(), null, null, "203.0.113.1").orElseThrow().id();
            votes.cast(new Votes.Ballot(made.id(), unproven, proposal, fr.passerelle.consultation.engine.VoteKey.AGREE,
                    null, ProposalKeys.Location.SEQUENCE, keys.sign(proposal, unproven, ProposalKeys.Location.SEQUENCE)));
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
}
