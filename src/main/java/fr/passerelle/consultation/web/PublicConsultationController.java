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
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.web.Forms;
import fr.passerelle.shared.web.RequestIds;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages of a consultation, no account needed: landing page with live counters,
 * proposing, "my proposals", the voting sequence and the optional profile questions. Every request
 * acts as the consultation's organisation, found from the slug on the server
 * ({@link Consultations#asOrganiser}); the participant comes from the signed cookie (or the
 * signed-in account, which absorbs the cookie's participant).
 */
@Controller
class PublicConsultationController {

    private final Consultations consultations;
    private final Participants participants;
    private final Proposals proposals;
    private final Sequences sequences;
    private final Votes votes;
    private final ProposalKeys keys;
    private final VoteRateLimits limits;
    private final ParticipantCookies cookies;
    private final ParticipantProofs proofs;

    PublicConsultationController(Consultations consultations, Participants participants, Proposals proposals,
            Sequences sequences, Votes votes, ProposalKeys keys, VoteRateLimits limits, ParticipantCookies cookies,
            ParticipantProofs proofs) {
        this.proofs = proofs;
        this.consultations = consultations;
        this.participants = participants;
        this.proposals = proposals;
        this.sequences = sequences;
        this.votes = votes;
        this.keys = keys;
        this.limits = limits;
        this.cookies = cookies;
    }

    /** A proposal card of the sequence: its signed key, and the participant's vote if any. */
    record Card(UUID id, String text, String signature, VoteKey voted, Set<Qualification> qualifications) {

        public List<Qualification> choices() {
            return voted == null ? List.of() : java.util.Arrays.stream(Qualification.values())
                    .filter(q -> q.key() == voted).toList();
        }
    }

    /** The propose form; {@code rephrase} and {@code token} come from a refusal mail's link (or "my proposals"). */
    static final class ProposalForm {
        private String text = "";
        private String email = "";
        private boolean charterAccepted;
        private String rephrase;
        private String token;

        public String getRephrase() {
            return rephrase;
        }

        public void setRephrase(String rephrase) {
            this.rephrase = rephrase;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public boolean rephrasing() {
            return rephrase != null && !rephrase.isBlank();
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isCharterAccepted() {
            return charterAccepted;
        }

        public void setCharterAccepted(boolean charterAccepted) {
            this.charterAccepted = charterAccepted;
        }
    }

    @GetMapping("/c/{slug}")
    String landing(@PathVariable String slug, HttpServletRequest request, Model model) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            model.addAttribute("consultation", c);
            model.addAttribute("counters", consultations.counters(c.id()));
            return "consultation/public/landing";
        });
    }

    /**
     * The propose form; with {@code rephrase} (the id of a refused proposal) and the mail's signed
     * {@code token}, or from the author's own device, it starts from the refused text.
     */
    @GetMapping("/c/{slug}/propose")
    String proposeForm(@PathVariable String slug, @RequestParam(required = false) String rephrase,
            @RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            ProposalForm form = new ProposalForm();
            form.setText(c.proposalStem() == null ? "" : c.proposalStem() + " ");
            model.addAttribute("form", form);
            model.addAttribute("consultation", c);
            // A rephrase link of a closed consultation gets its own message (Proposals refuses it).
            if (rephrase != null) {
                try {
                    // Read only: opening the link creates no participant.
                    Proposals.Rephrasing refused = proposals.toRephrase(c, uuid(rephrase), known(c, request), token);
                    form.setText(refused.text());
                    form.setEmail(refused.email());
                    form.setRephrase(rephrase);
                    form.setToken(token);
                    model.addAttribute("rephrasing", refused);
                } catch (BusinessException refusal) {
                    model.addAttribute("rephraseError", refusal.messageKey());
                    response.setStatus(refusal.status());
                }
            }
            return "consultation/public/propose";
        });
    }

    @PostMapping("/c/{slug}/propose")
    String propose(@PathVariable String slug, @ModelAttribute("form") ProposalForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
            Locale locale) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            UUID participant = participant(c, request, response).id();
            model.addAttribute("consultation", c);
            if (!limits.allow(participant, RequestIds.currentClientAddress().orElse(request.getRemoteAddr()))) {
                result.reject("consultation.rateLimited", "consultation.rateLimited");
                response.setStatus(429);
                return rephrasing(c, participant, form, model);
            }
            // The moderation's decision is mailed in the language of the page the author proposes from.
            Proposals.Submission submission = new Proposals.Submission(form.getText(), form.getEmail(),
                    form.isCharterAccepted(), locale);
            try {
                if (form.rephrasing()) {
                    proposals.rephrase(c, uuid(form.getRephrase()), participant, form.getToken(), submission);
                } else {
                    proposals.propose(c, participant, submission);
                }
            } catch (FieldRefusal refusal) {
                Forms.reject(result, refusal);
                return rephrasing(c, participant, form, model);
            } catch (BusinessException refusal) {
                if (refusal.status() == 404) {
                    throw refusal;
                }
                if (refusal.messageKey().startsWith("consultation.rephrase.")) {
                    // The link does not allow rephrasing: nothing was saved; what was typed stays, as a new proposal.
                    form.setRephrase(null);
                    form.setToken(null);
                    model.addAttribute("rephraseError", refusal.messageKey());
                    response.setStatus(refusal.status());
                    return "consultation/public/propose";
                }
                result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
                return rephrasing(c, participant, form, model);
            }
            return "redirect:/c/" + c.slug() + "/propose/done";
        });
    }

    /** The propose page again after a refused submission, still rephrasing if it was. */
    private String rephrasing(Consultations.Consultation c, UUID participant, ProposalForm form, Model model) {
        if (form.rephrasing()) {
            try {
                model.addAttribute("rephrasing", proposals.toRephrase(c, uuid(form.getRephrase()), participant,
                        form.getToken()));
            } catch (BusinessException gone) {
                form.setRephrase(null);
                form.setToken(null);
            }
        }
        return "consultation/public/propose";
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @GetMapping("/c/{slug}/propose/done")
    String proposed(@PathVariable String slug, Model model) {
        return as(slug, ref -> {
            model.addAttribute("consultation", consultations.forPublic(ref));
            return "consultation/public/proposed";
        });
    }

    @GetMapping("/c/{slug}/mine")
    String mine(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            UUID known = known(c, request);
            model.addAttribute("consultation", c);
            model.addAttribute("proposals", known == null ? List.of() : proposals.ofParticipant(known));
            return "consultation/public/mine";
        });
    }

    @GetMapping("/c/{slug}/vote")
    String sequence(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            model.addAttribute("consultation", c);
            if (!c.open()) {
                model.addAttribute("cards", List.of());
                return "consultation/public/vote";
            }
            Participants.Participant issued;
            try {
                issued = participant(c, request, response);
            } catch (BusinessException limited) {
                if (limited.status() != 429) {
                    throw limited;
                }
                // Too many new participants from this network just now: the page says so (and
                // when to come back), the proposals stay readable on the landing and results pages.
                response.setStatus(429);
                model.addAttribute("cards", List.of());
                model.addAttribute("participantLimited", limited.messageKey());
                return "consultation/public/vote";
            }
            UUID participant = issued.id();
            if (!issued.proven()) {
                // Solved by the browser (static/js/consultation-proof.js) before its first vote is sent.
                model.addAttribute("proof", proofs.challenge(c.id(), issued));
            }
            List<UUID> ids = sequences.next(c.id(), participant);
            Map<UUID, Proposals.Proposal> texts = proposals.accepted(c.id(), ids);
            List<Card> cards = new ArrayList<>();
            for (UUID id : ids) {
                Proposals.Proposal p = texts.get(id);
                if (p != null) {
                    cards.add(new Card(id, p.text(), keys.sign(id, participant, ProposalKeys.Location.SEQUENCE), null,
                            Set.of()));
                }
            }
            model.addAttribute("cards", cards);
            return "consultation/public/vote";
        });
    }

    /** A vote from the page's form; an unknown vote value ({@code key=7}) is a 400 with a message, nothing recorded. */
    @PostMapping("/c/{slug}/vote")
    String vote(@PathVariable String slug, @RequestParam(required = false) UUID proposalId,
            @RequestParam(name = "key", required = false) String value, @RequestParam(required = false) String signature,
            HtmxRequest htmx, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        VoteKey key = known(VoteKey.class, value, "consultation.vote.key.unknown");
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            UUID participant = participant(c, request, response).id();
            return answer(c, participant, proposalId, htmx, request, response, model, redirect,
                    () -> votes.cast(new Votes.Ballot(c.id(), participant, proposalId, key, null,
                            ProposalKeys.Location.SEQUENCE, signature)));
        });
    }

    @PostMapping("/c/{slug}/qualify")
    String qualify(@PathVariable String slug, @RequestParam(required = false) UUID proposalId,
            @RequestParam(name = "qualification", required = false) String value, @RequestParam(required = false) Boolean on,
            HtmxRequest htmx, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Qualification qualification = known(Qualification.class, value, "consultation.vote.qualification.unknown");
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            UUID participant = participant(c, request, response).id();
            return answer(c, participant, proposalId, htmx, request, response, model, redirect,
                    () -> votes.qualify(c.id(), participant, proposalId, qualification, on));
        });
    }

    /**
     * The constant named {@code value} (null when absent: the service says what is missing); any
     * other value is refused with a 400 and {@code messageKey}, before anything is looked up or recorded.
     */
    private static <E extends Enum<E>> E known(Class<E> type, String value, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw BusinessException.invalid(messageKey);
    }

    /** Casts, then answers htmx with the card (or its refusal), other browsers with a redirect. */
    private String answer(Consultations.Consultation c, UUID participant, UUID proposalId, HtmxRequest htmx, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect, java.util.function.Supplier<Votes.Recorded> action) {
        if (proposalId == null) {
            throw BusinessException.notFound();
        }
        String error = null;
        Votes.Recorded recorded = null;
        if (!limits.allow(participant, RequestIds.currentClientAddress().orElse(request.getRemoteAddr()))) {
            error = "consultation.rateLimited";
            response.setStatus(htmx.isHtmxRequest() ? 200 : 429);
        } else {
            try {
                recorded = action.get();
            } catch (BusinessException refusal) {
                if (refusal.status() == 404) {
                    throw refusal;
                }
                error = refusal.messageKey();
            }
        }
        if (!htmx.isHtmxRequest()) {
            if (error != null) {
                Forms.error(redirect, error);
            } else {
                Forms.success(redirect, "consultation.vote.recorded");
            }
            return "redirect:/c/" + c.slug() + "/vote";
        }
        if (recorded == null) {
            recorded = votes.current(participant, proposalId).orElse(null);
        }
        Proposals.Proposal p = proposals.accepted(c.id(), List.of(proposalId)).get(proposalId);
        String shown = p == null ? "" : p.text();
        model.addAttribute("consultation", c);
        model.addAttribute("card", new Card(proposalId, shown,
                keys.sign(proposalId, participant, ProposalKeys.Location.SEQUENCE),
                recorded == null ? null : recorded.key(), recorded == null ? Set.of() : recorded.qualifications()));
        model.addAttribute("cardError", error);
        return "consultation/public/vote :: card";
    }

    @GetMapping("/c/{slug}/profile")
    String profileForm(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            Participants.Participant p = participant(c, request, response);
            model.addAttribute("consultation", c);
            model.addAttribute("answers", participants.answers(p.id()));
            model.addAttribute("recontact", p.recontactConsent());
            model.addAttribute("email", p.recontactEmail());
            return "consultation/public/profile";
        });
    }

    @PostMapping("/c/{slug}/profile")
    String saveProfile(@PathVariable String slug, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
            Locale locale) {
        return as(slug, ref -> {
            Consultations.Consultation c = consultations.forPublic(ref);
            Participants.Participant p = participant(c, request, response);
            Map<String, String> answers = new HashMap<>();
            c.profileQuestions().forEach(q -> answers.put(q.code(), params.get("q_" + q.code())));
            boolean recontact = "true".equals(params.get("recontact"));
            try {
                participants.saveProfile(c, p.id(), answers, recontact, params.get("email"), locale);
            } catch (FieldRefusal refusal) {
                model.addAttribute("consultation", c);
                model.addAttribute("answers", answers);
                model.addAttribute("recontact", recontact);
                model.addAttribute("email", params.get("email"));
                model.addAttribute("profileError", refusal.messageKey());
                model.addAttribute("profileErrorField", refusal.field());
                response.setStatus(400);
                return "consultation/public/profile";
            }
            Forms.success(redirect, "consultation.profile.saved");
            return "redirect:/c/" + c.slug();
        });
    }

    /** The participant of this request (created, and the cookie set, on first need). */
    private Participants.Participant participant(Consultations.Consultation c, HttpServletRequest request,
            HttpServletResponse response) {
        return cookies.participant(c, request, response);
    }

    /** The participant already known for this request, without creating one. */
    private UUID known(Consultations.Consultation c, HttpServletRequest request) {
        UUID user = TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        UUID fromCookie = cookies.read(request, c.id());
        // Read only: a page that shows nothing new must not create or merge participants.
        java.util.Optional<Participants.Participant> known = user == null ? java.util.Optional.empty()
                : participants.ofAccount(c.id(), user);
        if (known.isEmpty() && fromCookie != null) {
            known = participants.find(c.id(), fromCookie);
        }
        return known.map(Participants.Participant::id).orElse(null);
    }

    private <T> T as(String slug, Function<Consultations.PublicRef, T> work) {
        Consultations.PublicRef ref = consultations.lookup(slug).orElseThrow(BusinessException::notFound);
        return Consultations.asOrganiser(ref, () -> work.apply(ref));
    }
}
