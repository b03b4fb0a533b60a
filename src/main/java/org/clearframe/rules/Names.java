package org.clearframe.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How Clearframe compares the names of people who sign: two spellings that a reader cannot tell apart are the same
 * person, so a zero-width space or a trailing no-break space cannot make a second "Lena Sørensen". Used for
 * pinned keys, for binding a performer's signature to the performer, and for spotting look-alike names.
 *
 * <ul>
 *   <li>{@link #normalise}: Unicode NFKC, format characters (Cf, which holds the zero-width ones) removed, every
 *       run of white space (including no-break spaces) one space, stripped, case-folded. Equal after this means
 *       the same name.</li>
 *   <li>{@link #skeleton}: the normalised name with diacritics removed and common Cyrillic and Greek look-alikes of
 *       Latin letters folded to them ("ø" to "o", Cyrillic "а" to "a"). Equal skeletons of different normal forms
 *       mean the names look alike: flagged for a person to decide, never merged silently.</li>
 *   <li>{@link #problem}: control characters and bidirectional overrides are refused outright: they make a name
 *       display as something other than what it is.</li>
 * </ul>
 */
public final class Names {

    private Names() {}

    /** The longest name accepted for a signer. */
    public static final int MAX_LENGTH = 200;

    public static String normalise(String name) {
        if (name == null) return "";
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT || isInvisible(cp)) continue;
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) b.append(' ');
            space = false;
            b.appendCodePoint(cp);
        }
        // Case folding: upper then lower maps the special cases (ß, final sigma) the way a simple lower-case does not.
        return b.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** True when the two names are the same name once normalised. */
    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    /** The look-alike skeleton: see the class comment. */
    public static String skeleton(String name) {
        String n = Normalizer.normalize(normalise(name), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) continue;
            b.append(fold(cp));
        }
        return b.toString();
    }

    /** True when the names differ but a reader could take one for the other. */
    public static boolean lookAlike(String a, String b) {
        return !same(a, b) && skeleton(a).equals(skeleton(b));
    }

    /** Why {@code name} cannot be a signer's name, if it cannot: empty, too long, or holding control or bidi characters. */
    public static Optional<String> problem(String name) {
        if (name == null || normalise(name).isEmpty()) return Optional.of("is empty");
        if (name.length() > MAX_LENGTH) return Optional.of("is longer than " + MAX_LENGTH + " characters");
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) return Optional.of(String.format(Locale.ROOT, "holds a bidirectional control character (U+%04X), "
                    + "which makes a name display differently from what it is", cp));
            if (Character.getType(cp) == Character.CONTROL) return Optional.of(String.format(Locale.ROOT, "holds a control character (U+%04X)", cp));
            if (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED
                    || Character.getType(cp) == Character.PRIVATE_USE) {
                return Optional.of(String.format(Locale.ROOT, "holds a character that is not text (U+%04X)", cp));
            }
        }
        return Optional.empty();
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    /** Default-ignorable characters that are not in Cf everywhere (Hangul fillers, the combining grapheme joiner...). */
    private static boolean isInvisible(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static String fold(int cp) {
        return switch (cp) {
            // Latin letters whose decomposition keeps no base letter
            case 'ø' -> "o"; case 'đ', 'ð' -> "d"; case 'ł' -> "l"; case 'ħ' -> "h"; case 'ı' -> "i"; case 'ŧ' -> "t";
            case 'æ' -> "ae"; case 'œ' -> "oe"; case 'ß' -> "ss"; case 'þ' -> "th";
            // Cyrillic look-alikes
            case 'а' -> "a"; case 'в' -> "b"; case 'е', 'ё' -> "e"; case 'к' -> "k"; case 'м' -> "m"; case 'н' -> "h"; case 'о' -> "o";
            case 'р' -> "p"; case 'с' -> "c"; case 'т' -> "t"; case 'у' -> "y"; case 'х' -> "x"; case 'ѕ' -> "s"; case 'і', 'ї' -> "i";
            case 'ј' -> "j"; case 'ԛ' -> "q"; case 'ԝ' -> "w"; case 'һ' -> "h"; case 'ԁ' -> "d"; case 'ɡ' -> "g"; case 'г' -> "r";
            case 'п' -> "n"; case 'ь' -> "b"; case 'з' -> "3";
            // Greek look-alikes
            case 'α' -> "a"; case 'β' -> "b"; case 'ε' -> "e"; case 'η' -> "n"; case 'ι' -> "i"; case 'κ' -> "k"; case 'ν' -> "v";
            case 'ο' -> "o"; case 'ρ' -> "p"; case 'τ' -> "t"; case 'υ' -> "u"; case 'χ' -> "x"; case 'γ' -> "y"; case 'μ' -> "u";
            case 'ω' -> "w";
            // Digits and Latin letters often swapped for each other
            case '0' -> "o"; case '1', 'l', '|' -> "i"; case '5' -> "s";
            default -> new String(Character.toChars(cp));
        };
    }
}
