package fr.passerelle.shared.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to download (PDF, spreadsheet...): its type and its name in {@code Content-Disposition}. */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> attachment(MediaType type, String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
