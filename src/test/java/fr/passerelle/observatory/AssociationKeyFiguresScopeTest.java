package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.AssociationIndicators.Filters;
import fr.passerelle.observatory.AssociationKeyFigures.Computed;
import fr.passerelle.observatory.AssociationKeyFigures.Request;
import fr.passerelle.observatory.AssociationKeyFigures.Scope;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The service head's data scope is the figures' service's rule, not a page's: whatever a caller
 * asks, a service head's figures are their own service's. The association has two services; in
 * 2016 the pre-sentence service's worker received two measures, the post-sentence one's one.
 */
@PasserelleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssociationKeyFiguresScopeTest {

    private static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    private static final LocalDate TO = LocalDate.of(2016, 12, 31);

    @Autowired
    AssociationKeyFigures keyFigures;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AssociationServices services;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService logins;

    private String suffix;
    private UUID org;
    private UUID pre;
    private UUID post;

    @BeforeAll
    void givenAnAssociationWithTwoServicesAndAMeasureOrTwoInEach() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association périmètre " + suffix, "Lyon", "69", null, true, true), null);
        TenantContext.runAs(org, () -> {
            pre = services.create("Pré-sentenciel");
            post = services.create("Post-sentenciel");
            UUID preWorker = user("w1", pre, Roles.CASE_WORKER);
            UUID postWorker = user("w2", post, Roles.CASE_WORKER);
            user("directrice", null, Roles.DIRECTOR);
            user("chef", post, Roles.SERVICE_HEAD);
            user("chef.seul", null, Roles.SERVICE_HEAD);
            UUID ep = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            UUID someone = persons.create(new Persons.PersonData("Périmètre", "Service", LocalDate.of(1990, 1, 1), "F",
                    null, null, null, null, null, null, null), true);
            assigned(someone, ep, LocalDate.of(2016, 3, 1), preWorker);
            assigned(someone, ep, LocalDate.of(2016, 4, 1), preWorker);
            assigned(someone, ep, LocalDate.of(2016, 5, 1), postWorker);
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aServiceHeadGetsTheirOwnServicesFiguresWhateverServiceIsAsked() {
        SignedIn.as(logins, "chef." + suffix);

        assertThat(keyFigures.scope()).isEqualTo(new Scope(false, post, "Post-sentenciel"));
        for (UUID asked : java.util.Arrays.asList(pre, null, post)) {
            Computed computed = keyFigures.compute(request(asked));
            assertThat(computed.request().filters().serviceId()).isEqualTo(post);
            assertThat(received(computed)).isEqualByComparingTo("1");
        }
    }

    @Test
    void aDirectorGetsTheWholeAssociationOrTheServiceAsked() {
        SignedIn.as(logins, "directrice." + suffix);

        assertThat(keyFigures.scope().wholeAssociation()).isTrue();
        assertThat(received(keyFigures.compute(request(null)))).isEqualByComparingTo("3");
        assertThat(received(keyFigures.compute(request(pre)))).isEqualByComparingTo("2");
    }

    @Test
    void aServiceHeadOfNoServiceGetsNoFigures() {
        SignedIn.as(logins, "chef.seul." + suffix);

        assertThat(keyFigures.scope().noService()).isTrue();
        assertThatThrownBy(() -> keyFigures.compute(request(pre))).isInstanceOf(BusinessException.class)
                .hasMessageContaining("observatory.scope.noService");
    }

    @Test
    void withoutASignedInUserOnlyTheApplicationsOwnWorkGetsTheWholeAssociation() {
        TenantContext.runAs(org, () -> {
            assertThatThrownBy(() -> keyFigures.scope()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> keyFigures.compute(request(null))).isInstanceOf(IllegalStateException.class);
            assertThat(received(keyFigures.computeForSystem(request(null)))).isEqualByComparingTo("3");
        });
    }

    private static Request request(UUID service) {
        return new Request(FROM, TO, FROM.minusYears(1), TO.minusYears(1), new Filters(service, null, null, null));
    }

    private static BigDecimal received(Computed computed) {
        return computed.current().get(Indicator.MEASURES_RECEIVED).value();
    }

    private UUID user(String name, UUID service, String role) {
        return accounts.create(new UserAccounts.NewUser(name + "." + suffix, "Compte " + name, name + "@example.org",
                "Un-mot-de-passe-solide", service, List.of(role), false, false));
    }

    private void assigned(UUID person, UUID type, LocalDate received, UUID worker) {
        UUID id = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null, received,
                null));
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
    }
}
