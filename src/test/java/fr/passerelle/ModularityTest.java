package fr.passerelle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds, and its documentation is generated with every build. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PasserelleApplication.class);

    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
