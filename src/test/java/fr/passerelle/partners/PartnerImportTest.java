package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.partners.PartnerImport.Field;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A service head imports a partner list from a CSV or XLSX file: mapping, dry run, all-or-nothing import. */
@PasserelleIntegrationTest
class PartnerImportTest {

    @Autowired
    PartnerImport imports;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    final String marker = "zi" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCsvListImportsItsPartnersWithTheirSitesAndContactsInTheImportersAssociation() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        String csv = """
                Nom;Type;Adresse;Code postal;Ville;Latitude;Longitude;Contact;Fonction;Téléphone;Courriel;Activités;Étiquettes
                Foyer Aurore %1$s;chrs;3 rue Neuve;69001;Lyon;45,767;4.834;Anne Roux;Cheffe de service;04 78 00 00 01;anne@example.org;hébergement, accompagnement;urgence
                Foyer Aurore %1$s;CHRS;12 avenue Berthelot;69007;Lyon;;;Marc Petit;Veilleur;;;;
                Addictions Rhône %1$s;Centre de soins (CSAPA);;69003;Lyon;;;;;;;soins;
                Mission locale Est %1$s;MISSION LOCALE;;;;;;Léa Martin;Conseillère;;lea@example.org;;jeunes
                Bailleur %1$s;Bailleur social;;;;;;;;;;;
                """.formatted(marker);
        UUID id = imports.upload("partenaires.csv", csv.length(), stream(csv.getBytes(StandardCharsets.UTF_8)));
        Map<Integer, Field> mapping = PartnerImport.propose(imports.file(id).headers());
        assertThat(mapping.values()).containsExactly(Field.NAME, Field.TYPE, Field.ADDRESS, Field.POSTCODE, Field.CITY,
                Field.LATITUDE, Field.LONGITUDE, Field.CONTACT_NAME, Field.CONTACT_ROLE, Field.CONTACT_PHONE,
                Field.CONTACT_EMAIL, Field.ACTIVITIES, Field.TAGS);
        assertThat(imports.file(id).samplesOf(0)).contains("Foyer Aurore " + marker);

        PartnerImport.Report dryRun = imports.check(id, mapping);
        assertThat(dryRun.clean()).isTrue();
        assertThat(dryRun).extracting(PartnerImport.Report::rows, PartnerImport.Report::partners,
                PartnerImport.Report::sites, PartnerImport.Report::contacts).containsExactly(5, 4, 3, 3);
        assertThat(partnersNamed(marker)).as("a dry run writes nothing").isEmpty();

        PartnerImport.Report done = imports.run(id, mapping);
        assertThat(done.imported()).isTrue();
        assertThat(partnersNamed(marker)).containsExactlyInAnyOrder("Addictions Rhône " + marker,
                "Bailleur " + marker, "Foyer Aurore " + marker, "Mission locale Est " + marker);
        UUID foyer = directory.search(PartnerDirectory.Filter.byName("foyer aurore " + marker), 0).items().get(0).id();
        PartnerDirectory.Details details = directory.details(foyer);
        assertThat(details.partner().type()).isEqualTo("CHRS");
        assertThat(details.partner().activities()).containsExactly("hébergement", "accompagnement");
        assertThat(details.sites()).extracting(PartnerDirectory.Site::postcode).containsExactlyInAnyOrder("69001", "69007");
        assertThat(details.sites()).filteredOn(s -> "69001".equals(s.postcode())).singleElement()
                .satisfies(s -> assertThat(s.latitude()).isEqualTo(45.767));
        assertThat(details.contacts()).extracting(PartnerDirectory.Contact::fullName)
                .containsExactlyInAnyOrder("Anne Roux", "Marc Petit");
        assertThat(directory.search(PartnerDirectory.Filter.byName("addictions rhone " + marker), 0).items().get(0).type())
                .isEqualTo("CSAPA");

        JdbcClient owner = OwnerSql.of(server);
        assertThat(owner.sql("select distinct organisation_id from partner where name like ?").param("%" + marker)
                .query(UUID.class).list()).containsExactly(head.organisationId());
        assertThat(owner.sql("select count(*) from import_upload where job_id = ?").param(id).query(Long.class).single())
                .as("the file is deleted once imported").isZero();
        assertThat(owner.sql("select count(*) from audit_event where action = 'partner.import.imported' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> imports.run(id, mapping)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).status()).isEqualTo(409);
    }

    @Test
    void anUnknownTypeIsListedWithItsRowAndNothingIsImported() {
        SignedIn.as(users, "cheffe.service");
        String csv = """
                Nom,Type,Code postal,Courriel
                Accueil %1$s,CHRS,69001,
                Garage solidaire %1$s,Garage,69002,
                Centre %1$s,,69003,
                Clinique %1$s,Hôpital,6900,
                Écoute %1$s,=HYPERLINK("x"),69004,pas-un-courriel
                """.formatted(marker);
        UUID id = imports.upload("liste.csv", csv.length(), stream(csv.getBytes(StandardCharsets.UTF_8)));
        Map<Integer, Field> mapping = PartnerImport.propose(imports.file(id).headers());

        PartnerImport.Report report = imports.run(id, mapping);

        assertThat(report.imported()).isFalse();
        assertThat(report.errorCount()).isEqualTo(4);
        assertThat(report.errors()).filteredOn(g -> g.key().equals("partners.import.error.type")).singleElement()
                .satisfies(g -> {
                    assertThat(g.count()).isEqualTo(2);
                    assertThat(g.problems()).extracting(PartnerImport.Problem::row, PartnerImport.Problem::value)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Garage"),
                                    org.assertj.core.groups.Tuple.tuple(6, "=HYPERLINK(\"x\")"));
                });
        assertThat(report.errors()).extracting(PartnerImport.ProblemGroup::key)
                .contains("partners.import.error.typeMissing", "partners.site.postcodeInvalid");
        assertThat(report.warnings()).extracting(PartnerImport.ProblemGroup::key).contains("import.warning.formula");
        assertThat(partnersNamed(marker)).as("nothing is imported").isEmpty();
        assertThat(OwnerSql.of(server).sql("select count(*) from import_upload where job_id = ?").param(id)
                .query(Long.class).single()).as("the file is kept to be checked again").isPositive();
    }

    @Test
    void anXlsxListImportsAndADuplicateOfTheDirectoryIsSkippedOrGetsItsNewSite() throws IOException {
        SignedIn.as(users, "cheffe.service");
        UUID existing = directory.create(new PartnerDirectory.PartnerInput("SIAO Rhône " + marker, "SIAO", null, null,
                null, null, null, null));
        directory.addSite(existing, new PartnerDirectory.SiteInput("Siège", null, "69003", "Lyon", null, null, null));
        // A partner of the same name in another association is not seen: it is no duplicate.
        UUID otherAssociation = OwnerSql.of(server).sql("""
                select id from organisation where kind = 'ASSOCIATION' and id <> ? order by id limit 1""")
                .param(SignedIn.as(users, "cheffe.service").organisationId()).query(UUID.class).single();
        OwnerSql.of(server).sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, 'CSAPA', now(), ?, now())""")
                .params(Ids.newId(), otherAssociation, "Oppelia " + marker, Ids.newId()).update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Partenaires");
        List<List<Object>> rows = List.of(List.of("Structure", "Catégorie", "CP", "Ville"),
                List.of("SIAO Rhône " + marker, "SIAO", "69003", "Lyon"),
                List.of("Siao rhone " + marker, "SIAO", 69008, "Lyon"),
                List.of("Oppelia " + marker, "csapa", 69001, "Lyon"));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number n) {
                    sheet.value(r, c, n);
                } else {
                    sheet.value(r, c, (String) value);
                }
            }
        }
        workbook.finish();
        byte[] bytes = out.toByteArray();
        UUID id = imports.upload("partenaires.xlsx", bytes.length, stream(bytes));
        Map<Integer, Field> mapping = PartnerImport.propose(imports.file(id).headers());
        assertThat(mapping).containsEntry(0, Field.NAME).containsEntry(1, Field.TYPE).containsEntry(2, Field.POSTCODE);

        PartnerImport.Report report = imports.run(id, mapping);

        assertThat(report.imported()).isTrue();
        assertThat(report).extracting(PartnerImport.Report::partners, PartnerImport.Report::sites,
                PartnerImport.Report::skipped).containsExactly(1, 2, 1);
        assertThat(report.warnings()).extracting(PartnerImport.ProblemGroup::key)
                .containsExactlyInAnyOrder("partners.import.warning.duplicate", "partners.import.warning.merged");
        assertThat(directory.details(existing).sites()).extracting(PartnerDirectory.Site::postcode)
                .containsExactlyInAnyOrder("69003", "69008");
        assertThat(partnersNamed(marker)).containsExactlyInAnyOrder("SIAO Rhône " + marker, "Oppelia " + marker);
    }

    @Test
    void aCaseWorkerCannotImportAndABadFileIsRefusedWithItsReason() {
        SignedIn.as(users, "intervenant");
        assertThatThrownBy(() -> imports.upload("a.csv", 3, stream("a;b".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "cheffe.service");
        byte[] pdf = "%PDF-1.4 not a list".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.upload("liste.pdf", pdf.length, stream(pdf)))
                .isInstanceOf(BusinessException.class).hasMessageContaining("import.file.notTabular.pdf");
        byte[] csv = "Nom;Type\nA;CHRS\n".getBytes(StandardCharsets.UTF_8);
        UUID id = imports.upload("liste.csv", csv.length, stream(csv));
        assertThatThrownBy(() -> imports.check(id, Map.of(0, Field.NAME)))
                .isInstanceOf(BusinessException.class).hasMessageContaining("partners.import.mapping.missing");
    }

    private List<String> partnersNamed(String marker) {
        return directory.search(PartnerDirectory.Filter.byName(marker), 0).items().stream()
                .map(PartnerDirectory.Summary::name).toList();
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
