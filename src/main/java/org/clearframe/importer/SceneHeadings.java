package org.clearframe.importer;

import org.clearframe.model.IntExt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a scene heading into INT/EXT, set, time of day and scene number; shared by the Fountain and FDX readers. */
final class SceneHeadings {

    /** The parts of one heading. {@code number} is null when the heading carries none. */
    record Heading(IntExt intExt, String set, String timeOfDay, String number) {}

    /**
     * The prefixes of Fountain 1.1 (INT, EXT, EST, INT./EXT, INT/EXT, I/E) plus EXT./INT and E/I, which some
     * writers use; case-insensitive, followed by a dot or a space (so "EXTERIOR" or "Interesting" do not count).
     */
    private static final Pattern PREFIX = Pattern.compile(
            "^(int\\.?\\s*/\\s*ext|ext\\.?\\s*/\\s*int|i\\s*/\\s*e|e\\s*/\\s*i|int|ext|est)(\\.\\s*|\\s+)",
            Pattern.CASE_INSENSITIVE);
    /** Fountain's scene number at the end of a heading: "#12A#", "#I-1-A#", "#110.#". */
    private static final Pattern NUMBER = Pattern.compile("\\s*#([^#\\s]+)#\\s*$");
    /** " - " before the time of day; also " -- " and en or em dashes, which word processors substitute. */
    private static final Pattern DASH = Pattern.compile("\\s+(?:--?|\u2013|\u2014)\\s+");

    private SceneHeadings() {}

    /** True when {@code line} starts like a scene heading (without Fountain's forcing period). */
    static boolean hasPrefix(String line) {
        return PREFIX.matcher(line).find();
    }

    /**
     * Parses a heading. Without a recognised prefix (a forced Fountain heading like ".SNIPER'S POV", or an FDX
     * heading typed freely) the whole text is the set and the scene counts as interior: a guess the producer
     * can correct, and better than dropping the scene.
     */
    static Heading parse(String text) {
        String rest = text.trim();
        String number = null;
        Matcher n = NUMBER.matcher(rest);
        if (n.find()) {
            number = stripTrailingDot(n.group(1));
            rest = rest.substring(0, n.start()).trim();
        }
        IntExt intExt = IntExt.INT;
        Matcher p = PREFIX.matcher(rest);
        if (p.find()) {
            intExt = intExt(p.group(1));
            rest = rest.substring(p.end()).trim();
        }
        String set = rest, time = "";
        int split = -1, after = -1;
        Matcher d = DASH.matcher(rest);
        while (d.find()) {
            split = d.start();
            after = d.end();
        }
        if (split >= 0) {
            set = rest.substring(0, split).trim();
            time = rest.substring(after).trim();
        } else if (rest.endsWith(" -") || rest.endsWith(" --")) {
            set = rest.replaceAll("\\s*-+$", "");
        }
        return new Heading(intExt, set, time, number);
    }

    private static IntExt intExt(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT).replaceAll("[.\\s]", "");
        return switch (p) {
            case "INT" -> IntExt.INT;
            case "EXT", "EST" -> IntExt.EXT; // an establishing shot is an exterior
            default -> IntExt.INT_EXT;
        };
    }

    private static String stripTrailingDot(String s) {
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
