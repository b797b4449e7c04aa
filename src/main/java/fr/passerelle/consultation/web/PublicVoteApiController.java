package fr.passerelle.consultation.web;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.ParticipantProofs;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.ProposalKeys;
import fr.passerelle.consultation.Proposals;
import fr.passerelle.consultation.Sequences;
import fr.passerelle.consultation.VoteRateLimits;
import fr.passerelle.consultation.Votes;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.ApiProblems;
import fr.passerelle.shared.web.RequestIds;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The JSON side of the public vote path (used by scripts, the benchmark and any rich client):
 * {@code GET /c/{slug}/sequence.json} gives the next proposals with their signed keys (and the
 * participant cookie), {@code POST /c/{slug}/votes} records one vote. The vote endpoint takes only
 * {@code application/json} and needs the participant cookie (SameSite=Lax, so never sent by a
 * cross-site POST), which is why it is exempt from the CSRF token; refusals are problem details
 * in the client's language, 429 when a rate limit is reached.
 */
@RestController
class PublicVoteApiController {

    private static final Logger log = LoggerFactory.getLogger(PublicVoteApiController.class);

    private final Consultations consultations;
    private final Proposals proposals;
    private final Sequences sequences;
    private final Votes votes;
    private final ProposalKeys keys;
    private final VoteRateLimits limits;
    private final ParticipantCookies cookies;
    private final ApiProblems problems;
    private final ParticipantProofs proofs;
    private final Participants participantsService;

    PublicVoteApiController(Consultations consultations, Proposals proposals,
            Sequences sequences, Votes votes, ProposalKeys keys, VoteRateLimits limits, ParticipantCookies cookies,
            ApiProblems problems, ParticipantProofs proofs, Participants participantsService) {
        this.proofs = proofs;
        this.participantsService = participantsService;
        this.consultations = consultations;
        this.proposals = proposals;
        this.sequences = sequences;
        this.votes = votes;
        this.keys = keys;
        this.limits = limits;
        this.cookies = cookies;
        this.problems = problems;
    }

    /** A proposal to show, with its signed key for that location. */
    record ShownProposal(UUID id, String text, String location, String key) {}

    /** The next proposals, and the proof-of-work challenge while the participant is not proven (else null). */
    record SequenceResponse(List<ShownProposal> proposals, ParticipantProofs.Challenge proof) {}

    record ProofRequest(String payload) {}

    record ProofResponse(boolean proven) {}

    /** A vote as posted. */
    record VoteRequest(UUID proposalId, String key, List<String> qualifications, String location, String signature) {}

    record VoteResponse(UUID proposalId, String key, Set<Qualification> qualifications, boolean trusted) {}

    @GetMapping(path = "/c/{slug}/sequence.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> sequence(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        Consultations.PublicRef ref = consultations.lookup(slug).orElse(null);
        if (ref == null) {
            return problemEntity(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        return Consultations.asOrganiser(ref, () -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            if (!c.open()) {
                return problemEntity(request, HttpStatus.CONFLICT, "consultation.vote.closed");
            }
            Participants.Participant issued;
            try {
                issued = cookies.participant(c, request, response);
            } catch (BusinessException refusal) {
                return problemEntity(request, HttpStatus.valueOf(refusal.status()), refusal.messageKey());
            }
            UUID participant = issued.id();
            List<UUID> ids = sequences.next(c.id(), participant);
            Map<UUID, Proposals.Proposal> texts = proposals.accepted(c.id(), ids);
            List<ShownProposal> shown = ids.stream().filter(texts::containsKey)
                    .map(id -> new ShownProposal(id, texts.get(id).text(), "SEQUENCE",
                            keys.sign(id, participant, ProposalKeys.Location.SEQUENCE)))
                    .toList();
            return ResponseEntity.ok(new SequenceResponse(shown,
                    issued.proven() ? null : proofs.challenge(c.id(), issued)));
        });
    }

    /**
     * {@code POST /c/{slug}/proof} ({@code {"payload": "…"}}, the base64 ALTCHA solution of the
     * challenge given with the participant's sequence): proves the participant of the cookie, whose
     * votes then count as trusted, those cast before included. Like the JSON vote, it needs the
     * participant cookie (SameSite=Lax) and a JSON body, so it carries no CSRF token. Refused (400)
     * for a forged solution or one issued to another participant, 410 for an expired challenge.
     */
    @PostMapping(path = "/c/{slug}/proof", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> prove(@PathVariable String slug, @RequestBody(required = false) ProofRequest body,
            HttpServletRequest request) {
        Consultations.PublicRef ref = consultations.lookup(slug).orElse(null);
        if (ref == null) {
            return problemEntity(request, HttpStatus.NOT_FOUND, "error.notFound");
        }
        UUID participant = cookies.read(request, ref.id());
        if (participant == null) {
            return problemEntity(request, HttpStatus.BAD_REQUEST, "consultation.vote.noParticipant");
        }
        return Consultations.asOrganiser(ref, () -> {
            try {
                proofs.verify(ref.id(), participant, body == null ? null : body.payload());
                participantsService.prove(ref.id(), participant);
                return ResponseEntity.ok(new ProofResponse(true));
            } catch (BusinessException refusal) {
                return problemEntity(request, HttpStatus.valueOf(refusal.status()), refusal.messageKey());
            }
        });
    }

    /**
     * {@code POST /c/{slug}/votes}: the busiest endpoint, routed ahead of the annotated mappings by
     * {@link PublicVoteRoutes} (a functional route, so that no request pays for matching every
     * pattern of the application), which is why it reads its JSON body and answers its refusals
     * itself.
     */
    ServerResponse vote(ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        Consultations.PublicRef ref = consultations.lookup(request.pathVariable("slug")).orElse(null);
        if (ref == null) {
            return problem(servlet, HttpStatus.NOT_FOUND, "error.notFound");
        }
        UUID participant = cookies.read(servlet, ref.id());
        if (participant == null) {
            return problem(servlet, HttpStatus.BAD_REQUEST, "consultation.vote.noParticipant");
        }
        VoteRequest body;
        try {
            body = servlet.getContentLengthLong() == 0 ? null : request.body(VoteRequest.class);
        } catch (HttpMessageNotReadableException | IOException | ServletException unreadable) {
            return problem(servlet, HttpStatus.BAD_REQUEST, "api.problem.unreadable");
        }
        if (body == null || body.proposalId() == null) {
            return problem(servlet, HttpStatus.BAD_REQUEST, "consultation.vote.proposal.required");
        }
        VoteKey key = parse(VoteKey.class, body.key());
        if (key == null) {
            return problem(servlet, HttpStatus.BAD_REQUEST, "consultation.vote.key.required");
        }
        Set<Qualification> qualifications = null;
        if (body.qualifications() != null) {
            qualifications = EnumSet.noneOf(Qualification.class);
            for (String q : body.qualifications()) {
                Qualification parsed = parse(Qualification.class, q);
                if (parsed == null) {
                    return problem(servlet, HttpStatus.BAD_REQUEST, "consultation.vote.qualification.unknown");
                }
                qualifications.add(parsed);
            }
        }
        if (!limits.allow(participant, RequestIds.currentClientAddress().orElse(servlet.getRemoteAddr()))) {
            return problem(servlet, HttpStatus.TOO_MANY_REQUESTS, "consultation.rateLimited");
        }
        Set<Qualification> chosen = qualifications;
        return Consultations.asOrganiser(ref, () -> {
            try {
                Votes.Recorded recorded = votes.cast(new Votes.Ballot(ref.id(), participant, body.proposalId(), key,
                        chosen, ProposalKeys.Location.parse(body.location()), body.signature()));
                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new VoteResponse(
                        recorded.proposalId(), recorded.key().name(), recorded.qualifications(), recorded.trusted()));
            } catch (BusinessException refusal) {
                return problem(servlet, HttpStatus.valueOf(refusal.status()), refusal.messageKey(), refusal.arguments());
            } catch (RuntimeException unexpected) {
                // The API's error handling does not apply to a functional route: same answer here.
                log.error("vote failed", unexpected);
                return problem(servlet, HttpStatus.INTERNAL_SERVER_ERROR, "api.problem.internal");
            }
        });
    }

    private ServerResponse problem(HttpServletRequest request, HttpStatus status, String key, Object... args) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, status, key, args));
    }

    private ResponseEntity<?> problemEntity(HttpServletRequest request, HttpStatus status, String key, Object... args) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, status, key, args));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
