package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.DeadlineDigest;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conventions with partners: dates checked in Java and in SQL, the list's filters and order, the
 * signed document typed by its content (versions kept, refusals change nothing, downloads audited),
 * the alerts in the daily digest, and row-level security under the application role.
 */
@PasserelleIntegrationTest
class ConventionsTest {

    /** The first bytes of a PDF, of a PNG and of a Windows executable. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
            0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] EXE = exe();

    @Autowired
    PartnerConventions conventions;

    @Autowired
    ConventionDocuments documents;

    @Autowired
    DeadlineDigest digest;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void listsTheConventionsEndingFirstFirstFilteredByObjectPartnerAndExpiry() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID relais = givenAPartner(head.organisationId(), "CHRS Liste " + UUID.randomUUID());
        UUID csapa = givenAPartner(head.organisationId(), "CSAPA Liste " + UUID.randomUUID());
        UUID late = conventions.create(data(relais, ConventionObject.PLACEMENT_EXTERIEUR, "PE-L1", today.minusYears(1), today.plusDays(200)));
        UUID soon = conventions.create(data(relais, ConventionObject.HEBERGEMENT, "HEB-L2", today.minusYears(1), today.plusDays(20)));
        UUID care = conventions.create(data(csapa, ConventionObject.SOINS, "SOINS-L3", today.minusYears(1), today.plusDays(45)));

        assertThat(conventions.list(new PartnerConventions.Filter(null, relais, null, false)))
                .extracting(PartnerConventions.Convention::id).containsExactly(soon, late);
        assertThat(conventions.list(new PartnerConventions.Filter(ConventionObject.SOINS, null, null, false)))
                .extracting(PartnerConventions.Convention::id).contains(care).doesNotContain(soon, late);
        List<UUID> within30 = conventions.list(new PartnerConventions.Filter(null, null, 30, false)).stream()
                .map(PartnerConventions.Convention::id).toList();
        assertThat(within30).contains(soon).doesNotContain(care, late);

        conventions.setArchived(soon, true);
        assertThat(conventions.list(new PartnerConventions.Filter(null, relais, null, false)))
                .extracting(PartnerConventions.Convention::id).containsExactly(late);
        assertThat(conventions.ofPartner(relais)).extracting(PartnerConventions.Convention::id).containsExactly(soon, late);
        assertThat(audited("convention.created", late)).isEqualTo(1);
        assertThat(audited("convention.archived", soon)).isEqualTo(1);
    }

    @Test
    void refusesAConventionEndingBeforeItStartsInJavaAndInTheDatabase() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(head.organisationId(), "CHRS Dates " + UUID.randomUUID());

        assertThatThrownBy(() -> conventions.create(data(partner, ConventionObject.INSERTION, "INS-1", today, today.minusDays(1))))
                .isInstanceOfSatisfying(FieldRefusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("endsOn");
                    assertThat(refusal.messageKey()).isEqualTo("convention.endsOn.beforeStart");
                });
        assertThat(conventions.ofPartner(partner)).isEmpty();

        assertThatThrownBy(() -> TenantContext.runAs(head.organisationId(), () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner_convention (id, organisation_id, partner_id, object, reference, title, starts_on, ends_on,
                    created_at, created_by, updated_at)
                values (?, ?, ?, 'SOINS', 'RAW-1', 'Brute', ?, ?, now(), ?, now())""")
                .params(Ids.newId(), head.organisationId(), partner, today, today.minusDays(1), head.userId()).update())))
                .rootCause().hasMessageContaining("partner_convention_dates");
    }

    @Test
    void refusesNegativePlacesABadPriceAndAPartnerOfAnotherAssociation() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(head.organisationId(), "CHRS Valeurs " + UUID.randomUUID());
        UUID foreign = givenAPartner(marseille(), "CHRS Marseille " + UUID.randomUUID());
        PartnerConventions.ConventionData ok = data(partner, ConventionObject.HEBERGEMENT, "HEB-V", today, today.plusYears(1));

        assertThatThrownBy(() -> conventions.create(withPlaces(ok, -1))).hasFieldOrPropertyWithValue("field", "placesReserved");
        assertThatThrownBy(() -> conventions.create(withPrice(ok, new BigDecimal("12.345"))))
                .hasFieldOrPropertyWithValue("field", "pricePerDay");
        assertThatThrownBy(() -> conventions.create(data(foreign, ConventionObject.HEBERGEMENT, "HEB-F", today, today.plusYears(1))))
                .hasFieldOrPropertyWithValue("messageKey", "convention.partner.unknown");
        assertThat(conventions.ofPartner(partner)).isEmpty();
    }

    @Test
    void anEditOverSomeoneElsesIsRefusedAndAnEditInTurnIsAudited() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(head.organisationId(), "CHRS Modification " + UUID.randomUUID());
        UUID id = conventions.create(data(partner, ConventionObject.HEBERGEMENT, "HEB-M", today, today.plusYears(1)));
        PartnerConventions.ConventionData changed = withPlaces(data(partner, ConventionObject.HEBERGEMENT, "HEB-M", today,
                today.plusYears(2)), 8);

        conventions.update(id, 0, changed);
        assertThatThrownBy(() -> conventions.update(id, 0, withPlaces(changed, 1)))
                .hasFieldOrPropertyWithValue("messageKey", "convention.changedMeanwhile");

        PartnerConventions.Convention now = conventions.get(id);
        assertThat(now.placesReserved()).isEqualTo(8);
        assertThat(now.endsOn()).isEqualTo(today.plusYears(2));
        assertThat(audited("convention.updated", id)).isEqualTo(1);
    }

    @Test
    void theLyonDemoAssociationHasSixPePlacesWithLeRelaisAndAConventionEndingWithinAMonth() {
        SignedIn.as(users, "directrice");
        List<PartnerConventions.Convention> all = conventions.list(new PartnerConventions.Filter(null, null, null, true));

        assertThat(all).filteredOn(c -> c.partnerName().equals("CHRS Le Relais – Lyon 7e")
                        && c.object() == ConventionObject.PLACEMENT_EXTERIEUR)
                .singleElement().extracting(PartnerConventions.Convention::placesReserved).isEqualTo(6);
        assertThat(all).extracting(PartnerConventions.Convention::object).contains(ConventionObject.values());
        assertThat(conventions.list(new PartnerConventions.Filter(null, null, 31, false)))
                .anyMatch(c -> c.reference().startsWith("CONV-"));
    }

    @Test
    void keepsEveryVersionOfTheSignedDocumentTypedByItsContentAndAuditsTheDownloads() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(head.organisationId(), "CHRS Document " + UUID.randomUUID());
        UUID convention = conventions.create(data(partner, ConventionObject.PLACEMENT_EXTERIEUR, "PE-D", today, today.plusYears(1)));

        assertThat(documents.attach(convention, "C:\\scans\\convention signée.pdf", PDF)).isEqualTo(1);
        // A scan named as a PDF is kept as what it is: a PNG.
        assertThat(documents.attach(convention, "scan.pdf", PNG)).isEqualTo(2);

        assertThat(documents.versions(convention)).extracting(ConventionDocuments.DocumentVersion::version,
                ConventionDocuments.DocumentVersion::mediaType, ConventionDocuments.DocumentVersion::filename)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "image/png", "scan.pdf"),
                        org.assertj.core.groups.Tuple.tuple(1, "application/pdf", "convention signée.pdf"));
        assertThat(conventions.get(convention).documentVersion()).isEqualTo(2);
        ConventionDocuments.Download current = documents.download(convention, null);
        assertThat(current.mediaType()).isEqualTo("image/png");
        assertThat(current.content()).isEqualTo(PNG);
        assertThat(documents.download(convention, 1).content()).isEqualTo(PDF);
        assertThat(audited("convention.document.attached", convention)).isEqualTo(2);
        assertThat(audited("convention.document.downloaded", convention)).isEqualTo(2);
    }

    @Test
    void refusesAMislabelledAnEmptyOrAnOversizedDocumentAndChangesNothing() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(head.organisationId(), "CHRS Refus " + UUID.randomUUID());
        UUID convention = conventions.create(data(partner, ConventionObject.SOINS, "SOINS-R", today, today.plusYears(1)));
        byte[] oversized = Arrays.copyOf(PDF, (int) documents.maxBytes() + 1);

        assertThatThrownBy(() -> documents.attach(convention, "convention.pdf", EXE))
                .hasFieldOrPropertyWithValue("messageKey", "convention.document.wrongType");
        assertThatThrownBy(() -> documents.attach(convention, "convention.pdf", new byte[0]))
                .hasFieldOrPropertyWithValue("messageKey", "convention.document.empty");
        assertThatThrownBy(() -> documents.attach(convention, "convention.pdf", oversized))
                .isInstanceOfSatisfying(FieldRefusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("convention.document.tooLarge");
                    assertThat(refusal.arguments()).containsExactly(10L);
                });

        assertThat(documents.versions(convention)).isEmpty();
        assertThat(audited("convention.document.attached", convention)).isZero();
    }

    @Test
    void theDailyDigestOfServiceHeadsAndDirectorsNamesTheConventionsAboutToEnd() {
        // In the second association, so that the measures' digest tests of the first one keep their day.
        PasserelleUser admin = SignedIn.as(users, "admin.marseille");
        String suffix = Long.toString(System.nanoTime(), 36);
        accounts.create(new UserAccounts.NewUser("chef.conv." + suffix, "Chef Conventions", "chef.conv." + suffix + "@example.org",
                "Conventions-Alerte-2026!", null, List.of(Roles.SERVICE_HEAD), false, false));
        SecurityContextHolder.clearContext();
        LocalDate today = conventions.today();
        UUID partner = givenAPartner(admin.organisationId(), "CSAPA Échéance " + suffix);
        UUID ending = givenAConvention(admin.organisationId(), partner, "SOINS-" + suffix, today.plusDays(12));
        givenAConvention(admin.organisationId(), partner, "LOIN-" + suffix, today.plusDays(conventions.alertDays() + 5));

        TenantContext.callAs(admin.organisationId(), digest::queue);

        List<String> bodies = OwnerSql.of(server).sql("""
                select o.body from mail_outbox o where o.kind = 'DEADLINE_DIGEST' and o.recipient = ?""")
                .param("chef.conv." + suffix + "@example.org").query(String.class).list();
        assertThat(bodies).singleElement().asString()
                .contains("Conventions se terminant dans les 60 jours", "SOINS-" + suffix, "CSAPA Échéance " + suffix,
                        "Soins", "dans 12 jour(s)")
                .doesNotContain("LOIN-" + suffix);
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from mail_outbox o join app_user u on u.email = o.recipient
                where o.kind = 'DEADLINE_DIGEST' and u.username = 'admin.marseille'""").query(Long.class).single())
                .as("an administrator does not renew conventions").isZero();
        assertThat(ending).isNotNull();
    }

    @Test
    void rowLevelSecurityKeepsAnotherAssociationsConventionsAndDocumentsOutOfReach() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID lyon = head.organisationId();
        UUID partner = givenAPartner(lyon, "CHRS Secret " + UUID.randomUUID());
        UUID convention = conventions.create(data(partner, ConventionObject.HEBERGEMENT, "HEB-RLS", conventions.today(),
                conventions.today().plusYears(1)));
        documents.attach(convention, "secret.pdf", PDF);
        UUID other = marseille();

        long visible = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql("""
                select (select count(*) from partner_convention where id = :c)
                     + (select count(*) from partner_convention_document where convention_id = :c)""")
                .param("c", convention).query(Long.class).single()));
        int updated = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql(
                "update partner_convention set places_reserved = 99 where id = ?").param(convention).update()));
        int deleted = TenantContext.callAs(other, () -> tx.execute(s -> jdbc.sql(
                "delete from partner_convention where id = ?").param(convention).update()));
        assertThat(visible).isZero();
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThatThrownBy(() -> TenantContext.runAs(other, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner_convention_document (id, organisation_id, convention_id, version, filename, media_type,
                    size_bytes, sha256, content, uploaded_at, uploaded_by, uploaded_by_name)
                values (?, ?, ?, 9, 'x.pdf', 'application/pdf', 1, 'x', '\\x25', now(), ?, 'Intrus')""")
                .params(Ids.newId(), lyon, convention, head.userId()).update())))
                .rootCause().hasMessageContaining("row-level security");
        // Its own association's row naming a partner of another association: the composite key refuses it.
        UUID foreignPartner = givenAPartner(other, "CHRS Ailleurs " + UUID.randomUUID());
        assertThatThrownBy(() -> givenAConvention(lyon, foreignPartner, "HEB-X", conventions.today()))
                .rootCause().hasMessageContaining("foreign key");
        // Documents are never changed nor deleted by the application, even in their own association.
        assertThatThrownBy(() -> TenantContext.runAs(lyon, () -> tx.executeWithoutResult(s -> jdbc.sql(
                "update partner_convention_document set filename = 'autre.pdf' where convention_id = ?").param(convention).update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThat(conventions.get(convention).placesReserved()).as("untouched by the other association").isEqualTo(6);
    }

    private UUID givenAPartner(UUID organisation, String name) {
        return PartnerFixtures.givenAPartner(jdbc, tx, organisation, name, "CHRS");
    }

    private UUID givenAConvention(UUID organisation, UUID partner, String reference, LocalDate endsOn) {
        UUID id = Ids.newId();
        TenantContext.runAs(organisation, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner_convention (id, organisation_id, partner_id, object, reference, title, starts_on, ends_on,
                    created_at, created_by, updated_at)
                values (?, ?, ?, 'SOINS', ?, 'Convention de soins', ?, ?, ?, ?, ?)""")
                .params(id, organisation, partner, reference, endsOn.minusYears(1), endsOn, Timestamp.from(Instant.now()),
                        UUID.randomUUID(), Timestamp.from(Instant.now())).update()));
        return id;
    }

    private UUID marseille() {
        return ((PasserelleUser) users.loadUserByUsername("admin.marseille")).organisationId();
    }

    private long audited(String action, UUID convention) {
        return OwnerSql.of(server).sql("select count(*) from audit_event where action = ? and object_id = ?")
                .param(action).param(convention.toString()).query(Long.class).single();
    }

    static PartnerConventions.ConventionData data(UUID partner, ConventionObject object, String reference, LocalDate starts,
            LocalDate ends) {
        return new PartnerConventions.ConventionData(partner, object, reference, "Convention " + reference,
                "SPIP du Rhône", starts.minusDays(10), starts, ends, 6, new BigDecimal("45.50"), null);
    }

    private static PartnerConventions.ConventionData withPlaces(PartnerConventions.ConventionData d, int places) {
        return new PartnerConventions.ConventionData(d.partnerId(), d.object(), d.reference(), d.title(), d.otherParties(),
                d.signedOn(), d.startsOn(), d.endsOn(), places, d.pricePerDay(), d.notes());
    }

    private static PartnerConventions.ConventionData withPrice(PartnerConventions.ConventionData d, BigDecimal price) {
        return new PartnerConventions.ConventionData(d.partnerId(), d.object(), d.reference(), d.title(), d.otherParties(),
                d.signedOn(), d.startsOn(), d.endsOn(), d.placesReserved(), price, d.notes());
    }

    private static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }
}
