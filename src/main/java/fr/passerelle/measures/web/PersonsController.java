package fr.passerelle.measures.web;

import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Persons accompanied: search, creation with a duplicate warning, the person's file and new measures. */
@Controller
@RequestMapping("/persons")
class PersonsController {

    private final Persons persons;
    private final Measures measures;
    private final MeasureCatalogue catalogue;
    private final Courts courts;
    private final fr.passerelle.measures.Caseloads caseloads;
    private final Clock clock;

    PersonsController(Persons persons, Measures measures, MeasureCatalogue catalogue, Courts courts,
            fr.passerelle.measures.Caseloads caseloads, Clock clock) {
        this.caseloads = caseloads;
        this.clock = clock;
        this.persons = persons;
        this.measures = measures;
        this.catalogue = catalogue;
        this.courts = courts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('person:read')")
    String search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Integer page, HtmxRequest htmx, Model model) {
        model.addAttribute("persons", persons.search(q, birthDate, ResultPage.sanitizePage(page)));
        model.addAttribute("q", q);
        model.addAttribute("birthDate", birthDate);
        return htmx.isHtmxRequest() ? "persons/list :: results" : "persons/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('person:write')")
    String newForm(@ModelAttribute("form") PersonForm form) {
        return "persons/form";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('person:write')")
    String create(@ModelAttribute("form") PersonForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "persons/form";
        }
        try {
            UUID id = persons.create(data(form), form.isDuplicateConfirmed());
            Forms.success(redirect, "person.created");
            return "redirect:/persons/" + id;
        } catch (Persons.DuplicateSuspected duplicate) {
            model.addAttribute("duplicates", duplicate.candidates());
            return "persons/form";
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return "persons/form";
        }
    }

    /** The person's file: identity, situation, health (if allowed) and all their measures. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('person:read')")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("person", persons.view(id));
        model.addAttribute("measures", measures.ofPerson(id));
        model.addAttribute("consents", persons.consents(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "persons/show";
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasAuthority('person:write')")
    String addConsent(@PathVariable UUID id, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "consent.recorded", () -> persons.addConsent(id, subject, recipient, givenOn));
        return "redirect:/persons/" + id;
    }

    @PostMapping("/consents/{id}/withdraw")
    @PreAuthorize("hasAuthority('person:write')")
    String withdrawConsent(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate withdrawnOn,
            RedirectAttributes redirect) {
        UUID person = persons.personOfConsent(id);
        Forms.perform(redirect, "consent.withdrawn", () -> persons.withdrawConsent(id, withdrawnOn));
        return "redirect:/persons/" + person;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('person:write')")
    String editForm(@PathVariable UUID id, Model model) {
        Persons.PersonFile file = persons.view(id);
        Persons.PersonData d = file.data();
        PersonForm form = new PersonForm();
        form.setLastName(d.lastName());
        form.setFirstName(d.firstName());
        form.setBirthDate(d.birthDate());
        form.setSex(d.sex());
        form.setBirthPlace(d.birthPlace());
        form.setPhone(d.phone());
        form.setEmail(d.email());
        form.setAddress(d.address());
        form.setHousing(d.housing());
        form.setEmployment(d.employment());
        form.setResources(d.resources());
        model.addAttribute("form", form);
        model.addAttribute("person", file);
        return "persons/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('person:write')")
    String update(@PathVariable UUID id, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Persons.PersonFile file = persons.view(id);
        model.addAttribute("person", file);
        if (result.hasErrors()) {
            return "persons/form";
        }
        try {
            persons.update(id, data(form));
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return "persons/form";
        }
        Forms.success(redirect, "person.updated");
        return "redirect:/persons/" + id;
    }

    @PostMapping("/{id}/health")
    @PreAuthorize("hasAuthority('person:health')")
    String updateHealth(@PathVariable UUID id, @RequestParam(defaultValue = "") String healthNotes,
            @RequestParam(defaultValue = "") String addictionNotes, RedirectAttributes redirect) {
        persons.updateHealth(id, new Persons.Health(healthNotes, addictionNotes));
        Forms.success(redirect, "person.healthUpdated");
        return "redirect:/persons/" + id;
    }

    @GetMapping("/{id}/measures/new")
    @PreAuthorize("hasAuthority('measure:write')")
    String newMeasure(@PathVariable UUID id, @ModelAttribute("form") MandateForm form, Model model) {
        if (form.getReceivedOn() == null) {
            form.setReceivedOn(LocalDate.now(clock));
        }
        return showMandateForm(id, model);
    }

    @PostMapping("/{id}/measures")
    @PreAuthorize("hasAuthority('measure:write')")
    String createMeasure(@PathVariable UUID id, @ModelAttribute("form") MandateForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showMandateForm(id, model);
        }
        try {
            UUID measure = measures.create(id, new Measures.Mandate(form.getMeasureTypeId(), form.getCourtCode(),
                    form.getPrescriberType(), form.getPrescriberName(), form.getParquetNumber(),
                    form.getInstructionNumber(), form.getReceivedOn(), form.getDueOn(), form.getOrderedQuantity(),
                    form.getPlannedEndOn()));
            Forms.success(redirect, "measure.created");
            return "redirect:/measures/" + measure;
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showMandateForm(id, model);
        }
    }

    private String showMandateForm(UUID personId, Model model) {
        model.addAttribute("person", persons.view(personId));
        model.addAttribute("types", catalogue.types().stream().filter(MeasureCatalogue.MeasureType::active).toList());
        // The association's own courts first: those its measures come from and those its network
        // profile covers; then every other court, grouped by cour d'appel.
        java.util.Set<String> own = new java.util.HashSet<>(caseloads.courtCodesInUse());
        own.addAll(courts.profileCourts());
        model.addAttribute("courts", courts.choices(null, own));
        model.addAttribute("prescriberTypes", Measures.PRESCRIBER_TYPES);
        return "measures/form";
    }

    private static Persons.PersonData data(PersonForm f) {
        return new Persons.PersonData(f.getLastName(), f.getFirstName(), f.getBirthDate(), f.getSex(),
                f.getBirthPlace(), f.getPhone(), f.getEmail(), f.getAddress(), f.getHousing(), f.getEmployment(),
                f.getResources());
    }
}
