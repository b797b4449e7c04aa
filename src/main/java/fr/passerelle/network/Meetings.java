package fr.passerelle.network;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import fr.passerelle.shared.mail.MailOutbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's bodies (board, national commissions, regional meetings, working groups) and their
 * meetings. The federation creates bodies and names their members (its own staff, and directors,
 * service heads or administrators of member associations); it plans meetings, invites the members
 * (a mail with the meeting as an ICS attachment), records who attended, drafts the minutes and
 * publishes them to the members, and logs the decisions taken. Members see their bodies' meetings
 * and reply yes, no or maybe. Row-level security shows a body only to its active members and to
 * the federation (V202612110600).
 */
@Service
public class Meetings {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale MAIL_LOCALE = Locale.FRENCH;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);
    /** The roles of an association's people who may sit in a body. */
    public static final List<String> ELIGIBLE_ROLES = List.of(Roles.DIRECTOR, Roles.SERVICE_HEAD, Roles.ASSOCIATION_ADMIN);

    /** The kinds of bodies. */
    public enum Kind { BOARD, COMMISSION, REGIONAL, WORKING_GROUP }

    /** A member's role in a body. */
    public enum MemberRole { CHAIR, MEMBER }

    /** On site or remote. */
    public enum Mode { ON_SITE, REMOTE }

    /** Where a meeting stands. */
    public enum Status { PLANNED, HELD, CANCELLED }

    /** An invitation's reply. */
    public enum Reply { YES, NO, MAYBE }

    /** A body. */
    public record Body(UUID id, Kind kind, String name, String regionCode, String description, long members) {}

    /** A member of a body. */
    public record Member(UUID userId, UUID organisationId, String displayName, String organisationName, MemberRole role,
            LocalDate joinedOn) {}

    /** A person who may be named to a body. */
    public record Candidate(UUID userId, String displayName) {}

    /** What the federation fills in to plan a meeting. */
    public record MeetingInput(String title, LocalDateTime startsAt, LocalDateTime endsAt, Mode mode, String place,
            String remoteUrl, String agenda) {}

    /** A meeting. */
    public record Meeting(UUID id, UUID bodyId, String bodyName, String title, Instant startsAt, Instant endsAt, Mode mode,
            String place, String remoteUrl, String agenda, Status status, Instant invitedAt, String minutes,
            String minutesStatus, Instant minutesPublishedAt, String minutesPublishedByName, int rowVersion) {

        public boolean minutesPublished() {
            return "PUBLISHED".equals(minutesStatus);
        }
    }

    /** An invited member, their reply and whether they attended. */
    public record Invitation(UUID userId, String displayName, String organisationName, Reply reply, Boolean attended) {}

    /** A decision taken in a meeting. */
    public record Decision(UUID id, UUID meetingId, String meetingTitle, Instant meetingStartsAt, String text,
            String recordedByName) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final MailOutbox outbox;
    private final MessageSource messages;
    /** The address the invitations come from (the outbox's sender), as the calendar's organiser. */
    private final String organizerEmail;

    Meetings(JdbcClient jdbc, AuditLog audit, Clock clock, Organisations organisations, UserAccounts users,
            TenantScope tenantScope, MailOutbox outbox, MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${passerelle.mail.from:Passerelle <no-reply@passerelle.invalid>}")
            String from) {
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("<([^>]+)>").matcher(from);
        this.organizerEmail = address.find() ? address.group(1) : from.strip();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.organisations = organisations;
        this.users = users;
        this.tenantScope = tenantScope;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** The bodies the user sees (row-level security): all for the federation, else those they belong to. */
    @Transactional(readOnly = true)
    public List<Body> bodies() {
        return jdbc.sql(BODIES + " order by b.kind, b.name").query(Meetings::body).list();
    }

    /** One body, if the user sees it. */
    @Transactional(readOnly = true)
    public Body body(UUID id) {
        return jdbc.sql(BODIES + " where b.id = ?").param(id).query(Meetings::body).optional()
                .orElseThrow(BusinessException::notFound);
    }

    private static final String BODIES = """
            select b.id, b.kind, b.name, b.region_code, b.description,
                   (select count(*) from network_body_member m where m.body_id = b.id and m.left_on is null) as members
            from network_body b""";

    private static Body body(ResultSet rs, int n) throws SQLException {
        return new Body(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("region_code"), rs.getString("description"), rs.getLong("members"));
    }

    @Transactional
    public UUID createBody(Kind kind, String name, String regionCode, String description) {
        requireManage();
        if (kind == null) {
            throw new FieldRefusal("kind", "meeting.body.kind.required");
        }
        String n = trimmed(name);
        if (n == null || n.length() > 200) {
            throw new FieldRefusal("name", "meeting.body.name.invalid");
        }
        String region = trimmed(regionCode);
        if (kind == Kind.REGIONAL && (region == null
                || organisations.regions().stream().noneMatch(r -> r.code().equals(region)))) {
            throw new FieldRefusal("regionCode", "meeting.body.region.required");
        }
        String text = trimmed(description);
        if (text != null && text.length() > 2000) {
            throw new FieldRefusal("description", "meeting.body.description.invalid");
        }
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    insert into network_body (id, kind, name, region_code, description, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, kind.name(), n, kind == Kind.REGIONAL ? region : null, text, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new FieldRefusal("name", "meeting.body.name.taken");
        }
        audit.record("meeting.body.created", "network_body", id, Map.of("kind", kind.name()));
        return id;
    }

    /** The active members of a body, chairs first. */
    @Transactional(readOnly = true)
    public List<Member> members(UUID bodyId) {
        body(bodyId);
        return jdbc.sql("""
                select user_id, organisation_id, display_name, organisation_name, member_role, joined_on from network_body_member
                where body_id = ? and left_on is null order by member_role, display_name""")
                .param(bodyId)
                .query((rs, n) -> new Member(rs.getObject("user_id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("display_name"), rs.getString("organisation_name"),
                        MemberRole.valueOf(rs.getString("member_role")), rs.getObject("joined_on", LocalDate.class)))
                .list();
    }

    /** Who of an organisation may be named: the federation's staff, an association's directors, service heads, admins. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(UUID organisationId) {
        requireManage();
        Organisations.Organisation organisation = organisations.find(organisationId).orElseThrow(BusinessException::notFound);
        List<String> roles = organisation.kind() == OrganisationKind.FEDERATION
                ? List.of(Roles.FEDERATION_STAFF, Roles.FEDERATION_ADMIN) : ELIGIBLE_ROLES;
        if (organisation.kind() != OrganisationKind.FEDERATION && organisation.kind() != OrganisationKind.ASSOCIATION) {
            return List.of();
        }
        return tenantScope.callAs(organisationId, () -> users.withAnyRole(roles).stream()
                .map(r -> new Candidate(r.id(), r.displayName())).toList());
    }

    /** Names a person of an organisation to a body (again, if they had left it). */
    @Transactional
    public void addMember(UUID bodyId, UUID organisationId, UUID userId, MemberRole role) {
        requireManage();
        body(bodyId);
        Candidate candidate = candidates(organisationId).stream().filter(c -> c.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new FieldRefusal("userId", "meeting.member.notEligible"));
        Organisations.Organisation organisation = organisations.get(organisationId);
        String email = tenantScope.callAs(organisationId, () -> users.withAnyRole(
                organisation.kind() == OrganisationKind.FEDERATION ? List.of(Roles.FEDERATION_STAFF, Roles.FEDERATION_ADMIN)
                        : ELIGIBLE_ROLES).stream()
                .filter(r -> r.id().equals(userId)).map(UserAccounts.Recipient::email).findFirst().orElse(null));
        jdbc.sql("""
                insert into network_body_member (body_id, user_id, organisation_id, display_name, email, organisation_name,
                       member_role, joined_on)
                values (:body, :user, :org, :name, :email, :orgName, :role, :on)
                on conflict (body_id, user_id) do update set left_on = null, member_role = excluded.member_role,
                       joined_on = excluded.joined_on, display_name = excluded.display_name, email = excluded.email,
                       organisation_id = excluded.organisation_id, organisation_name = excluded.organisation_name""")
                .param("body", bodyId).param("user", userId).param("org", organisationId)
                .param("name", candidate.displayName()).param("email", email).param("orgName", organisation.name())
                .param("role", (role == null ? MemberRole.MEMBER : role).name())
                .param("on", java.sql.Date.valueOf(today())).update();
        audit.record("meeting.member.added", "network_body", bodyId, Map.of("user", userId.toString()));
    }

    /** A member leaves a body (kept in its history). */
    @Transactional
    public void removeMember(UUID bodyId, UUID userId) {
        requireManage();
        int updated = jdbc.sql("update network_body_member set left_on = ? where body_id = ? and user_id = ? and left_on is null")
                .params(java.sql.Date.valueOf(today()), bodyId, userId).update();
        if (updated == 0) {
            throw BusinessException.notFound();
        }
        audit.record("meeting.member.removed", "network_body", bodyId, Map.of("user", userId.toString()));
    }

    /** Plans a meeting of a body. */
    @Transactional
    public UUID plan(UUID bodyId, MeetingInput input) {
        requireManage();
        body(bodyId);
        Checked c = check(input);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into network_meeting (id, body_id, title, starts_at, ends_at, mode, place, remote_url, agenda, created_at)
                values (:id, :body, :title, :starts, :ends, :mode, :place, :url, :agenda, :at)""")
                .param("id", id).param("body", bodyId).param("title", c.title()).param("starts", Timestamp.from(c.starts()))
                .param("ends", Timestamp.from(c.ends())).param("mode", input.mode().name()).param("place", c.place())
                .param("url", c.url()).param("agenda", c.agenda()).param("at", Timestamp.from(clock.instant())).update();
        audit.record("meeting.planned", "network_meeting", id, Map.of("body", bodyId.toString()));
        return id;
    }

    private record Checked(String title, Instant starts, Instant ends, String place, String url, String agenda) {}

    private Checked check(MeetingInput input) {
        if (input == null) {
            throw BusinessException.invalid("meeting.empty");
        }
        String title = trimmed(input.title());
        if (title == null || title.length() > 200) {
            throw new FieldRefusal("title", "meeting.title.invalid");
        }
        if (input.startsAt() == null) {
            throw new FieldRefusal("startsAt", "meeting.startsAt.invalid");
        }
        if (input.endsAt() == null
                || !input.endsAt().atZone(PARIS).toInstant().isAfter(input.startsAt().atZone(PARIS).toInstant())) {
            throw new FieldRefusal("endsAt", "meeting.endsAt.invalid");
        }
        if (input.mode() == null) {
            throw new FieldRefusal("mode", "meeting.mode.required");
        }
        String place = trimmed(input.place());
        String url = trimmed(input.remoteUrl());
        if (input.mode() == Mode.ON_SITE && (place == null || place.length() > 300)) {
            throw new FieldRefusal("place", "meeting.place.required");
        }
        if (input.mode() == Mode.REMOTE && (url == null || url.length() > 500 || !webAddress(url))) {
            throw new FieldRefusal("remoteUrl", "meeting.remoteUrl.invalid");
        }
        String agenda = trimmed(input.agenda());
        if (agenda == null || agenda.length() > 5000) {
            throw new FieldRefusal("agenda", "meeting.agenda.invalid");
        }
        return new Checked(title, input.startsAt().atZone(PARIS).toInstant(), input.endsAt().atZone(PARIS).toInstant(),
                input.mode() == Mode.ON_SITE ? place : null, input.mode() == Mode.REMOTE ? url : null, agenda);
    }

    /** The meetings the user sees, coming first then past, optionally of one body. */
    @Transactional(readOnly = true)
    public List<Meeting> meetings(UUID bodyId) {
        return jdbc.sql(SELECT + " where (cast(:body as uuid) is null or m.body_id = :body)"
                        + " order by (m.ends_at < :now), case when m.ends_at >= :now then m.starts_at end,"
                        + " m.starts_at desc limit 200")
                .param("body", bodyId).param("now", Timestamp.from(clock.instant()))
                .query(Meetings::map).list();
    }

    /** The next planned meetings the user sees (their bodies', or all for the federation), soonest first. */
    @Transactional(readOnly = true)
    public List<Meeting> upcoming(int limit) {
        return jdbc.sql(SELECT + " where m.status = 'PLANNED' and m.ends_at >= :now order by m.starts_at limit :limit")
                .param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .query(Meetings::map).list();
    }

    /** One meeting, if the user sees it; its minutes only once published, unless the user runs the meetings. */
    @Transactional(readOnly = true)
    public Meeting meeting(UUID id) {
        Meeting m = jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(Meetings::map).optional()
                .orElseThrow(BusinessException::notFound);
        if (!m.minutesPublished() && !TenantContext.hasAuthority(Permissions.MEETING_MANAGE)) {
            return new Meeting(m.id(), m.bodyId(), m.bodyName(), m.title(), m.startsAt(), m.endsAt(), m.mode(), m.place(),
                    m.remoteUrl(), m.agenda(), m.status(), m.invitedAt(), null, m.minutesStatus(), null, null, m.rowVersion());
        }
        return m;
    }

    /** The invitations of a meeting, with replies and attendance. */
    @Transactional(readOnly = true)
    public List<Invitation> invitations(UUID meetingId) {
        meeting(meetingId);
        return jdbc.sql("""
                select i.user_id, b.display_name, b.organisation_name, i.reply, i.attended
                from network_meeting_invitation i
                join network_meeting m on m.id = i.meeting_id
                left join network_body_member b on b.body_id = m.body_id and b.user_id = i.user_id
                where i.meeting_id = ? order by b.display_name""")
                .param(meetingId)
                .query((rs, n) -> new Invitation(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                        rs.getString("organisation_name"), rs.getString("reply") == null ? null
                        : Reply.valueOf(rs.getString("reply")), (Boolean) rs.getObject("attended")))
                .list();
    }

    /**
     * Invites the body's active members not invited yet: each gets a mail with the meeting as an
     * ICS attachment (METHOD:REQUEST). Returns how many were invited.
     */
    @Transactional
    public int invite(UUID meetingId) {
        requireManage();
        Meeting meeting = meeting(meetingId);
        if (meeting.status() != Status.PLANNED) {
            throw BusinessException.conflict("meeting.notPlanned");
        }
        List<Map<String, Object>> invited = jdbc.sql("""
                insert into network_meeting_invitation (meeting_id, user_id)
                select :meeting, b.user_id from network_body_member b
                where b.body_id = :body and b.left_on is null
                on conflict do nothing
                returning user_id""")
                .param("meeting", meetingId).param("body", meeting.bodyId()).query().listOfRows();
        jdbc.sql("update network_meeting set invited_at = ? where id = ?").params(Timestamp.from(clock.instant()), meetingId)
                .update();
        Map<UUID, Invitee> members = new LinkedHashMap<>();
        for (Invitee invitee : invitees(meeting.bodyId())) {
            members.put(invitee.userId(), invitee);
        }
        String subject = messages.getMessage("meeting.mail.invite.subject", new Object[] {meeting.bodyName(),
                meeting.title()}, MAIL_LOCALE);
        String body = messages.getMessage("meeting.mail.invite.body", new Object[] {meeting.bodyName(), meeting.title(),
                WHEN.format(meeting.startsAt().atZone(PARIS)), meeting.mode() == Mode.ON_SITE ? meeting.place()
                : meeting.remoteUrl(), meeting.agenda(), outbox.link("/network/meetings/" + meetingId)}, MAIL_LOCALE);
        for (Map<String, Object> row : invited) {
            Invitee member = members.get((UUID) row.get("user_id"));
            if (member == null || member.email() == null || member.email().isBlank()) {
                continue;
            }
            // Each invitation names its own recipient only: members do not get each other's addresses.
            byte[] ics = ics(meeting, List.of(member));
            tenantScope.callAs(member.organisationId(), () -> outbox.enqueue("MEETING_INVITATION",
                    "meeting:" + meetingId + ":" + member.userId(), member.email(), subject, body,
                    List.of(new MailOutbox.Attachment("reunion.ics", "text/calendar; method=REQUEST; charset=UTF-8", ics))));
        }
        audit.record("meeting.invited", "network_meeting", meetingId, Map.of("invited", invited.size()));
        return invited.size();
    }

    /** A body's active member as a mail and a calendar need them. */
    record Invitee(UUID userId, UUID organisationId, String displayName, String email, MemberRole role) {}

    private List<Invitee> invitees(UUID bodyId) {
        return jdbc.sql("""
                select user_id, organisation_id, display_name, email, member_role from network_body_member
                where body_id = ? and left_on is null order by display_name""")
                .param(bodyId)
                .query((rs, n) -> new Invitee(rs.getObject("user_id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("display_name"), rs.getString("email"), MemberRole.valueOf(rs.getString("member_role"))))
                .list();
    }

    /** The meeting as an iCalendar request, in UTC, with the attendees given (an invitation: its recipient). */
    byte[] ics(Meeting meeting, List<Invitee> attendees) {
        ICalendar calendar = new ICalendar();
        calendar.setMethod(Method.request());
        VEvent event = new VEvent();
        event.setUid(meeting.id() + "@passerelle");
        event.setSequence(meeting.rowVersion());
        event.setSummary(meeting.bodyName() + " — " + meeting.title());
        event.setDateStart(Date.from(meeting.startsAt()));
        event.setDateEnd(Date.from(meeting.endsAt()));
        event.setLocation(meeting.mode() == Mode.ON_SITE ? meeting.place() : meeting.remoteUrl());
        event.setDescription(meeting.agenda());
        event.setOrganizer(new Organizer(meeting.bodyName(), organizerEmail));
        for (Invitee m : attendees) {
            Attendee attendee = new Attendee(m.displayName(), m.email() == null || m.email().isBlank() ? null : m.email());
            attendee.setRole(m.role() == MemberRole.CHAIR ? Role.CHAIR : Role.ATTENDEE);
            attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
            event.addAttendee(attendee);
        }
        calendar.addEvent(event);
        return Biweekly.write(calendar).go().getBytes(StandardCharsets.UTF_8);
    }

    /** The signed-in member replies to their invitation. */
    @Transactional
    public void reply(UUID meetingId, Reply reply) {
        if (reply == null) {
            throw new FieldRefusal("reply", "meeting.reply.required");
        }
        Meeting meeting = meeting(meetingId);
        if (meeting.status() != Status.PLANNED) {
            throw BusinessException.conflict("meeting.notPlanned");
        }
        // The function answers 1 when the member's own invitation was updated, null when there is none.
        List<Object> done = jdbc.sql("select network_meeting_reply(?, ?)").params(meetingId, reply.name())
                .query((rs, n) -> rs.getObject(1)).list();
        if (done.isEmpty() || done.get(0) == null) {
            throw BusinessException.invalid("meeting.reply.notInvited");
        }
        audit.record("meeting.replied", "network_meeting", meetingId, Map.of("reply", reply.name()));
    }

    /** The signed-in user's own reply, if invited. */
    @Transactional(readOnly = true)
    public java.util.Optional<Invitation> myInvitation(UUID meetingId) {
        UUID me = TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        return invitations(meetingId).stream().filter(i -> i.userId().equals(me)).findFirst();
    }

    /** After the meeting: who attended (the others invited did not); the meeting is then held. */
    @Transactional
    public void recordAttendance(UUID meetingId, int rowVersion, List<UUID> present) {
        requireManage();
        Meeting meeting = meeting(meetingId);
        if (meeting.status() == Status.CANCELLED) {
            throw BusinessException.conflict("meeting.cancelled");
        }
        if (meeting.startsAt().isAfter(clock.instant())) {
            throw BusinessException.invalid("meeting.attendance.tooEarly");
        }
        bump(meetingId, rowVersion, "status = 'HELD'");
        jdbc.sql("update network_meeting_invitation set attended = (user_id = any (?)) where meeting_id = ?")
                .params(present.toArray(UUID[]::new), meetingId).update();
        audit.record("meeting.attendance", "network_meeting", meetingId, Map.of("present", present.size()));
    }

    /** The minutes: saved as a draft, or published to the body's members (mailed); published minutes stay. */
    @Transactional
    public void saveMinutes(UUID meetingId, int rowVersion, String minutes, boolean publish) {
        requireManage();
        Meeting meeting = meeting(meetingId);
        if (meeting.minutesPublished()) {
            throw BusinessException.conflict("meeting.minutes.published");
        }
        if (meeting.status() != Status.HELD) {
            throw BusinessException.invalid("meeting.minutes.notHeld");
        }
        String text = trimmed(minutes);
        if (text == null || text.length() > 20000) {
            throw new FieldRefusal("minutes", "meeting.minutes.invalid");
        }
        int updated = jdbc.sql("""
                update network_meeting set minutes = :minutes, row_version = row_version + 1,
                       minutes_status = case when :publish then 'PUBLISHED' else 'DRAFT' end,
                       minutes_published_at = case when :publish then cast(:at as timestamptz) end,
                       minutes_published_by_name = case when :publish then cast(:by as varchar) end
                where id = :id and row_version = :version""")
                .param("minutes", text).param("publish", publish).param("at", Timestamp.from(clock.instant()))
                .param("by", actorName()).param("id", meetingId).param("version", rowVersion).update();
        if (updated == 0) {
            throw BusinessException.conflict("meeting.stale");
        }
        audit.record(publish ? "meeting.minutes.published" : "meeting.minutes.drafted", "network_meeting", meetingId, Map.of());
        if (publish) {
            String subject = messages.getMessage("meeting.mail.minutes.subject", new Object[] {meeting.bodyName(),
                    meeting.title()}, MAIL_LOCALE);
            String body = messages.getMessage("meeting.mail.minutes.body", new Object[] {meeting.bodyName(),
                    meeting.title(), outbox.link("/network/meetings/" + meetingId)}, MAIL_LOCALE);
            for (Invitee m : invitees(meeting.bodyId())) {
                if (m.email() != null && !m.email().isBlank()) {
                    tenantScope.callAs(m.organisationId(), () -> outbox.enqueue("MEETING_MINUTES",
                            "minutes:" + meetingId + ":" + m.userId(), m.email(), subject, body));
                }
            }
        }
    }

    /** A decision taken in a held meeting, added to the body's log. */
    @Transactional
    public void recordDecision(UUID meetingId, String text) {
        requireManage();
        Meeting meeting = meeting(meetingId);
        if (meeting.status() != Status.HELD) {
            throw BusinessException.invalid("meeting.decision.notHeld");
        }
        String t = trimmed(text);
        if (t == null || t.length() > 2000) {
            throw new FieldRefusal("text", "meeting.decision.invalid");
        }
        UUID id = Ids.newId();
        jdbc.sql("insert into network_decision (id, meeting_id, text, recorded_by_name, recorded_at) values (?, ?, ?, ?, ?)")
                .params(id, meetingId, t, actorName(), Timestamp.from(clock.instant())).update();
        audit.record("meeting.decision", "network_meeting", meetingId, Map.of());
    }

    /** The decisions log of a body (or of one meeting), newest first. */
    @Transactional(readOnly = true)
    public List<Decision> decisions(UUID bodyId, UUID meetingId) {
        return jdbc.sql("""
                select d.id, d.meeting_id, m.title, m.starts_at, d.text, d.recorded_by_name
                from network_decision d join network_meeting m on m.id = d.meeting_id
                where (cast(:body as uuid) is null or m.body_id = :body) and (cast(:meeting as uuid) is null or m.id = :meeting)
                order by m.starts_at desc, d.recorded_at""")
                .param("body", bodyId).param("meeting", meetingId)
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                        rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getString("text"),
                        rs.getString("recorded_by_name")))
                .list();
    }

    /** Cancels a planned meeting. */
    @Transactional
    public void cancel(UUID meetingId, int rowVersion) {
        requireManage();
        if (meeting(meetingId).status() != Status.PLANNED) {
            throw BusinessException.conflict("meeting.notPlanned");
        }
        bump(meetingId, rowVersion, "status = 'CANCELLED'");
        audit.record("meeting.cancelled", "network_meeting", meetingId, Map.of());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private void bump(UUID meetingId, int rowVersion, String set) {
        int updated = jdbc.sql("update network_meeting set " + set + ", row_version = row_version + 1"
                        + " where id = ? and row_version = ?").params(meetingId, rowVersion).update();
        if (updated == 0) {
            throw BusinessException.conflict("meeting.stale");
        }
    }

    private static final String SELECT = """
            select m.id, m.body_id, b.name as body_name, m.title, m.starts_at, m.ends_at, m.mode, m.place, m.remote_url,
                   m.agenda, m.status, m.invited_at, m.minutes, m.minutes_status, m.minutes_published_at,
                   m.minutes_published_by_name, m.row_version
            from network_meeting m join network_body b on b.id = m.body_id""";

    private static Meeting map(ResultSet rs, int n) throws SQLException {
        return new Meeting(rs.getObject("id", UUID.class), rs.getObject("body_id", UUID.class), rs.getString("body_name"),
                rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                Mode.valueOf(rs.getString("mode")), rs.getString("place"), rs.getString("remote_url"), rs.getString("agenda"),
                Status.valueOf(rs.getString("status")), instant(rs, "invited_at"), rs.getString("minutes"),
                rs.getString("minutes_status"), instant(rs, "minutes_published_at"),
                rs.getString("minutes_published_by_name"), rs.getInt("row_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String actorName() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null);
    }

    private static void requireManage() {
        if (!TenantContext.hasAuthority(Permissions.MEETING_MANAGE)) {
            throw new org.springframework.security.access.AccessDeniedException("meeting:manage");
        }
    }
}
