package org.clearframe.pdf;

/**
 * How an export reports progress and learns that the user cancelled. Plain Java so the PDF code does not
 * depend on JavaFX; the dialog adapts a javafx.concurrent.Task to it.
 */
public interface ExportProgress {

    /** An export nobody watches and nobody cancels (command line, tests). */
    ExportProgress NONE = new ExportProgress() {
        @Override public void progress(long done, long total) {}
        @Override public boolean isCancelled() { return false; }
    };

    /** {@code done} of {@code total} units of work are finished; called from the exporting thread. */
    void progress(long done, long total);

    /** Polled between scenes and table rows; returning true stops the export and removes its partial file. */
    boolean isCancelled();
}
