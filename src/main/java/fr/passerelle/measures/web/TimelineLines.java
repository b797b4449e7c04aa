package fr.passerelle.measures.web;

import fr.passerelle.measures.MeasureTimeline;
import fr.passerelle.measures.MeasureTimeline.Event;
import fr.passerelle.measures.MeasureTimeline.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** A page of a measure's timeline as the page shows it: each event a sentence in the user's language. */
@Component
class TimelineLines {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

    private final MeasureTimeline timeline;
    private final MessageSource messages;

    TimelineLines(MeasureTimeline timeline, MessageSource messages) {
        this.timeline = timeline;
        this.messages = messages;
    }

    /**
     * One event.
     *
     * @param detail the new status (and outcome) of a transition
     * @param note the transition's reason
     * @param actor who did it, or "system" / "not recorded"
     * @param href the report the event is about, if any
     * @param imported written by a caseload import
     */
    record Line(String key, Kind kind, String text, String detail, String note, Instant at, boolean timeKnown,
            String actor, String href, boolean urgent, boolean imported) {}

    /** The page: its lines, the filter, the cursors. */
    record View(UUID measureId, List<Line> lines, Kind kind, String before, String next, List<Kind> kinds) {}

    /** The filter named in a request: a kind, or null for every kind (also for an unknown name). */
    static Kind kindOf(String name) {
        return Arrays.stream(Kind.values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    View view(UUID measureId, String kind, String before, Locale locale) {
        MeasureTimeline.Page page = timeline.page(measureId, kindOf(kind), before);
        List<Line> lines = page.events().stream().map(e -> line(e, page.unit(), locale)).toList();
        return new View(measureId, lines, page.kind(), page.before(), page.next(), page.kinds());
    }

    private Line line(Event e, String unit, Locale locale) {
        String detail = null;
        String note = null;
        String href = null;
        MessageSourceResolvable text = switch (e.type()) {
            case "APPOINTMENT_SCHEDULED" -> message("timeline.event.APPOINTMENT_SCHEDULED",
                    DAY_AND_TIME.format(e.onTime()), message("appointment.kind." + e.value()));
            case "ATTENDANCE_RECORDED" -> message("timeline.event.ATTENDANCE_RECORDED", day(e),
                    message("appointment.attendance." + e.value()));
            case "INCIDENT_RECORDED" -> message("timeline.event.INCIDENT_RECORDED",
                    message("incident.kind." + e.value()), day(e));
            case "INCIDENT_REPORTED" -> message("timeline.event.INCIDENT_REPORTED",
                    message("incident.kind." + e.value()), day(e), e.text());
            case "REPORT_CREATED", "REPORT_SUBMITTED", "REPORT_VALIDATED", "REPORT_RETURNED", "REPORT_SENT",
                    "DOCUMENT_PRODUCED" -> {
                href = "/reports/" + e.subjectId();
                yield message("timeline.event." + e.type(), message("report.kind." + e.value()),
                        e.onDate() == null ? "" : day(e), e.amount() == null ? "" : e.amount().stripTrailingZeros().toPlainString());
            }
            case "QUANTITY_LOGGED", "QUANTITY_CORRECTED", "QUANTITY_DELETED" -> {
                boolean period = e.untilDate() != null && !e.untilDate().equals(e.onDate());
                yield message("timeline.event." + e.type() + (period ? ".period" : ""), quantity(e.amount(), unit),
                        day(e), period ? DAY.format(e.untilDate()) : "");
            }
            default -> {
                // A transition: its action (or the reception), the status it led to, its reason.
                List<String> parts = new java.util.ArrayList<>();
                if (!"RECEIVED".equals(e.type())) {
                    parts.add(messages.getMessage("measure.status." + e.value(), null, e.value(), locale)
                            + (e.detail() == null ? "" : " — " + messages.getMessage("measure.outcome." + e.detail(),
                                    null, e.detail(), locale)));
                }
                if (e.onDate() != null) {
                    parts.add(messages.getMessage("measures.timeline.effectiveOn", new Object[] {day(e)}, locale));
                }
                detail = parts.isEmpty() ? null : String.join(" · ", parts);
                note = e.text();
                yield new DefaultMessageSourceResolvable(
                        new String[] {"timeline.event." + e.type(), "measure.action." + e.type()},
                        new Object[] {e.otherName() != null ? e.otherName() : message("timeline.assigneeUnknown")},
                        e.type());
            }
        };
        String actor = e.actorName() != null ? e.actorName()
                : messages.getMessage(e.backfilled() ? "timeline.actorUnknown" : "common.system", null, locale);
        return new Line(e.key(), e.kind(), messages.getMessage(text, locale), detail, note, e.at(), e.timeKnown(),
                actor, href, "URGENT".equals(e.detail()), e.imported());
    }

    private MessageSourceResolvable quantity(BigDecimal amount, String unit) {
        String value = amount == null ? "" : amount.stripTrailingZeros().toPlainString();
        return message("timeline.quantity." + (unit == null ? "NONE" : unit), value);
    }

    private static String day(Event e) {
        return e.onDate() == null ? "" : DAY.format(e.onDate());
    }

    private static MessageSourceResolvable message(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }
}
