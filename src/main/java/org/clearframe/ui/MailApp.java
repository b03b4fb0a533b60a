package org.clearframe.ui;

import java.io.IOException;

/**
 * The user's mail app, behind an interface so a test never opens one. A {@code mailto:} link cannot carry an attachment,
 * so the message names where the package file is; the producer attaches it.
 */
public interface MailApp {

    /** A new message, ready for the producer to send. */
    record Message(String to, String subject, String body) {}

    /** Opens {@code message} in the mail app; false when this desktop has none Clearframe can open. */
    boolean compose(Message message) throws IOException;
}
