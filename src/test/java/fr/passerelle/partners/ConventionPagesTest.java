package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conventions' pages: the form's refusals in the user's language, an upload refused with its
 * reason and nothing saved, the download's headers, the fragment the deadlines page loads, and the
 * API without the document's bytes.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ConventionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnerConventions conventions;

    @Autowired
    ConventionDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

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
    void theFormRefusesAnEndBeforeTheStartInTheUsersLanguageAndSavesNothing() throws Exception {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner(head, "CHRS Formulaire " + UUID.randomUUID());
        LocalDate today = conventions.today();

        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            String page = mvc.perform(post("/partners/conventions").with(as(head)).with(csrf()).locale(locale)
                            .param("partnerId", partner.toString()).param("object", "INSERTION").param("reference", "INS-F")
                            .param("title", "Insertion").param("startsOn", today.toString())
                            .param("endsOn", today.minusDays(3).toString()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(locale == Locale.FRENCH ? "La date de fin ne peut pas précéder la date de début."
                    : "The end date cannot be before the start date.");
        }
        SignedIn.as(users, "cheffe.service");
        assertThat(conventions.ofPartner(partner)).isEmpty();

        MvcResult created = mvc.perform(post("/partners/conventions").with(as(head)).with(csrf())
                .param("partnerId", partner.toString()).param("object", "PLACEMENT_EXTERIEUR").param("reference", "PE-F")
                .param("title", "Places PE").param("startsOn", today.toString()).param("endsOn", today.plusYears(1).toString())
                .param("placesReserved", "6").param("pricePerDay", "45,50")).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        SignedIn.as(users, "cheffe.service");
        PartnerConventions.Convention convention = conventions.ofPartner(partner).get(0);
        assertThat(created.getResponse().getRedirectedUrl()).endsWith("/partners/conventions/" + convention.id());
        assertThat(convention.placesReserved()).isEqualTo(6);
        assertThat(convention.pricePerDay()).isEqualByComparingTo("45.50");
    }

    @Test
    void aMislabelledUploadIsRefusedWithItsReasonAndAPdfIsServedAsAnAttachmentWithItsDetectedType() throws Exception {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner(head, "CHRS Dépôt " + UUID.randomUUID());
        UUID convention = conventions.create(ConventionsTest.data(partner, ConventionObject.PLACEMENT_EXTERIEUR, "PE-U",
                conventions.today(), conventions.today().plusYears(1)));

        MvcResult refused = mvc.perform(multipart("/partners/conventions/" + convention + "/document")
                .file(new MockMultipartFile("file", "convention.pdf", "application/pdf", ConventionsTest.EXE))
                .with(as(head)).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/partners/conventions/" + convention);
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("convention.document.wrongType");
        assertThat(messages.getMessage("convention.document.wrongType", null, Locale.FRENCH))
                .startsWith("Ce fichier n’est ni un PDF ni une image PNG ou JPEG");
        assertThat(messages.getMessage("convention.document.wrongType", null, Locale.ENGLISH))
                .startsWith("This file is neither a PDF nor a PNG or JPEG image");
        SignedIn.as(users, "cheffe.service");
        assertThat(documents.versions(convention)).isEmpty();

        mvc.perform(multipart("/partners/conventions/" + convention + "/document")
                .file(new MockMultipartFile("file", "signée.pdf", "application/octet-stream", ConventionsTest.PDF))
                .with(as(head)).with(csrf())).andReturn();
        var download = mvc.perform(get("/partners/conventions/" + convention + "/document").with(as(head)))
                .andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''sign%C3%A9e.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentAsByteArray()).isEqualTo(ConventionsTest.PDF);
    }

    @Test
    void theDeadlinesPageLoadsTheConventionsAboutToEndAndTheApiListsThemWithoutTheirBytes() throws Exception {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID partner = givenAPartner(head, "CSAPA Échéances " + UUID.randomUUID());
        LocalDate today = conventions.today();
        UUID soon = conventions.create(ConventionsTest.data(partner, ConventionObject.SOINS, "SOON-E", today.minusYears(1),
                today.plusDays(9)));
        UUID later = conventions.create(ConventionsTest.data(partner, ConventionObject.INSERTION, "LATER-E", today.minusYears(1),
                today.plusDays(conventions.alertDays() + 30)));
        documents.attach(soon, "soins.pdf", ConventionsTest.PDF);

        String deadlines = mvc.perform(get("/caseload/deadlines").with(as(head)).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsString();
        assertThat(deadlines).contains("hx-get=\"/partners/conventions/expiring\"");
        String fragment = mvc.perform(get("/partners/conventions/expiring").with(as(head)).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Conventions se terminant dans les 60 jours", "SOON-E", "/partners/conventions/" + soon)
                .doesNotContain("LATER-E");
        String ofPartner = mvc.perform(get("/partners/" + partner + "/conventions").with(as(head)).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsString();
        assertThat(ofPartner).contains("SOON-E", "LATER-E", "/partners/conventions/new?partner=" + partner);
        String apiDocs = mvc.perform(get("/v3/api-docs").with(as(head))).andReturn().getResponse().getContentAsString();
        assertThat(apiDocs).contains("\"/api/v1/conventions\"", "\"/api/v1/conventions/{id}\"");

        String list = mvc.perform(get("/api/v1/conventions").param("partner", partner.toString()).with(as(head)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(soon.toString(), later.toString(), "\"documentVersion\":1").doesNotContain("content");
        assertThat(list.indexOf(soon.toString())).isLessThan(list.indexOf(later.toString()));
        var foreign = mvc.perform(get("/api/v1/conventions/" + soon).with(as(SignedIn.as(users, "admin.marseille"))))
                .andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(403);
        var unknown = mvc.perform(get("/api/v1/conventions/" + UUID.randomUUID()).with(as(head))).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
    }

    private UUID givenAPartner(PasserelleUser user, String name) {
        return PartnerFixtures.givenAPartner(jdbc, tx, user.organisationId(), name, "CSAPA");
    }

    private static RequestPostProcessor as(PasserelleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
