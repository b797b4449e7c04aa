package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** The members' annual fees: the scale, the calls, payments, arrears and reminders. */
@PasserelleIntegrationTest
class MembershipFeesTest {

    @Autowired
    MembershipFees fees;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static MembershipFees.Bracket bracket(String from, String amount) {
        return new MembershipFees.Bracket(new BigDecimal(from), new BigDecimal(amount));
    }

    @Test
    void theFeeIsThatOfTheHighestBracketNotAboveTheFigure() {
        MembershipFees.Rule rule = new MembershipFees.Rule(2030, MembershipFees.Basis.BUDGET, null, List.of(
                bracket("0", "150"), bracket("200000", "400"), bracket("500000", "800")));
        assertThat(rule.feeFor(new BigDecimal("0"))).isEqualByComparingTo("150");
        assertThat(rule.feeFor(new BigDecimal("199999.99"))).isEqualByComparingTo("150");
        assertThat(rule.feeFor(new BigDecimal("200000"))).isEqualByComparingTo("400");
        assertThat(rule.feeFor(new BigDecimal("9000000"))).isEqualByComparingTo("800");
    }

    @Test
    void aYearsCallsArePaidInArrearsRemindedAndTheAssociationSeesItsOwnOnly() {
        // A past year of its own (the demo's is this year): its calls are in arrears at once.
        int year = 2001 + Math.floorMod(UUID.randomUUID().hashCode(), 20);
        UUID association = SignedIn.as(users, "directrice").organisationId();
        UUID other = SignedIn.as(users, "admin.marseille").organisationId();
        SignedIn.as(users, "equipe.federale");
        assertThatThrownBy(() -> fees.saveRule(year, MembershipFees.Basis.STAFF, java.time.LocalDate.of(year, 3, 31),
                List.of(bracket("0", "100")))).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "admin.federation");
        assertThatThrownBy(() -> fees.issue(year)).hasFieldOrPropertyWithValue("messageKey", "fees.rule.missing");
        // Bad scales: refused, nothing saved.
        assertThatThrownBy(() -> fees.saveRule(year, MembershipFees.Basis.STAFF, java.time.LocalDate.of(year, 3, 31),
                List.of(bracket("5", "100")))).hasFieldOrPropertyWithValue("messageKey", "fees.brackets.fromZero");
        assertThatThrownBy(() -> fees.saveRule(year, MembershipFees.Basis.STAFF, java.time.LocalDate.of(year, 3, 31),
                List.of(bracket("0", "100"), bracket("0", "200")))).hasFieldOrPropertyWithValue("messageKey",
                "fees.brackets.duplicate");
        assertThatThrownBy(() -> fees.saveRule(year, MembershipFees.Basis.STAFF, java.time.LocalDate.of(year + 3, 3, 31),
                List.of(bracket("0", "100")))).hasFieldOrPropertyWithValue("messageKey", "fees.dueDate.invalid");
        assertThat(fees.rule(year)).isEmpty();

        fees.saveRule(year, MembershipFees.Basis.STAFF, java.time.LocalDate.of(year, 3, 31),
                List.of(bracket("10", "300"), bracket("0", "100")));
        assertThat(fees.rule(year).orElseThrow().brackets()).extracting(MembershipFees.Bracket::from)
                .containsExactly(new BigDecimal("0"), new BigDecimal("10"));
        fees.recordFigures(association, year, new BigDecimal("900000"), new BigDecimal("12"));
        fees.recordFigures(other, year - 1, new BigDecimal("300000"), new BigDecimal("4.5"));

        MembershipFees.Issued issued = fees.issue(year);
        assertThat(issued.issued()).isGreaterThanOrEqualTo(2);
        // The scale of an issued year stays; issuing again calls nobody twice.
        assertThatThrownBy(() -> fees.saveRule(year, MembershipFees.Basis.BUDGET, java.time.LocalDate.of(year, 3, 31),
                List.of(bracket("0", "1")))).hasFieldOrPropertyWithValue("messageKey", "fees.rule.issued");
        assertThat(fees.issue(year).issued()).isZero();

        MembershipFees.Call mine = call(year, association);
        MembershipFees.Call theirs = call(year, other);
        assertThat(mine.basisValue()).isEqualByComparingTo("12");
        assertThat(mine.amount()).isEqualByComparingTo("300");
        // The latest figures before the year count when the year's are missing.
        assertThat(theirs.amount()).isEqualByComparingTo("100");
        assertThat(mine.state()).isEqualTo(MembershipFees.State.ARREARS);

        // Payments: not more than what remains, not in the future; paid in two parts.
        assertThatThrownBy(() -> fees.recordPayment(mine.id(), fees.today(), new BigDecimal("301"),
                MembershipFees.Method.TRANSFER, null)).hasFieldOrPropertyWithValue("messageKey", "fees.payment.tooMuch");
        assertThatThrownBy(() -> fees.recordPayment(mine.id(), fees.today(), new BigDecimal("0.001"),
                MembershipFees.Method.TRANSFER, null)).hasFieldOrPropertyWithValue("messageKey", "fees.payment.amount");
        assertThatThrownBy(() -> fees.recordPayment(mine.id(), fees.today().plusDays(1), new BigDecimal("10"),
                MembershipFees.Method.TRANSFER, null)).hasFieldOrPropertyWithValue("messageKey", "fees.payment.date");
        fees.recordPayment(mine.id(), fees.today(), new BigDecimal("100"), MembershipFees.Method.CHEQUE, "Chèque 1");
        assertThat(fees.call(mine.id()).remaining()).isEqualByComparingTo("200");
        assertThat(fees.call(mine.id()).state()).isEqualTo(MembershipFees.State.ARREARS);
        fees.recordPayment(mine.id(), fees.today(), new BigDecimal("200"), MembershipFees.Method.TRANSFER, null);
        assertThat(fees.call(mine.id()).state()).isEqualTo(MembershipFees.State.PAID);
        assertThat(fees.payments(mine.id())).hasSize(2);

        // Reminders go to those in arrears only.
        int reminded = fees.remind(year);
        assertThat(reminded).isEqualTo(fees.calls(year, MembershipFees.State.ARREARS, 0).total());
        assertThat(fees.call(theirs.id()).reminders()).isEqualTo(1);
        assertThat(fees.call(mine.id()).reminders()).isZero();
        assertThat(fees.arrears().calls()).isPositive();
        assertThat(fees.pdf(theirs.id())).startsWith("%PDF".getBytes());

        // The association reads its own calls, not another's (service and row-level security).
        SignedIn.as(users, "directrice");
        assertThat(fees.mine()).extracting(MembershipFees.Call::id).contains(mine.id()).doesNotContain(theirs.id());
        assertThatThrownBy(() -> fees.call(theirs.id())).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> fees.calls(year, null, 0)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        Long seen = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from membership_fee_payment p join membership_fee_call c on c.id = p.call_id where c.year = ?")
                .param(year).query(Long.class).single()));
        assertThat(seen).isEqualTo(2L);
        Integer updated = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "update membership_fee_call set amount = 0 where organisation_id = ?").param(association).update()));
        assertThat(updated).isZero();
    }

    private MembershipFees.Call call(int year, UUID organisation) {
        return fees.allCalls(year, null).stream().filter(c -> c.organisationId().equals(organisation)).findFirst()
                .orElseThrow();
    }
}
