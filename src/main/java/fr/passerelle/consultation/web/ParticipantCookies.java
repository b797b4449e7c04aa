package fr.passerelle.consultation.web;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.ProposalKeys;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.web.RequestIds;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The anonymous participant's identity: a cookie, scoped to the consultation's address, holding
 * the participant id and its HMAC signature, kept for the consultation's lifetime (until a month
 * after its end date, or 400 days). HttpOnly and SameSite=Lax: a cross-site POST never carries it.
 */
@Component
class ParticipantCookies {

    static final String NAME = "PASSERELLE_PARTICIPANT";

    private final ProposalKeys keys;
    private final Participants participants;
    private final java.time.Clock clock;

    ParticipantCookies(ProposalKeys keys, Participants participants, java.time.Clock clock) {
        this.keys = keys;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * The participant of this request: the signed-in account's (absorbing the cookie's anonymous
     * participant), else the cookie's, else a new one; the cookie is (re)written when it changes.
     * A new anonymous participant is issued only within the limits per client address and network
     * ({@link Participants#issue}): beyond them, 429 "too many new participants from your network".
     */
    Participants.Participant participant(Consultations.Consultation c, HttpServletRequest request,
            HttpServletResponse response) {
        UUID fromCookie = read(request, c.id());
        UUID user = TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        String address = RequestIds.currentClientAddress().orElse(request.getRemoteAddr());
        Participants.Participant p = participants.issue(c.id(), fromCookie, user, address)
                .orElseThrow(() -> new BusinessException(429, "consultation.participant.limited"));
        if (!p.id().equals(fromCookie)) {
            write(request, response, c, p.id());
        }
        return p;
    }

    /** The participant id of a validly signed cookie for this consultation, else null. */
    UUID read(HttpServletRequest request, UUID consultationId) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && c.getValue() != null) {
                UUID id = verify(c.getValue(), consultationId);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private UUID verify(String value, UUID consultationId) {
        int dot = value.indexOf('.');
        if (dot != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.substring(0, dot));
            boolean valid = MessageDigest.isEqual(keys.signCookie(consultationId, id).getBytes(StandardCharsets.US_ASCII),
                    value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
            return valid ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, Consultations.Consultation consultation,
            UUID participantId) {
        Duration life = Duration.ofDays(400);
        if (consultation.endsOn() != null) {
            Duration untilEnd = Duration.between(clock.instant(),
                    consultation.endsOn().plusMonths(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant());
            life = untilEnd.isNegative() ? Duration.ofDays(1) : untilEnd.compareTo(life) > 0 ? life : untilEnd;
        }
        ResponseCookie cookie = ResponseCookie.from(NAME, participantId + "." + keys.signCookie(consultation.id(), participantId))
                .path(request.getContextPath() + "/c/" + consultation.slug())
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").maxAge(life).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
