package org.clearframe.importer;

import org.clearframe.model.IntExt;
import org.clearframe.model.Text;

import java.util.List;
import java.util.Locale;

/**
 * One scene as the script has it. {@code number} is null when the script does not number it; {@code characters}
 * are the speaking characters in order of first appearance, as the cues spell them without extensions
 * ("ELENA" for "ELENA (V.O.)"); {@code eighths} is the length in eighths of a page, at least 1.
 */
public record ScriptScene(String number, IntExt intExt, String set, String timeOfDay, String synopsis,
                          List<String> characters, int eighths) {

    public ScriptScene {
        number = number == null || number.isBlank() ? null : number.trim();
        intExt = intExt == null ? IntExt.INT : intExt;
        set = Text.orEmpty(set).trim();
        timeOfDay = Text.orEmpty(timeOfDay).trim();
        synopsis = Text.orEmpty(synopsis);
        characters = List.copyOf(characters);
        eighths = Math.max(1, eighths);
    }

    /** "INT. KITCHEN - DAY", without the number. */
    public String heading() {
        return intExt.label() + " " + set + (timeOfDay.isEmpty() ? "" : " - " + timeOfDay);
    }

    /**
     * The heading reduced to letters and digits in upper case, so that "INT. KITCHEN - DAY" and "INT KITCHEN -- DAY"
     * are the same place when unnumbered scenes are matched on re-import.
     */
    public static String headingKey(IntExt intExt, String set, String timeOfDay) {
        String raw = intExt.name() + " " + Text.orEmpty(set) + " " + Text.orEmpty(timeOfDay);
        return raw.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    public String headingKey() {
        return headingKey(intExt, set, timeOfDay);
    }
}
