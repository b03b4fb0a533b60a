package org.clearframe.store;

import java.nio.file.Path;

/** A production file that cannot be opened as asked, with a message a producer can act on. */
public class ProjectFileException extends Exception {

    public enum Problem { MISSING, EMPTY, NOT_SQLITE, FOREIGN, NEWER_VERSION, CORRUPT, TAMPERED, LOCKED, READ_ONLY, UNWRITABLE, IO }

    private final Problem problem;
    private final Path file;

    public ProjectFileException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    public ProjectFileException(Problem problem, Path file, String message) {
        this(problem, file, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
