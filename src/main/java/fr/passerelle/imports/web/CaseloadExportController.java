package fr.passerelle.imports.web;

import fr.passerelle.imports.CaseloadExport;
import fr.passerelle.documents.SpreadsheetFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The whole caseload as a file that the import reads back, streamed to the browser. */
@Controller
class CaseloadExportController {

    private final CaseloadExport export;
    private final Clock clock;

    CaseloadExportController(CaseloadExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/imports/export")
    @PreAuthorize(CaseloadExport.PERMISSIONS)
    void export(@RequestParam(defaultValue = "XLSX") SpreadsheetFormat format, HttpServletResponse response)
            throws IOException {
        export.requireExportable();
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(CaseloadExport.FILE_NAME + "-" + LocalDate.now(clock) + "." + format.extension())
                .build().toString());
        export.write(format, response.getOutputStream());
    }
}
