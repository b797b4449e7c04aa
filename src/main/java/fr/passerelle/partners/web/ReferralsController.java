package fr.passerelle.partners.web;

import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.ReferralFigures;
import fr.passerelle.partners.ReferralStatus;
import fr.passerelle.partners.Referrals;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Orientations of persons to partners: the list (with the orientation figures of the period), the
 * referral form (from a person's file or a measure), the referral's page with its history, its PDF
 * and the recording of the answer and the entry. Reading needs partner:read and person:read (a
 * referral names the person); sending and recording need person:write.
 */
@Controller
class ReferralsController {

    private final Referrals referrals;
    private final ReferralFigures figures;
    private final Persons persons;
    private final Measures measures;
    private final Clock clock;

    ReferralsController(Referrals referrals, ReferralFigures figures, Persons persons, Measures measures, Clock clock) {
        this.referrals = referrals;
        this.figures = figures;
        this.persons = persons;
        this.measures = measures;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    String list(@RequestParam(required = false) ReferralStatus status, @RequestParam(required = false) UUID partner,
            @RequestParam(required = false) UUID person, @RequestParam(required = false) String sort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String safeSort = sort != null && Referrals.SORTS.contains(sort) ? sort : "sent";
        ResultPage<Referrals.Referral> result = referrals.list(new Referrals.Filter(status, partner, person, safeSort),
                page);
        model.addAttribute("referrals", result);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("partners", referrals.partners());
        model.addAttribute("status", status);
        model.addAttribute("partner", partner);
        model.addAttribute("person", person);
        model.addAttribute("personLabel", person == null ? null : persons.labels(Set.of(person)).get(person));
        model.addAttribute("sort", safeSort);
        model.addAttribute("sorts", Referrals.SORTS);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/referrals")
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("partner", Optional.ofNullable(partner))
                .queryParamIfPresent("person", Optional.ofNullable(person)).queryParam("sort", safeSort)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("until", Optional.ofNullable(until)).toUriString());
        LocalDate today = LocalDate.now(clock);
        LocalDate periodUntil = until == null ? today : until;
        LocalDate periodFrom = from == null ? periodUntil.minusYears(1).plusDays(1) : from;
        model.addAttribute("from", periodFrom);
        model.addAttribute("until", periodUntil);
        try {
            model.addAttribute("figures", figures.of(periodFrom, periodUntil));
        } catch (FieldRefusal refusal) {
            model.addAttribute("figuresError", refusal);
        }
        return "partners/referrals-list";
    }

    /** A person's referrals (the fragment the person's page loads). */
    @GetMapping("/referrals/of-person/{id}")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    String ofPerson(@PathVariable UUID id, Model model) {
        if (persons.labels(Set.of(id)).isEmpty()) {
            throw BusinessException.notFound();
        }
        model.addAttribute("personId", id);
        model.addAttribute("personReferrals", referrals.ofPerson(id));
        return "partners/referrals-of-person :: referrals";
    }

    /** The form: the person is given (from their file or a measure) or searched by name here; the partner is picked first. */
    @GetMapping("/referrals/new")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:write')")
    String form(@RequestParam(required = false) UUID personId, @RequestParam(required = false) UUID measureId,
            @RequestParam(required = false) UUID partnerId, @RequestParam(required = false) String q, Model model) {
        ReferralForm form = new ReferralForm();
        form.setPersonId(personId);
        form.setMeasureId(measureId);
        form.setPartnerId(partnerId);
        form.setConsentGivenOn(LocalDate.now(clock));
        if (personId == null && q != null && !q.isBlank()) {
            model.addAttribute("matches", persons.search(q, null, 0).items());
        }
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        return showForm(form, model);
    }

    @PostMapping("/referrals")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:write')")
    String send(@ModelAttribute("form") ReferralForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(form, model);
        }
        UUID id;
        try {
            id = referrals.send(form.request());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(form, model);
        }
        Forms.success(redirect, "referral.sent");
        return "redirect:/referrals/" + id;
    }

    private String showForm(ReferralForm form, Model model) {
        if (form.getPersonId() != null) {
            String label = persons.labels(Set.of(form.getPersonId())).get(form.getPersonId());
            if (label == null) {
                throw BusinessException.notFound();
            }
            model.addAttribute("personLabel", label);
            model.addAttribute("measures", measures.ofPerson(form.getPersonId()));
        }
        model.addAttribute("partners", referrals.partners());
        if (form.getPartnerId() != null) {
            model.addAttribute("contacts", referrals.contacts(form.getPartnerId()));
            model.addAttribute("partnerChoice", referrals.partners().stream()
                    .filter(p -> p.id().equals(form.getPartnerId())).findFirst().orElseThrow(BusinessException::notFound));
        }
        model.addAttribute("sections", Referrals.Section.values());
        model.addAttribute("mayShareHealth", TenantContext.hasAuthority(Persons.HEALTH_PERMISSION));
        return "partners/referrals-form";
    }

    @GetMapping("/referrals/{id}")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    String show(@PathVariable UUID id, Model model) {
        Referrals.Referral referral = referrals.view(id);
        model.addAttribute("referral", referral);
        model.addAttribute("events", referrals.events(id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("noAnswerDays", referrals.noAnswerDays());
        model.addAttribute("mayReadDocument", !referral.shared().contains(Referrals.Section.HEALTH) || TenantContext.hasAuthority(Persons.HEALTH_PERMISSION));
        return "partners/referrals-show";
    }

    @GetMapping("/referrals/{id}/document")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:read')")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        byte[] pdf = referrals.document(id);
        return Downloads.attachment(MediaType.APPLICATION_PDF, Referrals.fileName(id), pdf);
    }

    /** One step of the referral (see {@link ReferralStatus.Action}); a refusal is shown on the referral's page. */
    @PostMapping("/referrals/{id}/transitions")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('person:write')")
    String transition(@PathVariable UUID id, @RequestParam(required = false) ReferralStatus.Action action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        referrals.status(id);
        if (action == null) {
            Forms.error(redirect, "referral.action.required");
            return "redirect:/referrals/" + id;
        }
        Forms.perform(redirect, "referral.done." + action.name(), () -> apply(referrals, id, action, effectiveOn, reason));
        return "redirect:/referrals/" + id;
    }

    /** Applies one action to a referral (the web page's and the API's way). */
    static void apply(Referrals referrals, UUID id, ReferralStatus.Action action, LocalDate effectiveOn, String reason) {
        switch (action) {
            case ACCEPT -> referrals.accept(id, effectiveOn);
            case REFUSE -> referrals.refuse(id, effectiveOn, reason);
            case NO_ANSWER -> referrals.markNoAnswer(id);
            case ENTER -> referrals.enter(id, effectiveOn);
        }
    }
}
