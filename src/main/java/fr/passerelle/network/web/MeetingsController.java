package fr.passerelle.network.web;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.network.Meetings;
import fr.passerelle.network.Membership;
import fr.passerelle.shared.web.Forms;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network's bodies and meetings: every signed-in user sees the bodies they belong to and their
 * meetings (and replies to invitations); the federation's staff run them.
 */
@Controller
@RequestMapping("/network")
class MeetingsController {

    private final Meetings meetings;
    private final Organisations organisations;
    private final Membership membership;
    private final fr.passerelle.network.Resources resources;

    MeetingsController(Meetings meetings, Organisations organisations, Membership membership,
            fr.passerelle.network.Resources resources) {
        this.meetings = meetings;
        this.resources = resources;
        this.membership = membership;
        this.organisations = organisations;
    }

    @GetMapping("/meetings")
    String meetings(Model model) {
        model.addAttribute("bodies", meetings.bodies());
        model.addAttribute("meetings", meetings.meetings(null));
        model.addAttribute("kinds", Meetings.Kind.values());
        model.addAttribute("regions", organisations.regions());
        return "network/meetings/list";
    }

    /** The home page's card of the next meetings (nothing when the user has none to come and runs none). */
    @GetMapping("/meetings/upcoming")
    String upcoming(Model model) {
        model.addAttribute("upcoming", meetings.upcoming(5));
        model.addAttribute("manages", fr.passerelle.shared.TenantContext.hasAuthority(
                fr.passerelle.identity.Permissions.MEETING_MANAGE));
        return "network/meetings/upcoming :: card";
    }

    @PostMapping("/bodies")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String createBody(@RequestParam(required = false) Meetings.Kind kind, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        if (Forms.perform(redirect, "meeting.body.created",
                () -> created[0] = meetings.createBody(kind, name, regionCode, description))) {
            return "redirect:/network/bodies/" + created[0];
        }
        return "redirect:/network/meetings";
    }

    @GetMapping("/bodies/{id}")
    String body(@PathVariable UUID id, @RequestParam(required = false) UUID organisationId, Model model) {
        model.addAttribute("body", meetings.body(id));
        model.addAttribute("members", meetings.members(id));
        model.addAttribute("meetings", meetings.meetings(id));
        model.addAttribute("decisions", meetings.decisions(id, null));
        model.addAttribute("roles", Meetings.MemberRole.values());
        model.addAttribute("modes", Meetings.Mode.values());
        model.addAttribute("organisationId", organisationId);
        if (organisationId != null) {
            model.addAttribute("candidates", meetings.candidates(organisationId));
        }
        model.addAttribute("organisations", choosable());
        return "network/meetings/body";
    }

    /** An organisation whose people may be named to a body. */
    record Choice(UUID id, String name) {}

    /** The federation, then the member associations by name. */
    private List<Choice> choosable() {
        List<Choice> choices = new ArrayList<>();
        organisations.activeIds(OrganisationKind.FEDERATION)
                .forEach(id -> choices.add(new Choice(id, organisations.get(id).name())));
        membership.sponsors().forEach(s -> choices.add(new Choice(s.id(), s.name())));
        return choices;
    }

    @PostMapping("/bodies/{id}/members")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String addMember(@PathVariable UUID id, @RequestParam UUID organisationId, @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) Meetings.MemberRole role, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.member.added", () -> {
            if (userId == null) {
                throw new fr.passerelle.shared.FieldRefusal("userId", "meeting.member.notEligible");
            }
            meetings.addMember(id, organisationId, userId, role);
        });
        return "redirect:/network/bodies/" + id;
    }

    @PostMapping("/bodies/{id}/members/{userId}/remove")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String removeMember(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.member.removed", () -> meetings.removeMember(id, userId));
        return "redirect:/network/bodies/" + id;
    }

    @PostMapping("/bodies/{id}/meetings")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String plan(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
            @RequestParam(required = false) Meetings.Mode mode, @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String remoteUrl, @RequestParam(defaultValue = "") String agenda,
            RedirectAttributes redirect) {
        UUID[] planned = new UUID[1];
        if (Forms.perform(redirect, "meeting.planned", () -> planned[0] = meetings.plan(id, new Meetings.MeetingInput(
                title, Inputs.dateTime(startsAt), Inputs.dateTime(endsAt), mode, place, remoteUrl, agenda)))) {
            return "redirect:/network/meetings/" + planned[0];
        }
        return "redirect:/network/bodies/" + id;
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        Meetings.Meeting meeting = meetings.meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("invitations", meetings.invitations(id));
        model.addAttribute("mine", meetings.myInvitation(id).orElse(null));
        model.addAttribute("decisions", meetings.decisions(null, id));
        model.addAttribute("replies", Meetings.Reply.values());
        model.addAttribute("documents", resources.ofMeeting(id));
        return "network/meetings/meeting";
    }

    @PostMapping("/meetings/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(required = false) Meetings.Reply reply, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.reply.saved", () -> meetings.reply(id, reply));
        return "redirect:/network/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/invite")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String invite(@PathVariable UUID id, RedirectAttributes redirect) {
        int invited = meetings.invite(id);
        Forms.success(redirect, "meeting.invited", invited);
        return "redirect:/network/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/attendance")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String attendance(@PathVariable UUID id, @RequestParam int rowVersion,
            @RequestParam(name = "present", required = false) List<UUID> present, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.attendance.saved",
                () -> meetings.recordAttendance(id, rowVersion, present == null ? List.of() : present));
        return "redirect:/network/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/minutes")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String minutes(@PathVariable UUID id, @RequestParam int rowVersion, @RequestParam(defaultValue = "") String minutes,
            @RequestParam(defaultValue = "false") boolean publish, RedirectAttributes redirect) {
        Forms.perform(redirect, publish ? "meeting.minutes.publishedOk" : "meeting.minutes.saved",
                () -> meetings.saveMinutes(id, rowVersion, minutes, publish));
        return "redirect:/network/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/decisions")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String decision(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.decision.saved", () -> meetings.recordDecision(id, text));
        return "redirect:/network/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/cancel")
    @PreAuthorize("hasAuthority('meeting:manage')")
    String cancel(@PathVariable UUID id, @RequestParam int rowVersion, RedirectAttributes redirect) {
        Forms.perform(redirect, "meeting.cancelledOk", () -> meetings.cancel(id, rowVersion));
        return "redirect:/network/meetings/" + id;
    }
}
