package fr.passerelle;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Passerelle: the information system of the French socio-judicial sector. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PasserelleApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--audit-verify")) {
            // A command next to running nodes: a free port, no migration, no demo data.
            new SpringApplicationBuilder(PasserelleApplication.class)
                    .properties("server.port=0", "spring.flyway.enabled=false", "passerelle.demo.enabled=false",
                            "spring.main.banner-mode=off", "logging.level.root=WARN")
                    .run(args);
            return;
        }
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
