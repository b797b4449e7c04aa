package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.blankToNull;
import static fr.passerelle.programmes.PracticeLibrary.require;
import static fr.passerelle.programmes.Programmes.principal;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's money: budget lines (planned, spent) and funding lines per funder (requested,
 * granted, received — never more received than granted). The cost per beneficiary is computed
 * with the indicators. Lines are written by the lead ({@code programme:lead}), read with
 * {@code programme:read}; every write is audited.
 */
@Service
public class ProgrammeMoney {

    public static final List<String> FUNDERS = List.of("FIPD", "COMMUNE", "DEPARTEMENT", "CAF", "ARS", "ETAT", "OTHER");
    private static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final AuditLog audit;

    ProgrammeMoney(JdbcClient jdbc, Programmes programmes, AuditLog audit) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
    }

    public record BudgetLine(UUID id, String label, BigDecimal planned, BigDecimal spent) {}

    public record Funding(UUID id, String funder, String funderName, BigDecimal requested, BigDecimal granted,
            BigDecimal received) {}

    /** The totals of both tables. */
    public record Totals(BigDecimal planned, BigDecimal spent, BigDecimal requested, BigDecimal granted,
            BigDecimal received) {}

    @Transactional(readOnly = true)
    public List<BudgetLine> budget(UUID programme) {
        require(Programmes.READ);
        return jdbc.sql("select id, label, planned, spent from programme_budget_line where programme_id = ? order by lower(label)")
                .param(programme)
                .query((rs, n) -> new BudgetLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Funding> fundings(UUID programme) {
        require(Programmes.READ);
        return jdbc.sql("""
                select id, funder, funder_name, requested, granted, received from programme_funding where programme_id = ?
                order by array_position(array['FIPD','COMMUNE','DEPARTEMENT','CAF','ARS','ETAT','OTHER']::varchar[], funder),
                         funder_name""")
                .param(programme)
                .query((rs, n) -> new Funding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public Totals totals(UUID programme) {
        require(Programmes.READ);
        return jdbc.sql("""
                select (select coalesce(sum(planned), 0) from programme_budget_line where programme_id = :p),
                       (select coalesce(sum(spent), 0) from programme_budget_line where programme_id = :p),
                       (select coalesce(sum(requested), 0) from programme_funding where programme_id = :p),
                       (select coalesce(sum(granted), 0) from programme_funding where programme_id = :p),
                       (select coalesce(sum(received), 0) from programme_funding where programme_id = :p)""")
                .param("p", programme)
                .query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .single();
    }

    /** Adds a budget line, or changes one when {@code id} is given. */
    @Transactional
    public UUID saveBudgetLine(UUID programme, UUID id, String label, BigDecimal planned, BigDecimal spent) {
        programmes.requireRunning(programme);
        String text = blankToNull(label);
        if (text == null) {
            throw new FieldRefusal("label", "programme.budget.label.required");
        }
        FieldRefusal.requireAtMost("label", text, 200);
        BigDecimal plannedAmount = amount("planned", planned, true);
        BigDecimal spentAmount = amount("spent", spent, false);
        UUID line = id == null ? UUID.randomUUID() : id;
        int written = id == null
                ? jdbc.sql("insert into programme_budget_line (id, programme_id, organisation_id, label, planned, spent) "
                        + "values (?, ?, ?, ?, ?, ?)")
                        .params(line, programme, principal().organisationId(), text, plannedAmount, spentAmount).update()
                : jdbc.sql("update programme_budget_line set label = ?, planned = ?, spent = ? where id = ? and programme_id = ?")
                        .params(text, plannedAmount, spentAmount, line, programme).update();
        if (written == 0) {
            throw BusinessException.notFound();
        }
        audit.record(id == null ? "programme.budget.added" : "programme.budget.changed", "programme_budget_line", line,
                Map.of("programme", programme));
        return line;
    }

    @Transactional
    public void deleteBudgetLine(UUID programme, UUID id) {
        programmes.requireRunning(programme);
        if (jdbc.sql("delete from programme_budget_line where id = ? and programme_id = ?").params(id, programme).update() == 0) {
            throw BusinessException.notFound();
        }
        audit.record("programme.budget.deleted", "programme_budget_line", id, Map.of("programme", programme));
    }

    /** Adds a funding line, or changes one when {@code id} is given: received never above granted. */
    @Transactional
    public UUID saveFunding(UUID programme, UUID id, String funder, String funderName, BigDecimal requested,
            BigDecimal granted, BigDecimal received) {
        programmes.requireRunning(programme);
        if (funder == null || !FUNDERS.contains(funder)) {
            throw new FieldRefusal("funder", "programme.funding.funder.required");
        }
        String name = blankToNull(funderName);
        FieldRefusal.requireAtMost("funderName", name, 200);
        if ("OTHER".equals(funder) && name == null) {
            throw new FieldRefusal("funderName", "programme.funding.name.required");
        }
        BigDecimal requestedAmount = amount("requested", requested, true);
        BigDecimal grantedAmount = amount("granted", granted, false);
        BigDecimal receivedAmount = amount("received", received, false);
        if (receivedAmount.compareTo(grantedAmount) > 0) {
            throw new FieldRefusal("received", "programme.funding.receivedAboveGranted");
        }
        UUID line = id == null ? UUID.randomUUID() : id;
        int written = id == null
                ? jdbc.sql("insert into programme_funding (id, programme_id, organisation_id, funder, funder_name, requested,"
                        + " granted, received) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(line, programme, principal().organisationId(), funder, name, requestedAmount,
                                grantedAmount, receivedAmount).update()
                : jdbc.sql("update programme_funding set funder = ?, funder_name = ?, requested = ?, granted = ?, received = ?"
                        + " where id = ? and programme_id = ?")
                        .params(funder, name, requestedAmount, grantedAmount, receivedAmount, line, programme).update();
        if (written == 0) {
            throw BusinessException.notFound();
        }
        audit.record(id == null ? "programme.funding.added" : "programme.funding.changed", "programme_funding", line,
                Map.of("programme", programme, "funder", funder));
        return line;
    }

    private static BigDecimal amount(String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                throw new FieldRefusal(field, "programme.amount.required");
            }
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(MAX) > 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new FieldRefusal(field, "programme.amount.invalid");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
