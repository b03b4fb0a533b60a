package org.clearframe.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Counts and times as a person reads them, the same in the window, on the command line and in the PDF:
 * "1 shot", "2 shots"; a sign-off's time in the reader's own locale and time zone, not ISO-8601.
 * Machine output (JSON, CSV, file names) keeps ISO and never goes through here.
 */
public final class Wording {
    private Wording() {}

    /** "1 shot", "3 shots"; {@code singular} is the one-of-it form ("sign-off", "cast member"). */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : plural(singular));
    }

    /** For a noun whose plural is not made by adding an s ("person", "people"). */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** "is" or "are", to follow {@link #count}: "1 flag is", "2 flags are". */
    public static String isAre(long n) {
        return n == 1 ? "is" : "are";
    }

    static String plural(String singular) {
        if (singular.endsWith("day off")) return singular.substring(0, singular.length() - 4) + "s off";
        if (singular.endsWith("s") || singular.endsWith("sh") || singular.endsWith("ch") || singular.endsWith("x")) return singular + "es";
        if (singular.endsWith("y") && singular.length() > 1 && "aeiou".indexOf(singular.charAt(singular.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        return singular + "s";
    }

    /** A moment (a signature, a package sent) in the reader's locale and zone: "30 Nov 2026, 17:12" in en-GB. */
    public static String dateTime(Instant when) {
        return dateTime(when, Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    }

    public static String dateTime(Instant when, Locale locale, ZoneId zone) {
        if (when == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(when.atZone(zone));
    }

    /** A calendar day (a shoot day, a due date) in the reader's locale: "30 Nov 2026" in en-GB, "Nov 30, 2026" in en-US. */
    public static String date(LocalDate day) {
        return date(day, Locale.getDefault(Locale.Category.FORMAT));
    }

    public static String date(LocalDate day, Locale locale) {
        if (day == null) return "";
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}
