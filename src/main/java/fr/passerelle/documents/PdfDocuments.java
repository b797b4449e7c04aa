package fr.passerelle.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a Thymeleaf template (XHTML with its own print CSS, and inline SVG for charts) to an A4
 * PDF. Documents sent to courts are in French whatever the user's language.
 */
@Service
public class PdfDocuments {

    private final SpringTemplateEngine templates;

    PdfDocuments(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    /** The PDF of {@code template} rendered in French with the given variables. */
    public byte[] render(String template, Map<String, ?> variables) {
        Context context = new Context(Locale.FRENCH);
        variables.forEach(context::setVariable);
        String html = templates.process(template, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
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
}
