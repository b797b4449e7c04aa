package fr.passerelle.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module reads time from (replaceable in tests). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Business dates and display use the Paris time zone. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
