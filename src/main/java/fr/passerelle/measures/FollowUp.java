package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of a measure: its obligations, the log of hours or days done against what was
 * ordered, and incidents (manquements) with their report to the magistrate. For a placement à
 * l'extérieur, leaving the placement without authorisation is legally an escape and is flagged
 * urgent: it must be reported at once to the JAP and the SPIP.
 */
@Service
public class FollowUp {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Measures measures;
    private final MeasureCatalogue catalogue;
    private final Clock clock;
    private final MeasureTimeline timeline;

    FollowUp(JdbcClient jdbc, AuditLog audit, Measures measures, MeasureCatalogue catalogue, Clock clock,
            MeasureTimeline timeline) {
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.audit = audit;
        this.measures = measures;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** An obligation of the person (soins, travail, interdiction de contact...). */
    public record Obligation(UUID id, String label, String status, String notes) {}

    /**
     * One entry of the hours or days log; {@code day} when it is one date of a per-date unit (a day
     * or a night), false for hours, other units and days or nights recorded before the calendar
     * rules.
     */
    public record QuantityEntry(UUID id, LocalDate entryDate, BigDecimal quantity, String notes, boolean day) {

        /**
         * A days or nights entry recorded before the calendar rules that counts more than one date:
         * kept as it is (a correction keeps its quantity); shown as to be split into dates.
         */
        public boolean legacyPeriod() {
            return !day && quantity.compareTo(BigDecimal.ONE) != 0;
        }
    }

    /**
     * What has been done against what was ordered, in the unit the measure type tracks;
     * {@code loggable} when the measure's status lets entries be logged, {@code correctable} when it
     * lets them be corrected or deleted (see {@link MeasureLifecycle#quantitiesLoggable}).
     */
    public record Progress(String unit, BigDecimal done, BigDecimal ordered, List<QuantityEntry> entries,
            boolean loggable, boolean correctable) {

        /** Done beyond what was ordered: shown as a warning, never refused (the magistrate may extend). */
        public boolean aboveOrdered() {
            return QuantityRules.aboveOrdered(done, ordered);
        }

        /** Whether the unit is counted one per date (days, nights). */
        public boolean perDate() {
            return QuantityRules.perDate(unit);
        }

        /**
         * Whether the measure page shows the block: something ordered or logged, or a form for who
         * may log. Months of follow-up (a CJSE) are the measure's own dates: nobody logs them into an
         * empty block, so it stays hidden until the magistrate's order gives a number of months.
         */
        public boolean shown(boolean mayLog) {
            if ("NONE".equals(unit)) {
                return false;
            }
            return ordered != null || !entries.isEmpty() || mayLog && loggable && !"MONTHS".equals(unit);
        }
    }

    /** A breach and its report to the magistrate. */
    public record Incident(UUID id, LocalDate occurredOn, IncidentKind kind, String description, boolean urgent,
            Instant reportedAt, String reportedTo) {}

    // Obligations

    @Transactional
    public UUID addObligation(UUID measureId, String label) {
        measures.get(measureId);
        if (label == null || label.isBlank() || label.length() > 300) {
            throw new FieldRefusal("label", "obligation.label.invalid");
        }
        UUID id = Ids.newId();
        jdbc.sql("insert into measure_obligation (id, organisation_id, measure_id, label, updated_by) values (?, ?, ?, ?, ?)")
                .param(id).param(organisation()).param(measureId).param(label.trim()).param(me()).update();
        audit.record("obligation.added", "measure", measureId, Map.of("obligation", id.toString()));
        return id;
    }

    @Transactional
    public UUID setObligationStatus(UUID obligationId, String status, String notes) {
        if (status == null || !List.of("ONGOING", "MET", "BREACHED").contains(status)) {
            throw new FieldRefusal("status", "obligation.status.invalid");
        }
        FieldRefusal.requireAtMost("notes", notes, Appointments.NOTES_MAX);
        UUID measureId = jdbc.sql("""
                update measure_obligation set status = ?, notes = ?, updated_at = now(), updated_by = ?
                where id = ? returning measure_id""")
                .param(status).param(notes == null || notes.isBlank() ? null : notes.trim()).param(me()).param(obligationId)
                .query(UUID.class).optional().orElseThrow(BusinessException::notFound);
        audit.record("obligation.updated", "measure", measureId, Map.of("obligation", obligationId.toString(), "status", status));
        return measureId;
    }

    @Transactional(readOnly = true)
    public List<Obligation> obligations(UUID measureId) {
        return jdbc.sql("select id, label, status, notes from measure_obligation where measure_id = ? order by label")
                .param(measureId)
                .query((rs, n) -> new Obligation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // Hours and days

    /** Logs one entry: hours or another count on a date, or one day (or night) on a date. */
    @Transactional
    public void logQuantity(UUID measureId, LocalDate date, BigDecimal quantity, String notes) {
        logQuantity(measureId, date, null, quantity, notes);
    }

    /**
     * Logs hours (or another count) on a date, or, for a per-date unit (days, nights), one entry per
     * date from {@code date} to {@code toDate} (inclusive; null for one date). Checked against the
     * measure's status, the calendar (see {@link QuantityRules}) and the statements already sent; a
     * refusal writes nothing.
     */
    @Transactional
    public void logQuantity(UUID measureId, LocalDate date, LocalDate toDate, BigDecimal quantity, String notes) {
        measures.get(measureId);
        String unit = trackedUnit(measureId);
        Locked measure = locked(measureId);
        MeasureLifecycle.requireQuantitiesLoggable(measure.status());
        LocalDate today = LocalDate.now(clock);
        FieldRefusal.requireAtMost("notes", notes, Appointments.NOTES_MAX);
        String note = notes == null || notes.isBlank() ? null : notes.trim();
        if (QuantityRules.perDate(unit)) {
            QuantityRules.checkOnePerDate(unit, quantity);
            List<LocalDate> dates = QuantityRules.days(unit, date, toDate, measure.span(), today,
                    loggedDates(measureId, null));
            for (LocalDate day : dates) {
                requireMonthNotBilled(measureId, day);
            }
            for (LocalDate day : dates) {
                insertEntry(measureId, day, BigDecimal.ONE, note, true);
            }
            audit.record("quantity.logged", "measure", measureId, Map.of("quantity", String.valueOf(dates.size()),
                    "unit", unit, "from", dates.get(0).toString(), "to", dates.get(dates.size() - 1).toString()));
            return;
        }
        QuantityRules.checkDate(date, measure.span(), today, "entryDate");
        checkQuantity(unit, measureId, date, quantity, null);
        requireMonthNotBilled(measureId, date);
        insertEntry(measureId, date, quantity, note, false);
        audit.record("quantity.logged", "measure", measureId, Map.of("quantity", quantity.toPlainString(), "unit", unit,
                "date", date.toString()));
    }

    /**
     * Corrects an entry (date, quantity, notes) for a reason, with the same rules as logging; a
     * days or nights entry stays one date counting 1, and one recorded before the calendar rules
     * for several dates keeps its quantity (only its date and notes change). Audited with the
     * values before and after.
     */
    @Transactional
    public UUID correctEntry(UUID entryId, LocalDate date, BigDecimal quantity, String notes, String reason) {
        QuantityEntryRow before = entry(entryId);
        String why = requireReason(reason);
        String unit = trackedUnit(before.measureId());
        Locked measure = locked(before.measureId());
        MeasureLifecycle.requireQuantitiesCorrectable(measure.status());
        QuantityRules.checkDate(date, measure.span(), LocalDate.now(clock), "entryDate");
        boolean day = false;
        BigDecimal value = quantity;
        if (QuantityRules.perDate(unit) && !before.day() && before.quantity().compareTo(BigDecimal.ONE) != 0) {
            value = before.quantity();
        } else if (QuantityRules.perDate(unit)) {
            QuantityRules.checkOnePerDate(unit, quantity);
            if (loggedDates(before.measureId(), entryId).contains(date)) {
                throw QuantityRules.alreadyLogged(unit, date);
            }
            day = true;
            value = BigDecimal.ONE;
        } else {
            checkQuantity(unit, before.measureId(), date, quantity, entryId);
        }
        FieldRefusal.requireAtMost("notes", notes, Appointments.NOTES_MAX);
        requireMonthNotBilled(before.measureId(), before.entryDate());
        requireMonthNotBilled(before.measureId(), date);
        jdbc.sql("""
                update measure_quantity_entry set entry_date = ?, quantity = ?, notes = ?, day = ?, corrected_at = ?,
                       corrected_by = ?
                where id = ?""")
                .param(date).param(value).param(notes == null || notes.isBlank() ? null : notes.trim()).param(day)
                .param(java.sql.Timestamp.from(clock.instant())).param(me()).param(entryId).update();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("entry", entryId.toString());
        details.put("date", before.entryDate() + " -> " + date);
        details.put("quantity", before.quantity().stripTrailingZeros().toPlainString() + " -> "
                + value.stripTrailingZeros().toPlainString());
        details.put("reason", why);
        audit.record("quantity.corrected", "measure", before.measureId(), details);
        timeline.record(before.measureId(), "QUANTITY_CORRECTED", entryId, null, date, value);
        return before.measureId();
    }

    /** Deletes an entry for a reason; audited with what it held. */
    @Transactional
    public UUID deleteEntry(UUID entryId, String reason) {
        QuantityEntryRow before = entry(entryId);
        String why = requireReason(reason);
        MeasureLifecycle.requireQuantitiesCorrectable(locked(before.measureId()).status());
        requireMonthNotBilled(before.measureId(), before.entryDate());
        jdbc.sql("delete from measure_quantity_entry where id = ?").param(entryId).update();
        timeline.record(before.measureId(), "QUANTITY_DELETED", entryId, null, before.entryDate(), before.quantity());
        audit.record("quantity.deleted", "measure", before.measureId(), Map.of("entry", entryId.toString(),
                "date", before.entryDate().toString(), "quantity", before.quantity().stripTrailingZeros().toPlainString(),
                "reason", why));
        return before.measureId();
    }

    /**
     * Refuses (409) a change to the entries of a month already on a statement sent to the court (or
     * paid) for this measure: what was billed stays what was logged. A draft statement is
     * regenerated, so its months stay open.
     */
    private void requireMonthNotBilled(UUID measureId, LocalDate date) {
        LocalDate month = date.withDayOfMonth(1);
        jdbc.sql("""
                select s.number from billing_statement_line l join billing_statement s on s.id = l.statement_id
                where l.measure_id = ? and l.period_month = ? and s.status <> 'DRAFT' limit 1""")
                .param(measureId).param(month).query(String.class).optional()
                .ifPresent(number -> {
                    throw BusinessException.conflict("quantity.month.billed", QuantityRules.argument(month), number);
                });
    }

    /** The measure an entry belongs to (not found outside the current association). */
    @Transactional(readOnly = true)
    public UUID measureOfEntry(UUID entryId) {
        return entry(entryId).measureId();
    }

    private record QuantityEntryRow(UUID measureId, LocalDate entryDate, BigDecimal quantity, boolean day) {}

    private QuantityEntryRow entry(UUID entryId) {
        return jdbc.sql("select measure_id, entry_date, quantity, day from measure_quantity_entry where id = ?")
                .param(entryId)
                .query((rs, n) -> new QuantityEntryRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getBoolean(4)))
                .optional().orElseThrow(BusinessException::notFound);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new FieldRefusal("reason", "quantity.reason.required");
        }
        return reason.trim();
    }

    private String trackedUnit(UUID measureId) {
        String unit = unitOf(measureId);
        if ("NONE".equals(unit)) {
            throw BusinessException.conflict("quantity.notTracked");
        }
        return unit;
    }

    private record Locked(MeasureStatus status, QuantityRules.Span span) {}

    /**
     * The measure's status and dates, with its row locked: two entries of one measure are checked
     * and written one after the other (the unique index of days and nights entries holds
     * regardless), and a transition waits for them.
     */
    private Locked locked(UUID measureId) {
        return jdbc.sql("select status, received_on, ended_on from measure where id = ? for update").param(measureId)
                .query((rs, n) -> new Locked(MeasureStatus.valueOf(rs.getString(1)),
                        new QuantityRules.Span(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .optional().orElseThrow(BusinessException::notFound);
    }

    private java.util.Set<LocalDate> loggedDates(UUID measureId, UUID except) {
        return new java.util.HashSet<>(jdbc.sql("""
                select entry_date from measure_quantity_entry where measure_id = ? and id is distinct from ?""")
                .param(measureId).param(except).query(LocalDate.class).list());
    }

    private void checkQuantity(String unit, UUID measureId, LocalDate date, BigDecimal quantity, UUID except) {
        if ("HOURS".equals(unit)) {
            BigDecimal others = jdbc.sql("""
                    select coalesce(sum(quantity), 0) from measure_quantity_entry
                    where measure_id = ? and entry_date = ? and id is distinct from ?""")
                    .param(measureId).param(date).param(except).query(BigDecimal.class).single();
            QuantityRules.checkHours(quantity, others);
        } else {
            QuantityRules.checkCount(quantity);
        }
    }

    private void insertEntry(UUID measureId, LocalDate date, BigDecimal quantity, String notes, boolean day) {
        jdbc.sql("""
                insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity, notes, recorded_by,
                                                    day)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(Ids.newId()).param(organisation()).param(measureId).param(date).param(quantity).param(notes)
                .param(me()).param(day).update();
    }

    @Transactional(readOnly = true)
    public Progress progress(UUID measureId) {
        String unit = unitOf(measureId);
        List<QuantityEntry> entries = jdbc.sql("""
                select id, entry_date, quantity, notes, day from measure_quantity_entry where measure_id = ?
                order by entry_date, recorded_at""")
                .param(measureId)
                .query((rs, n) -> new QuantityEntry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getString(4), rs.getBoolean(5)))
                .list();
        BigDecimal done = entries.stream().map(QuantityEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ordered = jdbc.sql("select ordered_quantity from measure where id = ?").param(measureId)
                .query(BigDecimal.class).optional().orElse(null);
        MeasureStatus status = jdbc.sql("select status from measure where id = ?").param(measureId)
                .query(String.class).optional().map(MeasureStatus::valueOf).orElseThrow(BusinessException::notFound);
        return new Progress(unit, done, ordered, entries, MeasureLifecycle.quantitiesLoggable(status),
                MeasureLifecycle.quantitiesCorrectable(status));
    }

    private String unitOf(UUID measureId) {
        UUID typeId = jdbc.sql("select measure_type_id from measure where id = ?").param(measureId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
        return catalogue.type(typeId).map(MeasureCatalogue.MeasureType::trackedQuantity).orElse("NONE");
    }

    // Incidents

    /** Records a breach; an unauthorised departure from a placement à l'extérieur is urgent. */
    @Transactional
    public UUID recordIncident(UUID measureId, LocalDate occurredOn, IncidentKind kind, String description) {
        Measures.Measure measure = measures.get(measureId);
        if (kind == null) {
            throw new FieldRefusal("kind", "incident.kind.required");
        }
        if (occurredOn == null || occurredOn.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("occurredOn", "incident.date.invalid");
        }
        if (description == null || description.isBlank() || description.length() > 4000) {
            throw new FieldRefusal("description", "incident.description.invalid");
        }
        boolean placement = "PLACEMENT_EXTERIEUR".equals(typeCode(measureId));
        boolean urgent = placement && (kind == IncidentKind.LEFT_PLACEMENT || kind == IncidentKind.ABSENCE)
                || kind == IncidentKind.NEW_OFFENCE;
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into measure_incident (id, organisation_id, measure_id, occurred_on, kind, description, urgent, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(organisation()).param(measure.id()).param(occurredOn).param(kind.name())
                .param(description.trim()).param(urgent).param(me()).update();
        audit.record("incident.recorded", "measure", measureId, Map.of("incident", id.toString(), "kind", kind.name(),
                "urgent", urgent));
        return id;
    }

    /** Records that the incident was reported to the magistrate (and whom), now. */
    @Transactional
    public UUID report(UUID incidentId, String reportedTo) {
        if (reportedTo == null || reportedTo.isBlank() || reportedTo.length() > 200) {
            throw new FieldRefusal("reportedTo", "incident.reportedTo.invalid");
        }
        UUID measureId = jdbc.sql("""
                update measure_incident set reported_at = ?, reported_to = ?, reported_by = ?
                where id = ? and reported_at is null returning measure_id""")
                .param(java.sql.Timestamp.from(clock.instant())).param(reportedTo.trim()).param(me()).param(incidentId)
                .query(UUID.class).optional()
                .orElseThrow(() -> jdbc.sql("select count(*) from measure_incident where id = ?").param(incidentId)
                        .query(Long.class).single() == 0 ? BusinessException.notFound()
                        : BusinessException.conflict("incident.alreadyReported"));
        audit.record("incident.reported", "measure", measureId, Map.of("incident", incidentId.toString(), "to", reportedTo.trim()));
        return measureId;
    }

    @Transactional(readOnly = true)
    public List<Incident> incidents(UUID measureId) {
        return jdbc.sql("""
                select id, occurred_on, kind, description, urgent, reported_at, reported_to from measure_incident
                where measure_id = ? order by occurred_on desc, recorded_at desc""")
                .param(measureId)
                .query((rs, n) -> new Incident(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        IncidentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /** Incidents of the current association not yet reported to the magistrate. */
    @Transactional(readOnly = true)
    public long unreportedCount() {
        return jdbc.sql("select count(*) from measure_incident where reported_at is null").query(Long.class).single();
    }

    /**
     * How many measures of the current association have an incident not yet reported to the
     * magistrate (an urgent one when {@code urgentOnly}): the figure on the home page, which the
     * caseload filtered on these incidents lists.
     */
    @Transactional(readOnly = true)
    public long measuresWithUnreportedIncidents(boolean urgentOnly) {
        return jdbc.sql("select count(distinct measure_id) from measure_incident where reported_at is null"
                + (urgentOnly ? " and urgent" : "")).query(Long.class).single();
    }

    /** A measure with urgent incidents not yet reported: its oldest one's date and kind. */
    public record UrgentMeasure(UUID measureId, String reference, String personName, LocalDate occurredOn,
            IncidentKind kind, long incidents) {}

    /** The measures with urgent incidents not yet reported, the longest waiting first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<UrgentMeasure> urgentUnreported(int limit) {
        return jdbc.sql("""
                select u.measure_id, m.reference,
                       p.last_name || ' ' || p.first_name as person_name, u.occurred_on, u.kind, u.incidents
                from (select i.measure_id, i.occurred_on, i.kind, i.recorded_at,
                             count(*) over (partition by i.measure_id) as incidents,
                             row_number() over (partition by i.measure_id order by i.occurred_on, i.recorded_at) as n
                      from measure_incident i where i.reported_at is null and i.urgent) u
                join measure m on m.id = u.measure_id join person p on p.id = m.person_id
                where u.n = 1
                order by u.occurred_on, u.measure_id limit ?""")
                .param(limit)
                .query((rs, n) -> new UrgentMeasure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), IncidentKind.valueOf(rs.getString(5)), rs.getLong(6)))
                .list();
    }

    /** The measure an obligation belongs to (not found outside the current association). */
    @Transactional(readOnly = true)
    public UUID measureOfObligation(UUID obligationId) {
        return jdbc.sql("select measure_id from measure_obligation where id = ?").param(obligationId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
    }

    /** The measure an incident belongs to (not found outside the current association). */
    @Transactional(readOnly = true)
    public UUID measureOfIncident(UUID incidentId) {
        return jdbc.sql("select measure_id from measure_incident where id = ?").param(incidentId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
    }

    private String typeCode(UUID measureId) {
        return jdbc.sql("select t.code from measure m join measure_type t on t.id = m.measure_type_id where m.id = ?")
                .param(measureId).query(String.class).single();
    }

    private static UUID organisation() {
        return TenantContext.currentOrganisationId().orElseThrow();
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
