package fr.passerelle.measures;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Summary;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ICS feed of a case worker's appointments, behind a secret URL that the worker can renew or
 * revoke. Events carry the measure reference and the kind of appointment, never the person's name
 * (calendar applications copy events to places outside Passerelle). For the same reason a home
 * visit's place (the person's address) never leaves: its location is a generic label.
 */
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Appointments appointments;
    private final Measures measures;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    CalendarFeeds(JdbcClient jdbc, TransactionTemplate tx, Appointments appointments, Measures measures, AuditLog audit,
            Clock clock, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.appointments = appointments;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in user has an active feed. */
    @Transactional(readOnly = true)
    public boolean active() {
        return jdbc.sql("select count(*) from calendar_feed where user_id = ? and revoked_at is null")
                .param(me().userId()).query(Long.class).single() > 0;
    }

    /** Creates a new secret for the signed-in user, revoking the previous one; returns the token (shown once). */
    @Transactional
    public String renew() {
        revokeAll();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = Ids.newId();
        jdbc.sql("insert into calendar_feed (id, organisation_id, user_id, token_hash) values (?, ?, ?, ?)")
                .param(id).param(TenantContext.currentOrganisationId().orElseThrow()).param(me().userId())
                .param(hash(token)).update();
        audit.record("calendar_feed.created", "calendar_feed", id, Map.of());
        return token;
    }

    @Transactional
    public void revoke() {
        if (revokeAll() > 0) {
            audit.record("calendar_feed.revoked", "user", me().userId(), Map.of());
        }
    }

    /** The ICS document for a token, or empty when the token is unknown or revoked. */
    public Optional<String> render(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Owner> owner = jdbc.sql("select organisation_id, user_id from calendar_feed_owner(?)")
                .param(hash(token))
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        return owner.map(o -> TenantContext.callAs(o.organisationId(), () -> tx.execute(status -> ics(o.userId()))));
    }

    private String ics(UUID userId) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Passerelle//Entretiens//FR");
        String name = messages.getMessage("calendar.name", null, Locale.FRENCH);
        calendar.setName(name);
        // NAME (RFC 7986) for recent clients, X-WR-CALNAME for the many that read only that one.
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        List<Appointments.Appointment> list = appointments.ofWorkerFrom(userId, clock.instant().minus(Duration.ofDays(30)));
        Map<UUID, String> references = measures.references(list.stream().map(Appointments.Appointment::measureId)
                .collect(java.util.stream.Collectors.toSet()));
        for (Appointments.Appointment a : list) {
            VEvent event = new VEvent();
            event.setUid(a.id().toString());
            event.setDateStart(Date.from(a.scheduledAt()));
            event.setDateEnd(Date.from(a.scheduledAt().plus(Duration.ofMinutes(a.durationMinutes()))));
            event.setSummary(new Summary(messages.getMessage("calendar.event.summary",
                    new Object[] {messages.getMessage("appointment.kind." + a.kind(), null, Locale.FRENCH),
                            references.get(a.measureId())}, Locale.FRENCH)));
            if (a.kind() == AppointmentKind.HOME_VISIT) {
                event.setLocation(messages.getMessage("calendar.location.homeVisit", null, Locale.FRENCH));
            } else if (a.place() != null) {
                event.setLocation(a.place());
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    private int revokeAll() {
        return jdbc.sql("update calendar_feed set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(me().userId()).update();
    }

    private static TenantPrincipal me() {
        return TenantContext.currentPrincipal().orElseThrow();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Owner(UUID organisationId, UUID userId) {}
}
