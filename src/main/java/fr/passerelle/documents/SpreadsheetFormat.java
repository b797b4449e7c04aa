package fr.passerelle.documents;

/** The spreadsheet formats offered for exports. */
public enum SpreadsheetFormat {
    /** French Excel CSV: semicolon-separated, UTF-8 with a byte order mark. */
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    SpreadsheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
