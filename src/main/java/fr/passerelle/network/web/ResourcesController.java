package fr.passerelle.network.web;

import fr.passerelle.network.Meetings;
import fr.passerelle.network.Resources;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resource library: the signed-in users' search among what they may see, a document's page with
 * its versions, the federation's forms (publish, edit, new version, withdraw), downloads; and the
 * public library, without an account, of the public documents only.
 */
@Controller
class ResourcesController {

    private final Resources resources;
    private final Meetings meetings;

    ResourcesController(Resources resources, Meetings meetings) {
        this.resources = resources;
        this.meetings = meetings;
    }

    @GetMapping("/network/resources")
    String library(@RequestParam(required = false) String q, @RequestParam(name = "tag", required = false) List<String> tags,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(required = false) Resources.Access access, @RequestParam(required = false) UUID body,
            @RequestParam(required = false) Resources.Sort sort, @RequestParam(required = false) Integer page, Model model) {
        Resources.Query query = Resources.Query.of(q, tags, types, access, body, sort, page);
        search(query, model, "/network/resources");
        model.addAttribute("accesses", Resources.Access.values());
        return "network/resources/list";
    }

    /** The public library: public documents only, for anyone. */
    @GetMapping("/reseau/ressources")
    String publicLibrary(@RequestParam(required = false) String q,
            @RequestParam(name = "tag", required = false) List<String> tags,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(required = false) Resources.Sort sort, @RequestParam(required = false) Integer page, Model model) {
        search(Resources.Query.of(q, tags, types, Resources.Access.PUBLIC, null, sort, page), model, "/reseau/ressources");
        return "network/resources/public";
    }

    private void search(Resources.Query query, Model model, String path) {
        model.addAttribute("query", query);
        model.addAttribute("sorts", Resources.Sort.values());
        try {
            model.addAttribute("results", resources.search(query));
        } catch (FieldRefusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("results", resources.search(Resources.Query.of("", query.tags(), query.types(),
                    query.access(), query.bodyId(), query.sort(), 0)));
        }
        model.addAttribute("baseUrl", baseUrl(path, query));
    }

    /** The address of the search without its page, for the pager. */
    private static String baseUrl(String path, Resources.Query query) {
        org.springframework.web.util.UriComponentsBuilder url = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        if (!query.text().isEmpty()) {
            url.queryParam("q", query.text());
        }
        query.tags().forEach(t -> url.queryParam("tag", t));
        query.types().forEach(t -> url.queryParam("type", t));
        if (query.access() != null && path.startsWith("/network")) {
            url.queryParam("access", query.access());
        }
        if (query.bodyId() != null) {
            url.queryParam("body", query.bodyId());
        }
        url.queryParam("sort", query.sort());
        return url.encode(StandardCharsets.UTF_8).build().toUriString();
    }

    @GetMapping("/network/resources/new")
    @PreAuthorize("hasAuthority('library:manage')")
    String newForm(@RequestParam(required = false) UUID meetingId, Model model) {
        if (meetingId != null) {
            model.addAttribute("meeting", meetings.meeting(meetingId));
        }
        formModel(model);
        return "network/resources/new";
    }

    @PostMapping("/network/resources")
    @PreAuthorize("hasAuthority('library:manage')")
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String tags, @RequestParam(required = false) Resources.Access access,
            @RequestParam(required = false) UUID bodyId, @RequestParam(required = false) UUID meetingId,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        UUID[] published = new UUID[1];
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        if (Forms.perform(redirect, "resource.publishedOk", () -> published[0] = resources.publish(
                new Resources.ResourceInput(title, description, tags, access, bodyId), meetingId, name, content))) {
            return meetingId == null ? "redirect:/network/resources/" + published[0] : "redirect:/network/meetings/" + meetingId;
        }
        redirect.addFlashAttribute("draft", new Resources.ResourceInput(title, description, tags, access, bodyId));
        return "redirect:/network/resources/new" + (meetingId == null ? "" : "?meetingId=" + meetingId);
    }

    @GetMapping("/network/resources/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("resource", resources.get(id));
        model.addAttribute("versions", resources.versions(id));
        if (fr.passerelle.shared.TenantContext.hasAuthority(fr.passerelle.identity.Permissions.LIBRARY_MANAGE)) {
            formModel(model);
        }
        return "network/resources/show";
    }

    @PostMapping("/network/resources/{id}")
    @PreAuthorize("hasAuthority('library:manage')")
    String edit(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) Resources.Access access, @RequestParam(required = false) UUID bodyId,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "resource.editedOk", () -> resources.edit(id, rowVersion,
                new Resources.ResourceInput(title, description, tags, access, bodyId)));
        return "redirect:/network/resources/" + id;
    }

    @PostMapping("/network/resources/{id}/versions")
    @PreAuthorize("hasAuthority('library:manage')")
    String addVersion(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        Forms.perform(redirect, "resource.versionAddedOk", () -> resources.addVersion(id, rowVersion, name, content, note));
        return "redirect:/network/resources/" + id;
    }

    @PostMapping("/network/resources/{id}/withdraw")
    @PreAuthorize("hasAuthority('library:manage')")
    String withdraw(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "true") boolean withdrawn,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Forms.perform(redirect, withdrawn ? "resource.withdrawnOk" : "resource.restoredOk",
                () -> resources.withdraw(id, rowVersion, withdrawn, reason));
        return "redirect:/network/resources/" + id;
    }

    @GetMapping("/network/resources/{id}/file")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        return file(resources.download(id, version));
    }

    /** A public document's file, for anyone (another document is not found here, whoever asks). */
    @GetMapping("/reseau/ressources/{id}/fichier")
    ResponseEntity<byte[]> publicDownload(@PathVariable UUID id) {
        if (resources.get(id).access() != Resources.Access.PUBLIC) {
            throw BusinessException.notFound();
        }
        return file(resources.download(id, null));
    }

    private static ResponseEntity<byte[]> file(Resources.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    private void formModel(Model model) {
        model.addAttribute("accesses", Resources.Access.values());
        model.addAttribute("bodies", meetings.bodies());
        model.addAttribute("maxMegabytes", resources.maxMegabytes());
        model.addAttribute("acceptedExtensions", Resources.acceptedExtensions());
    }
}
