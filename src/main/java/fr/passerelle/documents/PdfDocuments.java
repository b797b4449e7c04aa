package fr.passerelle.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a Thymeleaf template (XHTML with its own print CSS, and inline SVG for charts) to an A4
 * PDF/A-2b document: every glyph comes from the bundled Liberation Sans (SIL Open Font License
 * 1.1, see {@code fonts/liberation/LICENSE-OFL-1.1.txt}), embedded as a subset, and the colours
 * are declared in sRGB by the document's output intent, so that the file can be archived and read
 * the same way years later (courts keep reports). Documents sent to courts are in French whatever
 * the user's language.
 */
@Service
public class PdfDocuments {

    /** The family every PDF template names (and the fallback for any other family it names). */
    public static final String FONT_FAMILY = "Liberation Sans";

    private record Face(String file, int weight, FontStyle style) {}

    private static final List<Face> FACES = List.of(
            new Face("LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC));

    private final SpringTemplateEngine templates;
    private final byte[] srgbProfile;
    /** The bundled font files, read once: each document parses them from memory. */
    private final Map<Face, byte[]> fontFiles = new java.util.HashMap<>();

    PdfDocuments(SpringTemplateEngine templates) {
        this.templates = templates;
        this.srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        for (Face face : FACES) {
            fontFiles.put(face, fontFile(face.file()));
        }
    }

    /** The PDF/A-2b of {@code template} rendered in French with the given variables. */
    public byte[] render(String template, Map<String, ?> variables) {
        Context context = new Context(Locale.FRENCH);
        variables.forEach(context::setVariable);
        String html = templates.process(template, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgbProfile);
            // The built-in PDF fonts are not embedded, so PDF/A leaves them out: the bundled font
            // serves the family it is named by, any other family as the last fallback, and SVG text
            // when the document draws SVG (a document without SVG needs no SVG font registered).
            EnumSet<FSFontUseCase> uses = html.contains("<svg")
                    ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL)
                    : EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL);
            for (Face face : FACES) {
                byte[] file = fontFiles.get(face);
                builder.useFont(() -> new java.io.ByteArrayInputStream(file), FONT_FAMILY, face.weight(),
                        face.style(), true, uses);
            }
            // Inline SVG (charts drawn on the server): no script, nothing loaded from elsewhere.
            builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE,
                    SvgExternalResourceMode.SECURE));
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template, e);
        }
        return out.toByteArray();
    }

    private static byte[] fontFile(String file) {
        try (InputStream font = PdfDocuments.class.getResourceAsStream("/fonts/liberation/" + file)) {
            if (font == null) {
                throw new IllegalStateException("Bundled font missing: " + file);
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled font " + file, e);
        }
    }
}
