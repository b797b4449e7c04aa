package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Sheets proposed by a member association, refused with reasons or accepted into the library. */
@PasserelleIntegrationTest
class PracticeProposalsTest {

    @Autowired
    PracticeProposals proposals;

    @Autowired
    PracticeLibrary library;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDirectorProposesTheFederationRefusesWithReasonsThenAcceptsAnother() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID association = SignedIn.as(users, "directrice").organisationId();
        assertThatThrownBy(() -> proposals.propose(input("Atelier vélo " + tag), " ", null))
                .hasFieldOrPropertyWithValue("messageKey", "practice.proposal.action.required");
        UUID refused = proposals.propose(input("Atelier vélo " + tag), "Vélos solidaires", "Lyon 8e");
        UUID accepted = proposals.propose(input("Atelier cuisine " + tag), "Cuisine partagée", "Villeurbanne");
        assertThat(proposals.list()).extracting(PracticeProposals.Proposal::id).contains(refused, accepted);
        assertThat(proposals.get(refused).submitted()).isTrue();

        // Another association sees none of them, even in raw SQL under the application role.
        UUID other = SignedIn.as(users, "admin.marseille").organisationId();
        SecurityContextHolder.clearContext();
        long seen = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from practice_proposal where id in (?, ?)").params(refused, accepted)
                .query(Long.class).single()));
        assertThat(seen).isZero();
        SignedIn.as(users, "admin.marseille");
        assertThatThrownBy(() -> proposals.list()).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "equipe.federale");
        assertThat(proposals.list()).extracting(PracticeProposals.Proposal::id).contains(refused, accepted);
        assertThat(proposals.waiting()).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> proposals.refuse(refused, "  "))
                .hasFieldOrPropertyWithValue("messageKey", "practice.proposal.reason.required");
        assertThat(proposals.get(refused).submitted()).isTrue();
        proposals.refuse(refused, "Une action proche existe déjà dans la bibliothèque.");
        assertThatThrownBy(() -> proposals.accept(refused, null)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "practice.proposal.decided");

        String code = proposals.accept(accepted, "Bienvenue dans la bibliothèque.");

        PracticeSheet sheet = library.sheet(code);
        assertThat(sheet.origin()).isEqualTo("PROPOSAL");
        assertThat(sheet.section("objectives")).isEqualTo("Remobiliser par une activité concrète.");
        assertThat(sheet.referenceActions()).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("Cuisine partagée");
            assertThat(action.place()).isEqualTo("Villeurbanne");
        });
        SignedIn.as(users, "directrice");
        PracticeProposals.Proposal decided = proposals.get(refused);
        assertThat(decided.status()).isEqualTo("REFUSED");
        assertThat(decided.decisionReason()).isEqualTo("Une action proche existe déjà dans la bibliothèque.");
        assertThat(decided.organisationId()).isEqualTo(association);
        assertThat(proposals.get(accepted).sheetCode()).isEqualTo(code);
        assertThatThrownBy(() -> proposals.refuse(accepted, "non")).isInstanceOf(AccessDeniedException.class);
    }

    private static PracticeLibrary.SheetInput input(String title) {
        return new PracticeLibrary.SheetInput(title, "YOUTH", null, List.of("YOUNG_PEOPLE"), 16, 25,
                List.of("ASSOCIATION"), List.of("COMMUNE"), Map.of("objectives", "Remobiliser par une activité concrète."),
                List.of("Nombre de participants"), null);
    }
}
