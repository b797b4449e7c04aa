package fr.passerelle.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The shared PDF renderer: PDF/A-2b with the bundled font embedded, whatever family a template names. */
class PdfDocumentsTest {

    private static final String TEMPLATE = """
            <html lang="fr"><head><meta charset="utf-8"/><title>Essai</title>
            <style>body { font-family: Helvetica, Arial, sans-serif; } .b { font-weight: bold; } .i { font-style: italic; }
            .c { color: #9a1c1c; background-color: #eeeeee; }</style></head>
            <body><p th:text="${text}">x</p><p class="b">Gras – « guillemets » €</p><p class="i c">Italique</p>
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect x="0" y="0" width="80" height="30"
            fill="#1d3a5f" fill-opacity="0.5"/><text x="10" y="50" font-family="Helvetica" font-size="12">Axe</text></svg>
            </body></html>""";

    /** French typography: accents, œ and Œ, euro, quotes, dashes, no-break and narrow no-break spaces. */
    private static final String FRENCH = "Éléonore à Noël : cœur, Œuvre, 12\u00a0€, «\u202fcitation\u202f», l’été – fin — ça";

    private static final String FRENCH_TEMPLATE = """
            <html lang="fr"><head><meta charset="utf-8"/><title>Essai</title>
            <style>body { font-family: 'Liberation Sans', sans-serif; } .b { font-weight: bold; }
            .i { font-style: italic; }</style></head>
            <body><p th:text="${text}">x</p><p class="b" th:text="${text}">x</p><p class="i" th:text="${text}">x</p>
            <p class="b i" th:text="${text}">x</p></body></html>""";

    private static PdfDocuments documents() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        return new PdfDocuments(engine);
    }

    @Test
    void rendersAValidPdfA2bWithEveryFontEmbeddedFromTheBundledFamily() throws Exception {
        byte[] pdf = documents().render(TEMPLATE, Map.of("text", "Né le 04/04/1987 à Lyon"));

        assertThat(PdfA.violationsOf2b(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Né le 04/04/1987 à Lyon", "Gras – « guillemets » €",
                    "Italique");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("LiberationSans"));
            assertThat(fonts).anyMatch(f -> f.contains("Bold")).anyMatch(f -> f.contains("Italic"));
            assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(intent -> assertThat(intent.getDestOutputIntent()).isNotNull());
        }
    }

    @Test
    void theValidatorRefusesAPlainPdfWithTheBuiltInFonts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withHtmlContent("<html><body style=\"font-family: Helvetica\"><p>Sans PDF/A</p></body></html>", null);
        builder.toStream(out);
        builder.run();

        assertThat(PdfA.violationsOf2b(out.toByteArray())).isNotEmpty();
    }

    @Test
    void frenchTextComesBackFromEveryFaceDrawnWithRealGlyphs() throws Exception {
        byte[] pdf = documents().render(FRENCH_TEMPLATE, Map.of("text", FRENCH));

        assertThat(PdfA.violationsOf2b(pdf)).isEmpty();
        Map<String, String> textByFont = textByFont(pdf);
        assertThat(textByFont.keySet()).hasSize(4).allMatch(font -> font.contains("LiberationSans"))
                .anyMatch(font -> font.endsWith("LiberationSans")).anyMatch(font -> font.endsWith("-Bold"))
                .anyMatch(font -> font.endsWith("-Italic")).anyMatch(font -> font.endsWith("-BoldItalic"));
        assertThat(textByFont.values()).allSatisfy(text -> assertThat(text).isEqualTo(FRENCH.replace(" ", "")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Éléonore à Noël : cœur, Œuvre, 12", "€", "citation", "l’été – fin — ça");
        }
    }

    @Test
    void documentsRenderedFromSeveralThreadsAtOnceAreEachComplete() throws Exception {
        PdfDocuments documents = documents();
        int threads = 4;
        int renders = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // Each thread draws its own characters, so that each document embeds other glyphs.
                String own = List.of("Ærø Ça", "Œdipe ÿ", "Ünïté ô", "Ñandú ß").get(t);
                Callable<List<String>> task = () -> {
                    List<String> problems = new ArrayList<>();
                    for (int n = 0; n < renders; n++) {
                        int i = n;
                        String text = FRENCH + " " + own + " n° " + i;
                        byte[] pdf = documents.render(FRENCH_TEMPLATE, Map.of("text", text));
                        String expected = text.replace(" ", "");
                        Map<String, String> textByFont = textByFont(pdf);
                        if (textByFont.size() != 4 || !textByFont.values().stream().allMatch(expected::equals)) {
                            problems.add(own + " " + i + ": " + textByFont);
                        }
                        if (i == renders - 1) {
                            PdfA.violationsOf2b(pdf).forEach(v -> problems.add(own + " " + i + ": " + v));
                        }
                    }
                    return problems;
                };
                results.add(pool.submit(task));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The text drawn with each font (ordinary spaces left out: text extraction may add or drop them at
     * will; the no-break spaces stay), after
     * checking that every glyph drawn is a real glyph of an embedded font, not the missing glyph (0).
     */
    private static Map<String, String> textByFont(byte[] pdf) throws IOException {
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    PDFont font = position.getFont();
                    try {
                        int gid = ((PDType0Font) font).codeToGID(position.getCharacterCodes()[0]);
                        if (gid == 0 || !font.isEmbedded()) {
                            missing.add(position.getUnicode() + " in " + font.getName());
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!position.getUnicode().isBlank()) {
                        text.computeIfAbsent(font.getName(), f -> new StringBuilder()).append(position.getUnicode());
                    }
                }
            }.getText(document);
        }
        assertThat(missing).as("glyphs missing").isEmpty();
        Map<String, String> result = new LinkedHashMap<>();
        text.forEach((font, chars) -> result.put(font.substring(font.indexOf('+') + 1), chars.toString()));
        return result;
    }
}
