package fr.passerelle.partners.web;

import fr.passerelle.partners.ReferralFigures;
import fr.passerelle.partners.ReferralStatus;
import fr.passerelle.partners.Referrals;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Orientations of persons to partners, with the same permissions as the pages; every read and write is audited. */
@RestController
@Tag(name = "Referrals", description = "Orientations of persons to partners (partner:read with person:read or person:write)")
class ReferralsApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Referrals referrals;
    private final ReferralFigures figures;

    ReferralsApi(Referrals referrals, ReferralFigures figures) {
        this.referrals = referrals;
        this.figures = figures;
    }

    /** A referral with its history and the actions its status allows now. */
    record ReferralView(Referrals.Referral referral, List<Referrals.Event> events, Set<ReferralStatus.Action> actions) {}

    /** A step: {@code effectiveOn} for an answer or an entry, {@code reason} for a refusal. */
    record TransitionInput(ReferralStatus.Action action, LocalDate effectiveOn, String reason) {}

    /** A referral to send: {@code consentCoversHealth} may be left out (false). */
    record NewReferral(UUID partnerId, UUID contactId, UUID personId, UUID measureId, String purpose,
            Set<Referrals.Section> shared, LocalDate consentGivenOn, Boolean consentCoversHealth) {

        Referrals.Request request() {
            return new Referrals.Request(partnerId, contactId, personId, measureId, purpose, shared, consentGivenOn,
                    Boolean.TRUE.equals(consentCoversHealth));
        }
    }

    record Created(UUID id) {}

    @GetMapping(path = "/api/v1/referrals", produces = JSON)
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    @Operation(summary = "The referrals, latest sent first (sort: sent, partner, status); filters: status, partner, person")
    ResultPage<Referrals.Referral> list(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) UUID partner, @RequestParam(required = false) UUID person,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page) {
        return referrals.list(new Referrals.Filter(status, partner, person, sort != null && Referrals.SORTS.contains(sort) ? sort : null),
                page);
    }

    @GetMapping(path = "/api/v1/referrals/{id}", produces = JSON)
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    @Operation(summary = "A referral (what was shared, never the shared data), its history and the actions allowed now")
    ReferralView get(@PathVariable UUID id) {
        Referrals.Referral referral = referrals.view(id);
        return new ReferralView(referral, referrals.events(id), referral.actions());
    }

    @PostMapping(path = "/api/v1/referrals", consumes = JSON, produces = JSON)
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:write')")
    @Operation(summary = "Send a referral: the PDF is mailed to the partner through the outbox; health only with "
            + "person:health and the person's consent covering it")
    ResponseEntity<Created> create(@RequestBody NewReferral input) {
        UUID id = referrals.send(input.request());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/referrals/{id}")
                .buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new Created(id));
    }

    @PostMapping(path = "/api/v1/referrals/{id}/transitions", consumes = JSON, produces = JSON)
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:write')")
    @Operation(summary = "Record an answer (ACCEPT, REFUSE with a reason), NO_ANSWER or the ENTER; 409 if the status "
            + "does not allow it")
    ReferralView transition(@PathVariable UUID id, @RequestBody TransitionInput input) {
        referrals.status(id);
        if (input.action() == null) {
            throw new FieldRefusal("action", "referral.action.required");
        }
        ReferralsController.apply(referrals, id, input.action(), input.effectiveOn(), input.reason());
        return get(id);
    }

    @GetMapping(path = "/api/v1/referrals/figures", produces = JSON)
    @PreAuthorize("hasAuthority('partner:read')")
    @Operation(summary = "Orientation figures of the referrals sent from one date to another: counts, acceptance rate "
            + "and median delays by partner type")
    ReferralFigures.Figures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        return figures.of(from, until);
    }
}
