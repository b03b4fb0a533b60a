package org.clearframe.pdf;

import org.clearframe.model.Labelled;

import java.util.Locale;
import java.util.Set;

/** The two paper sizes a producer prints on. Pages are laid out landscape, which suits the shot tables. */
public enum PaperSize implements Labelled {
    A4("A4", 842f, 595f),
    US_LETTER("US Letter", 792f, 612f);

    /** Countries that use Letter rather than A4 (as in the Unicode CLDR paper-size data). */
    private static final Set<String> LETTER_COUNTRIES =
            Set.of("US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "NI", "PA", "SV", "BZ");

    private final String label;
    private final float landscapeWidth;
    private final float landscapeHeight;

    PaperSize(String label, float landscapeWidth, float landscapeHeight) {
        this.label = label;
        this.landscapeWidth = landscapeWidth;
        this.landscapeHeight = landscapeHeight;
    }

    @Override public String label() { return label; }

    /** Page width in PDF points (1/72 inch), landscape. */
    public float landscapeWidth() { return landscapeWidth; }

    /** Page height in PDF points, landscape. */
    public float landscapeHeight() { return landscapeHeight; }

    /** Letter where it is the local standard, A4 everywhere else (including a locale with no country). */
    public static PaperSize forLocale(Locale locale) {
        String country = locale == null ? "" : locale.getCountry();
        return LETTER_COUNTRIES.contains(country.toUpperCase(Locale.ROOT)) ? US_LETTER : A4;
    }

    /** "a4" or "letter" (any case), as the command line takes it; null when neither. */
    public static PaperSize parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter", "us-letter", "us_letter" -> US_LETTER;
            default -> null;
        };
    }
}
