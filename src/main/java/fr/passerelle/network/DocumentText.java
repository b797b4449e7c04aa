package fr.passerelle.network;

import fr.passerelle.shared.FieldRefusal;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * What a document of the resource library is, read from its bytes (Apache Tika's detectors, which
 * open the ZIP containers of the Office and OpenDocument formats), never from its name or the
 * browser's claim; and its text, extracted by Tika's parsers for the full-text search. A file whose
 * extension says another type than its content is refused, as is one Tika cannot read (damaged, or
 * protected by a password).
 */
final class DocumentText {

    /** The accepted types by extension. */
    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "odt", "application/vnd.oasis.opendocument.text",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The most text kept from one document (the rest is not searched). */
    static final int MAX_CHARS = 300_000;

    /** A document read: its type and its text. */
    record Read(String extension, String mediaType, String text) {}

    private final Tika tika = new Tika();

    DocumentText() {
        tika.setMaxStringLength(MAX_CHARS);
    }

    /** The extension of a file name (lower case, without the dot; empty when it has none). */
    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a document: refuses a type not accepted, an extension that is not the content's and an
     * unreadable file, for the form's field {@code field}.
     */
    Read read(String field, String filename, byte[] content) {
        String type;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            type = tika.detect(in, new Metadata());
        } catch (IOException e) {
            throw new FieldRefusal(field, "resource.file.unreadable");
        }
        String detected = TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new FieldRefusal(field, "resource.file.wrongType"));
        String extension = extension(filename);
        if (!extension.equals(detected)) {
            throw new FieldRefusal(field, "resource.file.extensionMismatch", detected.toUpperCase(Locale.ROOT),
                    extension.isEmpty() ? "—" : extension.toUpperCase(Locale.ROOT));
        }
        try (TikaInputStream in = TikaInputStream.get(content)) {
            String text = tika.parseToString(in, new Metadata(), MAX_CHARS);
            return new Read(detected, type, text.replace('\u0000', ' ').strip());
        } catch (IOException | TikaException | RuntimeException e) {
            throw new FieldRefusal(field, "resource.file.unreadable");
        }
    }
}
