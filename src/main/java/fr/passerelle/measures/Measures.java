package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.identity.Roles;
import fr.passerelle.measures.MeasureLifecycle.Facts;
import fr.passerelle.measures.internal.References;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures (mesures) created from judicial mandates, moved along their lifecycle by dated,
 * attributed transitions that form the timeline.
 */
@Service
public class Measures {

    /** The longest reason of a step (suspension, cancellation), as the form allows. */
    public static final int REASON_MAX = 500;

    /** Who ordered the measure (prescripteur). */
    public static final List<String> PRESCRIBER_TYPES = List.of("PARQUET", "JUGE_INSTRUCTION", "JLD", "JAP",
            "JUGE_DES_ENFANTS", "TRIBUNAL_CORRECTIONNEL", "TRIBUNAL_POUR_ENFANTS", "SPIP", "AUTRE");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final References references;
    private final MeasureCatalogue catalogue;
    private final Courts courts;
    private final UserAccounts users;
    private final Clock clock;

    Measures(JdbcClient jdbc, AuditLog audit, References references, MeasureCatalogue catalogue, Courts courts,
            UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.references = references;
        this.catalogue = catalogue;
        this.courts = courts;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The judicial mandate (saisine) a measure is created from; {@code orderedQuantity} is what the
     * magistrate ordered in the type's tracked unit (e.g. 120 hours of TIG), when it applies.
     */
    public record Mandate(UUID measureTypeId, String courtCode, String prescriberType, String prescriberName,
            String parquetNumber, String instructionNumber, LocalDate receivedOn, LocalDate dueOn,
            java.math.BigDecimal orderedQuantity, LocalDate plannedEndOn) {

        public Mandate(UUID measureTypeId, String courtCode, String prescriberType, String prescriberName,
                String parquetNumber, String instructionNumber, LocalDate receivedOn, LocalDate dueOn,
                java.math.BigDecimal orderedQuantity) {
            this(measureTypeId, courtCode, prescriberType, prescriberName, parquetNumber, instructionNumber, receivedOn,
                    dueOn, orderedQuantity, null);
        }

        public Mandate(UUID measureTypeId, String courtCode, String prescriberType, String prescriberName,
                String parquetNumber, String instructionNumber, LocalDate receivedOn, LocalDate dueOn) {
            this(measureTypeId, courtCode, prescriberType, prescriberName, parquetNumber, instructionNumber, receivedOn,
                    dueOn, null, null);
        }
    }

    /** A measure as shown on its page and in the person's file. */
    public record Measure(UUID id, String reference, UUID personId, String personName, String typeLabel,
            String courtName, String prescriberType, String prescriberName, String parquetNumber,
            String instructionNumber, LocalDate receivedOn, LocalDate dueOn, MeasureStatus status,
            MeasureOutcome outcome, UUID assignedUserId, String assignedUserName, LocalDate plannedEndOn,
            String fileNumber, String notes) {}

    /** One step of the timeline. */
    public record Step(MeasureAction action, MeasureStatus fromStatus, MeasureStatus toStatus, MeasureOutcome outcome,
            Instant occurredAt, LocalDate effectiveOn, String actorName, String reason, boolean imported) {}

    /**
     * What the user gives with an action.
     *
     * @param assigneeId the case worker (assigning)
     * @param effectiveOn the date the event happened (first interview, end, final report sent...)
     * @param outcome how the measure ended (ending)
     * @param reason free text (suspending, cancelling, any note)
     */
    public record ActionInput(UUID assigneeId, LocalDate effectiveOn, MeasureOutcome outcome, String reason) {}

    /** Creates a measure from a mandate for a person of the current association: status "received". */
    @Transactional
    public UUID create(UUID personId, Mandate mandate) {
        if (jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single() == 0) {
            throw BusinessException.notFound();
        }
        check(mandate);
        UUID id = Ids.newId();
        String reference = references.next("M");
        jdbc.sql("""
                insert into measure (id, organisation_id, reference, person_id, measure_type_id, court_code, prescriber_type,
                                     prescriber_name, parquet_number, instruction_number, received_on, due_on, status,
                                     ordered_quantity, planned_end_on, created_by)
                values (:id, :org, :ref, :person, :type, :court, :ptype, :pname, :parquet, :instruction, :received, :due,
                        'RECEIVED', :ordered, :plannedEnd, :by)""")
                .param("ordered", mandate.orderedQuantity()).param("plannedEnd", mandate.plannedEndOn())
                .param("id", id).param("org", TenantContext.currentOrganisationId().orElseThrow()).param("ref", reference)
                .param("person", personId).param("type", mandate.measureTypeId()).param("court", mandate.courtCode())
                .param("ptype", mandate.prescriberType()).param("pname", blankToNull(mandate.prescriberName()))
                .param("parquet", blankToNull(mandate.parquetNumber()))
                .param("instruction", blankToNull(mandate.instructionNumber()))
                .param("received", mandate.receivedOn()).param("due", mandate.dueOn())
                .param("by", currentUser().map(TenantPrincipal::userId).orElse(null))
                .update();
        step(id, null, null, MeasureStatus.RECEIVED, null, mandate.receivedOn(), "saisine", null);
        audit.record("measure.created", "measure", id, Map.of("reference", reference, "person", personId.toString()));
        return id;
    }

    @Transactional(readOnly = true)
    public Measure get(UUID id) {
        return withNames(jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::map).list()).stream().findFirst()
                .orElseThrow(BusinessException::notFound);
    }

    /** The human references of measures, by id, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, String> references(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> references = new LinkedHashMap<>();
        jdbc.sql("select id, reference from measure where id in (:ids)").param("ids", ids)
                .query((rs, n) -> references.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return references;
    }

    @Transactional(readOnly = true)
    public List<Measure> ofPerson(UUID personId) {
        return withNames(jdbc.sql(SELECT + " where m.person_id = ? order by m.received_on desc, m.reference desc")
                .param(personId).query(this::map).list());
    }

    /**
     * Court and case worker names come from their own modules' APIs ({@link #map} carries the court
     * code in {@code courtName} until it is resolved here).
     */
    private List<Measure> withNames(List<Measure> measures) {
        Map<UUID, String> names = users.displayNames(measures.stream().map(Measure::assignedUserId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return measures.stream().map(m -> new Measure(m.id(), m.reference(), m.personId(), m.personName(),
                m.typeLabel(), courts.judicialCourt(m.courtName()).map(Courts.JudicialCourt::name).orElse(m.courtName()),
                m.prescriberType(), m.prescriberName(), m.parquetNumber(), m.instructionNumber(), m.receivedOn(),
                m.dueOn(), m.status(), m.outcome(), m.assignedUserId(),
                m.assignedUserId() == null ? null : names.get(m.assignedUserId()), m.plannedEndOn(), m.fileNumber(),
                m.notes())).toList();
    }

    @Transactional(readOnly = true)
    public List<Step> timeline(UUID id) {
        return jdbc.sql("""
                select action, from_status, to_status, outcome, occurred_at, effective_on, actor_name, reason, imported
                from measure_transition where measure_id = ? order by occurred_at, id""")
                .param(id)
                .query((rs, n) -> new Step(rs.getString(1) == null ? null : MeasureAction.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : MeasureStatus.valueOf(rs.getString(2)),
                        MeasureStatus.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : MeasureOutcome.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    /** The actions the lifecycle allows from the measure's current status. */
    public Set<MeasureAction> availableActions(Measure measure) {
        return MeasureLifecycle.availableFrom(measure.status());
    }

    /**
     * Applies an action; an illegal transition is refused (409), a reason over {@link #REASON_MAX}
     * characters too (400), and change nothing.
     */
    @Transactional
    public void perform(UUID id, MeasureAction action, ActionInput input) {
        FieldRefusal.requireAtMost("reason", input.reason(), REASON_MAX);
        // The measure's status and the first and last days it can end on, read once under its lock.
        LockedMeasure locked = jdbc.sql("""
                        select status, received_on,
                               (select max(e.entry_date) from measure_quantity_entry e where e.measure_id = m.id)
                                   as last_logged_on
                        from measure m where id = ? for update""").param(id)
                .query((rs, n) -> new LockedMeasure(MeasureStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .optional().orElseThrow(BusinessException::notFound);
        MeasureStatus current = locked.status();
        LocalDate today = LocalDate.now(clock);
        boolean assigneeValid = input.assigneeId() != null && users.withRole(Roles.CASE_WORKER).stream()
                .anyMatch(u -> u.id().equals(input.assigneeId()));
        // Closing needs a final report recorded as sent, whatever date is typed; the closure is dated
        // by the sending unless another date is given.
        LocalDate finalReportSentOn = action == MeasureAction.CLOSE ? finalReportSentOn(id) : null;
        LocalDate effectiveOn = input.effectiveOn() != null ? input.effectiveOn() : finalReportSentOn;
        Facts facts = new Facts(assigneeValid, input.effectiveOn() != null, input.outcome(),
                finalReportSentOn != null, input.reason() != null && !input.reason().isBlank());
        MeasureStatus next = MeasureLifecycle.next(current, action, facts);
        MeasureOutcome outcome = MeasureLifecycle.outcomeOf(action, facts);
        if (effectiveOn != null && effectiveOn.isAfter(today)) {
            throw new FieldRefusal("effectiveOn", "measure.effectiveOn.future");
        }
        if (action == MeasureAction.END || action == MeasureAction.CANCEL) {
            locked.checkEndDate(effectiveOn != null ? effectiveOn : today);
        }
        if (action == MeasureAction.CLOSE && effectiveOn.isBefore(finalReportSentOn)) {
            throw new FieldRefusal("effectiveOn", "measure.close.beforeFinalReport",
                    QuantityRules.argument(finalReportSentOn));
        }
        UUID assignee = action == MeasureAction.ASSIGN || action == MeasureAction.REASSIGN ? input.assigneeId() : null;
        jdbc.sql("update measure set status = :status, outcome = coalesce(:outcome, outcome),"
                        + " assigned_user_id = coalesce(:assignee, assigned_user_id) where id = :id")
                .param("status", next.name()).param("outcome", outcome == null ? null : outcome.name())
                .param("assignee", assignee).param("id", id)
                .update();
        step(id, action, current, next, outcome, effectiveOn, blankToNull(input.reason()), assignee);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action.name());
        details.put("from", current.name());
        details.put("to", next.name());
        if (outcome != null) {
            details.put("outcome", outcome.name());
        }
        audit.record("measure.transition", "measure", id, details);
    }

    /**
     * Refuses an end date before the measure's reception or before the latest hours, days or nights
     * logged: what was logged stays within the measure's dates.
     */
    /** A measure read under its row lock for a transition: its status and the dates an end must respect. */
    private record LockedMeasure(MeasureStatus status, LocalDate receivedOn, LocalDate lastLoggedOn) {

        /** An end (or cancellation) is dated neither before the reception nor before the last logged entry. */
        void checkEndDate(LocalDate endOn) {
            if (endOn.isBefore(receivedOn)) {
                throw new FieldRefusal("effectiveOn", "measure.end.beforeReceived", QuantityRules.argument(receivedOn));
            }
            if (lastLoggedOn != null && endOn.isBefore(lastLoggedOn)) {
                throw new FieldRefusal("effectiveOn", "measure.end.beforeLoggedEntry",
                        QuantityRules.argument(lastLoggedOn));
            }
        }
    }

    /** When the measure's final report was sent to the magistrate (the latest, if several), or null. */
    private LocalDate finalReportSentOn(UUID measureId) {
        return jdbc.sql("""
                select sent_on from report where measure_id = ? and kind = 'FINAL' and status = 'SENT'
                order by sent_on desc limit 1""")
                .param(measureId).query(LocalDate.class).optional().orElse(null);
    }

    private void step(UUID measureId, MeasureAction action, MeasureStatus from, MeasureStatus to,
            MeasureOutcome outcome, LocalDate effectiveOn, String reason, UUID assignee) {
        TenantPrincipal actor = currentUser().orElse(null);
        jdbc.sql("""
                insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, outcome,
                                                occurred_at, effective_on, actor_id, actor_name, reason, assignee_id)
                values (:id, :org, :measure, :action, :from, :to, :outcome, :at, :effective, :actor, :actorName, :reason,
                        :assignee)""")
                .param("id", Ids.newId()).param("org", TenantContext.currentOrganisationId().orElseThrow())
                .param("measure", measureId).param("action", action == null ? null : action.name())
                .param("from", from == null ? null : from.name()).param("to", to.name())
                .param("outcome", outcome == null ? null : outcome.name())
                .param("at", Timestamp.from(clock.instant())).param("effective", effectiveOn)
                .param("actor", actor == null ? null : actor.userId())
                .param("actorName", actor == null ? null : actor.displayName()).param("reason", reason)
                .param("assignee", assignee)
                .update();
    }

    private void check(Mandate m) {
        java.util.Optional<MeasureCatalogue.MeasureType> type = m.measureTypeId() == null ? java.util.Optional.empty()
                : catalogue.type(m.measureTypeId());
        boolean courtKnown = m.courtCode() != null && courts.judicialCourt(m.courtCode()).isPresent();
        List<FieldRefusal> problems = problems(m, type.orElse(null), courtKnown, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** No mandate still followed was received before this day: an earlier date is a typing error. */
    public static final LocalDate EARLIEST_RECEPTION = LocalDate.of(1990, 1, 1);
    /** A due date or planned end further than this many years ahead is a typing error. */
    static final int FURTHEST_YEARS = 10;

    /**
     * Every rule a mandate breaks (empty when valid), given its type ({@code null} when unknown) and
     * whether its court exists; shared by the form and bulk imports.
     */
    static List<FieldRefusal> problems(Mandate m, MeasureCatalogue.MeasureType type, boolean courtKnown,
            LocalDate today) {
        List<FieldRefusal> problems = new java.util.ArrayList<>();
        if (type == null || !type.active()) {
            problems.add(new FieldRefusal("measureTypeId", "measure.type.invalid"));
        } else if (m.orderedQuantity() != null) {
            boolean tracked = !"NONE".equals(type.trackedQuantity());
            boolean belowMin = type.quantityMin() != null && m.orderedQuantity().intValue() < type.quantityMin();
            boolean aboveMax = type.quantityMax() != null && m.orderedQuantity().intValue() > type.quantityMax();
            if (!tracked || m.orderedQuantity().signum() <= 0 || belowMin || aboveMax) {
                problems.add(new FieldRefusal("orderedQuantity", "measure.orderedQuantity.invalid",
                        type.quantityMin() == null ? 1 : type.quantityMin(),
                        type.quantityMax() == null ? 9999 : type.quantityMax()));
            }
        }
        if (!courtKnown) {
            problems.add(new FieldRefusal("courtCode", "measure.court.invalid"));
        }
        if (m.prescriberType() == null || !PRESCRIBER_TYPES.contains(m.prescriberType())) {
            problems.add(new FieldRefusal("prescriberType", "measure.prescriberType.invalid"));
        }
        if (m.receivedOn() == null || m.receivedOn().isAfter(today)) {
            problems.add(new FieldRefusal("receivedOn", "measure.receivedOn.invalid"));
        } else if (m.receivedOn().isBefore(EARLIEST_RECEPTION)) {
            problems.add(new FieldRefusal("receivedOn", "measure.receivedOn.tooOld"));
        }
        LocalDate latest = today.plusYears(FURTHEST_YEARS);
        if (m.dueOn() != null && m.dueOn().isAfter(latest)) {
            problems.add(new FieldRefusal("dueOn", "measure.date.tooFar", FURTHEST_YEARS));
        }
        if (m.plannedEndOn() != null && m.plannedEndOn().isAfter(latest)) {
            problems.add(new FieldRefusal("plannedEndOn", "measure.date.tooFar", FURTHEST_YEARS));
        }
        if (m.dueOn() != null && m.receivedOn() != null && m.dueOn().isBefore(m.receivedOn())) {
            problems.add(new FieldRefusal("dueOn", "measure.dueOn.beforeReceived"));
        }
        if (m.plannedEndOn() != null && m.receivedOn() != null && m.plannedEndOn().isBefore(m.receivedOn())) {
            problems.add(new FieldRefusal("plannedEndOn", "measure.plannedEndOn.beforeReceived"));
        }
        if (m.prescriberName() != null && m.prescriberName().length() > 200) {
            problems.add(new FieldRefusal("prescriberName", "measure.number.tooLong"));
        }
        if (m.parquetNumber() != null && m.parquetNumber().trim().length() > 40) {
            problems.add(new FieldRefusal("parquetNumber", "measure.caseNumber.tooLong"));
        }
        if (m.instructionNumber() != null && m.instructionNumber().trim().length() > 40) {
            problems.add(new FieldRefusal("instructionNumber", "measure.caseNumber.tooLong"));
        }
        return problems;
    }

    private static void checkDates(LocalDate receivedOn, LocalDate dueOn, LocalDate plannedEndOn) {
        if (dueOn != null && dueOn.isBefore(receivedOn)) {
            throw new FieldRefusal("dueOn", "measure.dueOn.beforeReceived");
        }
        if (plannedEndOn != null && plannedEndOn.isBefore(receivedOn)) {
            throw new FieldRefusal("plannedEndOn", "measure.plannedEndOn.beforeReceived");
        }
    }

    /**
     * Changes the deadlines of an open measure: the due date set by the magistrate and the planned
     * end. Audited with the values before and after.
     */
    @Transactional
    public void updateDeadlines(UUID id, LocalDate dueOn, LocalDate plannedEndOn) {
        Measure measure = get(id);
        if (!measure.status().open()) {
            throw BusinessException.conflict("measure.deadlines.closed");
        }
        checkDates(measure.receivedOn(), dueOn, plannedEndOn);
        jdbc.sql("update measure set due_on = ?, planned_end_on = ? where id = ?")
                .params(dueOn, plannedEndOn, id).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dueOn", measure.dueOn() + " -> " + dueOn);
        details.put("plannedEndOn", measure.plannedEndOn() + " -> " + plannedEndOn);
        audit.record("measure.deadlines", "measure", id, details);
    }

    private static final String SELECT = """
            select m.*, p.last_name || ' ' || p.first_name as person_name, t.label as type_label
            from measure m
            join person p on p.id = m.person_id
            join measure_type t on t.id = m.measure_type_id
            """;

    private Measure map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Measure(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("person_id", UUID.class),
                rs.getString("person_name"), rs.getString("type_label"), rs.getString("court_code"),
                rs.getString("prescriber_type"), rs.getString("prescriber_name"), rs.getString("parquet_number"),
                rs.getString("instruction_number"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), MeasureStatus.valueOf(rs.getString("status")),
                rs.getString("outcome") == null ? null : MeasureOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("assigned_user_id", UUID.class), null, rs.getObject("planned_end_on", LocalDate.class),
                rs.getString("file_number"), rs.getString("notes"));
    }

    private static java.util.Optional<TenantPrincipal> currentUser() {
        return TenantContext.currentPrincipal();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
