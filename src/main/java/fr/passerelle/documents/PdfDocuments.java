package fr.passerelle.documents;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
 *
 * <p><b>Cost of the embedded fonts.</b> Left to openhtmltopdf, each document parsed again the
 * TrueType faces it used, and PDFBox 3 applied the faces' OpenType substitutions (GSUB) to every
 * word it wrote, compiling a regular expression for each: a report PDF cost about 10 times the CPU
 * of the same document without PDF/A (built-in Helvetica, nothing embedded), most of it in that
 * GSUB step, the rest in parsing the faces. So:
 * <ul>
 *   <li>GSUB is disabled on the faces. The only substitutions PDFBox takes from Liberation Sans
 *   (its "ccmp" feature; the faces have no ligatures) join the IPA tone letters U+02E5 to U+02E9
 *   into contour glyphs, which no French text uses; and openhtmltopdf lays text out with the
 *   plain glyph widths anyway (it never applies GSUB when measuring).</li>
 *   <li>Each face is parsed once, then kept in a small pool ({@link ParsedFace}) and lent to one
 *   document at a time: a PDFBox {@code TrueTypeFont} reads its tables lazily, seeking in its data
 *   without a lock, so it is not made to be used by several threads at once. The pool's queue
 *   hands a face over from one thread to the next; a face lent to a rendering that failed is
 *   dropped. The pool keeps up to {@value #IDLE_FACES} idle parsed fonts per face (about 1.4 MB
 *   each); more documents at once parse more, as before.</li>
 *   <li>A face is lent, and embedded as a subset ({@code PDType0Font.load(document, face, true)},
 *   written when the document is saved), only when the document lays text out in it.</li>
 * </ul>
 * See {@code docs/architecture.md} ("documents — file formats") and {@code bench/PdfTiming.java}
 * for the figures.
 */
@Service
public class PdfDocuments {

    /** The family every PDF template names (and the fallback for any other family it names). */
    public static final String FONT_FAMILY = "Liberation Sans";

    /** Parsed faces kept idle per face, beyond which a face given back is dropped. */
    static final int IDLE_FACES = 4;

    enum Face {
        REGULAR("LiberationSans-Regular.ttf", 400, IdentValue.NORMAL),
        BOLD("LiberationSans-Bold.ttf", 700, IdentValue.NORMAL),
        ITALIC("LiberationSans-Italic.ttf", 400, IdentValue.ITALIC),
        BOLD_ITALIC("LiberationSans-BoldItalic.ttf", 700, IdentValue.ITALIC);

        final String file;
        final int weight;
        final IdentValue style;

        Face(String file, int weight, IdentValue style) {
            this.file = file;
            this.weight = weight;
            this.style = style;
        }
    }

    private final SpringTemplateEngine templates;
    private final byte[] srgbProfile;
    private final Map<Face, ParsedFace> faces = new EnumMap<>(Face.class);

    PdfDocuments(SpringTemplateEngine templates) {
        this.templates = templates;
        this.srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        for (Face face : Face.values()) {
            ParsedFace parsed = new ParsedFace(face.file, fontFile(face.file));
            parsed.giveBack(parsed.lend()); // a broken bundled font fails here, at start-up
            faces.put(face, parsed);
        }
    }

    /** The PDF/A-2b of {@code template} rendered in French with the given variables. */
    public byte[] render(String template, Map<String, ?> variables) {
        Context context = new Context(Locale.FRENCH);
        variables.forEach(context::setVariable);
        String html = templates.process(template, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Lease lease = new Lease();
        boolean rendered = false;
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgbProfile);
            builder.usePDDocument(lease.document);
            // Inline SVG (charts drawn on the server): no script, nothing loaded from elsewhere.
            builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE,
                    SvgExternalResourceMode.SECURE));
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                // The built-in PDF fonts are not embedded, so PDF/A leaves them out: the bundled font
                // serves the family it is named by, and any other family as the last fallback. A face
                // is lent and embedded only when the document lays text out in it. (SVG text is drawn
                // as outlines by Batik: openhtmltopdf gives it only fonts registered as files.)
                PdfBoxFontResolver resolver = renderer.getFontResolver();
                for (Face face : Face.values()) {
                    PDFontSupplier supplier = lease.supplier(face);
                    resolver.addFont(supplier, FONT_FAMILY, face.weight, face.style, true, FontGroup.MAIN);
                    resolver.addFont(supplier, FONT_FAMILY, face.weight, face.style, true,
                            FontGroup.FINAL_FALLBACK);
                }
                renderer.createPDF(); // saves, then closes the document
            }
            rendered = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template, e);
        } finally {
            lease.end(rendered);
        }
        return out.toByteArray();
    }

    /** What one document uses: its PDFBox document, and the faces lent to it, each embedded once. */
    private final class Lease {

        final PDDocument document = new PDDocument();
        private final Map<Face, TrueTypeFont> lent = new EnumMap<>(Face.class);
        private final Map<Face, PDFont> embedded = new EnumMap<>(Face.class);

        PDFontSupplier supplier(Face face) {
            return new PDFontSupplier(null) {
                @Override
                public PDFont supply() {
                    return font(face);
                }
            };
        }

        /** The face embedded (as a subset, written when the document is saved) in this document. */
        PDFont font(Face face) {
            PDFont font = embedded.get(face);
            if (font == null) {
                TrueTypeFont parsed = faces.get(face).lend();
                lent.put(face, parsed);
                try {
                    font = PDType0Font.load(document, parsed, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not embed the bundled font " + face.file, e);
                }
                embedded.put(face, font);
            }
            return font;
        }

        /**
         * Gives the lent faces back once the document is saved (or abandoned): a face is then used by
         * no one else. After a failed rendering they are dropped, whatever state they were left in.
         */
        void end(boolean rendered) {
            try {
                document.close();
            } catch (IOException e) {
                rendered = false;
            }
            for (Map.Entry<Face, TrueTypeFont> entry : lent.entrySet()) {
                if (rendered) {
                    faces.get(entry.getKey()).giveBack(entry.getValue());
                } else {
                    ParsedFace.close(entry.getValue());
                }
            }
        }
    }

    /** One bundled face: its file, read once, and its parsed fonts not lent at the moment. */
    static final class ParsedFace {

        private final String name;
        private final byte[] file;
        private final BlockingQueue<TrueTypeFont> idle = new ArrayBlockingQueue<>(IDLE_FACES);

        ParsedFace(String name, byte[] file) {
            this.name = name;
            this.file = file;
        }

        /** A parsed font that no one else uses until it is given back. */
        TrueTypeFont lend() {
            TrueTypeFont font = idle.poll();
            if (font != null) {
                return font;
            }
            try {
                font = new TTFParser().parse(new RandomAccessReadBuffer(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not parse the bundled font " + name, e);
            }
            font.setEnableGsub(false);
            return font;
        }

        void giveBack(TrueTypeFont font) {
            if (!idle.offer(font)) {
                close(font);
            }
        }

        static void close(TrueTypeFont font) {
            try {
                font.close();
            } catch (IOException e) {
                // In-memory data: nothing to release.
            }
        }
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
