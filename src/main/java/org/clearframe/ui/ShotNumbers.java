package org.clearframe.ui;

import org.clearframe.model.Shot;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The number a new shot gets where it is put, so numbers read in the order shown: at the end of a scene the next
 * whole number (5 after 4), between two shots the one before it with a letter (2A between 2 and 3, then 2B), as
 * script supervisors number inserted shots.
 */
final class ShotNumbers {
    private ShotNumbers() {}

    private static final Pattern NUMBER = Pattern.compile("(\\d+)([A-Z]*)");

    /** The number for a shot inserted at {@code index} among {@code siblings} (the scene's shots in order). */
    static String at(List<Shot> siblings, int index) {
        Set<String> taken = siblings.stream().map(s -> s.number().toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        if (index >= siblings.size() || index <= 0) return next(siblings);
        Matcher m = NUMBER.matcher(siblings.get(index - 1).number().strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) return next(siblings);
        Matcher after = NUMBER.matcher(siblings.get(index).number().strip().toUpperCase(java.util.Locale.ROOT));
        String letters = m.group(2);
        for (int tries = 0; tries < 200; tries++) {
            letters = following(letters);
            // the letter must still sort before the shot that follows (2A fits between 2 and 3, not between 2 and 2A)
            if (after.matches() && after.group(1).equals(m.group(1)) && letters.compareTo(after.group(2)) >= 0) break;
            String candidate = m.group(1) + letters;
            if (!taken.contains(candidate)) return candidate;
        }
        return next(siblings);
    }

    /** One past the highest whole number in the scene. */
    static String next(List<Shot> siblings) {
        int max = 0;
        for (Shot s : siblings) {
            Matcher m = Pattern.compile("^(\\d+)").matcher(s.number().strip());
            if (m.find()) max = Math.max(max, Integer.parseInt(m.group(1).length() > 9 ? "999999999" : m.group(1)));
        }
        return Integer.toString(max + 1);
    }

    /** "" -> "A", "A" -> "B", "Z" -> "ZA": the letters that sort next. */
    static String following(String letters) {
        if (letters.isEmpty()) return "A";
        char last = letters.charAt(letters.length() - 1);
        return last == 'Z' ? letters + "A" : letters.substring(0, letters.length() - 1) + (char) (last + 1);
    }
}
