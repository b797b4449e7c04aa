package fr.passerelle.partners;

import fr.passerelle.shared.FieldRefusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The association's orientation figures over a period (referrals sent from one date to another),
 * by partner type and in total: how many were sent, answered, accepted, refused, left without
 * answer and followed by an entry; the acceptance rate (accepted among answered) and the median
 * delays from the request to the answer and from the answer to the entry, in days. Counts only, no
 * person, for the association's dashboard and the referrals page.
 */
@Service
public class ReferralFigures {

    /** The longest period asked for at once. */
    public static final int MAX_DAYS = 3 * 366;

    private final JdbcClient jdbc;

    ReferralFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of one partner type ({@code partnerType} null: all types together).
     *
     * @param medianDaysToAnswer median days from sending to the answer, over the answered referrals
     * @param medianDaysToEntry median days from the acceptance to the entry, over the entries
     */
    public record Line(String partnerType, long sent, long answered, long accepted, long refused, long noAnswer,
            long entered, Double medianDaysToAnswer, Double medianDaysToEntry) {

        /** Accepted among answered, in percent rounded; null before any answer. */
        public Integer acceptanceRate() {
            return answered == 0 ? null : (int) Math.round(100.0 * accepted / answered);
        }
    }

    /** The figures of [from, until] (dates of sending, both included): by type (most sent first), and the total. */
    public record Figures(LocalDate from, LocalDate until, List<Line> byType, Line total) {

        public boolean empty() {
            return total.sent() == 0;
        }
    }

    /** The figures of the referrals sent from {@code from} to {@code until}, both included. */
    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate until) {
        if (from == null || until == null || until.isBefore(from)) {
            throw new FieldRefusal("from", "referral.figures.period");
        }
        if (until.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
            throw new FieldRefusal("from", "referral.figures.tooLong", MAX_DAYS);
        }
        List<Line> lines = jdbc.sql("""
                select p.partner_type, grouping(p.partner_type) as total, count(*) as sent,
                       count(*) filter (where r.status in ('ACCEPTED', 'REFUSED', 'ENTERED')) as answered,
                       count(*) filter (where r.status in ('ACCEPTED', 'ENTERED')) as accepted,
                       count(*) filter (where r.status = 'REFUSED') as refused,
                       count(*) filter (where r.status = 'NO_ANSWER') as no_answer,
                       count(*) filter (where r.status = 'ENTERED') as entered,
                       percentile_cont(0.5) within group (order by r.answered_on - r.sent_on)
                           filter (where r.status in ('ACCEPTED', 'REFUSED', 'ENTERED')) as to_answer,
                       percentile_cont(0.5) within group (order by r.entered_on - r.answered_on)
                           filter (where r.status = 'ENTERED') as to_entry
                from partner_referral r join partner p on p.id = r.partner_id
                where r.sent_on between ? and ?
                group by grouping sets ((p.partner_type), ())
                order by grouping(p.partner_type), count(*) desc, p.partner_type""")
                .params(from, until).query(ReferralFigures::line).list();
        List<Line> byType = new ArrayList<>();
        Line total = new Line(null, 0, 0, 0, 0, 0, 0, null, null);
        for (Line line : lines) {
            if (line.partnerType() == null) {
                total = line;
            } else {
                byType.add(line);
            }
        }
        return new Figures(from, until, byType, total);
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getInt("total") == 1 ? null : rs.getString("partner_type"), rs.getLong("sent"),
                rs.getLong("answered"), rs.getLong("accepted"), rs.getLong("refused"), rs.getLong("no_answer"),
                rs.getLong("entered"), rs.getObject("to_answer", Double.class), rs.getObject("to_entry", Double.class));
    }
}
