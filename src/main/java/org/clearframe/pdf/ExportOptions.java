package org.clearframe.pdf;

import org.clearframe.model.Text;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What to put in a breakdown PDF. {@code department} limits it to one department's part (by name, any case;
 * blank for all). {@code fingerprint} identifies the production file the PDF was made from (see
 * {@link FileFingerprint}); blank when there is no file.
 */
public record ExportOptions(PaperSize paper, String department, boolean flaggedOnly, String fingerprint,
                            LocalDate exportDate) {

    public ExportOptions {
        Objects.requireNonNull(paper, "paper");
        department = Text.orEmpty(department).trim();
        fingerprint = Text.orEmpty(fingerprint);
        exportDate = exportDate == null ? LocalDate.now() : exportDate;
    }

    /** Everything, on the paper size of the user's locale, dated today. */
    public static ExportOptions defaults() {
        return new ExportOptions(PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT)), "", false, "", null);
    }

    public boolean allDepartments() {
        return department.isEmpty();
    }

    public ExportOptions withPaper(PaperSize value) {
        return new ExportOptions(value, department, flaggedOnly, fingerprint, exportDate);
    }

    public ExportOptions withDepartment(String value) {
        return new ExportOptions(paper, value, flaggedOnly, fingerprint, exportDate);
    }

    public ExportOptions withFlaggedOnly(boolean value) {
        return new ExportOptions(paper, department, value, fingerprint, exportDate);
    }

    public ExportOptions withFingerprint(String value) {
        return new ExportOptions(paper, department, flaggedOnly, value, exportDate);
    }

    public ExportOptions withExportDate(LocalDate value) {
        return new ExportOptions(paper, department, flaggedOnly, fingerprint, value);
    }
}
