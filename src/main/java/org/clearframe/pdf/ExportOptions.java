package org.clearframe.pdf;

import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Text;
import org.clearframe.rules.ShotContent;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to put in a breakdown PDF. {@code department} limits it to one department's part (by name, any case;
 * blank for all). {@code fingerprint} identifies the production file the PDF was made from (see
 * {@link FileFingerprint}); blank when there is no file.
 */
public record ExportOptions(PaperSize paper, String department, boolean flaggedOnly, String fingerprint,
                            LocalDate exportDate, ShootSchedule schedule, Map<String, ShotContent> signedContents) {

    public ExportOptions {
        Objects.requireNonNull(paper, "paper");
        department = Text.orEmpty(department).trim();
        fingerprint = Text.orEmpty(fingerprint);
        exportDate = exportDate == null ? LocalDate.now() : exportDate;
        schedule = schedule == null ? ShootSchedule.EMPTY : schedule;
        signedContents = signedContents == null ? Map.of() : Map.copyOf(signedContents);
    }

    /** Options without the shoot calendar or signed contents (no due dates, no change lists). */
    public ExportOptions(PaperSize paper, String department, boolean flaggedOnly, String fingerprint, LocalDate exportDate) {
        this(paper, department, flaggedOnly, fingerprint, exportDate, null, null);
    }

    /**
     * With the production's shoot calendar, so the summary shows each open signature's due date and whether it is overdue on
     * {@code exportDate}, and the content sign-offs were given for, so a stale one says what changed.
     */
    public ExportOptions withProducerRecords(ShootSchedule value, Map<String, ShotContent> signed) {
        return new ExportOptions(paper, department, flaggedOnly, fingerprint, exportDate, value, signed);
    }

    /** Everything, on the paper size of the user's locale, dated today. */
    public static ExportOptions defaults() {
        return new ExportOptions(PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT)), "", false, "", null);
    }

    public boolean allDepartments() {
        return department.isEmpty();
    }

    public ExportOptions withPaper(PaperSize value) {
        return new ExportOptions(value, department, flaggedOnly, fingerprint, exportDate, schedule, signedContents);
    }

    public ExportOptions withDepartment(String value) {
        return new ExportOptions(paper, value, flaggedOnly, fingerprint, exportDate, schedule, signedContents);
    }

    public ExportOptions withFlaggedOnly(boolean value) {
        return new ExportOptions(paper, department, value, fingerprint, exportDate, schedule, signedContents);
    }

    public ExportOptions withFingerprint(String value) {
        return new ExportOptions(paper, department, flaggedOnly, value, exportDate, schedule, signedContents);
    }

    public ExportOptions withExportDate(LocalDate value) {
        return new ExportOptions(paper, department, flaggedOnly, fingerprint, value, schedule, signedContents);
    }
}
