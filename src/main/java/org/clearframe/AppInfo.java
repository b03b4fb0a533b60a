package org.clearframe;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's name and version, as stamped into the jar by the build. */
public final class AppInfo {
    public static final String NAME = "Clearframe";
    private static final String VERSION = readVersion();

    private AppInfo() {}

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
