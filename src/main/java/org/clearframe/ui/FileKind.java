package org.clearframe.ui;

import java.util.List;

/** Every kind of file the app asks the producer to pick: the chooser's title and its filters. */
public enum FileKind {
    NEW_PRODUCTION("New Production", Filter.PRODUCTION),
    OPEN_PRODUCTION("Open Production", Filter.PRODUCTION),
    PRODUCTION_COPY("Save a Copy As", Filter.PRODUCTION),
    NEW_PRODUCTION_FROM_SCRIPT("Save the New Production", Filter.PRODUCTION),
    IMPORTED_PRODUCTION("Save the Imported Production", Filter.PRODUCTION),
    SCRIPT("Import Script", new Filter("Screenplays (Fountain, Final Draft)", "*.fountain", "*.spmd", "*.txt", "*.fdx")),
    SHOT_LIST("Import Shot List", new Filter("Spreadsheets (CSV)", "*.csv", "*.txt")),
    SHOOT_CALENDAR("Import Shoot Days", new Filter("Shoot calendar (CSV: day,date[,off])", "*.csv", "*.txt")),
    SHOT_LIST_EXPORT("Export Shot List", new Filter("Spreadsheets (CSV)", "*.csv")),
    BREAKDOWN_PDF("Save breakdown PDF", new Filter("PDF documents", "*.pdf")),
    EVIDENCE_PACK("Export Evidence Pack", new Filter("Evidence pack (*.zip)", "*.zip")),
    JSON_EXPORT("Export Production as JSON", Filter.JSON),
    JSON_IMPORT("Import Production from JSON", Filter.JSON),
    POLICY("Load Studio Policy", new Filter("Policy files (*.json)", "*.json")),
    SHARE_PACKAGE("Save Share Package", Filter.SHARE),
    PACKAGE_TO_REVIEW("Review a Package", Filter.SHARE),
    REPLY("Import Sign-offs", Filter.REPLY),
    REPLY_TO_RETURN("Return Sign-offs", Filter.REPLY),
    REFERENCE_IMAGE("Reference Image", new Filter("Images (PNG, JPEG)", "*.png", "*.jpg", "*.jpeg")),
    SIGNED_CONSENT("Attach the signed consent", new Filter("Signed documents", "*.pdf", "*.png", "*.jpg", "*.jpeg"),
            new Filter("All files", "*.*"));

    /** One entry of a chooser's file-type list: what a person reads, and the patterns it matches. */
    public record Filter(String description, List<String> patterns) {
        static final Filter PRODUCTION = new Filter("Clearframe productions (*.clearframe)", "*.clearframe");
        static final Filter JSON = new Filter("Clearframe JSON (*.json)", "*.json");
        static final Filter SHARE = new Filter("Clearframe share packages (*.cfshare)", "*.cfshare");
        static final Filter REPLY = new Filter("Clearframe reply", "*.cfreply");

        Filter(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    private final String title;
    private final List<Filter> filters;

    FileKind(String title, Filter... filters) {
        this.title = title;
        this.filters = List.of(filters);
    }

    public String title() {
        return title;
    }

    public List<Filter> filters() {
        return filters;
    }
}
