package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The network directory: an association submits its profile, the federation approves (the
 * published tables change) or rejects (they do not, the reason is kept and mailed); bad input
 * changes nothing; row-level security keeps changes within their association and the federation;
 * two deciders of the same change: one wins.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ProfileChangesTest {

    @Autowired
    ProfileChanges changes;

    @Autowired
    Directory directory;

    @Autowired
    Organisations organisations;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    MockMvc mvc;

    UUID association;
    String admin;

    @BeforeEach
    void givenANewAssociationWithItsAdministrator() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin = "admin.annuaire." + suffix;
        // An identifier that sorts after every demo organisation: tests that take "the first associations
        // by id" keep finding demo associations with services and data.
        association = organisations.create(UUID.fromString("ffffffff" + UUID.randomUUID().toString().substring(8)),
                new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                        "Association Évreux Annuaire " + suffix, "Évreux", "27", "NORMANDIE", true, true),
                new UserAccounts.NewUser(admin, "Agathe Annuaire", admin + "@example.org", "Un-mot-de-passe-solide",
                        null, List.of(), false, false));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static Profile profile(String phone) {
        return new Profile(" 3 rue de la Harpe ", "27000", "Évreux", new BigDecimal("49.0241"), new BigDecimal("1.1508"),
                phone, "contact@annuaire.example", "https://annuaire.example", "Accueil du lundi au vendredi.",
                MainField.POST_SENTENCE, List.of("TJ-EVREUX", "TJ-LYON"), List.of("TIG", "PLACEMENT_EXTERIEUR"));
    }

    private UUID submitAsAssociation(Profile profile) {
        SignedIn.as(users, admin);
        try {
            return changes.submit(profile).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private <T> T asFederation(String login, java.util.function.Supplier<T> work) {
        SignedIn.as(users, login);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JdbcClient owner() {
        return OwnerSql.of(server);
    }

    @Test
    void anApprovedChangeIsPublishedWithItsCourtsAndActivities() {
        UUID id = submitAsAssociation(profile("02 32 00 11 22"));

        assertThat(directory.publicProfile(association)).as("nothing public before the decision").isEmpty();
        ProfileChanges.Change queued = asFederation("equipe.federale", () -> {
            List<ProfileChanges.Change> queue = changes.queue(0).items();
            assertThat(queue).extracting(ProfileChanges.Change::submittedAt).isSorted();
            return changes.get(id);
        });
        assertThat(queued.status()).isEqualTo(ProfileChanges.Status.PENDING);
        assertThat(queued.profile().address()).isEqualTo("3 rue de la Harpe");

        asFederation("equipe.federale", () -> {
            changes.approve(id);
            return null;
        });

        Directory.PublicProfile published = directory.publicProfile(association).orElseThrow();
        assertThat(published.profile().phone()).isEqualTo("02 32 00 11 22");
        assertThat(published.profile().mainField()).isEqualTo(MainField.POST_SENTENCE);
        assertThat(published.courts()).extracting(Courts.JudicialCourt::code).containsExactlyInAnyOrder("TJ-EVREUX", "TJ-LYON");
        assertThat(published.activities()).extracting(Directory.Activity::code)
                .containsExactly("PLACEMENT_EXTERIEUR", "TIG");
        assertThat(owner().sql("select status from association_profile_change where id = ?").param(id)
                .query(String.class).single()).isEqualTo("APPROVED");
        assertThat(owner().sql("select count(*) from audit_event where action = 'profile.change.approved' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(owner().sql("select recipient from mail_outbox where organisation_id = ? and kind = 'PROFILE_APPROVED'")
                .param(association).query(String.class).list()).containsExactly(admin + "@example.org");
        SignedIn.as(users, admin);
        assertThat(changes.pending()).isEmpty();
        assertThat(changes.history()).extracting(ProfileChanges.Change::status).containsExactly(ProfileChanges.Status.APPROVED);
    }

    @Test
    void aRejectedChangeLeavesThePublishedProfileAndTellsTheAssociationWhy() {
        UUID first = submitAsAssociation(profile("02 32 00 11 22"));
        asFederation("equipe.federale", () -> {
            changes.approve(first);
            return null;
        });
        UUID second = submitAsAssociation(profile("02 32 99 99 99"));

        assertThatThrownBy(() -> asFederation("equipe.federale", () -> {
            changes.reject(second, "   ");
            return null;
        })).isInstanceOf(FieldRefusal.class).hasMessage("profile.change.reason.invalid");
        asFederation("equipe.federale", () -> {
            changes.reject(second, "Ce numéro n’est pas celui du standard de l’association.");
            return null;
        });

        assertThat(directory.publicProfile(association).orElseThrow().profile().phone()).isEqualTo("02 32 00 11 22");
        SignedIn.as(users, admin);
        assertThat(changes.pending()).isEmpty();
        ProfileChanges.Change rejected = changes.history().get(0);
        assertThat(rejected.status()).isEqualTo(ProfileChanges.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Ce numéro n’est pas celui du standard de l’association.");
        assertThat(owner().sql("select body from mail_outbox where organisation_id = ? and kind = 'PROFILE_REJECTED'")
                .param(association).query(String.class).single())
                .contains("Motif : Ce numéro n’est pas celui du standard de l’association.");
        assertThat(owner().sql("select count(*) from audit_event where action = 'profile.change.rejected' and object_id = ?")
                .param(second.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Function<Profile, Profile>> refusals = new java.util.LinkedHashMap<>();
        refusals.put("postcode:profile.postcode.invalid", p -> with(p, "postcode", "2700"));
        refusals.put("longitude:profile.coordinates.both", p -> new Profile(p.address(), p.postcode(), p.city(),
                p.latitude(), null, p.phone(), p.email(), p.website(), p.description(), p.mainField(), p.courts(),
                p.activities()));
        refusals.put("latitude:profile.latitude.invalid", p -> new Profile(p.address(), p.postcode(), p.city(),
                new BigDecimal("91"), p.longitude(), p.phone(), p.email(), p.website(), p.description(), p.mainField(),
                p.courts(), p.activities()));
        refusals.put("website:profile.website.invalid", p -> with(p, "website", "javascript:alert(1)"));
        refusals.put("phone:profile.phone.invalid", p -> with(p, "phone", "appelez-nous"));
        refusals.put("email:profile.email.invalid", p -> with(p, "email", "contact-at-example"));
        refusals.put("courts:profile.courts.unknown", p -> new Profile(p.address(), p.postcode(), p.city(), p.latitude(),
                p.longitude(), p.phone(), p.email(), p.website(), p.description(), p.mainField(),
                List.of("TJ-ATLANTIDE"), p.activities()));
        refusals.put("courts:profile.courts.invalid", p -> new Profile(p.address(), p.postcode(), p.city(), p.latitude(),
                p.longitude(), p.phone(), p.email(), p.website(), p.description(), p.mainField(), List.of(),
                p.activities()));
        refusals.put("activities:profile.activities.unknown", p -> new Profile(p.address(), p.postcode(), p.city(),
                p.latitude(), p.longitude(), p.phone(), p.email(), p.website(), p.description(), p.mainField(),
                p.courts(), List.of("TIG", "GARDE_A_VUE")));
        refusals.put("mainField:profile.mainField.required", p -> new Profile(p.address(), p.postcode(), p.city(),
                p.latitude(), p.longitude(), p.phone(), p.email(), p.website(), p.description(), null, p.courts(),
                p.activities()));
        refusals.put("phone:profile.contact.required", p -> with(with(p, "phone", " "), "email", ""));

        SignedIn.as(users, admin);
        refusals.forEach((expected, change) -> {
            Throwable refusal = catchThrowable(() -> changes.submit(change.apply(profile("02 32 00 11 22"))));
            assertThat(refusal).as(expected).isInstanceOf(FieldRefusal.class);
            assertThat(((FieldRefusal) refusal).field() + ":" + ((FieldRefusal) refusal).messageKey()).isEqualTo(expected);
        });
        assertThat(owner().sql("select count(*) from association_profile_change where organisation_id = ?")
                .param(association).query(Long.class).single()).isZero();
        assertThat(owner().sql("select count(*) from audit_event where organisation_id = ? and action like 'profile.%'")
                .param(association).query(Long.class).single()).isZero();
    }

    @Test
    void theFormShowsTheRefusalInTheUsersLanguage() throws Exception {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(admin);
        var auth = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        String french = mvc.perform(post("/network/profile").with(csrf()).with(auth).param("address", "3 rue de la Harpe")
                        .param("postcode", "27").param("city", "Évreux").param("phone", "02 32 00 11 22")
                        .param("mainField", "MINORS").param("courts", "TJ-EVREUX").param("activities", "MJIE"))
                .andReturn().getResponse().getContentAsString();
        String english = mvc.perform(post("/network/profile").with(csrf()).with(auth).param("lang", "en")
                        .param("address", "3 rue de la Harpe").param("postcode", "27000").param("city", "Évreux")
                        .param("latitude", "49.02").param("phone", "02 32 00 11 22").param("mainField", "MINORS")
                        .param("courts", "TJ-EVREUX").param("activities", "MJIE"))
                .andReturn().getResponse().getContentAsString();

        assertThat(french).contains("Le code postal doit comporter 5 chiffres.");
        assertThat(english).contains("Give both the latitude and the longitude, or neither.");
        assertThat(owner().sql("select count(*) from association_profile_change where organisation_id = ?")
                .param(association).query(Long.class).single()).isZero();
    }

    @Test
    void aNewSubmissionReplacesThePendingOneAndAnUnchangedProfileIsRefused() {
        UUID first = submitAsAssociation(profile("02 32 00 11 22"));
        UUID second = submitAsAssociation(profile("02 32 00 33 44"));

        assertThat(owner().sql("select status from association_profile_change where id = ?").param(first)
                .query(String.class).single()).isEqualTo("REPLACED");
        assertThat(owner().sql("select status from association_profile_change where id = ?").param(second)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThatThrownBy(() -> asFederation("equipe.federale", () -> {
            changes.approve(first);
            return null;
        })).isInstanceOf(BusinessException.class).hasMessage("profile.change.replaced");

        asFederation("equipe.federale", () -> {
            changes.approve(second);
            return null;
        });
        SignedIn.as(users, admin);
        assertThatThrownBy(() -> changes.submit(profile("02 32 00 33 44")))
                .isInstanceOf(BusinessException.class).hasMessage("profile.change.unchanged");
    }

    @Test
    void anotherAssociationNeitherReadsNorDecidesAPendingChangeAndNobodySubmitsForSomeoneElse() {
        UUID id = submitAsAssociation(profile("02 32 00 11 22"));
        UUID other = DemoIds.SECOND_ASSOCIATION;
        UUID federation = DemoIds.FEDERATION;

        long seenByOther = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from association_profile_change where organisation_id = ?").param(association)
                .query(Long.class).single()));
        assertThat(seenByOther).isZero();
        assertThatThrownBy(() -> TenantContext.callAs(other, () -> changes.get(id)))
                .isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        int decidedByOther = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql("""
                update association_profile_change set status = 'APPROVED', decided_at = now() where id = ?""")
                .param(id).update()));
        assertThat(decidedByOther).isZero();
        assertThatThrownBy(() -> TenantContext.runAs(association, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                update association_profile_change set status = 'APPROVED', decided_at = now() where id = ?""")
                .param(id).update()))).as("an association approving its own change").rootCause()
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> TenantContext.runAs(association, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                update association_profile_change set phone = '00 00 00 00 00' where id = ?""")
                .param(id).update()))).as("a submitted change is never edited").rootCause()
                .hasMessageContaining("permission denied");
        for (UUID intruder : List.of(association, federation)) {
            assertThatThrownBy(() -> TenantContext.runAs(intruder, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                    insert into association_profile_change (id, organisation_id, main_field) values (?, ?, 'MINORS')""")
                    .param(UUID.randomUUID()).param(other).update()))).rootCause()
                    .hasMessageContaining("row-level security");
        }
        int publishedByAnAssociation = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "update association_profile set phone = '00 00 00 00 00' where organisation_id = ?").param(other).update()));
        assertThat(publishedByAnAssociation).as("only the federation writes the published profiles").isZero();
        assertThatThrownBy(() -> TenantContext.runAs(association, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into association_profile (organisation_id, city) values (?, 'Évreux')""")
                .param(association).update()))).rootCause().hasMessageContaining("row-level security");
        Long publicRows = tx.execute(s -> jdbc.sql("select count(*) from association_profile where organisation_id = ?")
                .param(other).query(Long.class).single());
        assertThat(publicRows).as("published profiles are public, read without a tenant").isEqualTo(1L);
        assertThatThrownBy(() -> asFederation("equipe.federale", () -> changes.submit(profile("02 32 00 11 22"))))
                .isInstanceOf(BusinessException.class).hasMessage("profile.change.associationsOnly");
        long seenByFederation = TenantContext.callAs(federation, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from association_profile_change where id = ?").param(id).query(Long.class).single()));
        assertThat(seenByFederation).isEqualTo(1);
        assertThat(owner().sql("select status from association_profile_change where id = ?").param(id)
                .query(String.class).single()).isEqualTo("PENDING");
    }

    @Test
    void whenTwoFederationUsersDecideTheSameChangeOneWinsAndTheOtherIsTold() throws Exception {
        UUID id = submitAsAssociation(profile("02 32 00 11 22"));
        CountDownLatch approvedNotCommitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            SignedIn.as(users, "equipe.federale");
            try {
                tx.executeWithoutResult(s -> {
                    changes.approve(id);
                    approvedNotCommitted.countDown();
                    await(release);
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(approvedNotCommitted.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
            SignedIn.as(users, "admin.federation");
            try {
                changes.reject(id, "Adresse à vérifier.");
                return null;
            } catch (RuntimeException refused) {
                return refused;
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        waitUntilADecisionWaitsForTheRowLock();
        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        Throwable loser = second.get(20, TimeUnit.SECONDS);

        assertThat(loser).isInstanceOf(BusinessException.class).hasMessage("profile.change.alreadyDecided");
        assertThat(((BusinessException) loser).status()).isEqualTo(409);
        assertThat(owner().sql("select status from association_profile_change where id = ?").param(id)
                .query(String.class).single()).isEqualTo("APPROVED");
        assertThat(directory.publicProfile(association)).isPresent();
        assertThat(owner().sql("select count(*) from audit_event where object_id = ? and action like 'profile.change.%ed'"
                        + " and action <> 'profile.change.submitted'")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(owner().sql("select count(*) from mail_outbox where organisation_id = ? and kind = 'PROFILE_REJECTED'")
                .param(association).query(Long.class).single()).isZero();
    }

    @Test
    void thePublicDirectoryFindsPublishedAssociationsWithoutAccentsAndShowsOnlyPublishedData() throws Exception {
        UUID id = submitAsAssociation(profile("02 32 00 11 22"));
        asFederation("admin.federation", () -> {
            changes.approve(id);
            return null;
        });
        submitAsAssociation(profile("02 32 77 77 77"));
        String name = organisations.get(association).name();

        assertThat(directory.search("evreux annuaire " + name.substring(name.length() - 8), "", null, 0).items())
                .extracting(Directory.Entry::id).containsExactly(association);
        assertThat(directory.search(name.substring(name.length() - 8), "NORMANDIE", MainField.POST_SENTENCE, 0).items())
                .extracting(Directory.Entry::id).containsExactly(association);
        assertThat(directory.search(name.substring(name.length() - 8), "NORMANDIE", MainField.MINORS, 0).items()).isEmpty();
        assertThat(directory.search("", "", null, 0).total()).as("the demo network and this one").isGreaterThan(100);

        String page = mvc.perform(get("/reseau/associations/" + association)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(name, "02 32 00 11 22", "Tribunal judiciaire d&#39;Évreux", "(TIG)")
                .doesNotContain("02 32 77 77 77", admin);
        assertThat(mvc.perform(get("/reseau/associations/" + UUID.randomUUID())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/reseau/annuaire").param("q", "ÉVREUX ANNUAIRE"))
                .andReturn().getResponse().getContentAsString()).contains(name);
    }

    private void waitUntilADecisionWaitsForTheRowLock() throws InterruptedException {
        org.awaitility.Awaitility.await().pollInSameThread()
                .alias("the second decision waits for the first").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> owner().sql("select count(*) from pg_locks where not granted")
                        .query(Long.class).single() > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Profile with(Profile p, String field, String value) {
        return new Profile(p.address(), field.equals("postcode") ? value : p.postcode(), p.city(), p.latitude(),
                p.longitude(), field.equals("phone") ? value : p.phone(), field.equals("email") ? value : p.email(),
                field.equals("website") ? value : p.website(), p.description(), p.mainField(), p.courts(),
                p.activities());
    }

    /** The demo organisations' identifiers (derived from their names, see the demo data). */
    static final class DemoIds {
        static final UUID FEDERATION = UUID.nameUUIDFromBytes("passerelle-demo:federation"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        static final UUID SECOND_ASSOCIATION = UUID.nameUUIDFromBytes("passerelle-demo:TJ-MARSEILLE"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
