package fr.passerelle.consultation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Participants made proven without any proof ({@link Participants#generated}) are for the server's
 * own work only (demo data, replays): no web path may reach that method, so a browser always gets
 * its participant through {@link Participants#issue} (limits per address and network, proof of work).
 */
class ParticipantsWebPathTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.passerelle");

    @Test
    void onlyTheServersOwnWorkMakesGeneratedParticipants() {
        noClasses().that().doNotHaveFullyQualifiedName(ConsultationReplay.class.getName())
                .and().doNotHaveFullyQualifiedName("fr.passerelle.demo.DemoConsultation")
                .and().doNotHaveFullyQualifiedName(Participants.class.getName())
                .should().callMethod(Participants.class, "generated", UUID.class, UUID.class, UUID.class)
                .because("a browser's participant must be issued within the limits and prove itself")
                .check(classes);
    }

    @Test
    void noControllerReachesTheServersOwnWork() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ConsultationReplay.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.passerelle.demo.DemoConsultation")
                .check(classes);
    }
}
