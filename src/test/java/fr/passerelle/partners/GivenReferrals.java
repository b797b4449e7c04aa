package fr.passerelle.partners;

import fr.passerelle.OwnerSql;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "given" helpers of the referrals' tests: a partner with an e-mail address and a contact
 * (written as the database owner), a person with a situation and health notes and a measure with an
 * obligation (through the measures module, as the signed-in user), and the text of a PDF.
 */
public class GivenReferrals {

    private final EmbeddedPostgresServer server;
    private final Persons persons;
    private final Measures measures;
    private final MeasureCatalogue catalogue;
    private final FollowUp followUp;

    public GivenReferrals(EmbeddedPostgresServer server, Persons persons, Measures measures, MeasureCatalogue catalogue,
            FollowUp followUp) {
        this.server = server;
        this.persons = persons;
        this.measures = measures;
        this.catalogue = catalogue;
        this.followUp = followUp;
    }

    public JdbcClient owner() {
        return OwnerSql.of(server);
    }

    /** A partner of the organisation with its own address, and a contact with another one; returns the partner. */
    public UUID partner(UUID organisation, String name, String type) {
        UUID partner = UUID.randomUUID();
        owner().sql("""
                insert into partner (id, organisation_id, name, partner_type, email, created_at, created_by, updated_at)
                values (?, ?, ?, ?, 'accueil@partenaire.example.org', now(), ?, now())""")
                .params(partner, organisation, name, type, UUID.randomUUID()).update();
        owner().sql("""
                insert into partner_contact (id, organisation_id, partner_id, full_name, role_label, email, created_at)
                values (?, ?, ?, 'Dr Marc Perrin', 'Médecin', 'm.perrin@partenaire.example.org', now())""")
                .params(UUID.randomUUID(), organisation, partner).update();
        return partner;
    }

    public UUID contactOf(UUID partner) {
        return owner().sql("select id from partner_contact where partner_id = ?").param(partner).query(UUID.class).single();
    }

    /** A person with a situation (housing "Hébergé chez un tiers") and health notes ("Traitement de substitution"). */
    public UUID person(String lastName) {
        UUID person = persons.create(new Persons.PersonData(lastName, "Karim", LocalDate.of(1988, 3, 14), "M", "Lyon",
                "06 12 34 56 78", null, "12 rue Garibaldi, Lyon", "Hébergé chez un tiers", "Sans emploi", "RSA"), true);
        persons.updateHealth(person, new Persons.Health("Traitement de substitution", "Alcool"));
        return person;
    }

    /** A measure of the person with the obligation "Obligation de soins en addictologie". */
    public UUID measureWithObligation(UUID person) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("PLACEMENT_EXTERIEUR")).findFirst()
                .orElseGet(() -> catalogue.types().get(0)).id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                LocalDate.now(fr.passerelle.TestDates.PARIS).minusDays(30), null, null));
        followUp.addObligation(measure, "Obligation de soins en addictologie");
        return measure;
    }

    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
