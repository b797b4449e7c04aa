package fr.passerelle.programmes.web;

import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.programmes.PracticeLibrary;
import fr.passerelle.programmes.ProgrammeIndicators;
import fr.passerelle.programmes.ProgrammeMeasure;
import fr.passerelle.programmes.ProgrammeMoney;
import fr.passerelle.programmes.Programmes;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A local authority's or association's prevention programmes: the list, adoption of a sheet, the
 * programme's page, its operational group and charter, its meetings, its money, and its computed
 * indicators with their exports and the report for the CLSPD.
 */
@Controller
@PreAuthorize("hasAuthority('programme:read')")
class ProgrammesController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Programmes programmes;
    private final ProgrammeMoney money;
    private final ProgrammeIndicators indicators;
    private final PracticeLibrary library;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    ProgrammesController(Programmes programmes, ProgrammeMoney money, ProgrammeIndicators indicators,
            PracticeLibrary library, PdfDocuments pdf, MessageSource messages, JsonMapper json, Clock clock) {
        this.programmes = programmes;
        this.money = money;
        this.indicators = indicators;
        this.library = library;
        this.pdf = pdf;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/programmes")
    String list(Model model) {
        model.addAttribute("programmes", programmes.list());
        return "programmes/programmes-list";
    }

    @GetMapping("/programmes/new")
    @PreAuthorize("hasAuthority('programme:lead')")
    String adoptForm(@RequestParam String sheet, Model model) {
        model.addAttribute("form", ProgrammeForm.of(programmes.draftFrom(sheet)));
        return form(sheet, null, model);
    }

    @PostMapping("/programmes")
    @PreAuthorize("hasAuthority('programme:lead')")
    String adopt(@RequestParam String sheet, @ModelAttribute("form") ProgrammeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            form.withSpareLines();
            return form(sheet, null, model);
        }
        UUID id;
        try {
            id = programmes.adopt(sheet, form.input());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            form.withSpareLines();
            return form(sheet, null, model);
        }
        Forms.success(redirect, "programme.adopted.flash");
        return "redirect:/programmes/" + id + "/group";
    }

    @GetMapping("/programmes/{id}")
    String show(@PathVariable UUID id, Model model) {
        Programmes.Programme programme = programmes.get(id);
        model.addAttribute("programme", programme);
        model.addAttribute("figures", indicators.figures(id));
        List<Programmes.Member> active = programmes.members(id).stream().filter(Programmes.Member::active).toList();
        model.addAttribute("activeMembers", active.size());
        model.addAttribute("signedMembers", active.stream().filter(m -> m.signed(programme.charterVersion())).count());
        model.addAttribute("signed", programmes.signedMember(id));
        model.addAttribute("leads", programmes.leads(id));
        model.addAttribute("tab", "overview");
        return "programmes/programme-show";
    }

    @GetMapping("/programmes/{id}/edit")
    @PreAuthorize("hasAuthority('programme:lead')")
    String editForm(@PathVariable UUID id, Model model) {
        Programmes.Programme programme = programmes.get(id);
        model.addAttribute("form", ProgrammeForm.of(programme));
        return form(programme.sheetCode(), programme, model);
    }

    @PostMapping("/programmes/{id}")
    @PreAuthorize("hasAuthority('programme:lead')")
    String update(@PathVariable UUID id, @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Programmes.Programme programme = programmes.get(id);
        if (!result.hasErrors()) {
            try {
                programmes.update(id, form.input());
                Forms.success(redirect, "programme.updated.flash");
                return "redirect:/programmes/" + id;
            } catch (FieldRefusal refusal) {
                Forms.reject(result, refusal);
            }
        }
        form.withSpareLines();
        return form(programme.sheetCode(), programme, model);
    }

    private String form(String sheetCode, Programmes.Programme programme, Model model) {
        // Adoption shows the sheet; a programme's settings do not need it (it may have been withdrawn since).
        model.addAttribute("sheet", programme == null ? library.sheet(sheetCode) : null);
        model.addAttribute("programme", programme);
        model.addAttribute("measures", ProgrammeMeasure.values());
        return "programmes/programme-form";
    }

    @PostMapping("/programmes/{id}/close")
    @PreAuthorize("hasAuthority('programme:lead')")
    String close(@PathVariable UUID id, @RequestParam(required = false) String closedOn, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.closed.flash", () -> programmes.close(id, Inputs.date("closedOn", closedOn)));
        return "redirect:/programmes/" + id;
    }

    // ---------------------------------------------------------------- group

    @GetMapping("/programmes/{id}/group")
    String group(@PathVariable UUID id, Model model) {
        Programmes.Programme programme = programmes.get(id);
        List<Programmes.Member> members = programmes.members(id);
        model.addAttribute("programme", programme);
        model.addAttribute("members", members);
        model.addAttribute("meetings", programmes.meetings(id));
        UUID me = TenantContext.currentPrincipal().map(p -> p.userId()).orElse(null);
        model.addAttribute("mine", members.stream()
                .filter(m -> me != null && me.equals(m.userId()) && m.active()).findFirst().orElse(null));
        boolean leads = programmes.leads(id);
        model.addAttribute("leads", leads);
        model.addAttribute("accounts", leads ? programmes.accounts() : List.of());
        model.addAttribute("groupRoles", Programmes.GROUP_ROLES);
        model.addAttribute("today", LocalDate.now(clock.withZone(PARIS)));
        model.addAttribute("tab", "group");
        return "programmes/programme-group";
    }

    @PostMapping("/programmes/{id}/members")
    @PreAuthorize("hasAuthority('programme:lead')")
    String addMember(@PathVariable UUID id, @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) String fullName, @RequestParam(required = false) String memberOrganisation,
            @RequestParam(required = false) String groupRole, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.member.added.flash",
                () -> programmes.addMember(id, userId, fullName, memberOrganisation, groupRole));
        return "redirect:/programmes/" + id + "/group";
    }

    @PostMapping("/programmes/{id}/members/{member}/leave")
    @PreAuthorize("hasAuthority('programme:lead')")
    String removeMember(@PathVariable UUID id, @PathVariable UUID member, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.member.left.flash", () -> programmes.removeMember(id, member));
        return "redirect:/programmes/" + id + "/group";
    }

    @PostMapping("/programmes/{id}/members/{member}/signature")
    @PreAuthorize("hasAuthority('programme:lead')")
    String recordSignature(@PathVariable UUID id, @PathVariable UUID member, @RequestParam(required = false) String signedOn,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.charter.recorded.flash",
                () -> programmes.recordSignature(id, member, Inputs.date("signedOn", signedOn)));
        return "redirect:/programmes/" + id + "/group";
    }

    @PostMapping("/programmes/{id}/charter/sign")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String sign(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.charter.signed.flash", () -> programmes.signCharter(id));
        return "redirect:/programmes/" + id + "/group";
    }

    @PostMapping("/programmes/{id}/charter")
    @PreAuthorize("hasAuthority('programme:lead')")
    String changeCharter(@PathVariable UUID id, @RequestParam(required = false) String charterText,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.charter.changed.flash", () -> programmes.changeCharter(id, charterText));
        return "redirect:/programmes/" + id + "/group";
    }

    @PostMapping("/programmes/{id}/meetings")
    @PreAuthorize("hasAuthority('programme:lead')")
    String addMeeting(@PathVariable UUID id, @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String decisions,
            @RequestParam(name = "attendees", required = false) List<UUID> attendees, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.meeting.recorded.flash",
                () -> programmes.addMeeting(id, Inputs.date("heldOn", heldOn), subject, decisions, attendees));
        return "redirect:/programmes/" + id + "/group";
    }

    // ---------------------------------------------------------------- money

    @GetMapping("/programmes/{id}/money")
    String money(@PathVariable UUID id, Model model) {
        model.addAttribute("programme", programmes.get(id));
        model.addAttribute("budget", money.budget(id));
        model.addAttribute("fundings", money.fundings(id));
        model.addAttribute("totals", money.totals(id));
        model.addAttribute("figures", indicators.figures(id));
        model.addAttribute("funders", ProgrammeMoney.FUNDERS);
        model.addAttribute("leads", programmes.leads(id));
        model.addAttribute("tab", "money");
        return "programmes/programme-money";
    }

    @PostMapping("/programmes/{id}/budget")
    @PreAuthorize("hasAuthority('programme:lead')")
    String saveBudget(@PathVariable UUID id, @RequestParam(required = false) UUID line,
            @RequestParam(required = false) String label, @RequestParam(required = false) String planned,
            @RequestParam(required = false) String spent, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.budget.saved.flash", () -> money.saveBudgetLine(id, line, label,
                Inputs.amount("planned", planned), Inputs.amount("spent", spent)));
        return "redirect:/programmes/" + id + "/money";
    }

    @PostMapping("/programmes/{id}/budget/{line}/delete")
    @PreAuthorize("hasAuthority('programme:lead')")
    String deleteBudget(@PathVariable UUID id, @PathVariable UUID line, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.budget.deleted.flash", () -> money.deleteBudgetLine(id, line));
        return "redirect:/programmes/" + id + "/money";
    }

    @PostMapping("/programmes/{id}/fundings")
    @PreAuthorize("hasAuthority('programme:lead')")
    String saveFunding(@PathVariable UUID id, @RequestParam(required = false) UUID line,
            @RequestParam(required = false) String funder, @RequestParam(required = false) String funderName,
            @RequestParam(required = false) String requested, @RequestParam(required = false) String granted,
            @RequestParam(required = false) String received, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.funding.saved.flash", () -> money.saveFunding(id, line, funder, funderName,
                Inputs.amount("requested", requested), Inputs.amount("granted", granted),
                Inputs.amount("received", received)));
        return "redirect:/programmes/" + id + "/money";
    }

    // ---------------------------------------------------------------- indicators

    @GetMapping("/programmes/{id}/indicators")
    String indicators(@PathVariable UUID id, Model model, Locale locale) {
        Programmes.Programme programme = programmes.get(id);
        ProgrammeIndicators.Figures figures = indicators.figures(id);
        model.addAttribute("programme", programme);
        model.addAttribute("figures", figures);
        model.addAttribute("view", IndicatorsView.of(programme, figures, messages, locale, json));
        model.addAttribute("tab", "indicators");
        return "programmes/programme-indicators";
    }

    @GetMapping("/programmes/{id}/indicators/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "CSV") String format, Locale locale) {
        SpreadsheetFormat type = "XLSX".equalsIgnoreCase(format) ? SpreadsheetFormat.XLSX : SpreadsheetFormat.CSV;
        Programmes.Programme programme = programmes.get(id);
        IndicatorsView view = IndicatorsView.of(programme, indicators.figures(id), messages, locale, json);
        List<List<String>> rows = new ArrayList<>();
        String section = messages.getMessage("programme.export.measures", null, locale);
        view.measures().forEach(r -> rows.add(List.of(section, r.label(), r.value(), r.definition())));
        String own = messages.getMessage("programme.export.adopted", null, locale);
        view.adopted().forEach(r -> rows.add(List.of(own, r.label(), r.value(), r.measureLabel())));
        for (IndicatorsView.Breakdown b : view.breakdowns()) {
            for (IndicatorsView.BreakdownRow r : b.rows()) {
                for (int c = 0; c < b.columns().size(); c++) {
                    rows.add(List.of(b.title(), r.label() + (b.columns().size() > 1 ? " – " + b.columns().get(c) : ""),
                            String.valueOf(r.counts().get(c)), ""));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(type, messages.getMessage("programme.tab.indicators", null, locale),
                List.of(messages.getMessage("programme.export.section", null, locale),
                        messages.getMessage("programme.export.indicator", null, locale),
                        messages.getMessage("programme.export.value", null, locale),
                        messages.getMessage("programme.export.definition", null, locale)), rows, out);
        return Downloads.attachment(MediaType.parseMediaType(type.mediaType()), "indicateurs-programme." + type.extension(),
                out.toByteArray());
    }

    /** The programme's report for the CLSPD, in French whatever the reader's language (it is filed). */
    @GetMapping("/programmes/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable UUID id) {
        Programmes.Programme programme = programmes.get(id);
        ProgrammeIndicators.Figures figures = indicators.figures(id);
        byte[] body = pdf.render("programmes/programme-report-pdf", Map.of(
                "programme", programme, "figures", figures,
                "view", IndicatorsView.of(programme, figures, messages, Locale.FRENCH, json),
                "members", programmes.members(id).stream().filter(Programmes.Member::active).toList(),
                "meetings", programmes.meetings(id),
                "totals", money.totals(id), "fundings", money.fundings(id), "budget", money.budget(id),
                "today", LocalDate.now(clock.withZone(PARIS))));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "rapport-programme.pdf", body);
    }
}
