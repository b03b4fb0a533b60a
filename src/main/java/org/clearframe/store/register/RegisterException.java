package org.clearframe.store.register;

/** The register could not be reached, refused what was asked, or holds something unreadable; the message says which. */
public final class RegisterException extends Exception {

    public RegisterException(String message) {
        super(message);
    }

    public RegisterException(String message, Throwable cause) {
        super(message, cause);
    }
}
