package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.Referrals.Section;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.shared.mail.MailOutbox;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Referrals of a person to a partner: the sections picked and nothing else in the PDF mailed with it,
 * the consent recorded, health only with consent and for a role allowed to read it, the status steps
 * and their delays, audit of every write and read, bad input refused with nothing changed, and
 * another association seeing nothing.
 */
@PasserelleIntegrationTest
class ReferralsTest {

    @Autowired
    Referrals referrals;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    MailOutbox outbox;

    @Autowired
    UnansweredReferrals job;

    @Autowired
    MessageSource messages;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    GivenReferrals given;
    PasserelleUser worker;
    LocalDate today;
    UUID csapa;
    UUID person;

    @BeforeEach
    void givenACaseWorkerACsapaAndAPerson() {
        given = new GivenReferrals(server, persons, measures, catalogue, followUp);
        worker = SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
        csapa = given.partner(worker.organisationId(), "CSAPA Test " + UUID.randomUUID(), "CSAPA");
        person = given.person("Referral" + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void sendsOnlyThePickedSectionsAsAPdfMailedToTheContactWithTheConsentRecorded() {
        UUID measure = given.measureWithObligation(person);
        UUID contact = given.contactOf(csapa);

        UUID id = referrals.send(new Referrals.Request(csapa, contact, person, measure, "Suivi en addictologie.",
                EnumSet.of(Section.IDENTITY, Section.OBLIGATIONS), today.minusDays(1), false));

        Referrals.Referral referral = referrals.view(id);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(referral.shared()).containsExactlyInAnyOrder(Section.IDENTITY, Section.OBLIGATIONS);
        assertThat(referral.recipientEmail()).isEqualTo("m.perrin@partenaire.example.org");
        assertThat(referral.consentGivenOn()).isEqualTo(today.minusDays(1));
        assertThat(referral.consentRecordedByName()).isEqualTo(worker.displayName());
        assertThat(persons.consents(person)).singleElement().satisfies(consent -> {
            assertThat(consent.recipient()).startsWith("CSAPA Test");
            assertThat(consent.givenOn()).isEqualTo(today.minusDays(1));
            assertThat(consent.subject()).contains("Identité").contains("Obligations").doesNotContain("santé");
        });

        String pdf = GivenReferrals.text(referrals.document(id));
        assertThat(pdf).contains(referral.personLabel().substring(referral.personLabel().indexOf("– ") + 2))
                .contains("Obligation de soins en addictologie").contains("Suivi en addictologie.")
                .doesNotContain("Hébergé chez un tiers").doesNotContain("Traitement de substitution");

        UUID mailId = owner("select id from mail_outbox where dedup_key = ?", "referral:" + id);
        MailOutbox.Mail mail = outbox.list(null, 0).items().stream().filter(m -> m.id().equals(mailId)).findFirst()
                .orElseThrow();
        assertThat(mail.recipient()).isEqualTo("m.perrin@partenaire.example.org");
        assertThat(mail.kind()).isEqualTo("partner.referral");
        assertThat(mail.body()).contains("Dr Marc Perrin").doesNotContain(referral.personLabel());
        List<MailOutbox.Attachment> files = outbox.attachments(mailId);
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(GivenReferrals.text(file.content())).contains("Obligation de soins en addictologie");
        });
    }

    @Test
    void sharesHealthWithAConsentCoveringItByARoleAllowedToReadIt() {
        UUID id = referrals.send(new Referrals.Request(csapa, null, person, null, "Soins.",
                EnumSet.of(Section.SITUATION, Section.HEALTH), today, true));

        assertThat(referrals.view(id).recipientEmail()).isEqualTo("accueil@partenaire.example.org");
        assertThat(GivenReferrals.text(referrals.document(id))).contains("Traitement de substitution")
                .contains("Hébergé chez un tiers").contains("informations de santé comprises");
    }

    @Test
    void refusesHealthWithoutTheConsentCoveringItAndChangesNothing() {
        long before = count("partner_referral");
        long mails = count("mail_outbox");

        assertThatThrownBy(() -> referrals.send(new Referrals.Request(csapa, null, person, null, "Soins.",
                EnumSet.of(Section.IDENTITY, Section.HEALTH), today, false)))
                .isInstanceOfSatisfying(FieldRefusal.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("referral.health.noConsent");
                    assertThat(e.field()).isEqualTo("consentCoversHealth");
                });

        assertThat(count("partner_referral")).isEqualTo(before);
        assertThat(count("mail_outbox")).isEqualTo(mails);
        assertThat(persons.consents(person)).isEmpty();
    }

    @Test
    void refusesHealthToARoleNotAllowedToReadItAndHidesTheDocumentThatHasIt() {
        UUID withHealth = referrals.send(new Referrals.Request(csapa, null, person, null, "Soins.",
                EnumSet.of(Section.HEALTH), today, true));
        var withoutHealth = worker.getAuthorities().stream()
                .filter(a -> !Persons.HEALTH_PERMISSION.equals(a.getAuthority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(worker, null, withoutHealth));
        long before = count("partner_referral");

        assertThatThrownBy(() -> referrals.send(new Referrals.Request(csapa, null, person, null, "Soins.",
                EnumSet.of(Section.IDENTITY, Section.HEALTH), today, true)))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        e -> assertThat(e.messageKey()).isEqualTo("referral.health.notAllowed"));
        assertThat(count("partner_referral")).isEqualTo(before);
        assertThatThrownBy(() -> referrals.document(withHealth))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(referrals.view(withHealth).shared()).containsExactly(Section.HEALTH);
    }

    @Test
    void badInputGetsAFrenchMessageAndChangesNothing() {
        long before = count("partner_referral");
        assertRefused(new Referrals.Request(csapa, null, person, null, "  ", EnumSet.of(Section.IDENTITY), today, false),
                "purpose", "Indiquez l’objet de l’orientation.");
        assertRefused(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.noneOf(Section.class), today,
                false), "shared", "Cochez au moins une information à partager.");
        assertRefused(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.OBLIGATIONS), today,
                false), "measureId", "Choisissez la mesure dont les obligations sont partagées.");
        assertRefused(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY),
                today.plusDays(1), false), "consentGivenOn", "La date du consentement ne peut pas être dans le futur.");
        assertRefused(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY), null,
                false), "consentGivenOn", "Indiquez la date du consentement de la personne.");
        UUID noEmail = UUID.randomUUID();
        given.owner().sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, 'CHRS', now(), ?, now())""")
                .params(noEmail, worker.organisationId(), "Sans courriel " + noEmail, UUID.randomUUID()).update();
        assertRefused(new Referrals.Request(noEmail, null, person, null, "Objet", EnumSet.of(Section.IDENTITY), today,
                false), "contactId", "Ni ce partenaire ni ce contact n’a d’adresse électronique valide : choisissez "
                + "un contact qui en a une ou complétez l’annuaire.");
        assertThat(count("partner_referral")).isEqualTo(before);
        assertThat(persons.consents(person)).isEmpty();
    }

    @Test
    void followsTheAnswerAndTheEntryWithTheirDelaysEachAnEventAndAnAuditEntry() {
        UUID id = referrals.send(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY),
                today.minusDays(12), false), today.minusDays(10));

        assertThatThrownBy(() -> referrals.accept(id, today.minusDays(11)))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        e -> assertThat(e.messageKey()).isEqualTo("referral.answer.beforeSent"));
        assertThatThrownBy(() -> referrals.accept(id, today.plusDays(1)))
                .isInstanceOfSatisfying(FieldRefusal.class, e -> assertThat(e.messageKey()).isEqualTo("referral.date.future"));
        assertThatThrownBy(() -> referrals.enter(id, today))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("referral.transition.refused"));
        assertThat(referrals.status(id)).isEqualTo(ReferralStatus.SENT);

        referrals.accept(id, today.minusDays(6));
        referrals.enter(id, today.minusDays(1));

        Referrals.Referral referral = referrals.view(id);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ENTERED);
        assertThat(referral.daysToAnswer()).isEqualTo(4);
        assertThat(referral.daysToEntry()).isEqualTo(5);
        assertThat(referrals.events(id)).extracting(Referrals.Event::kind).containsExactly("SENT", "ACCEPTED", "ENTERED");
        assertThat(referrals.events(id)).extracting(Referrals.Event::actorName).containsOnly(worker.displayName());
        for (String action : List.of("referral.sent", "referral.accepted", "referral.entered", "referral.viewed")) {
            assertThat(audited(action, id)).as(action).isPositive();
        }
    }

    @Test
    void aRefusalNeedsItsReasonAndTheReadsOfReferralsAreAudited() {
        UUID id = referrals.send(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY),
                today, false));
        assertThatThrownBy(() -> referrals.refuse(id, today, " "))
                .isInstanceOfSatisfying(FieldRefusal.class, e -> assertThat(e.messageKey()).isEqualTo("referral.reason.required"));
        assertThat(referrals.status(id)).isEqualTo(ReferralStatus.SENT);
        referrals.refuse(id, today, "Pas de place");
        assertThat(referrals.view(id).refusalReason()).isEqualTo("Pas de place");
        assertThat(audited("referral.refused", id)).isEqualTo(1);

        long listed = auditedWithoutObject("referral.listed");
        assertThat(referrals.ofPerson(person)).extracting(Referrals.Referral::id).containsExactly(id);
        assertThat(auditedWithoutObject("referral.listed")).isEqualTo(listed + 1);
        long viewed = audited("referral.viewed", id);
        referrals.document(id);
        assertThat(audited("referral.viewed", id)).isEqualTo(viewed + 1);
    }

    @Test
    void theDailyJobMarksNoAnswerAfterTheConfiguredDaysOnlyWithNoUserAsActor() {
        UUID old = referrals.send(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY),
                today.minusDays(30), false), today.minusDays(referrals.noAnswerDays()));
        UUID recent = referrals.send(new Referrals.Request(csapa, null, person, null, "Objet",
                EnumSet.of(Section.IDENTITY), today.minusDays(30), false), today.minusDays(referrals.noAnswerDays() - 1));

        SecurityContextHolder.clearContext();
        job.markAll(); // every association, as the daily job does, with no one signed in
        SignedIn.as(users, "intervenant");

        assertThat(referrals.status(old)).isEqualTo(ReferralStatus.NO_ANSWER);
        assertThat(referrals.status(recent)).isEqualTo(ReferralStatus.SENT);
        assertThat(referrals.events(old)).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("NO_ANSWER");
            assertThat(e.actorName()).isNull();
        });
        assertThat(audited("referral.noAnswer", old)).isEqualTo(1);
        referrals.accept(old, today);
        assertThat(referrals.view(old).status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void anotherAssociationNeitherSeesNorChangesAReferral() {
        UUID id = referrals.send(new Referrals.Request(csapa, null, person, null, "Objet", EnumSet.of(Section.IDENTITY),
                today, false));
        PasserelleUser other = SignedIn.as(users, "admin.marseille");

        assertThatThrownBy(() -> referrals.view(id)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> referrals.accept(id, today)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> referrals.document(id)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(referrals.list(Referrals.Filter.all(), 0).items()).extracting(Referrals.Referral::id).doesNotContain(id);
        assertThatThrownBy(() -> referrals.send(new Referrals.Request(csapa, null, person, null, "Objet",
                EnumSet.of(Section.IDENTITY), today, false))).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(other.organisationId()).isNotEqualTo(worker.organisationId());
        SignedIn.as(users, "intervenant");
        assertThat(referrals.status(id)).isEqualTo(ReferralStatus.SENT);
    }

    private void assertRefused(Referrals.Request request, String field, String french) {
        assertThatThrownBy(() -> referrals.send(request)).isInstanceOfSatisfying(FieldRefusal.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(messages.getMessage(new DefaultMessageSourceResolvable(new String[] {e.messageKey()},
                    e.arguments()), Locale.FRENCH)).isEqualTo(french);
        });
    }

    private long count(String table) {
        return given.owner().sql("select count(*) from " + table + " where organisation_id = ?")
                .param(worker.organisationId()).query(Long.class).single();
    }

    private UUID owner(String sql, Object value) {
        return given.owner().sql(sql).param(value).query(UUID.class).single();
    }

    private long audited(String action, UUID id) {
        return given.owner().sql("select count(*) from audit_event where action = ? and object_id = ?")
                .params(action, id.toString()).query(Long.class).single();
    }

    private long auditedWithoutObject(String action) {
        return given.owner().sql("select count(*) from audit_event where action = ? and actor_id = ?")
                .params(action, worker.userId()).query(Long.class).single();
    }
}
