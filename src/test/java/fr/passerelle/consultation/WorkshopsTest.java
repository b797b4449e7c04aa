package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class WorkshopsTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Workshops workshops;
    @Autowired EmbeddedPostgresServer server;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenAConsultationWithThreeConsentingParticipants() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 3);
        ConsultationFixture.as(made, () -> {
            Consultations.Consultation c = consultations.forPublic(
                    new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
            for (int i = 0; i < 4; i++) {
                UUID p = participants.resolve(made.id(), null, null).id();
                participants.saveProfile(c, p, Map.of(), i < 3, i < 3 ? "atelier" + i + "@exemple.org" : null);
            }
            return null;
        });
        SignedIn.as(users, "organisateur");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void ideasSessionsInvitationsWithinCapacityAndSheetsExportedSafely() throws Exception {
        UUID idea = workshops.selectIdea(made.id(), made.proposals().get(0));
        assertThatThrownBy(() -> workshops.selectIdea(made.id(), made.proposals().get(0)))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> workshops.planSession(made.id(), "Atelier", LocalDateTime.now().minusDays(1), "Lyon", 2))
                .isInstanceOf(FieldRefusal.class);
        UUID session = workshops.planSession(made.id(), "Atelier insertion", LocalDateTime.now().plusDays(10),
                "Maison des associations, Lyon", 2);
        assertThat(workshops.reachable(made.id())).isEqualTo(3);

        assertThat(workshops.invite(made.id(), session)).isEqualTo(2);
        assertThatThrownBy(() -> workshops.invite(made.id(), session)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("workshop.session.full");
        assertThat(workshops.reachable(made.id())).isEqualTo(1);
        List<String> recipients = OwnerSql.of(server).sql("""
                select recipient from mail_outbox where kind = 'CONSULTATION_WORKSHOP' and dedup_key like ? order by recipient""")
                .param("workshop:" + session + ":%").query(String.class).list();
        assertThat(recipients).containsExactly("atelier0@exemple.org", "atelier1@exemple.org");

        UUID sheet = workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "=HYPERLINK(\"x\")",
                "Les sortants n’ont pas de logement", "Un référent logement", "SPIP, bailleurs", "Deux postes",
                "1. Recruter", "Part de sortants logés"));
        workshops.saveSheet(made.id(), new Workshops.Sheet(sheet, idea, "=HYPERLINK(\"x\")", "Problème précisé",
                "Un référent logement", "", "", "", ""));
        assertThat(workshops.sheets(made.id())).singleElement()
                .satisfies(s -> assertThat(s.problem()).isEqualTo("Problème précisé"));
        assertThatThrownBy(() -> workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "", "", "", "", "", "", "")))
                .isInstanceOf(FieldRefusal.class);

        PasserelleUser organiser = (PasserelleUser) users.loadUserByUsername("organisateur");
        String csv = mvc.perform(get("/consultations/" + made.id() + "/workshops/sheets.csv").with(user(organiser)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains("Problème précisé").doesNotContain("@exemple.org");
        String page = mvc.perform(get("/consultations/" + made.id() + "/workshops").with(user(organiser)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Atelier insertion").contains("2 / 2").doesNotContain("atelier0@exemple.org");
    }
}
