package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import fr.passerelle.shared.mail.MailOutbox;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The members' annual fees. The federation sets each year's rule (brackets on the annual budget or
 * on the staff), records each member's figures, issues the year's calls (one per member with
 * figures; the association's administrators and directors are mailed, and download its PDF from
 * their profile pages), records payments
 * and sends reminders to the members in arrears. A call is paid when its payments reach its
 * amount, in arrears when its due date has passed before that, due otherwise — computed from the
 * Clock (Europe/Paris), never stored.
 */
@Service
public class MembershipFees {

    public static final int PAGE_SIZE = 25;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale MAIL_LOCALE = Locale.FRENCH;
    private static final TypeReference<List<Bracket>> BRACKETS = new TypeReference<>() {};
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999");

    /** What a year's fee is computed on. */
    public enum Basis { BUDGET, STAFF }

    /** Where a call stands. */
    public enum State { DUE, ARREARS, PAID }

    /** How a payment was made. */
    public enum Method { TRANSFER, CHEQUE, DIRECT_DEBIT, OTHER }

    /** From this figure (included) up to the next bracket's, this fee. */
    public record Bracket(BigDecimal from, BigDecimal amount) {}

    /** A year's rule. */
    public record Rule(int year, Basis basis, LocalDate dueDate, List<Bracket> brackets) {

        /** The fee for a figure: that of the bracket with the highest lower bound not above it. */
        public BigDecimal feeFor(BigDecimal figure) {
            BigDecimal fee = BigDecimal.ZERO;
            for (Bracket b : brackets) {
                if (b.from().compareTo(figure) <= 0) {
                    fee = b.amount();
                }
            }
            return fee;
        }
    }

    /** A member's declared figures for a year. */
    public record Figures(int year, BigDecimal annualBudget, BigDecimal staff, String recordedByName, Instant recordedAt) {}

    /** A call for a fee, with what was paid. */
    public record Call(UUID id, String reference, UUID organisationId, String organisationName, int year, Basis basis,
            BigDecimal basisValue, BigDecimal amount, LocalDate dueDate, Instant issuedAt, int reminders,
            BigDecimal paid, State state) {

        public BigDecimal remaining() {
            return amount.subtract(paid).max(BigDecimal.ZERO);
        }
    }

    /** A payment of a call. */
    public record Payment(LocalDate paidOn, BigDecimal amount, Method method, String note, String recordedByName) {}

    /** What issuing a year's calls did. */
    public record Issued(int issued, int alreadyIssued, List<String> withoutFigures) {}

    /** The fees in arrears, for the federation's home. */
    public record Arrears(long calls, BigDecimal remaining) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final PdfDocuments pdf;

    MembershipFees(JdbcClient jdbc, AuditLog audit, JsonMapper json, Clock clock, Organisations organisations,
            UserAccounts users, TenantScope tenantScope, MailOutbox outbox, MessageSource messages, PdfDocuments pdf) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.organisations = organisations;
        this.users = users;
        this.tenantScope = tenantScope;
        this.outbox = outbox;
        this.messages = messages;
        this.pdf = pdf;
    }

    /** Today in Paris. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /** A year's rule, if set. */
    @Transactional(readOnly = true)
    public Optional<Rule> rule(int year) {
        requireReview();
        return jdbc.sql("select year, basis, due_date, brackets from membership_fee_rule where year = ?").param(year)
                .query((rs, n) -> new Rule(rs.getInt("year"), Basis.valueOf(rs.getString("basis")),
                        rs.getObject("due_date", LocalDate.class), json.readValue(rs.getString("brackets"), BRACKETS)))
                .optional();
    }

    /**
     * Sets a year's rule: brackets by increasing lower bound, the first from 0, amounts of 0 or more.
     * A year whose calls are issued keeps its rule (the calls would no longer say how they were made).
     */
    @Transactional
    public void saveRule(int year, Basis basis, LocalDate dueDate, List<Bracket> brackets) {
        requireDecide();
        if (year < 2000 || year > 2100) {
            throw new FieldRefusal("year", "fees.year.invalid");
        }
        if (basis == null) {
            throw new FieldRefusal("basis", "fees.basis.required");
        }
        if (dueDate == null || dueDate.getYear() < year - 1 || dueDate.getYear() > year + 1) {
            throw new FieldRefusal("dueDate", "fees.dueDate.invalid");
        }
        List<Bracket> sorted = brackets == null ? List.of() : brackets.stream()
                .sorted(Comparator.comparing(Bracket::from)).toList();
        if (sorted.isEmpty() || sorted.get(0).from().signum() != 0) {
            throw new FieldRefusal("brackets", "fees.brackets.fromZero");
        }
        for (int i = 0; i < sorted.size(); i++) {
            Bracket b = sorted.get(i);
            if (b.amount().signum() < 0 || b.amount().compareTo(MAX_AMOUNT) > 0 || b.from().signum() < 0) {
                throw new FieldRefusal("brackets", "fees.brackets.amount");
            }
            if (i > 0 && b.from().compareTo(sorted.get(i - 1).from()) == 0) {
                throw new FieldRefusal("brackets", "fees.brackets.duplicate");
            }
        }
        // The year's rule locked: issuing the calls (which locks it too) cannot run with the scale half-changed.
        jdbc.sql("select year from membership_fee_rule where year = ? for update").param(year).query(Integer.class).optional();
        long issued = jdbc.sql("select count(*) from membership_fee_call where year = ?").param(year)
                .query(Long.class).single();
        if (issued > 0) {
            throw BusinessException.conflict("fees.rule.issued");
        }
        jdbc.sql("""
                insert into membership_fee_rule (year, basis, due_date, brackets, updated_by_name, updated_at)
                values (:year, :basis, :due, cast(:brackets as jsonb), :by, :at)
                on conflict (year) do update set basis = excluded.basis, due_date = excluded.due_date,
                       brackets = excluded.brackets, updated_by_name = excluded.updated_by_name,
                       updated_at = excluded.updated_at""")
                .param("year", year).param("basis", basis.name()).param("due", java.sql.Date.valueOf(dueDate))
                .param("brackets", json.writeValueAsString(sorted)).param("by", actorName())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record("fees.rule.saved", "membership_fee_rule", year, Map.of("basis", basis.name(),
                "brackets", sorted.size()));
    }

    /** The figures of a member for a year (the federation records them; they are what the fee is computed on). */
    @Transactional
    public void recordFigures(UUID organisationId, int year, BigDecimal annualBudget, BigDecimal staff) {
        requireDecide();
        organisations.find(organisationId).orElseThrow(BusinessException::notFound);
        if (year < 2000 || year > 2100) {
            throw new FieldRefusal("year", "fees.year.invalid");
        }
        if (annualBudget == null || annualBudget.signum() < 0 || annualBudget.compareTo(new BigDecimal("999999999999")) > 0) {
            throw new FieldRefusal("annualBudget", "membership.budget.invalid");
        }
        if (staff == null || staff.signum() < 0 || staff.compareTo(new BigDecimal("99999")) > 0) {
            throw new FieldRefusal("staff", "membership.staff.invalid");
        }
        record(organisationId, year, annualBudget, staff);
    }

    /** The figures an accepted application declared, as the member's first (called by Membership). */
    void recordFromApplication(UUID organisationId, int year, BigDecimal annualBudget, BigDecimal staff) {
        record(organisationId, year, annualBudget, staff);
    }

    private void record(UUID organisationId, int year, BigDecimal annualBudget, BigDecimal staff) {
        jdbc.sql("""
                insert into membership_figures (organisation_id, year, annual_budget, staff, recorded_by_name, recorded_at)
                values (:org, :year, :budget, :staff, :by, :at)
                on conflict (organisation_id, year) do update set annual_budget = excluded.annual_budget,
                       staff = excluded.staff, recorded_by_name = excluded.recorded_by_name,
                       recorded_at = excluded.recorded_at""")
                .param("org", organisationId).param("year", year).param("budget", annualBudget).param("staff", staff)
                .param("by", actorName()).param("at", Timestamp.from(clock.instant())).update();
        audit.record("fees.figures.recorded", "organisation", organisationId, Map.of("year", year));
    }

    /** A member's figures, newest year first (the federation, or the association itself). */
    @Transactional(readOnly = true)
    public List<Figures> figures(UUID organisationId) {
        if (!TenantContext.hasAuthority(Permissions.MEMBERSHIP_REVIEW)
                && !organisationId.equals(TenantContext.currentOrganisationId().orElse(null))) {
            throw BusinessException.notFound();
        }
        return jdbc.sql("""
                select year, annual_budget, staff, recorded_by_name, recorded_at from membership_figures
                where organisation_id = ? order by year desc""")
                .param(organisationId)
                .query((rs, n) -> new Figures(rs.getInt("year"), rs.getBigDecimal("annual_budget"),
                        rs.getBigDecimal("staff"), rs.getString("recorded_by_name"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /**
     * Issues the year's calls: one per association that is a member today and has figures (the
     * year's, else its latest before), computed by the year's rule; its PDF is mailed. Members
     * already called are left as they are; members without figures are named, not called.
     */
    @Transactional
    public Issued issue(int year) {
        requireDecide();
        jdbc.sql("select year from membership_fee_rule where year = ? for update").param(year).query(Integer.class).optional();
        Rule rule = rule(year).orElseThrow(() -> BusinessException.invalid("fees.rule.missing", year));
        List<Map<String, Object>> members = jdbc.sql("""
                select o.id, o.name,
                       (select f.annual_budget from membership_figures f where f.organisation_id = o.id and f.year <= :year
                        order by f.year desc limit 1) as budget,
                       (select f.staff from membership_figures f where f.organisation_id = o.id and f.year <= :year
                        order by f.year desc limit 1) as staff,
                       exists (select 1 from membership_fee_call c where c.organisation_id = o.id and c.year = :year) as called
                from identity_organisation_v o join membership_current_v m on m.organisation_id = o.id
                where o.kind = 'ASSOCIATION' and o.active and m.status = 'MEMBER'
                order by o.name""")
                .param("year", year).query().listOfRows();
        int issued = 0;
        int already = 0;
        List<String> without = new ArrayList<>();
        List<UUID> calls = new ArrayList<>();
        for (Map<String, Object> m : members) {
            if (Boolean.TRUE.equals(m.get("called"))) {
                already++;
                continue;
            }
            BigDecimal figure = (BigDecimal) (rule.basis() == Basis.BUDGET ? m.get("budget") : m.get("staff"));
            if (figure == null) {
                without.add((String) m.get("name"));
                continue;
            }
            UUID id = Ids.newId();
            long number = jdbc.sql("select nextval('membership_fee_call_number')").query(Long.class).single();
            try {
                jdbc.sql("""
                        insert into membership_fee_call (id, reference, organisation_id, year, basis, basis_value, amount,
                               due_date, issued_at)
                        values (:id, :reference, :org, :year, :basis, :value, :amount, :due, :at)""")
                        .param("id", id).param("reference", "COT-" + year + "-" + String.format(Locale.ROOT, "%04d", number))
                        .param("org", m.get("id")).param("year", year).param("basis", rule.basis().name())
                        .param("value", figure).param("amount", rule.feeFor(figure))
                        .param("due", java.sql.Date.valueOf(rule.dueDate())).param("at", Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException concurrent) {
                // Issued by someone else meanwhile: the whole issue is refused, nothing written.
                throw BusinessException.conflict("fees.issue.concurrent");
            }
            calls.add(id);
            issued++;
        }
        for (UUID id : calls) {
            mail(call(id), "fees.mail.call", 0);
        }
        audit.record("fees.calls.issued", "membership_fee_rule", year, Map.of("issued", issued, "already", already,
                "withoutFigures", without.size()));
        return new Issued(issued, already, List.copyOf(without));
    }

    /** The calls of a year, by member name; optionally of one state. */
    @Transactional(readOnly = true)
    public ResultPage<Call> calls(int year, State state, int page) {
        requireReview();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year);
        params.put("today", java.sql.Date.valueOf(today()));
        params.put("state", state == null ? null : state.name());
        String from = FROM + " where c.year = :year) x where (cast(:state as varchar) is null or x.state = :state)";
        long total = jdbc.sql("select count(*) from (" + SELECT + from).params(params).query(Long.class).single();
        List<Call> items = jdbc.sql("select x.* from (" + SELECT + from + " order by x.organisation_name, x.id"
                        + " limit :limit offset :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query(MembershipFees::map).list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** All the calls of a year (every page), optionally of one state. */
    @Transactional(readOnly = true)
    public List<Call> allCalls(int year, State state) {
        List<Call> all = new ArrayList<>();
        int page = 0;
        ResultPage<Call> calls;
        do {
            calls = calls(year, state, page++);
            all.addAll(calls.items());
        } while (calls.hasNext());
        return all;
    }

    /** One call (the federation, or the association called). */
    @Transactional(readOnly = true)
    public Call call(UUID id) {
        return jdbc.sql("select x.* from (" + SELECT + FROM + " where c.id = :id) x")
                .param("id", id).param("today", java.sql.Date.valueOf(today()))
                .query(MembershipFees::map).optional().orElseThrow(BusinessException::notFound);
    }

    /** The payments of a call, oldest first. */
    @Transactional(readOnly = true)
    public List<Payment> payments(UUID callId) {
        call(callId);
        return jdbc.sql("""
                select paid_on, amount, method, note, recorded_by_name from membership_fee_payment
                where call_id = ? order by paid_on, recorded_at""")
                .param(callId)
                .query((rs, n) -> new Payment(rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount"),
                        Method.valueOf(rs.getString("method")), rs.getString("note"), rs.getString("recorded_by_name")))
                .list();
    }

    /** A payment received: more than nothing, no more than what remains, not in the future. */
    @Transactional
    public void recordPayment(UUID callId, LocalDate paidOn, BigDecimal amount, Method method, String note) {
        requireDecide();
        // The call's row locked: two payments recorded at once cannot both take what remains.
        jdbc.sql("select id from membership_fee_call where id = ? for update").param(callId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
        Call call = call(callId);
        if (paidOn == null || paidOn.isAfter(today()) || paidOn.isBefore(call.issuedAt().atZone(PARIS).toLocalDate().minusYears(1))) {
            throw new FieldRefusal("paidOn", "fees.payment.date");
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new FieldRefusal("amount", "fees.payment.amount");
        }
        if (amount.compareTo(call.remaining()) > 0) {
            throw new FieldRefusal("amount", "fees.payment.tooMuch", call.remaining());
        }
        if (method == null) {
            throw new FieldRefusal("method", "fees.payment.method");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw new FieldRefusal("note", "fees.payment.note");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into membership_fee_payment (id, call_id, paid_on, amount, method, note, recorded_by_name, recorded_at)
                values (:id, :call, :on, :amount, :method, :note, :by, :at)""")
                .param("id", id).param("call", callId).param("on", java.sql.Date.valueOf(paidOn)).param("amount", amount)
                .param("method", method.name()).param("note", text).param("by", actorName())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record("fees.payment.recorded", "membership_fee_call", callId, Map.of("amount", amount.toPlainString()));
    }

    /** Reminds every member of the year in arrears by mail; how many were reminded. */
    @Transactional
    public int remind(int year) {
        requireDecide();
        List<Call> late = allCalls(year, State.ARREARS);
        for (Call call : late) {
            jdbc.sql("update membership_fee_call set reminders = reminders + 1, last_reminded_at = ? where id = ?")
                    .param(Timestamp.from(clock.instant())).param(call.id()).update();
            mail(call, "fees.mail.reminder", call.reminders() + 1);
        }
        audit.record("fees.reminders.sent", "membership_fee_rule", year, Map.of("reminded", late.size()));
        return late.size();
    }

    /** The calls in arrears, all years, and what remains of them. */
    @Transactional(readOnly = true)
    public Arrears arrears() {
        requireReview();
        return jdbc.sql("select count(*) as n, coalesce(sum(x.amount - x.paid), 0) as remaining from (" + SELECT + FROM
                        + ") x where x.state = 'ARREARS'")
                .param("today", java.sql.Date.valueOf(today()))
                .query((rs, n) -> new Arrears(rs.getLong("n"), rs.getBigDecimal("remaining"))).single();
    }

    /** The call as a PDF (A4), as mailed. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID callId) {
        Call call = call(callId);
        Rule rule = jdbc.sql("select year, basis, due_date, brackets from membership_fee_rule where year = ?")
                .param(call.year())
                .query((rs, n) -> new Rule(rs.getInt("year"), Basis.valueOf(rs.getString("basis")),
                        rs.getObject("due_date", LocalDate.class), json.readValue(rs.getString("brackets"), BRACKETS)))
                .single();
        return pdf.render("network/fees/call-pdf", Map.of("call", call, "rule", rule, "payments", payments(callId)));
    }

    /** Mails the association's administrators and directors (its own outbox) the call's figures and where its PDF is. */
    private void mail(Call call, String key, int reminder) {
        String subject = messages.getMessage(key + ".subject", new Object[] {call.year(), call.organisationName()},
                MAIL_LOCALE);
        String body = messages.getMessage(key + ".body", new Object[] {call.organisationName(), call.year(),
                call.remaining().toPlainString(), call.dueDate().toString(), call.reference(),
                outbox.link("/network/profile/fees")}, MAIL_LOCALE);
        tenantScope.callAs(call.organisationId(), () -> {
            for (UserAccounts.Recipient recipient : users.withAnyRole(List.of(Roles.ASSOCIATION_ADMIN, Roles.DIRECTOR))) {
                if (recipient.email() == null || recipient.email().isBlank()) {
                    continue;
                }
                outbox.enqueue("FEE_" + (reminder == 0 ? "CALL" : "REMINDER"), "fee:" + call.id() + ":" + reminder + ":"
                        + recipient.id(), recipient.email(), subject, body);
            }
            return null;
        });
    }

    /** The current association's calls, newest year first (what its administrators and director see). */
    @Transactional(readOnly = true)
    public List<Call> mine() {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow(BusinessException::notFound);
        return jdbc.sql("select x.* from (" + SELECT + FROM + " where c.organisation_id = :org) x order by x.year desc")
                .param("org", organisation).param("today", java.sql.Date.valueOf(today()))
                .query(MembershipFees::map).list();
    }

    private static final String SELECT = """
            select c.id, c.reference, c.organisation_id, o.name as organisation_name, c.year, c.basis, c.basis_value,
                   c.amount, c.due_date, c.issued_at, c.reminders, p.paid,
                   case when p.paid >= c.amount then 'PAID' when c.due_date < :today then 'ARREARS' else 'DUE' end as state
            """;

    private static final String FROM = """
            from membership_fee_call c
            join identity_organisation_v o on o.id = c.organisation_id
            cross join lateral (select coalesce(sum(y.amount), 0) as paid from membership_fee_payment y
                                where y.call_id = c.id) p""";

    private static Call map(ResultSet rs, int n) throws SQLException {
        return new Call(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"), rs.getInt("year"), Basis.valueOf(rs.getString("basis")),
                rs.getBigDecimal("basis_value"), rs.getBigDecimal("amount"), rs.getObject("due_date", LocalDate.class),
                rs.getTimestamp("issued_at").toInstant(), rs.getInt("reminders"), rs.getBigDecimal("paid"),
                State.valueOf(rs.getString("state")));
    }

    private static String actorName() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null);
    }

    private static void requireReview() {
        Membership.requireReview();
    }

    private static void requireDecide() {
        Membership.requireDecide();
    }
}
