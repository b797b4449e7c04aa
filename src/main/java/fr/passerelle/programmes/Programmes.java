package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.blankToNull;
import static fr.passerelle.programmes.PracticeLibrary.require;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local prevention programmes run from a sheet of the library, by a local authority or an
 * association ({@code programme:lead} to run one, {@code programme:read} to follow it): adoption of
 * a sheet (its objectives and indicators copied, then adapted), the operational group (members of
 * several organisations, with their role), the ethics charter on information exchange that each
 * member signs in its current version, and the group's meetings with attendance and decisions.
 * Row-level security keeps each organisation to its own programmes. Every write is audited.
 */
@Service
public class Programmes {

    public static final String READ = "programme:read";
    public static final String LEAD = "programme:lead";
    public static final String BENEFICIARIES = "programme:beneficiaries";
    /** Roles whose holders can be tied to a member of a group (they may read beneficiaries once signed). */
    static final Set<String> MEMBER_ROLES = Set.of(Roles.PROGRAMME_LEAD, Roles.SERVICE_HEAD, Roles.CASE_WORKER);
    public static final List<String> GROUP_ROLES = List.of("LEAD", "REFERENT", "SPOTTING_PARTNER", "PARTNER", "FUNDER");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final TypeReference<List<AdoptedIndicator>> INDICATORS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PracticeLibrary library;
    private final UserAccounts users;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Programmes(JdbcClient jdbc, PracticeLibrary library, UserAccounts users, AuditLog audit, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.users = users;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** An indicator of the programme: its label (from the sheet, adaptable) and what computes it, if anything. */
    public record AdoptedIndicator(String label, ProgrammeMeasure measure) {}

    /** What a programme lead sets when adopting a sheet, or later. */
    public record ProgrammeInput(String title, String territory, String departementCode, String places,
            Integer capacity, LocalDate startsOn, LocalDate endsOn, String objectives,
            List<AdoptedIndicator> indicators) {}

    /** A programme. */
    public record Programme(UUID id, UUID sheetId, String sheetCode, String sheetTitle, int sheetVersion, String title,
            String territory, String departementCode, String places, int capacity, LocalDate startsOn,
            LocalDate endsOn, String objectives, List<AdoptedIndicator> indicators, int charterVersion,
            String charterText, LocalDate charterChangedOn, LocalDate closedOn, String createdByName,
            Instant createdAt) {

        public boolean finished() {
            return closedOn != null;
        }
    }

    /** A line of the list of programmes: {@code followed} counts those admitted and not exited. */
    public record ProgrammeLine(UUID id, String title, String sheetTitle, String territory, LocalDate startsOn,
            LocalDate endsOn, LocalDate closedOn, int capacity, long followed) {

        public boolean finished() {
            return closedOn != null;
        }
    }

    /** A member of the operational group. */
    public record Member(UUID id, UUID userId, String fullName, String memberOrganisation, String groupRole,
            Integer charterVersion, LocalDate charterSignedOn, LocalDate leftOn, LocalDate addedOn) {

        /** Whether the member signed the given (current) version of the charter. */
        public boolean signed(int currentVersion) {
            return charterVersion != null && charterVersion == currentVersion;
        }

        public boolean active() {
            return leftOn == null;
        }
    }

    /** A meeting of the group, with who attended and what was decided. */
    public record Meeting(UUID id, LocalDate heldOn, String subject, String decisions, List<String> attendees) {}

    /** A user of the organisation who can be tied to a member. */
    public record Account(UUID id, String displayName) {}

    // ---------------------------------------------------------------- programmes

    /** The organisation's programmes, running ones first. */
    @Transactional(readOnly = true)
    public List<ProgrammeLine> list() {
        require(READ);
        return jdbc.sql("""
                select p.id, p.title, v.title as sheet_title, p.territory, p.starts_on, p.ends_on, p.closed_on, p.capacity,
                       (f ->> 'admitted')::bigint - (f ->> 'exits')::bigint as followed
                from programme p
                join practice_sheet_version v on v.sheet_id = p.sheet_id and v.version = p.sheet_version
                cross join lateral programme_figures(p.id) f
                order by p.closed_on is not null, p.starts_on desc, p.title""")
                .query((rs, n) -> new ProgrammeLine(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("sheet_title"), rs.getString("territory"), localDate(rs, "starts_on"),
                        localDate(rs, "ends_on"), localDate(rs, "closed_on"), rs.getInt("capacity"),
                        rs.getLong("followed")))
                .list();
    }

    @Transactional(readOnly = true)
    public Programme get(UUID id) {
        require(READ);
        return find(id);
    }

    Programme find(UUID id) {
        return jdbc.sql("""
                select p.*, s.code as sheet_code, v.title as sheet_title
                from programme p
                join practice_sheet s on s.id = p.sheet_id
                join practice_sheet_version v on v.sheet_id = p.sheet_id and v.version = p.sheet_version
                where p.id = ?""")
                .param(id).query(this::mapProgramme).optional().orElseThrow(BusinessException::notFound);
    }

    /**
     * What adopting a sheet starts from: its title, objectives and indicators (each with the measure
     * suggested for it), the programme running from today for a year.
     */
    @Transactional(readOnly = true)
    public ProgrammeInput draftFrom(String sheetCode) {
        require(LEAD);
        PracticeSheet sheet = library.sheet(sheetCode);
        LocalDate today = today();
        return new ProgrammeInput(sheet.title(), "", null, null, 12, today, today.plusYears(1).minusDays(1),
                sheet.section("objectives"), sheet.indicators().stream()
                        .map(label -> new AdoptedIndicator(label, ProgrammeMeasure.suggestFor(label).orElse(null)))
                        .toList());
    }

    /**
     * Adopts the current version of a sheet: the programme is created with the lead's settings, the
     * lead a first member of its group (role LEAD, not yet signed), and the default ethics charter.
     */
    @Transactional
    public UUID adopt(String sheetCode, ProgrammeInput input) {
        require(LEAD);
        PracticeSheet sheet = library.sheet(sheetCode);
        if (!sheet.published()) {
            throw BusinessException.invalid("programme.sheet.withdrawn");
        }
        ProgrammeInput valid = validate(input);
        TenantPrincipal lead = principal();
        UUID id = UUID.randomUUID();
        LocalDate today = today();
        jdbc.sql("""
                insert into programme (id, organisation_id, sheet_id, sheet_version, title, territory, departement_code,
                    places, capacity, starts_on, ends_on, objectives, indicators, charter_text, charter_changed_on,
                    created_at, created_by_name)
                values (:id, :org, :sheet, :version, :title, :territory, :dep, :places, :capacity, :starts, :ends,
                    :objectives, cast(:indicators as jsonb), :charter, :today, :at, :by)""")
                .param("id", id).param("org", lead.organisationId()).param("sheet", sheet.id())
                .param("version", sheet.version()).param("title", valid.title()).param("territory", valid.territory())
                .param("dep", valid.departementCode()).param("places", valid.places())
                .param("capacity", valid.capacity()).param("starts", Date.valueOf(valid.startsOn()))
                .param("ends", Date.valueOf(valid.endsOn())).param("objectives", valid.objectives())
                .param("indicators", json.writeValueAsString(valid.indicators()))
                .param("charter", defaultCharter()).param("today", Date.valueOf(today))
                .param("at", Timestamp.from(Instant.now(clock))).param("by", lead.displayName())
                .update();
        insertMember(id, lead.organisationId(), lead.userId(), lead.displayName(), organisationLabel(), "LEAD", today);
        audit.record("programme.adopted", "programme", id, Map.of("sheet", sheet.code(), "version", sheet.version()));
        return id;
    }

    /** Changes the programme's settings, objectives and indicators. */
    @Transactional
    public void update(UUID id, ProgrammeInput input) {
        requireRunning(id);
        ProgrammeInput valid = validate(input);
        jdbc.sql("""
                update programme set title = :title, territory = :territory, departement_code = :dep, places = :places,
                    capacity = :capacity, starts_on = :starts, ends_on = :ends, objectives = :objectives,
                    indicators = cast(:indicators as jsonb)
                where id = :id""")
                .param("id", id).param("title", valid.title()).param("territory", valid.territory())
                .param("dep", valid.departementCode()).param("places", valid.places())
                .param("capacity", valid.capacity()).param("starts", Date.valueOf(valid.startsOn()))
                .param("ends", Date.valueOf(valid.endsOn())).param("objectives", valid.objectives())
                .param("indicators", json.writeValueAsString(valid.indicators()))
                .update();
        audit.record("programme.updated", "programme", id, Map.of());
    }

    /** Closes a programme: it is finished, and nothing more is recorded in it. */
    @Transactional
    public void close(UUID id, LocalDate closedOn) {
        Programme programme = requireRunning(id);
        LocalDate on = closedOn == null ? today() : closedOn;
        if (on.isBefore(programme.startsOn())) {
            throw new FieldRefusal("closedOn", "programme.close.beforeStart");
        }
        if (on.isAfter(today())) {
            throw new FieldRefusal("closedOn", "programme.date.future");
        }
        jdbc.sql("update programme set closed_on = ? where id = ?").param(Date.valueOf(on)).param(id).update();
        audit.record("programme.closed", "programme", id, Map.of("closedOn", on.toString()));
    }

    private ProgrammeInput validate(ProgrammeInput input) {
        String title = blankToNull(input.title());
        if (title == null) {
            throw new FieldRefusal("title", "programme.title.required");
        }
        FieldRefusal.requireAtMost("title", title, 300);
        String territory = blankToNull(input.territory());
        if (territory == null) {
            throw new FieldRefusal("territory", "programme.territory.required");
        }
        FieldRefusal.requireAtMost("territory", territory, 200);
        String departement = blankToNull(input.departementCode());
        if (departement != null && !departement.matches("(?:0[1-9]|[1-8][0-9]|9[0-5]|2[AB]|97[1-6])")) {
            throw new FieldRefusal("departementCode", "programme.departement.invalid");
        }
        FieldRefusal.requireAtMost("places", input.places(), 1000);
        if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 10_000) {
            throw new FieldRefusal("capacity", "programme.capacity.invalid");
        }
        if (input.startsOn() == null) {
            throw new FieldRefusal("startsOn", "programme.startsOn.required");
        }
        if (input.endsOn() == null) {
            throw new FieldRefusal("endsOn", "programme.endsOn.required");
        }
        if (input.endsOn().isBefore(input.startsOn())) {
            throw new FieldRefusal("endsOn", "programme.endsOn.beforeStart");
        }
        FieldRefusal.requireAtMost("objectives", input.objectives(), 20_000);
        List<AdoptedIndicator> indicators = new ArrayList<>();
        for (AdoptedIndicator indicator : input.indicators() == null ? List.<AdoptedIndicator>of() : input.indicators()) {
            String label = indicator == null ? null : blankToNull(indicator.label());
            if (label != null) {
                FieldRefusal.requireAtMost("indicators", label, 500);
                indicators.add(new AdoptedIndicator(label, indicator.measure()));
            }
        }
        if (indicators.size() > 60) {
            throw new FieldRefusal("indicators", "programme.indicators.tooMany", 60);
        }
        return new ProgrammeInput(title, territory, departement, blankToNull(input.places()), input.capacity(),
                input.startsOn(), input.endsOn(), input.objectives() == null ? "" : input.objectives().strip(),
                indicators);
    }

    // ---------------------------------------------------------------- group and charter

    @Transactional(readOnly = true)
    public List<Member> members(UUID programme) {
        require(READ);
        return jdbc.sql("select * from programme_member where programme_id = ? order by left_on is not null, "
                        + "case group_role when 'LEAD' then 0 else 1 end, lower(full_name)")
                .param(programme).query(this::mapMember).list();
    }

    /** The accounts of the organisation that can be tied to a member (those who may follow beneficiaries). */
    @Transactional(readOnly = true)
    public List<Account> accounts() {
        require(LEAD);
        return users.withAnyRole(MEMBER_ROLES).stream()
                .map(u -> new Account(u.id(), u.displayName()))
                .sorted(java.util.Comparator.comparing(a -> a.displayName().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** Adds a member to the group: a person of a member organisation, tied to an account or not. */
    @Transactional
    public UUID addMember(UUID programme, UUID userId, String fullName, String memberOrganisation, String groupRole) {
        requireRunning(programme);
        String name = blankToNull(fullName);
        if (userId != null) {
            Account account = accounts().stream().filter(a -> a.id().equals(userId)).findFirst()
                    .orElseThrow(() -> new FieldRefusal("userId", "programme.member.account.invalid"));
            name = name == null ? account.displayName() : name;
            Boolean active = jdbc.sql("select left_on is null from programme_member where programme_id = ? and user_id = ?")
                    .param(programme).param(userId).query(Boolean.class).optional().orElse(null);
            if (Boolean.TRUE.equals(active)) {
                throw new FieldRefusal("userId", "programme.member.account.taken");
            }
            if (Boolean.FALSE.equals(active)) {
                // Back in the group: the same row, active again, to sign the charter anew.
                String organisation = blankToNull(memberOrganisation);
                if (groupRole == null || !GROUP_ROLES.contains(groupRole)) {
                    throw new FieldRefusal("groupRole", "programme.member.role.invalid");
                }
                UUID id = jdbc.sql("select id from programme_member where programme_id = ? and user_id = ?")
                        .param(programme).param(userId).query(UUID.class).single();
                jdbc.sql("""
                        update programme_member set left_on = null, charter_version = null, charter_signed_on = null,
                            group_role = ?, member_organisation = coalesce(?, member_organisation), full_name = ?
                        where id = ?""")
                        .params(groupRole, organisation, name, id).update();
                audit.record("programme.member.returned", "programme_member", id, Map.of("programme", programme));
                return id;
            }
        }
        if (name == null) {
            throw new FieldRefusal("fullName", "programme.member.name.required");
        }
        FieldRefusal.requireAtMost("fullName", name, 200);
        String organisation = blankToNull(memberOrganisation);
        if (organisation == null) {
            throw new FieldRefusal("memberOrganisation", "programme.member.organisation.required");
        }
        FieldRefusal.requireAtMost("memberOrganisation", organisation, 200);
        if (groupRole == null || !GROUP_ROLES.contains(groupRole)) {
            throw new FieldRefusal("groupRole", "programme.member.role.invalid");
        }
        UUID id = insertMember(programme, principal().organisationId(), userId, name, organisation, groupRole, today());
        audit.record("programme.member.added", "programme_member", id, Map.of("programme", programme, "role", groupRole));
        return id;
    }

    private UUID insertMember(UUID programme, UUID organisation, UUID userId, String name, String memberOrganisation,
            String role, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into programme_member (id, programme_id, organisation_id, user_id, full_name, member_organisation,
                    group_role, added_on)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, programme, organisation, userId, name, memberOrganisation, role, Date.valueOf(on))
                .update();
        return id;
    }

    /** A member leaves the group: they no longer see its beneficiaries. */
    @Transactional
    public void removeMember(UUID programme, UUID member) {
        requireRunning(programme);
        Member m = member(programme, member);
        if (!m.active()) {
            return;
        }
        if (jdbc.sql("select programme_member_follows(?)").param(member).query(Boolean.class).single()) {
            throw BusinessException.conflict("programme.member.stillReferent");
        }
        jdbc.sql("update programme_member set left_on = ? where id = ?").param(Date.valueOf(today())).param(member).update();
        audit.record("programme.member.left", "programme_member", member, Map.of("programme", programme));
    }

    /**
     * The signed-in user signs the charter's current version, as the member tied to their account;
     * the signature is what opens the programme's beneficiaries to them.
     */
    @Transactional
    public void signCharter(UUID programme) {
        // Signing is what opens the beneficiaries: only for those who may follow them.
        require(BENEFICIARIES);
        Programme p = find(programme);
        TenantPrincipal me = principal();
        Member mine = members(programme).stream().filter(m -> me.userId().equals(m.userId()) && m.active())
                .findFirst().orElseThrow(() -> BusinessException.conflict("programme.charter.notMember"));
        if (mine.signed(p.charterVersion())) {
            return;
        }
        sign(mine.id(), p.charterVersion(), today());
        audit.record("programme.charter.signed", "programme_member", mine.id(),
                Map.of("programme", programme, "version", p.charterVersion()));
    }

    /** The lead records the signature, on paper, of a member without an account, on the date it was given. */
    @Transactional
    public void recordSignature(UUID programme, UUID member, LocalDate signedOn) {
        Programme p = requireRunning(programme);
        Member m = member(programme, member);
        if (m.userId() != null) {
            throw BusinessException.conflict("programme.charter.ownSignature");
        }
        if (signedOn == null) {
            throw new FieldRefusal("signedOn", "programme.charter.date.required");
        }
        if (signedOn.isAfter(today())) {
            throw new FieldRefusal("signedOn", "programme.date.future");
        }
        if (signedOn.isBefore(p.charterChangedOn())) {
            throw new FieldRefusal("signedOn", "programme.charter.beforeVersion");
        }
        sign(member, p.charterVersion(), signedOn);
        audit.record("programme.charter.recorded", "programme_member", member,
                Map.of("programme", programme, "version", p.charterVersion()));
    }

    private void sign(UUID member, int version, LocalDate on) {
        jdbc.sql("update programme_member set charter_version = ?, charter_signed_on = ? where id = ?")
                .param(version).param(Date.valueOf(on)).param(member).update();
    }

    /** A new version of the charter: every member signs again before seeing beneficiaries. */
    @Transactional
    public void changeCharter(UUID programme, String text) {
        Programme p = requireRunning(programme);
        String charter = blankToNull(text);
        if (charter == null) {
            throw new FieldRefusal("charterText", "programme.charter.text.required");
        }
        FieldRefusal.requireAtMost("charterText", charter, 20_000);
        if (charter.equals(p.charterText().strip())) {
            return;
        }
        jdbc.sql("update programme set charter_text = ?, charter_version = charter_version + 1, charter_changed_on = ? where id = ?")
                .param(charter).param(Date.valueOf(today())).param(programme).update();
        audit.record("programme.charter.changed", "programme", programme, Map.of("version", p.charterVersion() + 1));
    }

    /** Whether the signed-in user is a member of the group who signed its current charter. */
    @Transactional(readOnly = true)
    public boolean signedMember(UUID programme) {
        return jdbc.sql("select ? = any (programme_signed_ids())").param(programme).query(Boolean.class).single();
    }

    Member member(UUID programme, UUID member) {
        return jdbc.sql("select * from programme_member where id = ? and programme_id = ?").param(member).param(programme)
                .query(this::mapMember).optional().orElseThrow(BusinessException::notFound);
    }

    // ---------------------------------------------------------------- meetings

    @Transactional(readOnly = true)
    public List<Meeting> meetings(UUID programme) {
        require(READ);
        return jdbc.sql("""
                select g.id, g.held_on, g.subject, g.decisions,
                       array(select m.full_name from programme_meeting_attendance a join programme_member m on m.id = a.member_id
                             where a.meeting_id = g.id order by lower(m.full_name)) as attendees
                from programme_meeting g where g.programme_id = ? order by g.held_on desc, g.created_at desc""")
                .param(programme)
                .query((rs, n) -> new Meeting(rs.getObject("id", UUID.class), localDate(rs, "held_on"),
                        rs.getString("subject"), rs.getString("decisions"), PracticeLibrary.strings(rs.getArray("attendees"))))
                .list();
    }

    /** Records a meeting of the group: its date, subject, who attended (members of the group) and its decisions. */
    @Transactional
    public UUID addMeeting(UUID programme, LocalDate heldOn, String subject, String decisions, List<UUID> attendees) {
        requireRunning(programme);
        if (heldOn == null) {
            throw new FieldRefusal("heldOn", "programme.meeting.date.required");
        }
        String title = blankToNull(subject);
        if (title == null) {
            throw new FieldRefusal("subject", "programme.meeting.subject.required");
        }
        FieldRefusal.requireAtMost("subject", title, 300);
        FieldRefusal.requireAtMost("decisions", decisions, 20_000);
        List<UUID> present = attendees == null ? List.of() : attendees.stream().distinct().toList();
        Set<UUID> members = new java.util.HashSet<>(members(programme).stream().map(Member::id).toList());
        if (!members.containsAll(present)) {
            throw new FieldRefusal("attendees", "programme.meeting.attendee.invalid");
        }
        UUID id = UUID.randomUUID();
        UUID organisation = principal().organisationId();
        jdbc.sql("insert into programme_meeting (id, programme_id, organisation_id, held_on, subject, decisions, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, programme, organisation, Date.valueOf(heldOn), title,
                        decisions == null ? "" : decisions.strip(), Timestamp.from(Instant.now(clock)))
                .update();
        for (UUID member : present) {
            jdbc.sql("insert into programme_meeting_attendance (meeting_id, member_id, programme_id, organisation_id)"
                            + " values (?, ?, ?, ?)")
                    .params(id, member, programme, organisation).update();
        }
        audit.record("programme.meeting.recorded", "programme_meeting", id,
                Map.of("programme", programme, "attendees", present.size()));
        return id;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The programme, for a change of its settings, group, sessions or money: only a lead of this
     * programme (an active member of its group with the role LEAD, tied to the caller's account, who
     * holds {@code programme:lead}) makes it, and only while the programme is running. Holding the
     * permission is not enough: it does not let anyone join another lead's group.
     */
    Programme requireRunning(UUID id) {
        require(LEAD);
        Programme programme = find(id);
        if (!isLead(id, principal().userId())) {
            throw new BusinessException(403, "programme.lead.required");
        }
        requireOpen(programme);
        return programme;
    }

    /** Whether the signed-in user leads this programme (an active LEAD member tied to their account). */
    @Transactional(readOnly = true)
    public boolean leads(UUID programme) {
        return TenantContext.hasAuthority(LEAD)
                && TenantContext.currentPrincipal().map(p -> isLead(programme, p.userId())).orElse(false);
    }

    private boolean isLead(UUID programme, UUID user) {
        return jdbc.sql("""
                select exists (select 1 from programme_member
                               where programme_id = ? and user_id = ? and group_role = 'LEAD' and left_on is null)""")
                .param(programme).param(user).query(Boolean.class).single();
    }

    static void requireOpen(Programme programme) {
        if (programme.finished()) {
            throw BusinessException.conflict("programme.finished");
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private String organisationLabel() {
        return jdbc.sql("select name from identity_organisation_v where id = current_organisation_id()")
                .query(String.class).optional().orElse("—");
    }

    static TenantPrincipal principal() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The ethics charter a new programme starts with (the resource programmes/ethics-charter.txt). */
    static String defaultCharter() {
        try (InputStream in = new ClassPathResource("programmes/ethics-charter.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Programme mapProgramme(ResultSet rs, int n) throws SQLException {
        List<AdoptedIndicator> indicators = json.readValue(rs.getString("indicators"), INDICATORS);
        return new Programme(rs.getObject("id", UUID.class), rs.getObject("sheet_id", UUID.class),
                rs.getString("sheet_code"), rs.getString("sheet_title"), rs.getInt("sheet_version"),
                rs.getString("title"), rs.getString("territory"), rs.getString("departement_code"),
                rs.getString("places"), rs.getInt("capacity"), localDate(rs, "starts_on"), localDate(rs, "ends_on"),
                rs.getString("objectives"), indicators, rs.getInt("charter_version"), rs.getString("charter_text"),
                localDate(rs, "charter_changed_on"), localDate(rs, "closed_on"), rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Member mapMember(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("full_name"),
                rs.getString("member_organisation"), rs.getString("group_role"), nullableInt(rs, "charter_version"),
                localDate(rs, "charter_signed_on"), localDate(rs, "left_on"), localDate(rs, "added_on"));
    }
}
