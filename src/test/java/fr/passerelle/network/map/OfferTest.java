package fr.passerelle.network.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.network.Courts.JudicialCourt;
import fr.passerelle.network.map.Offer.MeasureTypeRef;
import fr.passerelle.network.map.Offer.Member;
import fr.passerelle.network.map.Offer.Provider;
import fr.passerelle.network.map.Offer.Provision;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The offer and its zones blanches computed on a small hand-built network. */
class OfferTest {

    static final JudicialCourt LYON = court("TJ-LYON", "Tribunal judiciaire de Lyon", "Lyon", "69", "Rhône");
    static final JudicialCourt VIENNE = court("TJ-VIENNE", "Tribunal judiciaire de Vienne", "Vienne", "38", "Isère");
    static final JudicialCourt STE = court("TJ-SAINT-ETIENNE", "Tribunal judiciaire de Saint-Étienne", "Saint-Étienne",
            "42", "Loire");
    static final MeasureTypeRef ESR = new MeasureTypeRef("ESR", "Enquête sociale rapide", "PRE_SENTENCE");
    static final MeasureTypeRef TIG = new MeasureTypeRef("TIG", "Travail d'intérêt général", "POST_SENTENCE");
    static final MeasureTypeRef JR = new MeasureTypeRef("JUSTICE_RESTAURATIVE", "Justice restaurative", "RESTORATIVE");

    static final UUID ALPHA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID BETA = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    /** Alpha covers Lyon and Vienne with ESR and TIG; Beta covers Lyon with ESR and restorative justice. */
    static final List<Provision> PROVISIONS = List.of(
            new Provision("TJ-LYON", "ESR", ALPHA, "Alpha"), new Provision("TJ-LYON", "TIG", ALPHA, "Alpha"),
            new Provision("TJ-VIENNE", "ESR", ALPHA, "Alpha"), new Provision("TJ-VIENNE", "TIG", ALPHA, "Alpha"),
            new Provision("TJ-LYON", "ESR", BETA, "Beta"), new Provision("TJ-LYON", "JUSTICE_RESTAURATIVE", BETA, "Beta"));

    static Offer offer() {
        return Offer.compute(List.of(LYON, STE, VIENNE), List.of(ESR, TIG, JR), PROVISIONS, List.of(
                new Member(ALPHA, "Alpha", "Lyon", new BigDecimal("45.76"), new BigDecimal("4.83"), "PRE_SENTENCE"),
                new Member(BETA, "Béta Médiation", "Saint-Étienne", null, null, "RESTORATIVE")));
    }

    @Test
    void aCourtOffersTheTypesOfTheAssociationsCoveringIt() {
        Offer.CourtOffer lyon = offer().court("TJ-LYON").orElseThrow();
        assertThat(lyon.offered()).extracting(o -> o.type().code()).containsExactly("ESR", "TIG", "JUSTICE_RESTAURATIVE");
        assertThat(lyon.offered().get(0).providers()).extracting(Provider::name).containsExactly("Alpha", "Beta");
        assertThat(lyon.offered().get(1).providers()).extracting(Provider::name).containsExactly("Alpha");
        assertThat(lyon.zonesBlanches()).isEmpty();
        assertThat(lyon.providers()).extracting(Provider::organisationId).containsExactly(ALPHA, BETA);
    }

    @Test
    void zonesBlanchesAreTheTypesNobodyOffersThere() {
        Offer offer = offer();
        Offer.CourtOffer vienne = offer.court("TJ-VIENNE").orElseThrow();
        assertThat(vienne.offered()).extracting(o -> o.type().code()).containsExactly("ESR", "TIG");
        assertThat(vienne.zonesBlanches()).containsExactly(JR);
        assertThat(vienne.isZoneBlanche("JUSTICE_RESTAURATIVE")).isTrue();
        assertThat(vienne.isZoneBlanche("ESR")).isFalse();
        Offer.CourtOffer ste = offer.court("TJ-SAINT-ETIENNE").orElseThrow();
        assertThat(ste.offered()).isEmpty();
        assertThat(ste.zonesBlanches()).containsExactly(ESR, TIG, JR);
    }

    @Test
    void perTypeTheCourtsWithoutProviderAndTheCounts() {
        Offer offer = offer();
        assertThat(offer.withoutProvider("ESR")).extracting(c -> c.court().code()).containsExactly("TJ-SAINT-ETIENNE");
        assertThat(offer.withoutProvider("JUSTICE_RESTAURATIVE")).extracting(c -> c.court().code())
                .containsExactly("TJ-SAINT-ETIENNE", "TJ-VIENNE");
        assertThat(offer.zonesBlanchesByType()).containsExactly(
                java.util.Map.entry("ESR", List.of("TJ-SAINT-ETIENNE")),
                java.util.Map.entry("TIG", List.of("TJ-SAINT-ETIENNE")),
                java.util.Map.entry("JUSTICE_RESTAURATIVE", List.of("TJ-SAINT-ETIENNE", "TJ-VIENNE")));
        assertThat(offer.zonesBlanchesCount()).isEqualTo(4);
        assertThat(offer.courtsWithOffer()).isEqualTo(2);
        assertThat(offer.courtsWithoutOffer()).isEqualTo(1);
    }

    @Test
    void aDuplicateProvisionCountsOnceAndUnknownCodesAreIgnored() {
        List<Provision> provisions = new java.util.ArrayList<>(PROVISIONS);
        provisions.add(new Provision("TJ-LYON", "ESR", ALPHA, "Alpha"));
        provisions.add(new Provision("TJ-NOWHERE", "ESR", BETA, "Beta"));
        provisions.add(new Provision("TJ-SAINT-ETIENNE", "UNKNOWN", BETA, "Beta"));
        Offer offer = Offer.compute(List.of(LYON, STE, VIENNE), List.of(ESR, TIG, JR), provisions, List.of());
        assertThat(offer.court("TJ-LYON").orElseThrow().offered().get(0).providers()).hasSize(2);
        assertThat(offer.court("TJ-SAINT-ETIENNE").orElseThrow().offered()).isEmpty();
        assertThat(offer.court("TJ-NOWHERE")).isEmpty();
        assertThat(offer.type("UNKNOWN")).isEmpty();
        assertThat(offer.zonesBlanchesCount()).isEqualTo(4);
    }

    @Test
    void withoutAnyProfileEveryPairIsAZoneBlanche() {
        Offer offer = Offer.compute(List.of(LYON, STE, VIENNE), List.of(ESR, TIG, JR), List.of(), List.of());
        assertThat(offer.zonesBlanchesCount()).isEqualTo(9);
        assertThat(offer.courtsWithOffer()).isZero();
        assertThat(offer.withoutProvider("TIG")).hasSize(3);
    }

    @Test
    void searchIgnoresAccentsCaseAndHyphens() {
        Offer offer = offer();
        assertThat(offer.searchCourts("saint etienne")).extracting(c -> c.court().code()).containsExactly("TJ-SAINT-ETIENNE");
        assertThat(offer.searchCourts("ISÈRE")).extracting(c -> c.court().code()).containsExactly("TJ-VIENNE");
        assertThat(offer.searchCourts("69")).extracting(c -> c.court().code()).containsExactly("TJ-LYON");
        assertThat(offer.searchCourts("  ")).hasSize(3);
        assertThat(offer.searchCourts("Marseille")).isEmpty();
        assertThat(offer.searchMembers("beta mediation")).extracting(Member::id).containsExactly(BETA);
        assertThat(offer.searchMembers("Saint-etienne")).extracting(Member::id).containsExactly(BETA);
        assertThat(offer.membersByField()).containsExactly(java.util.Map.entry("PRE_SENTENCE", 1L),
                java.util.Map.entry("POST_SENTENCE", 0L), java.util.Map.entry("MINORS", 0L),
                java.util.Map.entry("RESTORATIVE", 1L));
    }

    static JudicialCourt court(String code, String name, String city, String dept, String deptName) {
        return new JudicialCourt(code, name, city, dept, deptName, "CA-LYON", "Cour d'appel de Lyon",
                new BigDecimal("45.0"), new BigDecimal("4.0"), "test");
    }
}
