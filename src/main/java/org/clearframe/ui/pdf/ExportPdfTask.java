package org.clearframe.ui.pdf;

import javafx.concurrent.Task;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.FileFingerprint;
import org.clearframe.rules.Flag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs one export off the FX thread: progress goes to the task's progress, {@link #stop()} stops the writer.
 * Stopping is not {@code Task.cancel()}: that marks the task cancelled at once, while the writer may still be
 * removing its unfinished file. A stopped export instead ends when the writer has cleaned up, failing with a
 * CancellationException, so the dialog reports "nothing was written" only once it is true.
 */
final class ExportPdfTask extends Task<ExportSummary> {

    private static final System.Logger LOG = System.getLogger(ExportPdfTask.class.getName());

    private final ProductionData data;
    private final Map<UUID, List<Flag>> flags;
    private final Function<String, ExportOptions> options;
    private final Path productionFile;
    private final Path out;
    private volatile boolean stopRequested;

    ExportPdfTask(ProductionData data, Map<UUID, List<Flag>> flags, Function<String, ExportOptions> options,
                  Path productionFile, Path out) {
        this.data = data;
        this.flags = flags;
        this.options = options;
        this.productionFile = productionFile;
        this.out = out;
    }

    @Override
    protected ExportSummary call() throws Exception {
        updateMessage("Exporting " + out.getFileName() + "\u2026");
        return BreakdownPdf.write(data, flags, options.apply(fingerprint()), out, new ExportProgress() {
            @Override public void progress(long done, long total) { updateProgress(done, total); }
            @Override public boolean isCancelled() { return stopRequested || ExportPdfTask.this.isCancelled(); }
        });
    }

    /** Asks the export to stop at its next check; safe from any thread. */
    void stop() {
        stopRequested = true;
        updateMessage("Cancelling\u2026");
    }

    /** The production file's SHA-256 for the cover; blank (not a failed export) when it cannot be read. */
    private String fingerprint() {
        if (productionFile == null) return "";
        try {
            return FileFingerprint.sha256(productionFile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot fingerprint " + productionFile, e);
            return "";
        }
    }
}
