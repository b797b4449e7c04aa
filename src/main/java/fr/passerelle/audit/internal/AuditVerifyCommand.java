package fr.passerelle.audit.internal;

import fr.passerelle.audit.AuditChain;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code java -jar passerelle.jar --audit-verify}: verifies the audit chain, prints
 * the result and exits with 0 when intact, 3 when a link is broken.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditChain chain;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditChain chain, ApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("audit-verify")) {
            return;
        }
        AuditChain.Verification result = chain.verify();
        if (result.intact()) {
            System.out.println("audit chain intact: " + result.checked() + " links verified");
        } else {
            System.out.println("audit chain BROKEN at link " + result.firstBrokenSeq()
                    + " (" + result.checked() + " links intact before it)");
        }
        int code = result.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
