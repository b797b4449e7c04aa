package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** The good-practice library: the loaded sheets, the French search and its facets, the federation's versions. */
@PasserelleIntegrationTest
class PracticeLibraryTest {

    @Autowired
    PracticeLibrary library;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    JdbcClient jdbc;

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
    void theThirtySheetsOfTheNationalReferencementAreLoadedOnceAsFirstVersions() {
        JdbcClient owner = OwnerSql.of(server);
        assertThat(owner.sql("select count(*) from practice_sheet where origin = 'RESOURCE'").query(Long.class).single())
                .isEqualTo(30);
        assertThat(owner.sql("select array_agg(number order by number) from practice_sheet where origin = 'RESOURCE'")
                .query((rs, n) -> List.of((Integer[]) rs.getArray(1).getArray())).single())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        SignedIn.as(users, "intervenant");
        PracticeSheet chantier = library.sheet("chantier-passerelle");
        assertThat(chantier.number()).isEqualTo(1);
        assertThat(chantier.axis()).isEqualTo("YOUTH");
        assertThat(chantier.sections()).containsKeys("carrier", "need", "objectives", "public");
        assertThat(chantier.source()).contains("Référencement des bonnes pratiques");
        assertThat(chantier.version()).isEqualTo(1);
    }

    @Test
    void searchesInFrenchWithStemsAndWithoutAccentsTitleFirst() {
        SignedIn.as(users, "intervenant");
        PracticeLibrary.Results chantier = search("chantier");
        assertThat(codes(chantier)).first().isEqualTo("chantier-passerelle");
        assertThat(chantier.page().items().get(0).snippet()).anySatisfy(part -> {
            assertThat(part.found()).isTrue();
            assertThat(part.text()).isEqualToIgnoringCase("chantier");
        });
        // "chantiers" is stemmed to the same word; accents are optional.
        assertThat(codes(search("chantiers"))).contains("chantier-passerelle");
        assertThat(codes(search("tranquillite publique"))).isEqualTo(codes(search("tranquillité publique")))
                .isNotEmpty();
        PracticeLibrary.Results violences = library.search(new PracticeLibrary.Query("violences conjugales", Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of(), null), 0);
        assertThat(violences.page().items()).isNotEmpty();
        assertThat(violences.page().items().get(0).axis()).isEqualTo("VIOLENCE_VICTIMS");
        assertThat(search("zzzyxquux").page().total()).isZero();
    }

    @Test
    void eachFacetCountsTheSheetsTheOtherFacetsLetThrough() {
        SignedIn.as(users, "intervenant");
        PracticeLibrary.Results all = library.search(PracticeLibrary.Query.all(), 0);
        assertThat(all.page().total()).isGreaterThanOrEqualTo(30);
        PracticeLibrary.Results violence = library.search(new PracticeLibrary.Query(null, Set.of("VIOLENCE_VICTIMS"),
                Set.of(), Set.of(), Set.of(), Set.of(), null), 0);
        long violenceCount = all.facets().get("axis").get("VIOLENCE_VICTIMS");
        assertThat(violence.page().total()).isEqualTo(violenceCount).isPositive();
        assertThat(violence.page().items()).allSatisfy(hit -> assertThat(hit.axis()).isEqualTo("VIOLENCE_VICTIMS"));
        // The axis facet ignores its own filter (one can add another axis); the public facet follows it.
        assertThat(violence.facets().get("axis")).isEqualTo(all.facets().get("axis"));
        assertThat(violence.facets().get("public").values().stream().mapToLong(Long::longValue).sum())
                .isLessThan(all.facets().get("public").values().stream().mapToLong(Long::longValue).sum());
        PracticeLibrary.Results minors = library.search(new PracticeLibrary.Query(null, Set.of(), Set.of(),
                Set.of("MINORS"), Set.of(), Set.of(), null), 0);
        assertThat(minors.page().items()).allSatisfy(hit -> assertThat(hit.ageMin() == null || hit.ageMin() < 18)
                .isTrue());
        assertThatThrownBy(() -> library.search(new PracticeLibrary.Query(null, Set.of("ELSEWHERE"), Set.of(), Set.of(),
                Set.of(), Set.of(), null), 0)).hasFieldOrPropertyWithValue("messageKey", "practice.facet.invalid");
    }

    @Test
    void theFederationPublishesAndEditsInVersionsThatAreKept() {
        SignedIn.as(users, "equipe.federale");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        PracticeLibrary.Results before = library.search(PracticeLibrary.Query.all(), 0);
        assertThat(search("Maraude  " + tag.toUpperCase()).page().total()).isZero();
        String code = library.publish(input("Maraude éducative " + tag, "Rencontrer les jeunes au pied des immeubles.", null));
        assertThat(code).startsWith("maraude-educative-");
        // The counts of a search are kept, and forgotten when the library is written.
        assertThat(search("maraude " + tag).page().total()).isEqualTo(1);
        assertThat(search("maraude " + tag).facets().get("axis").get("YOUTH")).isEqualTo(1);
        PracticeLibrary.Results after = library.search(PracticeLibrary.Query.all(), 0);
        assertThat(after.page().total()).isEqualTo(before.page().total() + 1);
        assertThat(after.facets().get("axis").get("YOUTH")).isEqualTo(before.facets().get("axis").get("YOUTH") + 1);
        assertThat(library.sheet(code).version()).isEqualTo(1);

        int version = library.edit(code, 1, input("Maraude éducative " + tag, "Aller vers les jeunes, le soir.",
                "Objectifs précisés"));

        assertThat(version).isEqualTo(2);
        assertThat(library.sheet(code).section("objectives")).isEqualTo("Aller vers les jeunes, le soir.");
        assertThat(library.version(code, 1).section("objectives")).isEqualTo("Rencontrer les jeunes au pied des immeubles.");
        assertThat(library.versions(code)).extracting(PracticeLibrary.VersionLine::version).containsExactly(2, 1);
        assertThat(codes(search("maraude soir " + tag))).containsExactly(code);
        assertThat(codes(search("immeubles " + tag))).isEmpty();
        // Someone else's version meanwhile: refused, nothing written.
        assertThatThrownBy(() -> library.edit(code, 1, input("Maraude " + tag, "Autre.", "Autre")))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("messageKey", "practice.edit.stale");
        // Bad input: refused, nothing written.
        assertThatThrownBy(() -> library.edit(code, 2, input("Maraude " + tag, "Autre.", " ")))
                .hasFieldOrPropertyWithValue("messageKey", "practice.changeNote.required");
        assertThatThrownBy(() -> library.edit(code, 2, new PracticeLibrary.SheetInput("Maraude", "YOUTH", null,
                List.of("YOUNG_PEOPLE"), 25, 16, List.of(), List.of(), Map.of("objectives", "x"), List.of(), "note")))
                .hasFieldOrPropertyWithValue("messageKey", "practice.age.order");
        assertThat(library.versions(code)).hasSize(2);

        library.setPublished(code, false);
        assertThat(codes(search("maraude " + tag))).isEmpty();
        assertThat(library.search(PracticeLibrary.Query.all(), 0).page().total()).isEqualTo(before.page().total());
        SignedIn.as(users, "intervenant");
        assertThatThrownBy(() -> library.sheet(code)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("status", 404);
    }

    @Test
    void onlyTheFederationWritesTheLibraryInTheApplicationAndInTheDatabase() {
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> library.publish(input("Fiche " + UUID.randomUUID(), "Objectifs.", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.edit("chantier-passerelle", 1, input("Chantier", "x", "note")))
                .isInstanceOf(AccessDeniedException.class);
        // Under the application role, as an association: reading yes, writing no.
        UUID association = SignedIn.as(users, "directrice").organisationId();
        SecurityContextHolder.clearContext();
        long read = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql("select count(*) from practice_sheet")
                .query(Long.class).single()));
        int updated = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "update practice_sheet set status = 'WITHDRAWN' where code = 'chantier-passerelle'").update()
                + jdbc.sql("update practice_sheet_version set title = 'pirate' where is_current").update()));
        assertThat(read).isPositive();
        assertThat(updated).isZero();
        assertThatThrownBy(() -> TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql("""
                insert into practice_sheet (id, code, origin, current_version, created_at, updated_at)
                values (gen_random_uuid(), 'intrus', 'RESOURCE', 1, now(), now())""").update())))
                .rootCause().hasMessageContaining("row-level security");
        // The search table is written by its triggers only.
        assertThatThrownBy(() -> TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "update practice_sheet_search set title = 'pirate'").update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "select practice_sheet_search_refresh(gen_random_uuid())").query().singleValue())))
                .rootCause().hasMessageContaining("permission denied");
    }

    private PracticeLibrary.Results search(String text) {
        return library.search(new PracticeLibrary.Query(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null),
                0);
    }

    private static List<String> codes(PracticeLibrary.Results results) {
        return results.page().items().stream().map(PracticeLibrary.Hit::code).toList();
    }

    private static PracticeLibrary.SheetInput input(String title, String objectives, String note) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("objectives", objectives);
        sections.put("public", "Jeunes de 13 à 17 ans du quartier.");
        return new PracticeLibrary.SheetInput(title, "YOUTH", null, List.of("YOUNG_PEOPLE"), 13, 17,
                List.of("ASSOCIATION"), List.of("FIPD"), sections, List.of("Nombre de jeunes rencontrés"), note);
    }
}
