package org.clearframe.pdf;

/** The export could not be written; the message says why in words a producer can act on. */
public final class ExportException extends Exception {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
