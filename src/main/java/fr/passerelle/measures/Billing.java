package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.measures.internal.References;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing to courts (mémoires de frais de justice): one statement per court and month, computed
 * from the catalogue's tariffs by {@link BillingRules}, then sent (numbered, frozen) and paid, with
 * the payment delay. Everything needs {@code billing:manage}; every change and every download is
 * audited. Lines name the person by reference only: the court identifies the case by the
 * procedure number and the measure reference, so the person's name is not needed.
 */
@Service
public class Billing {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final References references;
    private final Courts courts;
    private final Caseloads caseloads;
    private final Organisations organisations;
    private final PdfDocuments pdfDocuments;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    /** The statement's columns in the CSV, in order (labels in the message files). */
    private static final List<String> CSV_COLUMNS = List.of("number", "association", "court", "month", "measure",
            "procedure", "type", "person", "mode", "period", "endedOn", "quantity", "unitTariff", "amount");

    Billing(JdbcClient jdbc, AuditLog audit, References references, Courts courts, Caseloads caseloads,
            Organisations organisations, PdfDocuments pdfDocuments, Clock clock,
            org.springframework.context.MessageSource messages) {
        this.caseloads = caseloads;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.references = references;
        this.courts = courts;
        this.organisations = organisations;
        this.pdfDocuments = pdfDocuments;
        this.clock = clock;
    }

    /** A court the association's measures come from. */
    public record CourtChoice(String code, String name) {}

    /** One billed line: a measure for a period, its quantity, unit tariff and amount. */
    public record Line(int position, UUID measureId, String billingMode, YearMonth period, String measureReference,
            String personReference, String procedureNumber, String typeLabel, LocalDate endedOn, BigDecimal quantity,
            BigDecimal unitTariff, BigDecimal amount) {}

    /** A statement with its lines. */
    public record Statement(UUID id, String courtCode, String courtName, YearMonth month, BillingStatus status,
            String number, Instant generatedAt, LocalDate sentOn, LocalDate paidOn, Long paymentDelayDays,
            BigDecimal total, List<Line> lines) {}

    /** One statement in the list. */
    public record Summary(UUID id, String courtCode, String courtName, YearMonth month, BillingStatus status,
            String number, LocalDate sentOn, LocalDate paidOn, Long paymentDelayDays, long lines, BigDecimal total) {}

    /** Filters of the list; null means any. */
    public record Filters(String courtCode, BillingStatus status, Integer year) {}

    /** Sums over the listed statements: drafts, awaiting payment, paid, and the mean payment delay. */
    public record Totals(BigDecimal draft, BigDecimal awaitingPayment, BigDecimal paid, Long meanPaymentDelayDays) {}

    /** The list page's content. */
    public record Listing(List<Summary> statements, Totals totals, List<Integer> years) {}

    /** What the rules give for a court and month, and the types (and measures) left out for want of a tariff. */
    public record Computation(List<Line> lines, List<String> typesWithoutTariff, List<Omission> omissions) {}

    /** A measure and period left out of a statement because its type's tariff was to be set. */
    public record Omission(UUID measureId, String billingMode, YearMonth period) {}

    /**
     * Why a line of an earlier month is in this statement ({@link BillingRules#lateReason}), with
     * the facts the page states: the statement that left it out for want of a tariff (its month and
     * the day it was computed), the day the statement of the line's month was computed, and the day
     * the end (or the last quantity of that month) was recorded.
     */
    public record LateLine(int position, BillingRules.Late reason, YearMonth period, YearMonth leftOutIn,
            LocalDate leftOutOn, LocalDate periodStatementOn, LocalDate recordedOn) {}

    /** The courts the association's measures come from, by name. */
    @Transactional(readOnly = true)
    public List<CourtChoice> courts() {
        requireBilling();
        return courts.judicialCourts(caseloads.courtCodesInUse()).stream()
                .map(c -> new CourtChoice(c.code(), c.name()))
                .sorted(Comparator.comparing(CourtChoice::name)).toList();
    }

    /** Creates the draft statement of a court for a month, with its lines computed now. */
    @Transactional
    public UUID generate(String courtCode, YearMonth month) {
        requireBilling();
        if (courtCode == null || courts().stream().noneMatch(c -> c.code().equals(courtCode))) {
            throw new FieldRefusal("court", "billing.court.invalid");
        }
        if (month == null) {
            throw new FieldRefusal("month", "billing.month.invalid");
        }
        // A statement covers a month that is over (in Paris): the current month may still get days.
        if (!month.isBefore(YearMonth.now(clock.withZone(PARIS)))) {
            throw new FieldRefusal("month", "billing.month.notOver");
        }
        if (jdbc.sql("select count(*) from billing_statement where court_code = ? and period_month = ?")
                .param(courtCode).param(month.atDay(1)).query(Long.class).single() > 0) {
            throw BusinessException.conflict("billing.exists");
        }
        UUID id = Ids.newId();
        List<Line> lines;
        try {
            jdbc.sql("""
                    insert into billing_statement (id, organisation_id, court_code, period_month, status, generated_at, generated_by)
                    values (?, ?, ?, ?, 'DRAFT', ?, ?)""")
                    .param(id).param(organisation()).param(courtCode).param(month.atDay(1))
                    .param(Timestamp.from(clock.instant())).param(me()).update();
            lines = writeLines(id, courtCode, month);
        } catch (DuplicateKeyException concurrent) {
            // Another statement was computed at the same moment and took the same month or measures.
            throw BusinessException.conflict("billing.concurrent");
        }
        audit.record("billing.statement.generated", "billing_statement", id, Map.of("court", courtCode,
                "month", month.toString(), "lines", lines.size(), "total", total(lines).toPlainString()));
        return id;
    }

    /** Recomputes a draft with today's measures, logs and tariffs. */
    @Transactional
    public void regenerate(UUID id) {
        requireBilling();
        Statement before = lock(id);
        before.status().after(BillingStatus.Action.REGENERATE);
        jdbc.sql("delete from billing_statement_line where statement_id = ?").param(id).update();
        jdbc.sql("delete from billing_statement_omission where statement_id = ?").param(id).update();
        jdbc.sql("update billing_statement set generated_at = ?, generated_by = ? where id = ?")
                .param(Timestamp.from(clock.instant())).param(me()).param(id).update();
        List<Line> lines;
        try {
            lines = writeLines(id, before.courtCode(), before.month());
        } catch (DuplicateKeyException concurrent) {
            throw BusinessException.conflict("billing.concurrent");
        }
        audit.record("billing.statement.regenerated", "billing_statement", id, Map.of(
                "lines", Map.of("before", before.lines().size(), "after", lines.size()),
                "total", Map.of("before", before.total().toPlainString(), "after", total(lines).toPlainString())));
    }

    /** Deletes a draft (its measures become billable again). */
    @Transactional
    public void delete(UUID id) {
        requireBilling();
        Statement before = lock(id);
        before.status().after(BillingStatus.Action.DELETE);
        jdbc.sql("delete from billing_statement where id = ?").param(id).update();
        audit.record("billing.statement.deleted", "billing_statement", id, Map.of("court", before.courtCode(),
                "month", before.month().toString(), "lines", before.lines().size(),
                "total", before.total().toPlainString()));
    }

    /** Records the sending to the court: the statement gets its number and is frozen. */
    @Transactional
    public void send(UUID id, LocalDate sentOn) {
        requireBilling();
        Statement before = lock(id);
        BillingStatus next = before.status().after(BillingStatus.Action.SEND);
        if (sentOn == null || sentOn.isAfter(today())) {
            throw new FieldRefusal("sentOn", "billing.sentOn.invalid");
        }
        if (sentOn.isBefore(before.month().atDay(1))) {
            throw new FieldRefusal("sentOn", "billing.sentOn.beforeMonth");
        }
        if (before.lines().isEmpty()) {
            throw BusinessException.conflict("billing.empty.refused");
        }
        String number = references.next("MF");
        jdbc.sql("update billing_statement set status = ?, number = ?, sent_on = ? where id = ?")
                .param(next.name()).param(number).param(sentOn).param(id).update();
        audit.record("billing.statement.sent", "billing_statement", id, Map.of("number", number,
                "sentOn", sentOn.toString(), "status", Map.of("before", before.status().name(), "after", next.name()),
                "total", before.total().toPlainString()));
    }

    /** Records the payment by the court, with its date. */
    @Transactional
    public void pay(UUID id, LocalDate paidOn) {
        requireBilling();
        Statement before = lock(id);
        BillingStatus next = before.status().after(BillingStatus.Action.PAY);
        if (paidOn == null || paidOn.isAfter(today())) {
            throw new FieldRefusal("paidOn", "billing.paidOn.invalid");
        }
        if (paidOn.isBefore(before.sentOn())) {
            throw new FieldRefusal("paidOn", "billing.paidOn.beforeSent");
        }
        jdbc.sql("update billing_statement set status = ?, paid_on = ? where id = ?")
                .param(next.name()).param(paidOn).param(id).update();
        audit.record("billing.statement.paid", "billing_statement", id, Map.of("number", before.number(),
                "paidOn", paidOn.toString(), "status", Map.of("before", before.status().name(), "after", next.name()),
                "paymentDelayDays", BillingRules.paymentDelayDays(before.sentOn(), paidOn, paidOn)));
    }

    @Transactional(readOnly = true)
    public Statement get(UUID id) {
        requireBilling();
        return jdbc.sql("select * from billing_statement where id = ?").param(id).query(this::mapStatement).optional()
                .map(this::withLines).orElseThrow(BusinessException::notFound);
    }

    /** What regenerating a draft would leave out for want of a tariff (shown on the draft). */
    @Transactional(readOnly = true)
    public List<String> typesWithoutTariff(Statement statement) {
        requireBilling();
        return statement.status().frozen() ? List.of()
                : compute(statement.courtCode(), statement.month()).typesWithoutTariff();
    }

    /**
     * Why each line of an earlier month than the statement's is in it, by line position; lines of
     * the statement's own month are not in the map. Only statements computed before this one count.
     */
    @Transactional(readOnly = true)
    public Map<Integer, LateLine> lateLines(Statement statement) {
        requireBilling();
        Map<Integer, LateLine> late = new LinkedHashMap<>();
        jdbc.sql("""
                select l.position, l.period_month, o.left_out_in, o.left_out_at,
                       (select s.generated_at from billing_statement s
                        where s.court_code = :court and s.period_month = l.period_month and s.id <> :id
                          and s.generated_at < :at) as period_statement_at,
                       case when l.billing_mode = 'PER_MEASURE' then
                           (select tr.occurred_at from measure_transition tr
                            where tr.measure_id = l.measure_id and tr.to_status = 'ENDED'
                            order by tr.occurred_at desc, tr.id desc limit 1)
                       else (select max(e.recorded_at) from measure_quantity_entry e
                             where e.measure_id = l.measure_id
                               and cast(date_trunc('month', e.entry_date) as date) = l.period_month)
                       end as recorded_at
                from billing_statement_line l
                left join lateral (
                    select s.period_month as left_out_in, s.generated_at as left_out_at
                    from billing_statement_omission om join billing_statement s on s.id = om.statement_id
                    where om.measure_id = l.measure_id and s.id <> :id and s.generated_at < :at
                      and (l.billing_mode = 'PER_MEASURE' and om.billing_mode = 'PER_MEASURE'
                           or l.billing_mode <> 'PER_MEASURE' and om.period_month = l.period_month)
                    order by s.generated_at desc limit 1) o on true
                where l.statement_id = :id and l.period_month < :month
                order by l.position""")
                .param("court", statement.courtCode()).param("id", statement.id())
                .param("at", Timestamp.from(statement.generatedAt())).param("month", statement.month().atDay(1))
                .query((rs, n) -> {
                    YearMonth period = YearMonth.from(rs.getObject("period_month", LocalDate.class));
                    Instant leftOutAt = instant(rs, "left_out_at");
                    Instant periodStatementAt = instant(rs, "period_statement_at");
                    Instant recordedAt = instant(rs, "recorded_at");
                    LocalDate leftOutIn = rs.getObject("left_out_in", LocalDate.class);
                    BillingRules.Late reason = BillingRules.lateReason(statement.month(), period, leftOutAt != null,
                            periodStatementAt, recordedAt);
                    return new LateLine(rs.getInt("position"), reason, period,
                            leftOutIn == null ? null : YearMonth.from(leftOutIn), parisDay(leftOutAt),
                            parisDay(periodStatementAt), parisDay(recordedAt));
                })
                .list().forEach(line -> late.put(line.position(), line));
        return late;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate parisDay(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, PARIS);
    }

    @Transactional(readOnly = true)
    public Listing list(Filters filters) {
        requireBilling();
        StringBuilder sql = new StringBuilder("""
                select s.*, (select count(*) from billing_statement_line l where l.statement_id = s.id) as line_count,
                       (select coalesce(sum(l.amount), 0) from billing_statement_line l where l.statement_id = s.id) as total
                from billing_statement s where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filters.courtCode() != null && !filters.courtCode().isBlank()) {
            sql.append(" and s.court_code = :court");
            params.put("court", filters.courtCode());
        }
        if (filters.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filters.status().name());
        }
        if (filters.year() != null) {
            sql.append(" and extract(year from s.period_month) = :year");
            params.put("year", filters.year());
        }
        sql.append(" order by s.period_month desc, s.court_code");
        LocalDate today = today();
        List<Summary> statements = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Statement s = mapStatement(rs, n);
            return new Summary(s.id(), s.courtCode(), s.courtName(), s.month(), s.status(), s.number(), s.sentOn(),
                    s.paidOn(), s.paymentDelayDays(), rs.getLong("line_count"), rs.getBigDecimal("total"));
        }).list();
        List<Long> delays = statements.stream().filter(s -> s.status() == BillingStatus.PAID)
                .map(Summary::paymentDelayDays).toList();
        Totals totals = new Totals(sum(statements, BillingStatus.DRAFT), sum(statements, BillingStatus.SENT),
                sum(statements, BillingStatus.PAID),
                delays.isEmpty() ? null : Math.round(delays.stream().mapToLong(Long::longValue).average().orElse(0)));
        List<Integer> years = jdbc.sql("select distinct cast(extract(year from period_month) as int) from billing_statement"
                + " order by 1 desc").query(Integer.class).list();
        return new Listing(statements, totals, years);
    }

    /** The statement as a PDF to send to the court (a draft is marked as such and has no number). */
    @Transactional
    public byte[] pdf(UUID id) {
        Statement statement = get(id);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("statement", statement);
        variables.put("association", associationName());
        variables.put("court", courts.judicialCourt(statement.courtCode()).orElse(null));
        variables.put("courtName", statement.courtName());
        variables.put("month", statement.month().format(MONTH));
        variables.put("today", today());
        variables.put("lines", statement.lines().stream().map(this::printed).toList());
        variables.put("total", BillingRules.french(statement.total()));
        byte[] pdf = pdfDocuments.render("billing/pdf", variables);
        audit.record("billing.statement.pdf", "billing_statement", id, Map.of("status", statement.status().name()));
        return pdf;
    }

    /** The statement as CSV (French Excel), one row per line then a total row. */
    @Transactional
    public byte[] csv(UUID id) {
        Statement statement = get(id);
        String association = associationName();
        String number = statement.number() == null ? french("billing.csv.draft") : statement.number();
        String month = statement.month().toString();
        List<List<String>> rows = new ArrayList<>();
        for (Line line : statement.lines()) {
            Map<String, String> p = printed(line);
            rows.add(List.of(number, association, statement.courtName(), month, line.measureReference(),
                    p.get("procedureNumber"), line.typeLabel(), line.personReference(), p.get("mode"),
                    line.period().toString(), p.get("endedOn"), p.get("quantity"), p.get("unitTariff"), p.get("amount")));
        }
        rows.add(List.of(number, association, statement.courtName(), month, "", "", french("billing.csv.total"), "", "", "",
                "", "", "",
                BillingRules.french(statement.total())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.CSV, french("billing.csv.sheet"),
                CSV_COLUMNS.stream().map(c -> french("billing.csv.col." + c)).toList(), rows, out);
        audit.record("billing.statement.csv", "billing_statement", id, Map.of("status", statement.status().name()));
        return out.toByteArray();
    }

    /**
     * The lines the rules give now for a court and month (measures not in any statement yet). A
     * measure whose end was imported from the association's former files is considered billed
     * already (by the former tool): it ended before Passerelle and is never billed here.
     */
    Computation compute(String courtCode, YearMonth month) {
        List<Line> lines = new ArrayList<>();
        TreeSet<String> withoutTariff = new TreeSet<>();
        List<Omission> omissions = new ArrayList<>();
        jdbc.sql("""
                select m.id, m.reference, p.reference as person_reference,
                       coalesce(m.parquet_number, m.instruction_number) as procedure_number,
                       t.label, t.tariff, m.status, m.outcome,
                       (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                        from measure_transition tr where tr.measure_id = m.id and tr.to_status = 'ENDED'
                        order by tr.occurred_at desc, tr.id desc limit 1) as ended_on
                from measure m
                join measure_type t on t.id = m.measure_type_id
                join person p on p.id = m.person_id
                where m.court_code = :court and t.billing_mode = 'PER_MEASURE' and m.status in ('ENDED', 'CLOSED')
                  and not exists (select 1 from billing_statement_line l
                                  where l.measure_id = m.id and l.billing_mode = 'PER_MEASURE')
                  and not exists (select 1 from measure_transition tr
                                  where tr.measure_id = m.id and tr.to_status = 'ENDED' and tr.imported)""")
                .param("court", courtCode)
                .query((rs, n) -> {
                    LocalDate endedOn = rs.getObject("ended_on", LocalDate.class);
                    MeasureOutcome outcome = rs.getString("outcome") == null ? null
                            : MeasureOutcome.valueOf(rs.getString("outcome"));
                    if (BillingRules.billablePerMeasure(MeasureStatus.valueOf(rs.getString("status")), outcome, endedOn,
                            month)) {
                        addLine(lines, withoutTariff, omissions, rs, "PER_MEASURE", YearMonth.from(endedOn), endedOn,
                                BigDecimal.ONE);
                    }
                    return null;
                }).list();
        jdbc.sql("""
                select q.* from (
                    select m.id, m.reference, p.reference as person_reference,
                           coalesce(m.parquet_number, m.instruction_number) as procedure_number,
                           t.label, t.tariff, t.billing_mode,
                           cast(date_trunc('month', e.entry_date) as date) as period_month, sum(e.quantity) as quantity
                    from measure_quantity_entry e
                    join measure m on m.id = e.measure_id
                    join measure_type t on t.id = m.measure_type_id
                    join person p on p.id = m.person_id
                    where m.court_code = :court and t.billing_mode in ('PER_DAY', 'PER_HOUR') and e.entry_date <= :end
                    group by m.id, m.reference, p.reference, m.parquet_number, m.instruction_number, t.label, t.tariff,
                             t.billing_mode, cast(date_trunc('month', e.entry_date) as date)
                ) q
                where not exists (select 1 from billing_statement_line l where l.measure_id = q.id
                                  and l.period_month = q.period_month and l.billing_mode <> 'PER_MEASURE')""")
                .param("court", courtCode).param("end", month.atEndOfMonth())
                .query((rs, n) -> {
                    addLine(lines, withoutTariff, omissions, rs, rs.getString("billing_mode"),
                            YearMonth.from(rs.getObject("period_month", LocalDate.class)), null,
                            rs.getBigDecimal("quantity"));
                    return null;
                }).list();
        lines.sort(Comparator.comparing(Line::measureReference).thenComparing(Line::period));
        List<Line> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            numbered.add(new Line(i + 1, l.measureId(), l.billingMode(), l.period(), l.measureReference(),
                    l.personReference(), l.procedureNumber(), l.typeLabel(), l.endedOn(), l.quantity(), l.unitTariff(),
                    l.amount()));
        }
        return new Computation(numbered, List.copyOf(withoutTariff), List.copyOf(omissions));
    }

    private static void addLine(List<Line> lines, TreeSet<String> withoutTariff, List<Omission> omissions,
            ResultSet rs, String mode, YearMonth period, LocalDate endedOn, BigDecimal quantity) throws SQLException {
        BigDecimal tariff = rs.getBigDecimal("tariff");
        if (tariff == null) {
            withoutTariff.add(rs.getString("label"));
            omissions.add(new Omission(rs.getObject("id", UUID.class), mode, period));
            return;
        }
        lines.add(new Line(0, rs.getObject("id", UUID.class), mode, period, rs.getString("reference"),
                rs.getString("person_reference"), rs.getString("procedure_number"), rs.getString("label"), endedOn,
                quantity, tariff, BillingRules.amount(quantity, tariff)));
    }

    private List<Line> writeLines(UUID statementId, String courtCode, YearMonth month) {
        Computation computation = compute(courtCode, month);
        List<Line> lines = computation.lines();
        for (Omission omission : computation.omissions()) {
            jdbc.sql("""
                    insert into billing_statement_omission (statement_id, organisation_id, measure_id, billing_mode,
                        period_month)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .param(statementId).param(organisation()).param(omission.measureId()).param(omission.billingMode())
                    .param(omission.period().atDay(1)).update();
        }
        for (Line line : lines) {
            jdbc.sql("""
                    insert into billing_statement_line (id, organisation_id, statement_id, position, measure_id, billing_mode,
                        period_month, measure_reference, person_reference, procedure_number, type_label, ended_on,
                        quantity, unit_tariff, amount)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .param(Ids.newId()).param(organisation()).param(statementId).param(line.position())
                    .param(line.measureId()).param(line.billingMode()).param(line.period().atDay(1))
                    .param(line.measureReference()).param(line.personReference()).param(line.procedureNumber())
                    .param(line.typeLabel()).param(line.endedOn()).param(line.quantity()).param(line.unitTariff())
                    .param(line.amount())
                    .update();
        }
        return lines;
    }

    private Statement lock(UUID id) {
        return jdbc.sql("select * from billing_statement where id = ? for update").param(id).query(this::mapStatement)
                .optional().map(this::withLines).orElseThrow(BusinessException::notFound);
    }

    private Statement withLines(Statement s) {
        List<Line> lines = jdbc.sql("select * from billing_statement_line where statement_id = ? order by position")
                .param(s.id())
                .query((rs, n) -> new Line(rs.getInt("position"), rs.getObject("measure_id", UUID.class),
                        rs.getString("billing_mode"), YearMonth.from(rs.getObject("period_month", LocalDate.class)),
                        rs.getString("measure_reference"), rs.getString("person_reference"),
                        rs.getString("procedure_number"), rs.getString("type_label"),
                        rs.getObject("ended_on", LocalDate.class), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_tariff"), rs.getBigDecimal("amount")))
                .list();
        return new Statement(s.id(), s.courtCode(), s.courtName(), s.month(), s.status(), s.number(), s.generatedAt(),
                s.sentOn(), s.paidOn(), s.paymentDelayDays(), total(lines), lines);
    }

    private Statement mapStatement(ResultSet rs, int n) throws SQLException {
        LocalDate sentOn = rs.getObject("sent_on", LocalDate.class);
        LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
        return new Statement(rs.getObject("id", UUID.class), rs.getString("court_code"),
                courtName(rs.getString("court_code")), YearMonth.from(rs.getObject("period_month", LocalDate.class)),
                BillingStatus.valueOf(rs.getString("status")), rs.getString("number"),
                rs.getTimestamp("generated_at").toInstant(), sentOn, paidOn,
                BillingRules.paymentDelayDays(sentOn, paidOn, today()), BigDecimal.ZERO, List.of());
    }

    /** A line's values as printed on the French documents. */
    /** The name of a statement's file (PDF or CSV): court, month and number, or "draft". */
    public String fileName(Statement s, String extension) {
        return french("billing.file.prefix") + "-" + s.courtCode().toLowerCase(java.util.Locale.ROOT) + "-" + s.month()
                + "-" + (s.number() == null ? french("billing.file.draft") : s.number()) + "." + extension;
    }

    /** A statement is addressed to a French court: its documents are in French, from the message files. */
    private String french(String key) {
        return messages.getMessage(key, null, java.util.Locale.FRENCH);
    }

    private Map<String, String> printed(Line line) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("position", String.valueOf(line.position()));
        p.put("measureReference", line.measureReference());
        p.put("procedureNumber", line.procedureNumber() == null ? "" : line.procedureNumber());
        p.put("typeLabel", line.typeLabel());
        p.put("personReference", line.personReference());
        p.put("mode", french("catalogue.billing." + line.billingMode()));
        p.put("period", line.period().format(MONTH));
        p.put("endedOn", line.endedOn() == null ? "" : line.endedOn().format(DAY));
        p.put("quantity", BillingRules.frenchQuantity(line.quantity()));
        p.put("unitTariff", BillingRules.french(line.unitTariff()));
        p.put("amount", BillingRules.french(line.amount()));
        return p;
    }

    private static BigDecimal sum(List<Summary> statements, BillingStatus status) {
        return statements.stream().filter(s -> s.status() == status).map(Summary::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private String courtName(String code) {
        return courts.judicialCourt(code).map(Courts.JudicialCourt::name).orElse(code);
    }

    private String associationName() {
        return organisations.get(organisation()).name();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private static void requireBilling() {
        if (!TenantContext.hasAuthority(Permissions.BILLING_MANAGE)) {
            throw new AccessDeniedException(Permissions.BILLING_MANAGE + " required");
        }
    }

    private static UUID organisation() {
        return TenantContext.currentOrganisationId().orElseThrow();
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
