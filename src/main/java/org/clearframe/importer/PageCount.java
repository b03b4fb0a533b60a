package org.clearframe.importer;

/**
 * Estimates a scene's length in eighths of a page from its text, the way a script breakdown counts it.
 *
 * <p>The approximation: lay the scene out as a standard screenplay (Courier 12 pt, ten characters to the
 * inch) by word-wrapping each element at its usual width (action and headings 60 characters, dialogue 35,
 * parentheticals 25, cues and transitions one line), with one blank line before each element except the lines
 * of a speech, and take 55 such lines as a page (a US Letter page less margins and the page number). The line
 * count times 8/55, rounded to the nearest eighth and at least 1/8, lands within an eighth or two of what
 * screenwriting apps report for ordinary scenes; page breaks inside a speech (MORE/CONT'D) are ignored.
 */
final class PageCount {

    static final int LINES_PER_PAGE = 55;
    static final int ACTION_WIDTH = 60;
    static final int DIALOGUE_WIDTH = 35;
    static final int PARENTHETICAL_WIDTH = 25;

    private int lines;

    /** An element that starts a new block (heading, action paragraph, cue, transition): a blank line, then its text. */
    void block(String text, int width) {
        lines += 1 + wrapped(text, width);
    }

    /** A line that continues the block before it (dialogue and parentheticals under a cue, more action lines). */
    void more(String text, int width) {
        lines += wrapped(text, width);
    }

    int lines() {
        return lines;
    }

    int eighths() {
        return eighths(lines);
    }

    static int eighths(int lines) {
        return Math.max(1, Math.round(lines * 8f / LINES_PER_PAGE));
    }

    /** Lines {@code text} takes when word-wrapped at {@code width}; each explicit line break starts a new line. */
    static int wrapped(String text, int width) {
        int total = 1, used = 0, word = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == ' ' || c == '\t' || c == '\n') {
                if (word > 0) {
                    if (used == 0) used = word;
                    else if (used + 1 + word <= width) used += 1 + word;
                    else {
                        total++;
                        used = word;
                    }
                    while (used > width) { // a word longer than the line breaks across lines
                        total++;
                        used -= width;
                    }
                    word = 0;
                }
                if (c == '\n' && i < n) {
                    total++;
                    used = 0;
                }
            } else {
                word++;
            }
        }
        return total;
    }

    /** Final Draft's "1 3/8", "3/8" or "2" as eighths; -1 when the text is not a page length. */
    static int parseEighths(String length) {
        if (length == null) return -1;
        String s = length.trim();
        if (s.isEmpty()) return -1;
        try {
            int whole = 0;
            String fraction = s;
            int space = s.indexOf(' ');
            if (space > 0) {
                whole = Integer.parseInt(s.substring(0, space));
                fraction = s.substring(space + 1).trim();
            } else if (s.indexOf('/') < 0) {
                return Integer.parseInt(s) * 8;
            }
            int slash = fraction.indexOf('/');
            if (slash < 0) return -1;
            int num = Integer.parseInt(fraction.substring(0, slash).trim());
            int den = Integer.parseInt(fraction.substring(slash + 1).trim());
            if (den <= 0 || num < 0 || whole < 0) return -1;
            return whole * 8 + Math.round(num * 8f / den);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
