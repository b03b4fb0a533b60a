package org.clearframe.importer;

import java.nio.file.Path;

/**
 * A script or shot list that cannot be imported, with a message that names the file and says what is wrong
 * with it. Thrown before anything is written, so an import either happens whole or not at all.
 */
public class ImportException extends Exception {

    public enum Problem { MISSING, UNREADABLE, TOO_LARGE, EMPTY, BINARY, ENCODING, MALFORMED, UNSAFE, NOT_A_SCREENPLAY, NOT_A_SHOT_LIST }

    private final Problem problem;
    private final Path file;

    public ImportException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    public ImportException(Problem problem, Path file, String message) {
        this(problem, file, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
