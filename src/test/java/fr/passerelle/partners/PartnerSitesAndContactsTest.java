package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.partners.PartnerDirectory.ContactInput;
import fr.passerelle.partners.PartnerDirectory.PartnerInput;
import fr.passerelle.partners.PartnerDirectory.SiteInput;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A service head edits and deletes the sites and contacts of a partner of the directory. */
@PasserelleIntegrationTest
class PartnerSitesAndContactsTest {

    @Autowired
    PartnerDirectory directory;

    @Autowired
    PartnerPlaces places;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    final String marker = "zs" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void editsASiteWithTheRulesOfTheFormAndAuditsWhatChanged() {
        SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner();
        UUID site = directory.addSite(partner, new SiteInput("Accueil", "3 rue Neuve", "69001", "Lyon", null, null, null));

        directory.updateSite(site, new SiteInput("Accueil de jour", "3 rue Neuve", "01000", "Bourg-en-Bresse", null,
                "46,2052", "5.2255"));

        PartnerDirectory.Site saved = directory.details(partner).sites().get(0);
        assertThat(saved.name()).isEqualTo("Accueil de jour");
        assertThat(saved.departementCode()).isEqualTo("01");
        assertThat(saved.latitude()).isEqualTo(46.2052);
        String changes = OwnerSql.of(server).sql("""
                select details::text from audit_event where action = 'partner.site.updated' and object_id = ?""")
                .param(site.toString()).query(String.class).single();
        assertThat(changes).contains("Accueil de jour", "69001", "01000").doesNotContain("3 rue Neuve");

        assertThatThrownBy(() -> directory.updateSite(site, new SiteInput("Accueil", null, "6900", null, null, null, null)))
                .isInstanceOf(FieldRefusal.class).hasMessageContaining("partners.site.postcodeInvalid");
        assertThatThrownBy(() -> directory.updateSite(site, new SiteInput(" ", null, null, null, null, null, null)))
                .isInstanceOf(FieldRefusal.class).hasMessageContaining("partners.site.nameRequired");
        assertThat(directory.details(partner).sites().get(0)).isEqualTo(saved);
    }

    @Test
    void editsAContactAndRefusesASiteOfAnotherPartner() {
        SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner();
        UUID site = directory.addSite(partner, new SiteInput("Siège", null, "69003", "Lyon", null, null, null));
        UUID contact = directory.addContact(partner, new ContactInput("Anne Roux", "Éducatrice", null, null, null));
        UUID other = directory.addSite(givenAPartner(), new SiteInput("Autre", null, null, null, null, null, null));

        directory.updateContact(contact, new ContactInput("Anne Roux-Martin", "Cheffe de service", "04 78 00 00 00",
                "anne.roux@example.org", site));

        PartnerDirectory.Contact saved = directory.details(partner).contacts().get(0);
        assertThat(saved).extracting(PartnerDirectory.Contact::fullName, PartnerDirectory.Contact::roleLabel,
                PartnerDirectory.Contact::email, PartnerDirectory.Contact::siteId)
                .containsExactly("Anne Roux-Martin", "Cheffe de service", "anne.roux@example.org", site);
        assertThatThrownBy(() -> directory.updateContact(contact, new ContactInput("Anne", null, null, null, other)))
                .isInstanceOf(FieldRefusal.class).hasMessageContaining("partners.contact.siteUnknown");
        assertThatThrownBy(() -> directory.updateContact(contact, new ContactInput("Anne", null, null, "pas-un-mail", null)))
                .isInstanceOf(FieldRefusal.class).hasMessageContaining("partners.emailInvalid");
        assertThat(directory.details(partner).contacts().get(0)).isEqualTo(saved);
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'partner.contact.updated'"
                + " and object_id = ?").param(contact.toString()).query(Long.class).single()).isEqualTo(1);

        SignedIn.as(users, "intervenant");
        assertThatThrownBy(() -> directory.updateContact(contact, new ContactInput("X", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.updateSite(site, new SiteInput("X", null, null, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSiteWithPlacesCannotBeDeletedButOneWithoutCanWithItsContacts() {
        SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner();
        UUID withPlaces = directory.addSite(partner, new SiteInput("Foyer", null, "69007", "Lyon", null, null, null));
        places.addPlace(withPlaces, new PartnerPlaces.PlaceInput("Chambre 1", "INDIVIDUAL", null));
        UUID empty = directory.addSite(partner, new SiteInput("Bureau", null, "69008", "Lyon", null, null, null));
        directory.addContact(partner, new ContactInput("Paul Girard", null, null, null, empty));

        assertThatThrownBy(() -> directory.removeSite(withPlaces)).isInstanceOf(BusinessException.class)
                .satisfies(e -> {
                    assertThat(((BusinessException) e).status()).isEqualTo(409);
                    assertThat(((BusinessException) e).messageKey()).isEqualTo("partners.site.hasPlaces");
                });
        directory.removeSite(empty);

        PartnerDirectory.Details details = directory.details(partner);
        assertThat(details.sites()).extracting(PartnerDirectory.Site::name).containsExactly("Foyer");
        assertThat(details.contacts()).isEmpty();
        assertThat(places.places(withPlaces)).hasSize(1);
    }

    private UUID givenAPartner() {
        return directory.create(new PartnerInput("Partenaire " + marker + " " + UUID.randomUUID().toString().substring(0, 6),
                "CHRS", null, null, null, null, null, null));
    }
}
