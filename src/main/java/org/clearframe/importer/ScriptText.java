package org.clearframe.importer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small text rules shared by the script readers: emphasis markers, character cues, synopsis length. */
final class ScriptText {

    static final int SYNOPSIS_LENGTH = 200;

    private static final Pattern STARS = Pattern.compile("(\\*{1,3})(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern UNDERLINE = Pattern.compile("_(?=\\S)(.+?)(?<=\\S)_");
    private static final Pattern EXTENSION = Pattern.compile("\\(.*$");
    private static final Pattern ONLY_EXTENSIONS = Pattern.compile("(\\([^()]*\\)\\s*)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BARE_CONTD = Pattern.compile("\\s+CONT['\u2019]?D\\.?$", Pattern.CASE_INSENSITIVE);

    private ScriptText() {}

    /** Removes Fountain's *italic*, **bold**, ***bold italic*** and _underline_ markers; \* and \_ stay as * and _. */
    static String stripEmphasis(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0) return s;
        String t = s.replace("\\*", "\uE000").replace("\\_", "\uE001");
        String before;
        do {
            before = t;
            t = STARS.matcher(t).replaceAll("$2");
            t = UNDERLINE.matcher(t).replaceAll("$1");
        } while (!t.equals(before));
        return t.replace('\uE000', '*').replace('\uE001', '_');
    }

    /**
     * The character's name from a cue: without the forcing @, the dual-dialogue ^, and extensions such as
     * (V.O.), (O.S.), (CONT'D) or (on the radio). Empty when nothing is left.
     */
    static String characterName(String cue) {
        String name = stripEmphasis(cue.trim());
        if (name.startsWith("@")) name = name.substring(1);
        if (name.endsWith("^")) name = name.substring(0, name.length() - 1);
        name = EXTENSION.matcher(name).replaceFirst("");
        name = BARE_CONTD.matcher(name.trim()).replaceFirst("");
        return SPACES.matcher(name).replaceAll(" ").trim();
    }

    /** Whether a (non-forced) line can be a character cue: its name has a letter and no lower-case letters. */
    static boolean looksLikeCue(String line) {
        String t = line.trim();
        if (t.endsWith("^")) t = t.substring(0, t.length() - 1).trim();
        if (t.endsWith(":")) return false; // "FADE IN:" and friends
        int paren = t.indexOf('(');
        // Only extensions may follow the name: "HALE (50s), tired, precise" is action introducing Hale.
        if (paren >= 0 && !ONLY_EXTENSIONS.matcher(t.substring(paren)).matches()) return false;
        String name = EXTENSION.matcher(t).replaceFirst("").trim();
        if (name.isEmpty() || "!.>~=#[(".indexOf(name.charAt(0)) >= 0) return false;
        boolean letter = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letter = true;
            i += Character.charCount(c);
        }
        return letter;
    }

    /**
     * "INSPECTOR HALE" becomes "Inspector Hale", "O'BRIEN" "O'Brien", "MARY-KATE" "Mary-Kate". A name typed
     * in mixed case (a forced cue like @McCLANE) is kept as written, since the writer chose its capitals.
     */
    static String titleCase(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT))) return name;
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c) && (c != '\'' && c != '\u2019' || i == 1 || i >= 2 && !Character.isLetter(name.charAt(i - 2)));
        }
        return b.toString();
    }

    /**
     * Collapses whitespace and shortens to about {@link #SYNOPSIS_LENGTH} characters: at the last sentence end
     * when there is one in the second half, else at the last word boundary with an ellipsis.
     */
    static String synopsis(String text) {
        String s = SPACES.matcher(text).replaceAll(" ").trim();
        if (s.length() <= SYNOPSIS_LENGTH) return s;
        int sentence = -1;
        for (int i = SYNOPSIS_LENGTH / 2; i < SYNOPSIS_LENGTH; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && s.charAt(i + 1) == ' ') sentence = i + 1;
        }
        if (sentence > 0) return s.substring(0, sentence);
        int space = s.lastIndexOf(' ', SYNOPSIS_LENGTH - 1);
        String cut = space > SYNOPSIS_LENGTH / 2 ? s.substring(0, space) : s.substring(0, SYNOPSIS_LENGTH - 1);
        return cut.replaceAll("[\\s,;:\u2013\u2014-]+$", "") + "\u2026";
    }
}
