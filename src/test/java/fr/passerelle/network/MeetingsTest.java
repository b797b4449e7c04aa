package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A body's meeting invited, answered, attended, minuted; seen by its members only. */
@PasserelleIntegrationTest
class MeetingsTest {

    @Autowired
    Meetings meetings;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMeetingIsInvitedAnsweredAttendedAndMinutedForTheBodysMembersOnly() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var directrice = SignedIn.as(users, "directrice");
        var marseille = SignedIn.as(users, "admin.marseille");
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> meetings.createBody(Meetings.Kind.COMMISSION, "Commission " + tag, null, null))
                .isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "equipe.federale");
        UUID body = meetings.createBody(Meetings.Kind.COMMISSION, "Commission " + tag, null, "Pré-sentenciel.");
        assertThatThrownBy(() -> meetings.createBody(Meetings.Kind.COMMISSION, "Commission " + tag, null, null))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.body.name.taken");
        assertThatThrownBy(() -> meetings.createBody(Meetings.Kind.REGIONAL, "Région " + tag, null, null))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.body.region.required");
        assertThat(meetings.candidates(directrice.organisationId())).extracting(Meetings.Candidate::userId)
                .contains(directrice.userId());
        meetings.addMember(body, directrice.organisationId(), directrice.userId(), Meetings.MemberRole.CHAIR);
        meetings.addMember(body, marseille.organisationId(), marseille.userId(), Meetings.MemberRole.MEMBER);
        // Someone of another organisation, or who may not sit: refused.
        assertThatThrownBy(() -> meetings.addMember(body, marseille.organisationId(), directrice.userId(), null))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.member.notEligible");

        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Paris")).minusHours(2).withSecond(0).withNano(0);
        assertThatThrownBy(() -> meetings.plan(body, new Meetings.MeetingInput("Séance " + tag, start, start.minusHours(1),
                Meetings.Mode.ON_SITE, "Paris", null, "1. Accueil"))).hasFieldOrPropertyWithValue("messageKey",
                "meeting.endsAt.invalid");
        assertThatThrownBy(() -> meetings.plan(body, new Meetings.MeetingInput("Séance " + tag, start, start.plusHours(2),
                Meetings.Mode.REMOTE, null, "http://visio.example.org/x", "1. Accueil")))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.remoteUrl.invalid");
        UUID meeting = meetings.plan(body, new Meetings.MeetingInput("Séance " + tag, start, start.plusHours(4),
                Meetings.Mode.ON_SITE, "Siège de la fédération, Paris", null, "1. Accueil\n2. Rapport d'activité"));

        assertThat(meetings.invite(meeting)).isEqualTo(2);
        assertThat(meetings.invite(meeting)).isZero();
        // Named after the invitations: a member, but not invited, so a reply is refused (nothing written).
        var cheffe = SignedIn.as(users, "cheffe.service");
        SignedIn.as(users, "equipe.federale");
        meetings.addMember(body, cheffe.organisationId(), cheffe.userId(), Meetings.MemberRole.MEMBER);
        SignedIn.as(users, "cheffe.service");
        assertThatThrownBy(() -> meetings.reply(meeting, Meetings.Reply.YES))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.reply.notInvited");
        SignedIn.as(users, "equipe.federale");
        String ics = new String(meetings.ics(meetings.meeting(meeting), List.of(new Meetings.Invitee(directrice.userId(),
                directrice.organisationId(), "Directrice", "d@example.org", Meetings.MemberRole.CHAIR))),
                StandardCharsets.UTF_8);
        assertThat(ics.replace("\r\n ", "")).contains("METHOD:REQUEST", "BEGIN:VEVENT", "UID:" + meeting + "@passerelle",
                "ATTENDEE;", "ROLE=CHAIR", "mailto:d@example.org", "ORGANIZER;CN=Commission " + tag + ":mailto:");

        // A member sees the body and the meeting and replies; a colleague who is not a member sees nothing.
        SignedIn.as(users, "directrice");
        assertThat(meetings.bodies()).extracting(Meetings.Body::id).contains(body);
        assertThat(meetings.upcoming(50)).extracting(Meetings.Meeting::id).contains(meeting);
        meetings.reply(meeting, Meetings.Reply.YES);
        assertThat(meetings.myInvitation(meeting)).get().extracting(Meetings.Invitation::reply).isEqualTo(Meetings.Reply.YES);
        SignedIn.as(users, "intervenant");
        assertThat(meetings.bodies()).extracting(Meetings.Body::id).doesNotContain(body);
        assertThat(meetings.upcoming(50)).extracting(Meetings.Meeting::id).doesNotContain(meeting);
        assertThatThrownBy(() -> meetings.meeting(meeting)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> meetings.reply(meeting, Meetings.Reply.NO)).isInstanceOf(BusinessException.class);

        // After it: attendance, minutes drafted then published, a decision.
        SignedIn.as(users, "equipe.federale");
        int version = meetings.meeting(meeting).rowVersion();
        assertThatThrownBy(() -> meetings.recordAttendance(meeting, version + 5, List.of(directrice.userId())))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.stale");
        meetings.recordAttendance(meeting, version, List.of(directrice.userId()));
        assertThat(meetings.invitations(meeting)).extracting(Meetings.Invitation::userId, Meetings.Invitation::attended)
                .contains(org.assertj.core.groups.Tuple.tuple(directrice.userId(), true),
                        org.assertj.core.groups.Tuple.tuple(marseille.userId(), false));
        meetings.saveMinutes(meeting, version + 1, "Présents : la directrice. Rapport adopté.", false);
        meetings.recordDecision(meeting, "Le rapport d'activité est adopté.");

        SignedIn.as(users, "directrice");
        assertThat(meetings.meeting(meeting).minutes()).isNull();
        assertThatThrownBy(() -> meetings.reply(meeting, Meetings.Reply.NO))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.notPlanned");
        assertThat(meetings.decisions(body, null)).extracting(Meetings.Decision::text)
                .containsExactly("Le rapport d'activité est adopté.");

        SignedIn.as(users, "equipe.federale");
        meetings.saveMinutes(meeting, version + 2, "Présents : la directrice. Rapport adopté à l'unanimité.", true);
        assertThatThrownBy(() -> meetings.saveMinutes(meeting, version + 3, "Autre.", true))
                .hasFieldOrPropertyWithValue("messageKey", "meeting.minutes.published");
        SignedIn.as(users, "admin.marseille");
        assertThat(meetings.meeting(meeting).minutes()).isEqualTo("Présents : la directrice. Rapport adopté à l'unanimité.");

        // A member who leaves no longer sees the body.
        SignedIn.as(users, "equipe.federale");
        meetings.removeMember(body, marseille.userId());
        SignedIn.as(users, "admin.marseille");
        assertThat(meetings.bodies()).extracting(Meetings.Body::id).doesNotContain(body);
    }
}
