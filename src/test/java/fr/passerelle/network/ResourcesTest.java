package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The resource library: each accepted type read from its content and searched by its text in French,
 * a file that is not what it claims refused with nothing written, versions, downloads counted, and
 * each access level seen by its readers only (row-level security).
 */
@PasserelleIntegrationTest
class ResourcesTest {

    @Autowired
    Resources resources;

    @Autowired
    Meetings meetings;

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
    void eachTypeIsReadFromItsContentAndFoundByTheWordsOfItsText() {
        String tag = word();
        SignedIn.as(users, "equipe.federale");
        UUID pdf = resources.publish(input("Guide " + tag, Resources.Access.MEMBERS), null, "guide.pdf",
                TestDocuments.pdf("La réinsertion des personnes " + tag + "pdf"));
        UUID docx = resources.publish(input("Modèle " + tag, Resources.Access.MEMBERS), null, "modele.docx",
                TestDocuments.docx("Les chantiers éducatifs " + tag + "docx"));
        UUID odt = resources.publish(input("Compte rendu " + tag, Resources.Access.MEMBERS), null, "compte-rendu.odt",
                TestDocuments.odt("Les médiations pénales " + tag + "odt"));
        UUID xlsx = resources.publish(input("Tableau " + tag, Resources.Access.MEMBERS), null, "tableau.xlsx",
                TestDocuments.xlsx("Enquêtes sociales rapides " + tag + "xlsx"));
        assertThat(List.of(pdf, docx, odt, xlsx)).extracting(id -> resources.get(id).extension())
                .containsExactly("PDF", "DOCX", "ODT", "XLSX");

        // French search, accents and plurals aside, over the text extracted from each file.
        assertThat(found("reinsertion personne " + tag + "pdf")).containsExactly(pdf);
        assertThat(found("chantier educatif " + tag + "docx")).containsExactly(docx);
        assertThat(found("mediation penale " + tag + "odt")).containsExactly(odt);
        assertThat(found("enquete sociale " + tag + "xlsx")).containsExactly(xlsx);
        Resources.Results results = resources.search(Resources.Query.of(tag + "odt", null, null, null, null, null, 0));
        assertThat(results.page().items().get(0).snippet()).anySatisfy(part -> {
            assertThat(part.found()).isTrue();
            assertThat(part.text()).isEqualTo(tag + "odt");
        });
        // Facets: by type, by tag; filtering by one narrows the other.
        Resources.Results byTag = resources.search(Resources.Query.of("", List.of("t" + tag), null, null, null, null, 0));
        assertThat(byTag.page().total()).isEqualTo(4);
        assertThat(byTag.types()).extracting(Resources.FacetValue::value).contains("pdf", "docx", "odt", "xlsx");
        assertThat(resources.search(Resources.Query.of("", List.of("t" + tag), List.of("odt"), null, null, null, 0))
                .page().items()).extracting(h -> h.resource().id()).containsExactly(odt);
    }

    @Test
    void aFileThatIsNotWhatItSaysIsRefusedAndNothingIsWritten() {
        String tag = word();
        SignedIn.as(users, "equipe.federale");
        long before = count();
        byte[] pdf = TestDocuments.pdf("Texte " + tag);
        assertThatThrownBy(() -> resources.publish(input("Faux " + tag, Resources.Access.PUBLIC), null, "faux.docx", pdf))
                .hasFieldOrPropertyWithValue("messageKey", "resource.file.extensionMismatch");
        assertThatThrownBy(() -> resources.publish(input("Texte " + tag, Resources.Access.PUBLIC), null, "notes.pdf",
                "Du texte brut, pas un PDF.".getBytes())).hasFieldOrPropertyWithValue("messageKey", "resource.file.wrongType");
        assertThatThrownBy(() -> resources.publish(input("Vide " + tag, Resources.Access.PUBLIC), null, "vide.pdf", new byte[0]))
                .hasFieldOrPropertyWithValue("messageKey", "resource.file.empty");
        byte[] large = new byte[21 * 1024 * 1024];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        assertThatThrownBy(() -> resources.publish(input("Gros " + tag, Resources.Access.PUBLIC), null, "gros.pdf", large))
                .hasFieldOrPropertyWithValue("messageKey", "resource.file.tooLarge");
        byte[] damaged = java.util.Arrays.copyOf(TestDocuments.docx("Texte " + tag), 600);
        assertThatThrownBy(() -> resources.publish(input("Abîmé " + tag, Resources.Access.PUBLIC), null, "abime.docx", damaged))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> resources.publish(input(" ", Resources.Access.PUBLIC), null, "a.pdf", pdf))
                .hasFieldOrPropertyWithValue("messageKey", "resource.title.required");
        assertThatThrownBy(() -> resources.publish(input("Instance " + tag, Resources.Access.BODY), null, "a.pdf", pdf))
                .hasFieldOrPropertyWithValue("messageKey", "resource.body.required");
        assertThatThrownBy(() -> resources.publish(new Resources.ResourceInput("Étiquettes " + tag, null,
                "a,b,c,d,e,f,g,h,i,j,k", Resources.Access.PUBLIC, null), null, "a.pdf", pdf))
                .hasFieldOrPropertyWithValue("messageKey", "resource.tags.tooMany");
        assertThat(count()).isEqualTo(before);
        // Only the federation's staff publish.
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> resources.publish(input("Membre " + tag, Resources.Access.PUBLIC), null, "a.pdf", pdf))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aNewVersionIsSearchedTheEarlierOnesAreKeptAndDownloadsAreCounted() {
        String tag = word();
        SignedIn.as(users, "equipe.federale");
        byte[] first = TestDocuments.pdf("Premier texte " + tag + "un");
        UUID id = resources.publish(input("Versions " + tag, Resources.Access.MEMBERS), null, "v1.pdf", first);
        int rowVersion = resources.get(id).rowVersion();
        assertThatThrownBy(() -> resources.addVersion(id, rowVersion + 1, "v2.docx", TestDocuments.docx("x"), null))
                .hasFieldOrPropertyWithValue("messageKey", "resource.stale");
        assertThat(resources.addVersion(id, rowVersion, "v2.docx", TestDocuments.docx("Second texte " + tag + "deux"),
                "Mise à jour")).isEqualTo(2);
        assertThat(resources.get(id).extension()).isEqualTo("DOCX");
        assertThat(found(tag + "deux")).containsExactly(id);
        assertThat(found(tag + "un")).isEmpty();
        assertThat(resources.versions(id)).extracting(Resources.Version::version, Resources.Version::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Mise à jour"),
                        org.assertj.core.groups.Tuple.tuple(1, null));

        SignedIn.as(users, "directrice");
        assertThat(resources.download(id, 1).content()).isEqualTo(first);
        assertThat(resources.download(id, null).filename()).isEqualTo("v2.docx");
        assertThat(resources.get(id).downloads()).isEqualTo(2);
        assertThatThrownBy(() -> resources.download(id, 3)).hasFieldOrPropertyWithValue("status", 404);
    }

    @Test
    void eachAccessLevelIsSeenByItsReadersOnly() {
        String tag = word();
        UUID body = TestLibrary.bodyWith(meetings, users, "directrice", "Groupe " + tag);
        byte[] pdf = TestDocuments.pdf("Texte " + tag);
        UUID open = resources.publish(input("Public " + tag, Resources.Access.PUBLIC), null, "public.pdf", pdf);
        UUID members = resources.publish(input("Membres " + tag, Resources.Access.MEMBERS), null, "membres.pdf", pdf);
        UUID group = resources.publish(new Resources.ResourceInput("Groupe " + tag, null, "t" + tag, Resources.Access.BODY,
                body), null, "groupe.pdf", pdf);
        UUID withdrawn = resources.publish(input("Retiré " + tag, Resources.Access.PUBLIC), null, "retire.pdf", pdf);
        resources.withdraw(withdrawn, resources.get(withdrawn).rowVersion(), true, "Périmé.");
        assertThat(visible(tag)).containsExactlyInAnyOrder(open, members, group);

        SignedIn.as(users, "directrice");
        assertThat(visible(tag)).containsExactlyInAnyOrder(open, members, group);
        SignedIn.as(users, "admin.marseille");
        assertThat(visible(tag)).containsExactlyInAnyOrder(open, members);
        assertThatThrownBy(() -> resources.get(group)).hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> resources.download(group, null)).hasFieldOrPropertyWithValue("status", 404);
        SignedIn.as(users, "organisateur");
        assertThat(visible(tag)).containsExactly(open);
        SecurityContextHolder.clearContext();
        assertThat(visible(tag)).containsExactly(open);
        assertThatThrownBy(() -> resources.get(members)).hasFieldOrPropertyWithValue("status", 404);
        assertThatThrownBy(() -> resources.get(withdrawn)).hasFieldOrPropertyWithValue("status", 404);

        // The database itself refuses what the application would not do.
        assertThat(OwnerSql.of(server).sql("select count(*) from network_resource_version where resource_id = ?")
                .param(open).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSearchFindingMoreThanTheCapSaysSoAndCountsExactlyBelowIt() {
        String word = word();
        UUID body = TestLibrary.bodyWith(meetings, users, "directrice", "Groupe " + word);
        int cap = Resources.COUNT_CAP;
        // cap + 5 documents hold the word in their text; the first 3 in their title too; exactly cap of them
        // hold a second word; 12 have a tag.
        TestLibrary.insert(server, body, cap + 5, word, 3, word, cap, word + "mille", 12, "t" + word);

        SignedIn.as(users, "directrice");
        Resources.Results many = resources.search(Resources.Query.of(word, null, null, null, null, null, 0));
        assertThat(many.capped()).isTrue();
        assertThat(many.cap()).isEqualTo(cap);
        assertThat(many.hasNext()).isTrue();
        assertThat(many.page().total()).isGreaterThan(cap);
        assertThat(many.tags()).isNotEmpty().allSatisfy(f -> assertThat(f.counted()).isFalse());
        assertThat(many.types()).isNotEmpty().allSatisfy(f -> assertThat(f.counted()).isFalse());
        // Relevance: the documents whose title holds the word first (ranked), then the others, newest first.
        List<String> titles = many.page().items().stream().map(h -> h.resource().title()).toList();
        assertThat(titles).hasSize(20);
        assertThat(titles.subList(0, 3)).allSatisfy(t -> assertThat(t).contains(word));
        assertThat(titles.subList(3, 6)).containsExactly("Document " + (cap + 5), "Document " + (cap + 4),
                "Document " + (cap + 3));
        assertThat(many.page().items().get(0).snippet()).anySatisfy(part -> assertThat(part.found()).isTrue());
        Resources.Results next = resources.search(Resources.Query.of(word, null, null, null, null, null, 1));
        assertThat(next.capped()).isTrue();
        assertThat(next.page().items()).hasSize(20).extracting(h -> h.resource().id())
                .doesNotContainAnyElementsOf(many.page().items().stream().map(h -> h.resource().id()).toList());
        assertThat(next.page().items().get(0).resource().title()).isEqualTo("Document " + (cap - 12));
        // The other orders read an index too: newest first.
        Resources.Results recent = resources.search(Resources.Query.of(word, null, null, null, null,
                Resources.Sort.RECENT, 0));
        assertThat(recent.capped()).isTrue();
        assertThat(recent.page().items().get(0).resource().title()).isEqualTo("Document " + (cap + 5));
        assertThat(resources.search(Resources.Query.of(word, null, null, null, null, Resources.Sort.TITLE, 0))
                .page().items()).hasSize(20);

        // Exactly the cap: counted.
        Resources.Results exactly = resources.search(Resources.Query.of(word + "mille", null, null, null, null, null, 0));
        assertThat(exactly.capped()).isFalse();
        assertThat(exactly.page().total()).isEqualTo(cap);
        assertThat(exactly.page().totalPages()).isEqualTo(cap / 20);
        assertThat(exactly.types()).extracting(Resources.FacetValue::value, Resources.FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pdf", (long) cap));
        assertThat(exactly.tags()).extracting(Resources.FacetValue::value, Resources.FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t" + word, 12L));
        // A tag narrows a large search to a few documents: counted; the tags' facet (the search without its
        // tags) is not.
        Resources.Results tagged = resources.search(Resources.Query.of(word, List.of("t" + word), null, null, null,
                null, 0));
        assertThat(tagged.capped()).isFalse();
        assertThat(tagged.page().total()).isEqualTo(12);
        assertThat(tagged.hasNext()).isFalse();
        assertThat(tagged.types()).extracting(Resources.FacetValue::count).containsExactly(12L);
        assertThat(tagged.tags()).extracting(Resources.FacetValue::value, Resources.FacetValue::counted,
                Resources.FacetValue::checked).contains(org.assertj.core.groups.Tuple.tuple("t" + word, false, true));

        // Visibility unchanged: a body's documents, for its members and the federation only.
        SignedIn.as(users, "equipe.federale");
        assertThat(resources.search(Resources.Query.of(word, null, null, null, null, null, 0)).capped()).isTrue();
        SignedIn.as(users, "admin.marseille");
        Resources.Results none = resources.search(Resources.Query.of(word, null, null, null, null, null, 0));
        assertThat(none.capped()).isFalse();
        assertThat(none.page().total()).isZero();
        assertThat(none.page().items()).isEmpty();
        assertThat(none.tags()).isEmpty();
        SecurityContextHolder.clearContext();
        assertThat(resources.search(Resources.Query.of(word, null, null, null, null, null, 0)).page().total()).isZero();
        // The function behind the search applies the same rule when called directly.
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from network_resource_find(websearch_to_tsquery('french_unaccent', :w), false, null, null, null,
                    null, 10)""")
                .param("w", word).query(Long.class).single()).isZero();
    }

    private List<UUID> visible(String tag) {
        return resources.search(Resources.Query.of("", List.of("t" + tag), null, null, null, null, 0)).page().items()
                .stream().map(h -> h.resource().id()).toList();
    }

    private List<UUID> found(String words) {
        return resources.search(Resources.Query.of(words, null, null, null, null, null, 0)).page().items().stream()
                .map(h -> h.resource().id()).toList();
    }

    private long count() {
        return OwnerSql.of(server).sql("select count(*) from network_resource").query(Long.class).single();
    }

    private static Resources.ResourceInput input(String title, Resources.Access access) {
        return new Resources.ResourceInput(title, "Description de " + title, "t" + title.substring(title.lastIndexOf(' ') + 1)
                + ", guide", access, null);
    }

    /** A word of letters only, found nowhere else (tag words are the titles' last ones). */
    private static String word() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
