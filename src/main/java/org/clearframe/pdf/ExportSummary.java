package org.clearframe.pdf;

import java.nio.file.Path;

/** What a finished export wrote, for the command line's message and the dialog's notification. */
public record ExportSummary(Path file, int pages, int scenes, int shots, int flags) {}
