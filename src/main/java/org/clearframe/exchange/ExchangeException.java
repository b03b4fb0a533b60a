package org.clearframe.exchange;

/**
 * An exchange file (project JSON, share package, reply) that cannot be read, trusted or applied, with a message
 * that names the problem. Whatever threw it changed nothing: no production file and no trusted key.
 */
public class ExchangeException extends Exception {

    public enum Problem {
        /** The file is missing or cannot be read or written. */
        IO,
        /** Larger than the limit for its kind of file. */
        TOO_LARGE,
        /** Not JSON, or JSON that is not the expected kind of Clearframe file. */
        MALFORMED,
        /** Written by a newer Clearframe in a format this one does not know. */
        NEWER_SCHEMA,
        /** A field is missing or holds a value that makes no sense (a bad id, an unknown role). */
        INVALID,
        /** The same id (or the same decision) appears twice. */
        DUPLICATE_ID,
        /** An id that does not exist where it should (a shot, a performer, a rule). */
        UNKNOWN_ID,
        /** The package or reply belongs to another production. */
        WRONG_PRODUCTION,
        /** A reply with no signature at all. */
        UNSIGNED,
        /** A reply whose signature does not match its content: altered after signing, or forged. */
        BAD_SIGNATURE,
        /** A reply from a known head signed by a key other than the one pinned for them. */
        KEY_CHANGED
    }

    private final Problem problem;

    public ExchangeException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public ExchangeException(Problem problem, String message) {
        this(problem, message, null);
    }

    public Problem problem() {
        return problem;
    }
}
