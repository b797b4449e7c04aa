package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.partners.PartnerDirectory.ContactInput;
import fr.passerelle.partners.PartnerDirectory.Filter;
import fr.passerelle.partners.PartnerDirectory.PartnerInput;
import fr.passerelle.partners.PartnerDirectory.SiteInput;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The partner directory as the service head and a case worker of the Lyon association use it. */
@PasserelleIntegrationTest
class PartnerDirectoryTest {

    @Autowired
    PartnerDirectory directory;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Clock clock;

    /** A word no demo partner has, so that each test finds only its own partners. */
    final String marker = "zq" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void findsAPartnerByItsNameWhateverTheAccentsAndCase() {
        SignedIn.as(users, "cheffe.service");
        UUID id = directory.create(partner("Foyer Étoile du Rhône " + marker, "CHRS", "hébergement"));

        assertThat(names(Filter.byName("etoile du rhone " + marker))).containsExactly("Foyer Étoile du Rhône " + marker);
        assertThat(names(Filter.byName("ÉTOILE DU RHÔNE " + marker))).containsExactly("Foyer Étoile du Rhône " + marker);
        assertThat(names(Filter.byName("etoile du rhone " + marker + "x"))).isEmpty();
        // Every word counts, in any order.
        assertThat(names(Filter.byName(marker + " rhone foyer"))).containsExactly("Foyer Étoile du Rhône " + marker);
        // A wildcard typed by the user is a character, not a pattern.
        assertThat(names(Filter.byName("%" + marker))).isEmpty();
        assertThat(directory.details(id).partner().tags()).containsExactly("hébergement");
    }

    @Test
    void filtersByTypeDepartementTagAndCurrentLevel() {
        SignedIn.as(users, "cheffe.service");
        UUID lyon = directory.create(partner("CSAPA Lyon " + marker, "CSAPA", "addictions, " + marker));
        directory.addSite(lyon, new SiteInput("Accueil", "12 rue Garibaldi", "69003", "Lyon", null, "45,7578", "4.8520"));
        directory.assessLevel(lyon, 2, null);
        directory.assessLevel(lyon, 4, "Réunions mensuelles");
        UUID ain = directory.create(partner("CSAPA Bourg " + marker, "CSAPA", marker));
        directory.addSite(ain, new SiteInput("Antenne", null, "01000", "Bourg-en-Bresse", null, null, null));
        directory.assessLevel(ain, 2, null);
        directory.create(partner("Mission locale " + marker, "MISSION_LOCALE", null));

        assertThat(names(new Filter(marker, "CSAPA", null, null, null, false, "NAME")))
                .containsExactly("CSAPA Bourg " + marker, "CSAPA Lyon " + marker);
        assertThat(names(new Filter(marker, null, "69", null, null, false, "NAME"))).containsExactly("CSAPA Lyon " + marker);
        assertThat(names(new Filter(null, null, null, marker, null, false, "NAME")))
                .containsExactly("CSAPA Bourg " + marker, "CSAPA Lyon " + marker);
        assertThat(names(new Filter(marker, null, null, null, 4, false, "NAME"))).containsExactly("CSAPA Lyon " + marker);
        // The earlier level 2 of the Lyon CSAPA is history, not its current level.
        assertThat(names(new Filter(marker, null, null, null, 2, false, "NAME"))).containsExactly("CSAPA Bourg " + marker);
        assertThat(names(new Filter(marker, null, null, null, null, false, "LEVEL")))
                .containsExactly("CSAPA Lyon " + marker, "CSAPA Bourg " + marker, "Mission locale " + marker);
    }

    @Test
    void archivedPartnersAreListedOnlyWhenAskedFor() {
        SignedIn.as(users, "cheffe.service");
        UUID id = directory.create(partner("Ancien foyer " + marker, "CHU", null));
        directory.setArchived(id, true);
        assertThat(names(Filter.byName(marker))).isEmpty();
        assertThat(names(new Filter(marker, null, null, null, null, true, null))).containsExactly("Ancien foyer " + marker);
    }

    @Test
    void refusesASecondPartnerOfTheSameNameAndChangesNothing() {
        SignedIn.as(users, "cheffe.service");
        directory.create(partner("Relais Saint-Éloi " + marker, "CHRS", null));
        assertThatThrownBy(() -> directory.create(partner("  relais saint-eloi " + marker.toUpperCase() + " ", "CHU", null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.name.duplicate")
                .hasFieldOrPropertyWithValue("field", "name");
        UUID other = directory.create(partner("Autre relais " + marker, "CHU", null));
        assertThatThrownBy(() -> directory.update(other, partner("Relais Saint-Eloi " + marker, "CHU", null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.name.duplicate");
        assertThat(names(Filter.byName(marker))).containsExactly("Autre relais " + marker, "Relais Saint-Éloi " + marker);
    }

    @Test
    void refusesBadInputWithAMessageAndChangesNothing() {
        SignedIn.as(users, "cheffe.service");
        assertThatThrownBy(() -> directory.create(new PartnerInput(" ", "CHRS", null, null, null, null, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.name.required");
        assertThatThrownBy(() -> directory.create(partner("Inconnu " + marker, "PRISON", null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.type.invalid");
        assertThatThrownBy(() -> directory.create(new PartnerInput("Mail " + marker, "OTHER", null, null, null, null,
                "pas-une-adresse", null))).hasFieldOrPropertyWithValue("messageKey", "partners.emailInvalid");
        assertThatThrownBy(() -> directory.create(new PartnerInput("Web " + marker, "OTHER", null, null, null, null,
                null, "www.exemple.fr"))).hasFieldOrPropertyWithValue("messageKey", "partners.websiteInvalid");
        assertThat(names(Filter.byName(marker))).isEmpty();

        UUID id = directory.create(partner("Sites " + marker, "OTHER", null));
        assertThatThrownBy(() -> directory.addSite(id, new SiteInput("A", null, "6900", "Lyon", null, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.site.postcodeInvalid");
        assertThatThrownBy(() -> directory.addSite(id, new SiteInput("A", null, "69007", "Lyon", "38", null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.site.departementMismatch");
        assertThatThrownBy(() -> directory.addSite(id, new SiteInput("A", null, null, null, null, "45.7", null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.site.coordinatesPair");
        assertThatThrownBy(() -> directory.addSite(id, new SiteInput("A", null, null, null, null, "95", "4.8")))
                .hasFieldOrPropertyWithValue("messageKey", "partners.site.coordinateInvalid");
        assertThatThrownBy(() -> directory.addContact(id, new ContactInput("Mme X", null, "abc", null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "partners.phoneInvalid");
        assertThatThrownBy(() -> directory.assessLevel(id, 5, null))
                .hasFieldOrPropertyWithValue("messageKey", "partners.level.invalid");
        assertThatThrownBy(() -> directory.recordExchange(id, "CALL", LocalDate.now(clock).plusDays(1).toString(), "x"))
                .hasFieldOrPropertyWithValue("messageKey", "partners.exchange.dateFuture");
        assertThatThrownBy(() -> directory.recordExchange(id, "CALL", null, "  "))
                .hasFieldOrPropertyWithValue("messageKey", "partners.exchange.summaryRequired");
        PartnerDirectory.Details details = directory.details(id);
        assertThat(details.sites()).isEmpty();
        assertThat(details.contacts()).isEmpty();
        assertThat(details.levels()).isEmpty();
        assertThat(details.exchanges()).isEmpty();
    }

    @Test
    void takesTheDepartementFromThePostcodeAndTiesAContactToASite() {
        SignedIn.as(users, "cheffe.service");
        UUID id = directory.create(partner("Hôpital " + marker, "HOSPITAL", null));
        UUID site = directory.addSite(id, new SiteInput("Urgences", "5 place d’Arsonval", "69003", "Lyon", null,
                "45.7413", "4.8806"));
        directory.addContact(id, new ContactInput("Dr Lina Haddad", "Psychiatre", "04 72 11 00 00",
                "lina.haddad@example.org", site));
        PartnerDirectory.Details details = directory.details(id);
        assertThat(details.sites()).singleElement().satisfies(s -> {
            assertThat(s.departementCode()).isEqualTo("69");
            assertThat(s.latitude()).isEqualTo(45.7413);
        });
        assertThat(details.contacts()).singleElement().satisfies(c -> assertThat(c.siteId()).isEqualTo(site));
        assertThat(directory.departements()).contains("69");
    }

    @Test
    void keepsTheLevelHistoryNewestFirstWithItsAuthorAndAuditsEachAssessment() {
        SignedIn.as(users, "cheffe.service");
        UUID id = directory.create(partner("SIAO " + marker, "SIAO", null));
        directory.assessLevel(id, 1, "Premier contact");
        directory.assessLevel(id, 3, "Fiches partagées");

        List<PartnerDirectory.LevelAssessment> history = directory.details(id).levels();
        assertThat(history).extracting(PartnerDirectory.LevelAssessment::level).containsExactly(3, 1);
        assertThat(history).allSatisfy(a -> {
            assertThat(a.assessedByName()).isEqualTo("Nadia Benali");
            assertThat(a.assessedOn()).isEqualTo(LocalDate.now(clock));
        });
        assertThat(directory.details(id).currentLevel()).get().extracting(PartnerDirectory.LevelAssessment::level)
                .isEqualTo(3);
        assertThat(directory.currentLevels(List.of(id))).containsEntry(id, 3);
        long audited = OwnerSql.of(server).sql("""
                select count(*) from audit_event where action = 'partner.level.assessed' and object_id = ?""")
                .param(id.toString()).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void aCaseWorkerRecordsAnExchangeThatTheServiceHeadReviews() {
        SignedIn.as(users, "cheffe.service");
        UUID id = directory.create(partner("Mission locale " + marker, "MISSION_LOCALE", null));

        SignedIn.as(users, "intervenant");
        UUID exchange = directory.recordExchange(id, "JOINT_DECISION", LocalDate.now(clock).minusDays(2).toString(),
                "Entrée en garantie jeunes décidée ensemble");
        assertThatThrownBy(() -> directory.assessLevel(id, 4, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.markReviewed(exchange)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.create(partner("Refusé " + marker, "OTHER", null)))
                .isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "cheffe.service");
        assertThat(directory.exchangesToReview()).extracting(PartnerDirectory.Exchange::id).contains(exchange);
        directory.markReviewed(exchange);
        assertThat(directory.exchangesToReview()).extracting(PartnerDirectory.Exchange::id).doesNotContain(exchange);
        assertThat(directory.details(id).exchanges()).singleElement().satisfies(e -> {
            assertThat(e.recordedByName()).isEqualTo("Camille Martin");
            assertThat(e.reviewedByName()).isEqualTo("Nadia Benali");
            assertThat(e.kind()).isEqualTo("JOINT_DECISION");
        });
        long audited = OwnerSql.of(server).sql("""
                select count(*) from audit_event where object_id = ?
                  and action in ('partner.exchange.recorded', 'partner.exchange.reviewed')""")
                .param(exchange.toString()).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }

    private List<String> names(Filter filter) {
        return directory.search(filter, 0).items().stream().map(PartnerDirectory.Summary::name).toList();
    }

    private static PartnerInput partner(String name, String type, String tags) {
        return new PartnerInput(name, type, "Structure partenaire", "accueil, orientation", tags, "04 78 00 00 00",
                "contact@example.org", "https://example.org");
    }
}
