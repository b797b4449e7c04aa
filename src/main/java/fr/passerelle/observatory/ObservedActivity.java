package fr.passerelle.observatory;

import fr.passerelle.network.ReceivedActivity;
import fr.passerelle.observatory.NationalObservatory.Filters;
import fr.passerelle.observatory.NationalObservatory.Result;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The received-activity layer of the map of the offer: the national observatory's count of measures
 * of a type received by tribunal judiciaire over the twelve closed months up to last month, as the
 * observatory publishes it (aggregate tables only, perturbed, small counts not shown). The current
 * month is left out: the figures of closed months do not move with this month's writes, so a value
 * is the same all month long and is served from the kept figures (ADR 0009 §9).
 */
@Component
class ObservedActivity implements ReceivedActivity {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final NationalObservatory observatory;
    private final Clock clock;

    ObservedActivity(NationalObservatory observatory, Clock clock) {
        this.observatory = observatory;
        this.clock = clock;
    }

    @Override
    public Received received(String typeCode) {
        YearMonth to = YearMonth.now(clock.withZone(PARIS)).minusMonths(1);
        YearMonth from = to.minusMonths(11);
        Result result = observatory.compute(from, to, new Filters(null, null, null, null, null, typeCode),
                Dimension.TRIBUNAL);
        Map<String, Long> byCourt = new LinkedHashMap<>();
        for (int i = 0; !result.empty() && i < result.lines().size(); i++) {
            Long published = result.received().cell(i);
            if (published != null) {
                byCourt.put(result.lines().get(i).key(), published);
            }
        }
        return new Received(from, to, Map.copyOf(byCourt));
    }
}
