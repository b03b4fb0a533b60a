package org.clearframe.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The desktop's own mail app through {@link Desktop#mail(URI)}, where the platform offers it. Call it off the FX thread. */
final class DesktopMailApp implements MailApp {

    @Override
    public boolean compose(Message message) throws IOException {
        if (java.awt.GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) return false;
        Desktop desktop = Desktop.getDesktop();
        if (!desktop.isSupported(Desktop.Action.MAIL)) return false;
        desktop.mail(URI.create(mailto(message)));
        return true;
    }

    /** "mailto:a@b.c?subject=...&body=..." with every part percent-encoded (a space is %20, not +). */
    static String mailto(Message m) {
        return "mailto:" + encode(m.to()).replace("%40", "@") + "?subject=" + encode(m.subject()) + "&body=" + encode(m.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
