package org.clearframe.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.Rectangle;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.ShotStatus;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The document's typography and palette in one place. Colours are kept few and dark enough to read when
 * printed in greyscale; every state is also spelled out in words, so colour is never the only signal.
 */
final class Look {

    static final Color INK = new Color(0x1F, 0x23, 0x28);
    static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    static final Color RULE = new Color(0xC9, 0xCE, 0xD6);
    static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF3);
    static final Color BAND = new Color(0x26, 0x32, 0x3F);
    static final Color GROUP_FILL = new Color(0xF3, 0xF5, 0xF8);
    static final Color OMITTED_FILL = new Color(0xF4, 0xF5, 0xF7);
    static final Color WHITE = Color.WHITE;

    static final Color APPROVED = new Color(0x2E, 0x7D, 0x32);
    static final Color MISSING = new Color(0xB4, 0x5F, 0x06);
    static final Color DECLINED = new Color(0xC6, 0x28, 0x28);
    static final Color STALE = new Color(0x7E, 0x57, 0xC2);

    /** A filled square: the swatch for departments and the marker for signature states. */
    static final String SWATCH = "\u25A0";

    private static final String FONT_DIR = "/org/clearframe/pdf/fonts/";
    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    final BaseFont regular;
    final BaseFont bold;

    final Font body;
    final Font bodyBold;
    final Font small;
    final Font smallBold;
    final Font smallMuted;
    final Font tableHead;
    final Font bandFont;
    final Font bandMuted;
    final Font title;
    final Font subtitle;
    final Font sectionTitle;
    final Font figure;
    final Font label;
    final Font shotNumber;
    final Font groupFont;
    /** Sizes the small gap between entries in a cell (a no-break space: embedded like every other glyph). */
    final Font gap;
    private final Map<SignatureState, Font> stateFonts = new EnumMap<>(SignatureState.class);
    private final Map<SignatureState, Font> stateMarkers = new EnumMap<>(SignatureState.class);
    private final Map<ShotStatus, Font> statusFonts = new EnumMap<>(ShotStatus.class);
    private final Map<String, Font> swatches = new java.util.HashMap<>();
    private final Font blocking;

    Look() {
        try {
            regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    fontBytes(false), null);
            bold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    fontBytes(true), null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the bundled DejaVu Sans font cannot be read", e);
        }
        body = new Font(regular, 8.5f, Font.NORMAL, INK);
        bodyBold = new Font(bold, 8.5f, Font.NORMAL, INK);
        small = new Font(regular, 7.5f, Font.NORMAL, INK);
        smallBold = new Font(bold, 7.5f, Font.NORMAL, INK);
        smallMuted = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        tableHead = new Font(bold, 7.5f, Font.NORMAL, MUTED);
        bandFont = new Font(bold, 10.5f, Font.NORMAL, WHITE);
        bandMuted = new Font(regular, 8.5f, Font.NORMAL, new Color(0xD5, 0xDB, 0xE2));
        title = new Font(bold, 30f, Font.NORMAL, INK);
        subtitle = new Font(regular, 13f, Font.NORMAL, MUTED);
        sectionTitle = new Font(bold, 16f, Font.NORMAL, INK);
        figure = new Font(bold, 22f, Font.NORMAL, INK);
        label = new Font(regular, 8f, Font.NORMAL, MUTED);
        shotNumber = new Font(bold, 11f, Font.NORMAL, INK);
        groupFont = new Font(bold, 11f, Font.NORMAL, INK);
        gap = new Font(regular, 3f, Font.NORMAL, INK);
        blocking = new Font(bold, 7.5f, Font.NORMAL, DECLINED);
        for (ShotStatus s : ShotStatus.values()) statusFonts.put(s, new Font(bold, 7.5f, Font.NORMAL, colour(s)));
        for (SignatureState s : SignatureState.values()) {
            stateFonts.put(s, new Font(bold, 7.5f, Font.NORMAL, colour(s)));
            stateMarkers.put(s, new Font(regular, 7.5f, Font.NORMAL, colour(s)));
        }
    }

    /** The fonts a {@link RowSpill} names by number: one number per distinct font, so the list stays short. */
    private record FontKey(BaseFont base, float size, int style, Color colour) {}
    private final Map<FontKey, Integer> fontIds = new java.util.HashMap<>();
    /** The same numbers by the font object: almost every chunk carries one of the fonts above, so this is the quick way. */
    private final Map<Font, Integer> fontIdsByObject = new java.util.IdentityHashMap<>();
    private final java.util.List<Font> fontsById = new java.util.ArrayList<>();

    int fontId(Font font) {
        if (font == null || font.isStandardFont()) return -1;
        Integer known = fontIdsByObject.get(font);
        if (known != null) return known;
        int id = fontIds.computeIfAbsent(new FontKey(font.getBaseFont(), font.getSize(), font.getStyle(), font.getColor()), k -> {
            fontsById.add(font);
            return fontsById.size() - 1;
        });
        // only the long-lived fonts are remembered by object, so a font made per chunk cannot grow the map
        if (fontsById.get(id) == font) fontIdsByObject.put(font, id);
        return id;
    }

    Font font(int id) {
        return id < 0 ? new Font() : fontsById.get(id);
    }

    Lines lines() {
        return new Lines(this);
    }

    static Color colour(SignatureState state) {
        return switch (state) {
            case APPROVED, APPROVED_WITH_CONDITIONS -> APPROVED;
            case MISSING -> MISSING;
            case DECLINED -> DECLINED;
            case STALE -> STALE;
        };
    }

    static Color colour(ShotStatus status) {
        return switch (status) {
            case NO_AI -> MUTED;
            case CLEAR -> APPROVED;
            case NEEDS_SIGNOFF -> MISSING;
            case STALE -> STALE;
            case DECLINED -> DECLINED;
        };
    }

    /** Short state words for table cells; the legend and cover use the same words. */
    static String word(SignatureState state) {
        return switch (state) {
            case APPROVED -> "Approved";
            case APPROVED_WITH_CONDITIONS -> "Approved with conditions";
            case MISSING -> "Missing";
            case DECLINED -> "Declined";
            case STALE -> "Stale";
        };
    }

    Font state(SignatureState state) {
        return stateFonts.get(state);
    }

    Font marker(SignatureState state) {
        return stateMarkers.get(state);
    }

    Font severity(Severity severity) {
        return severity == Severity.BLOCKING ? blocking : smallMuted;
    }

    Font status(ShotStatus status) {
        return statusFonts.get(status);
    }

    /** The small-text font in a department's colour, made once per colour. */
    Font swatch(String colour) {
        return swatches.computeIfAbsent(colour, c -> new Font(regular, 7.5f, Font.NORMAL, parseColour(c)));
    }

    Font coloured(Font base, Color colour) {
        return new Font(base.getBaseFont(), base.getSize(), Font.NORMAL, colour);
    }

    /** A department's colour from its "#RRGGBB" text, or the muted grey when it is not a colour. */
    static Color parseColour(String hex) {
        if (hex != null && hex.matches("#[0-9A-Fa-f]{6}")) return new Color(Integer.parseInt(hex.substring(1), 16));
        return new Color(0x8A, 0x8F, 0x98);
    }

    /** The long tables' cells and headings, drawn by {@link Grid}: the paddings and rules of {@link #cell} (the cover's). */
    static final Grid.Style CELL = new Grid.Style(4f, 5f, 4f, 4f, 1.3f, null, RULE, 0f, null, false, false);
    static final Grid.Style HEAD = new Grid.Style(4f, 4f, 4f, 4f, 1.3f, HEADER_FILL, RULE, 0f, null, false, false);
    /** A scene's dark heading band, and the facts at its right. */
    static final Grid.Style SCENE_BAND = new Grid.Style(5f, 7f, 8f, 2f, 1f, BAND, null, 0f, null, true, false);
    static final Grid.Style SCENE_BAND_RIGHT = new Grid.Style(5f, 7f, 2f, 8f, 1f, BAND, null, 0f, null, true, true);

    /** A plain table cell: hairline bottom rule, comfortable padding, top-aligned like a breakdown sheet. */
    PdfPCell cell(Phrase content) {
        PdfPCell c = new PdfPCell(content);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setPaddingTop(4f);
        c.setPaddingBottom(5f);
        c.setPaddingLeft(4f);
        c.setPaddingRight(4f);
        c.setVerticalAlignment(com.lowagie.text.Element.ALIGN_TOP);
        c.setLeading(0f, 1.3f);
        return c;
    }

    private static byte[] fontBytes(boolean isBold) {
        byte[] cached = isBold ? boldBytes : regularBytes;
        if (cached != null) return cached;
        String name = isBold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
        try (InputStream in = Look.class.getResourceAsStream(FONT_DIR + name)) {
            if (in == null) throw new IllegalStateException("font " + name + " is missing from the application");
            byte[] bytes = in.readAllBytes();
            if (isBold) boldBytes = bytes; else regularBytes = bytes;
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
