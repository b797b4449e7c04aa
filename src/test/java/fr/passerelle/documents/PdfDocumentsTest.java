package fr.passerelle.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
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

    @Test
    void rendersAValidPdfA2bWithEveryFontEmbeddedFromTheBundledFamily() throws Exception {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);

        byte[] pdf = new PdfDocuments(engine).render(TEMPLATE, Map.of("text", "Né le 04/04/1987 à Lyon"));

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
}
