package fr.passerelle.demo;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.ProposalKeys;
import fr.passerelle.consultation.Proposals;
import fr.passerelle.consultation.Votes;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.measures.Reports;
import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.ProfileChanges;
import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.shared.db.TenantScope;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Arrays;
import java.time.LocalDate;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.BulkCases;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Generates the demo data at start-up, once, when enabled (by default only with the embedded
 * database). Refuses to run in the production profile.
 */
@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {

    private final DemoProperties properties;
    private final Environment environment;
    private final DemoDataGenerator generator;
    private final TransactionTemplate tx;
    private final DemoVolumes volumes;
    private final Consultations consultations;
    private final Participants participants;
    private final Proposals proposals;
    private final Votes votes;
    private final ProposalKeys keys;
    private final Organisations organisations;
    private final Courts courts;
    private final Directory directory;
    private final ProfileChanges profileChanges;
    private final MeasureCatalogue catalogue;
    private final java.time.Clock clock;
    private volatile DemoDataGenerator.Generated generated;
    private final DemoCaseData caseData;
    private final PartnerDirectory partners;
    private final UserAccounts users;

    DemoDataRunner(DemoProperties properties, Environment environment, Organisations organisations,
            UserAccounts users, AssociationServices services, Courts courts, TenantScope tenantScope,
            TransactionTemplate tx, Persons persons, Measures measures, Reports reports, Appointments appointments,
            MeasureCatalogue catalogue, BulkCases bulk, AuditLog audit, Consultations consultations,
            Participants participants, Proposals proposals, Votes votes, ProposalKeys keys, Directory directory,
            ProfileChanges profileChanges, java.time.Clock clock, PartnerDirectory partners) {
        this.clock = clock;
        this.partners = partners;
        this.users = users;
        this.properties = properties;
        this.organisations = organisations;
        this.courts = courts;
        this.directory = directory;
        this.profileChanges = profileChanges;
        this.catalogue = catalogue;
        this.consultations = consultations;
        this.participants = participants;
        this.proposals = proposals;
        this.votes = votes;
        this.keys = keys;
        this.caseData = persons == null ? null
                : new DemoCaseData(persons, measures, reports, appointments, catalogue, users);
        this.volumes = bulk == null ? null : new DemoVolumes(organisations, users, services, catalogue, bulk, courts, tx,
                audit);
        this.environment = environment;
        this.tx = tx;
        this.generator = new DemoDataGenerator(organisations, users, services, courts, tenantScope, catalogue,
                caseData,
                properties.casePersons(), clock);
        if (enabled() && Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("Demo data is refused in the production profile:"
                    + " unset PASSERELLE_DEMO (passerelle.demo.enabled).");
        }
    }

    boolean enabled() {
        if (properties.enabled() != null) {
            return properties.enabled();
        }
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled() && !generator.alreadyGenerated()) {
            generated = tx.execute(status -> generator.generate(properties.associations()));
        }
        if (enabled() && directory != null) {
            DemoDirectory.seed(organisations, courts, directory, profileChanges, catalogue, tx);
        }
        if (enabled() && partners != null) {
            DemoPartners.seed(DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT), partners, users,
                    LocalDate.now(clock), tx);
        }
        if (enabled() && consultations != null) {
            DemoConsultation.seed(DemoDataGenerator.demoId("public-body"), consultations, participants, proposals, votes,
                    keys, LocalDate.now(clock));
        }
    }

    /** The generator of the Lyon caseload (null without the measures module). */
    DemoCaseData caseData() {
        return caseData;
    }

    /** The generator of the other associations' caseloads (null without the measures module). */
    DemoVolumes volumes() {
        return volumes;
    }

    /** What this start-up generated; null when the demo data was already there (or is disabled). */
    DemoDataGenerator.Generated generated() {
        return generated;
    }

    /**
     * The bulk of the demo caseloads is written once the application is ready, in the background,
     * so that start-up stays short; it resumes where it stopped if the application was stopped.
     */
    @EventListener(ApplicationReadyEvent.class)
    void generateVolumes() {
        if (!enabled() || volumes == null || properties.personsPerAssociation() <= 0) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                volumes.generate(properties.personsPerAssociation(),
                        DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT),
                        LocalDate.now(clock));
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DemoDataRunner.class).error("Demo volumes stopped", e);
            }
        }, "demo-volumes");
        worker.setDaemon(true);
        worker.start();
    }
}
