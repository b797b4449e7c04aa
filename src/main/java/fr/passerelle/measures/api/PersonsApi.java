package fr.passerelle.measures.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Persons accompanied: search, the person's file (audited), creation and changes. */
@RestController
@RequestMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Persons", description = "Persons accompanied (personnes placées sous main de justice)")
class PersonsApi {

    private final Persons persons;
    private final ApiProblems problems;
    private final AuditLog audit;

    PersonsApi(Persons persons, ApiProblems problems, AuditLog audit) {
        this.audit = audit;
        this.persons = persons;
        this.problems = problems;
    }

    /** Identity, contacts and situation; {@code health} only for callers with {@code person:health}. */
    record PersonView(UUID id, String reference, String lastName, String firstName, LocalDate birthDate, String sex,
            String birthPlace, String phone, String email, String address, String housing, String employment,
            String resources, @JsonInclude(JsonInclude.Include.NON_NULL) Persons.Health health) {

        static PersonView of(Persons.PersonFile file) {
            Persons.PersonData d = file.data();
            return new PersonView(file.id(), file.reference(), d.lastName(), d.firstName(), d.birthDate(), d.sex(),
                    d.birthPlace(), d.phone(), d.email(), d.address(), d.housing(), d.employment(), d.resources(),
                    file.health().orElse(null));
        }
    }

    /** A person to create or the new values of a file; {@code sex} is F, M or X. */
    record PersonInput(String lastName, String firstName, LocalDate birthDate, String sex, String birthPlace,
            String phone, String email, String address, String housing, String employment, String resources,
            Boolean duplicateConfirmed) {

        Persons.PersonData data() {
            return new Persons.PersonData(lastName, firstName, birthDate, sex, birthPlace, phone, email, address,
                    housing, employment, resources);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('person:read')")
    @Operation(summary = "Search persons by name (accents and case ignored, partial) and birth date; 25 a page")
    ResultPage<Persons.PersonSummary> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Integer page) {
        ResultPage<Persons.PersonSummary> found = persons.search(q, birthDate, ResultPage.sanitizePage(page));
        audit.record("persons.listed", "person_search", null, Map.of("lines", found.items().size()));
        return found;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('person:read')")
    @Operation(summary = "A person's file (the read is recorded in the audit trail)")
    PersonView get(@PathVariable UUID id) {
        return PersonView.of(persons.view(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('person:write')")
    @Operation(summary = "Create a person; 409 with the candidates when one probably exists, unless duplicateConfirmed")
    ResponseEntity<Created> create(@RequestBody PersonInput input) {
        return Created.at("/api/v1/persons/{id}", persons.create(input.data(), Boolean.TRUE.equals(input.duplicateConfirmed())));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('person:write')")
    @Operation(summary = "Change a person's identity, contacts and situation")
    ResponseEntity<Void> update(@PathVariable UUID id, @RequestBody PersonInput input) {
        persons.update(id, input.data());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{id}/health", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('person:health')")
    @Operation(summary = "Write the restricted health and addiction notes (person:health)")
    ResponseEntity<Void> updateHealth(@PathVariable UUID id, @RequestBody Persons.Health health) {
        persons.updateHealth(id, health);
        return ResponseEntity.noContent().build();
    }

    /** The probable duplicates come with the refusal, so the client can show them before confirming. */
    @ExceptionHandler(Persons.DuplicateSuspected.class)
    ResponseEntity<ProblemDetail> duplicate(Persons.DuplicateSuspected e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.CONFLICT, e.messageKey());
        problem.setProperty("candidates", e.candidates());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
