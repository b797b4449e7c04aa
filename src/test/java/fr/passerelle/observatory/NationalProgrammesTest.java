package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The federation's view of the network's programmes: by sheet and département, perturbed counts only. */
@PasserelleIntegrationTest
class NationalProgrammesTest {

    @Autowired
    NationalProgrammes programmes;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFederationSeesTheDemoProgrammesWithNoCountBelowTheThreshold() {
        SignedIn.as(users, "equipe.federale");
        List<NationalProgrammes.Line> lines = programmes.lines();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.sheetCode()).isEqualTo("chantier-passerelle");
            assertThat(l.departementCode()).isEqualTo("69");
            assertThat(l.programmes()).isPositive();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.sheetCode()).isEqualTo("referent-de-parcours"));
        int threshold = new CellKeyPerturbation().threshold();
        for (NationalProgrammes.Line l : lines) {
            for (Long count : new Long[] {l.admitted(), l.minors(), l.exits(), l.positiveExits()}) {
                assertThat(count == null || count >= threshold).as(l.toString()).isTrue();
            }
            if (l.admitted() == null) {
                assertThat(l.assiduity()).isNull();
            }
        }
    }

    @Test
    void noOneElseReadsTheNetworkView() {
        SignedIn.as(users, "coordinatrice");
        assertThatThrownBy(() -> programmes.lines()).isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> programmes.lines()).isInstanceOf(AccessDeniedException.class);
    }
}
