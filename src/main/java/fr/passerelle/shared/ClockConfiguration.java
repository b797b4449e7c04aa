package fr.passerelle.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads time from (replaceable in tests). It carries the zone of the
 * French courts, Europe/Paris, whatever the server's zone: "today" is {@code LocalDate.now(clock)}
 * and every date shown is taken in that zone, never in the JVM's default.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The zone of every date the application takes or shows. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(PARIS);
    }
}
