package org.clearframe;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Clearframe keeps per-user files (recent files, keys, sample copies). The system property
 * {@code clearframe.config} overrides it, so tests never touch the real user's folder.
 */
public final class AppFolders {
    private AppFolders() {}

    public static Path config() {
        String override = System.getProperty("clearframe.config");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Clearframe");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/Clearframe");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        boolean usable = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute();
        return (usable ? Path.of(xdg) : home.resolve(".config")).resolve("clearframe");
    }
}
