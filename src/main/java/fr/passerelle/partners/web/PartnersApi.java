package fr.passerelle.partners.web;

import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The association's partner directory over the REST API: search and a partner's card. */
@RestController
@RequestMapping(path = "/api/v1/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners", description = "The association's partner directory (structures, sites, contacts, levels)")
class PartnersApi {

    private final PartnerDirectory directory;

    PartnersApi(PartnerDirectory directory) {
        this.directory = directory;
    }

    /** A partner with its sites, contacts and current partnership level (null when never assessed). */
    record PartnerView(UUID id, String name, String type, String description, List<String> activities,
            List<String> tags, String phone, String email, String website, boolean archived,
            PartnerDirectory.LevelAssessment currentLevel, List<PartnerDirectory.Site> sites,
            List<PartnerDirectory.Contact> contacts) {

        static PartnerView of(PartnerDirectory.Details d) {
            PartnerDirectory.Partner p = d.partner();
            return new PartnerView(p.id(), p.name(), p.type(), p.description(), p.activities(), p.tags(), p.phone(),
                    p.email(), p.website(), p.archived(), d.currentLevel().orElse(null), d.sites(), d.contacts());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partner:read')")
    @Operation(summary = "Search the directory: name (accents and case ignored, partial), type, département of a"
            + " site, tag, current level (1-4), archived too or not; sort NAME, TYPE, LEVEL or UPDATED; 25 a page")
    ResultPage<PartnerDirectory.Summary> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String departement,
            @RequestParam(defaultValue = "") String tag, @RequestParam(required = false) Integer level,
            @RequestParam(defaultValue = "false") boolean archived, @RequestParam(defaultValue = "NAME") String sort,
            @RequestParam(required = false) Integer page) {
        return directory.search(new PartnerDirectory.Filter(q, type, departement, tag, level, archived, sort),
                ResultPage.sanitizePage(page));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('partner:read')")
    @Operation(summary = "A partner with its sites, contacts and current partnership level")
    PartnerView get(@PathVariable UUID id) {
        return PartnerView.of(directory.details(id));
    }
}
