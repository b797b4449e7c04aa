package fr.passerelle.partners;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the current association's partnerships, computed from its directory, places and
 * bookings under its row-level security: the occupancy of its partners' sites by month, and its
 * partners by type and current partnership level. The association dashboard shows them to the
 * readers of partners; the national observatory's feed reads them association by association and
 * keeps only aggregates. No person, and no booking, leaves this class.
 *
 * <p>Occupancy of a site over some days: the place-days booked (a CONFIRMED or ARRIVED booking
 * holds its place over [starts on, ends on), a DEPARTED one until its departure) over the place-days
 * available (each place of the site not archived, every day, less the days it is out of service).
 * A booking never overlaps a period out of service (a constraint of the database), so the rate is
 * at most 100 %.
 */
@Service
public class PartnerFigures {

    /** The longest span of months one computation covers. */
    public static final int MAX_MONTHS = 36;

    /** Place-days available and booked over some days. */
    public record Occupancy(long availableDays, long bookedDays) {

        public static final Occupancy NONE = new Occupancy(0, 0);

        /** The rate in percent, to one decimal; null when no place-day was available. */
        public BigDecimal rate() {
            return rate(bookedDays, availableDays);
        }

        public Occupancy plus(Occupancy other) {
            return new Occupancy(availableDays + other.availableDays, bookedDays + other.bookedDays);
        }

        /** A rate in percent, to one decimal; null without a denominator. */
        public static BigDecimal rate(long booked, long available) {
            return available <= 0 ? null
                    : BigDecimal.valueOf(booked * 100L).divide(BigDecimal.valueOf(available), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * A site with places and its occupancy by month (every month asked, in order; a month without
     * available place-day has {@link Occupancy#NONE}).
     */
    public record SiteOccupancy(UUID siteId, String siteName, UUID partnerId, String partnerName, String partnerType,
            Map<YearMonth, Occupancy> months) {

        /** The occupancy over every month asked. */
        public Occupancy total() {
            return months.values().stream().reduce(Occupancy.NONE, Occupancy::plus);
        }
    }

    /** The association's partners (not archived) of a type, by current level; {@code notAssessed} had none. */
    public record LevelsOfType(String partnerType, long notAssessed, long level1, long level2, long level3,
            long level4) {

        public long total() {
            return notAssessed + level1 + level2 + level3 + level4;
        }

        /** The count of a level 1 to 4, or of those not assessed (0). */
        public long count(int level) {
            return switch (level) {
                case 0 -> notAssessed;
                case 1 -> level1;
                case 2 -> level2;
                case 3 -> level3;
                case 4 -> level4;
                default -> throw new IllegalArgumentException("level " + level);
            };
        }
    }

    /** A partner (not archived) as the observatory counts it: its id (for its record key), type and current level (null if none). */
    public record PartnerLevel(UUID partnerId, String partnerType, Integer level) {}

    private final JdbcClient jdbc;

    PartnerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The occupancy of every site with a place (not archived) by month, over the days of [from, to]
     * (both included): the first and last months count only their days inside. Sites are sorted by
     * partner then site name.
     */
    @Transactional(readOnly = true)
    public List<SiteOccupancy> occupancy(LocalDate from, LocalDate to) {
        List<YearMonth> months = months(from, to);
        Map<UUID, SiteOccupancy> sites = new LinkedHashMap<>();
        jdbc.sql("""
                        with month as (
                            select cast(m as date) as month,
                                   daterange(greatest(cast(m as date), :from), least(cast(m + interval '1 month' as date), :until)) as days
                            from generate_series(date_trunc('month', cast(:from as date)), cast(:to as date), interval '1 month') m
                        ),
                        place as (
                            select p.id, p.site_id from partner_place p where not p.archived
                        ),
                        available as (
                            select pl.site_id, mo.month, sum(upper(mo.days) - lower(mo.days)) as days
                            from place pl cross join month mo group by 1, 2
                        ),
                        out_of_service as (
                            select pl.site_id, mo.month, sum(upper(r) - lower(r)) as days
                            from place_out_of_service o join place pl on pl.id = o.place_id
                            join month mo on daterange(o.starts_on, o.ends_on) && mo.days
                            cross join lateral (select daterange(o.starts_on, o.ends_on) * mo.days as r) x
                            group by 1, 2
                        ),
                        booked as (
                            select pl.site_id, mo.month, sum(upper(r) - lower(r)) as days
                            from place_booking b join place pl on pl.id = b.place_id
                            join month mo on b.held && mo.days
                            cross join lateral (select b.held * mo.days as r) x
                            group by 1, 2
                        )
                        select s.id, s.name, p.id as partner_id, p.name as partner_name, p.partner_type, a.month,
                               a.days - coalesce(o.days, 0) as available, coalesce(b.days, 0) as booked
                        from available a
                        join partner_site s on s.id = a.site_id
                        join partner p on p.id = s.partner_id
                        left join out_of_service o on o.site_id = a.site_id and o.month = a.month
                        left join booked b on b.site_id = a.site_id and b.month = a.month
                        order by lower(p.name), p.id, lower(s.name), s.id, a.month""")
                .param("from", from)
                .param("to", to)
                .param("until", to.plusDays(1))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String siteName = rs.getString("name");
                    UUID partnerId = rs.getObject("partner_id", UUID.class);
                    String partnerName = rs.getString("partner_name");
                    String partnerType = rs.getString("partner_type");
                    SiteOccupancy site = sites.computeIfAbsent(id, k -> {
                        Map<YearMonth, Occupancy> byMonth = new LinkedHashMap<>();
                        months.forEach(m -> byMonth.put(m, Occupancy.NONE));
                        return new SiteOccupancy(id, siteName, partnerId, partnerName, partnerType, byMonth);
                    });
                    site.months().put(YearMonth.from(rs.getObject("month", LocalDate.class)),
                            new Occupancy(rs.getLong("available"), rs.getLong("booked")));
                    return null;
                })
                .list();
        return List.copyOf(sites.values());
    }

    /**
     * The occupancy of all the association's sites together, by month of [from, to] (both
     * included), every month present.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, Occupancy> occupancyByMonth(LocalDate from, LocalDate to) {
        Map<YearMonth, Occupancy> total = new LinkedHashMap<>();
        months(from, to).forEach(m -> total.put(m, Occupancy.NONE));
        for (SiteOccupancy site : occupancy(from, to)) {
            site.months().forEach((m, o) -> total.merge(m, o, Occupancy::plus));
        }
        return total;
    }

    /** The association's partners (not archived) by type, in the order of {@link PartnerDirectory#TYPES}, types without partner left out. */
    @Transactional(readOnly = true)
    public List<LevelsOfType> levelsByType() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        PartnerDirectory.TYPES.forEach(t -> counts.put(t, new long[5]));
        for (PartnerLevel p : partnerLevels()) {
            counts.get(p.partnerType())[p.level() == null ? 0 : p.level()]++;
        }
        List<LevelsOfType> result = new ArrayList<>();
        counts.forEach((type, c) -> {
            if (c[0] + c[1] + c[2] + c[3] + c[4] > 0) {
                result.add(new LevelsOfType(type, c[0], c[1], c[2], c[3], c[4]));
            }
        });
        return result;
    }

    /** Every partner (not archived) with its type and current level (the latest assessment). */
    @Transactional(readOnly = true)
    public List<PartnerLevel> partnerLevels() {
        return jdbc.sql("""
                        select p.id, p.partner_type,
                               (select a.level from partner_level_assessment a where a.partner_id = p.id
                                order by a.assessed_on desc, a.created_at desc, a.id desc limit 1) as level
                        from partner p where not p.archived order by p.id""")
                .query((rs, n) -> new PartnerLevel(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, Integer.class)))
                .list();
    }

    /** The months of [from, to], at most {@link #MAX_MONTHS}; a period ending before it starts is refused. */
    static List<YearMonth> months(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("invalid period " + from + " – " + to);
        }
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw new IllegalArgumentException("more than " + MAX_MONTHS + " months: " + from + " – " + to);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
