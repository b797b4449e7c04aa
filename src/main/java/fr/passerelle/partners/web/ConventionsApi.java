package fr.passerelle.partners.web;

import fr.passerelle.partners.ConventionObject;
import fr.passerelle.partners.PartnerConventions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The association's conventions with its partners (read only; the signed document's bytes are not served here). */
@RestController
@Tag(name = "Conventions", description = "Conventions of the association with its partners")
class ConventionsApi {

    private final PartnerConventions conventions;

    ConventionsApi(PartnerConventions conventions) {
        this.conventions = conventions;
    }

    @GetMapping(path = "/api/v1/conventions", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('partner:read')")
    @Operation(summary = "The conventions, those ending first first; filters: object, partner, ending within N days, "
            + "archived ones included")
    List<PartnerConventions.Convention> list(@RequestParam(required = false) ConventionObject object,
            @RequestParam(required = false) UUID partner, @RequestParam(required = false) Integer within,
            @RequestParam(defaultValue = "false") boolean archived) {
        return conventions.list(new PartnerConventions.Filter(object, partner, within, archived));
    }

    @GetMapping(path = "/api/v1/conventions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('partner:read')")
    @Operation(summary = "One convention (its document's current version number, without its bytes)")
    PartnerConventions.Convention get(@PathVariable UUID id) {
        return conventions.get(id);
    }
}
