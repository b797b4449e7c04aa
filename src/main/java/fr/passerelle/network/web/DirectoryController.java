package fr.passerelle.network.web;

import fr.passerelle.network.Directory;
import fr.passerelle.network.MainField;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.ResultPage;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public network directory (no account needed): the member associations with a published
 * profile, searchable, and one public page per association. Shows published data only.
 */
@Controller
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/reseau/annuaire")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String field, @RequestParam(required = false) Integer page,
            HtmxRequest htmx, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        MainField mainField = Arrays.stream(MainField.values()).filter(f -> f.name().equals(field)).findFirst()
                .orElse(null);
        String regionCode = directory.regions().stream().anyMatch(r -> r.code().equals(region)) ? region : "";
        model.addAttribute("entries", directory.search(query, regionCode, mainField, ResultPage.sanitizePage(page)));
        model.addAttribute("regions", directory.regions());
        model.addAttribute("fields", MainField.values());
        model.addAttribute("q", query);
        model.addAttribute("region", regionCode);
        model.addAttribute("field", mainField == null ? "" : mainField.name());
        return htmx.isHtmxRequest() ? "network/directory/list :: results" : "network/directory/list";
    }

    @GetMapping("/reseau/associations/{id}")
    String profile(@PathVariable String id, Model model) {
        UUID organisation;
        try {
            organisation = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw BusinessException.notFound();
        }
        model.addAttribute("association", directory.publicProfile(organisation).orElseThrow(BusinessException::notFound));
        return "network/directory/profile";
    }
}
