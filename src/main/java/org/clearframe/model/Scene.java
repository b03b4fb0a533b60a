package org.clearframe.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A scene as on a breakdown sheet. Its order in the script is the order of the production's scene list,
 * not its number, because numbers like 12A or omitted scenes do not sort reliably.
 */
public record Scene(UUID id, String number, IntExt intExt, String set, String timeOfDay, String synopsis,
                    int eighths, String storyDay, List<UUID> castIds, boolean omitted) {

    public Scene {
        Objects.requireNonNull(id, "id");
        number = Text.orEmpty(number);
        intExt = intExt == null ? IntExt.INT : intExt;
        set = Text.orEmpty(set);
        timeOfDay = Text.orEmpty(timeOfDay);
        synopsis = Text.orEmpty(synopsis);
        if (eighths < 0) throw new IllegalArgumentException("page length cannot be negative");
        storyDay = Text.orEmpty(storyDay);
        castIds = castIds == null ? List.of() : List.copyOf(castIds);
    }

    public static Scene numbered(String number, IntExt intExt, String set, String timeOfDay) {
        return new Scene(UUID.randomUUID(), number, intExt, set, timeOfDay, "", 0, "", List.of(), false);
    }

    /** The scene heading as a script prints it: "12A INT. HOSPITAL CORRIDOR - NIGHT". */
    public String heading() {
        StringBuilder b = new StringBuilder();
        if (!number.isBlank()) b.append(number).append(' ');
        b.append(intExt.label()).append(' ').append(set);
        if (!timeOfDay.isBlank()) b.append(" - ").append(timeOfDay);
        return b.toString().trim();
    }

    /** Page length the way schedules write it: "1 3/8", "4/8", "2". */
    public static String pages(int eighths) {
        int whole = eighths / 8, rest = eighths % 8;
        if (whole == 0 && rest == 0) return "0";
        if (rest == 0) return Integer.toString(whole);
        return (whole > 0 ? whole + " " : "") + rest + "/8";
    }

    /** Reads a page length as schedules write it ("1 3/8", "4/8", "2") into eighths; throws on anything else. */
    public static int eighths(String pages) {
        String t = pages == null ? "" : pages.trim();
        if (t.isEmpty()) return 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:(\\d+)\\s*)?(?:(\\d)\\s*/\\s*8)?$").matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException("Write page length in eighths, like 1 3/8 or 4/8");
        }
        int whole = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int rest = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (rest > 7) throw new IllegalArgumentException("Eighths run from 1/8 to 7/8");
        return whole * 8 + rest;
    }
}
