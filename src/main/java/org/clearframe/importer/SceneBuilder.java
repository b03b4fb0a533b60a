package org.clearframe.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Collects one scene's elements as a reader walks the script, then makes its {@link ScriptScene}. */
final class SceneBuilder {

    /** Enough action to make a 200-character synopsis from, without copying whole scenes. */
    private static final int ACTION_KEPT = 4 * ScriptText.SYNOPSIS_LENGTH;

    private final SceneHeadings.Heading heading;
    private final PageCount count = new PageCount();
    private final StringBuilder action = new StringBuilder();
    private final Map<String, String> characters = new LinkedHashMap<>();
    private String writtenSynopsis;
    private int elements;

    SceneBuilder(SceneHeadings.Heading heading, String headingText) {
        this.heading = heading;
        count.block(headingText, PageCount.ACTION_WIDTH);
    }

    /** A line of action; {@code newParagraph} when a blank line came before it. */
    void action(String text, boolean newParagraph) {
        elements++;
        if (newParagraph) count.block(text, PageCount.ACTION_WIDTH);
        else count.more(text, PageCount.ACTION_WIDTH);
        if (action.length() < ACTION_KEPT && !text.isBlank()) {
            if (!action.isEmpty()) action.append(' ');
            action.append(text.trim());
        }
    }

    /** A cue: the name (already without extensions) is a speaking character unless the speech turns out empty. */
    void cue(String name) {
        elements++;
        count.block(name, PageCount.ACTION_WIDTH);
        if (!name.isEmpty()) characters.putIfAbsent(name.toUpperCase(Locale.ROOT), name);
    }

    void dialogue(String text) {
        count.more(text, PageCount.DIALOGUE_WIDTH);
    }

    void parenthetical(String text) {
        count.more(text, PageCount.PARENTHETICAL_WIDTH);
    }

    /** Transitions, centred text, lyrics and other lines that take page space but tell us nothing else. */
    void other(String text, boolean newParagraph) {
        elements++;
        if (newParagraph) count.block(text, PageCount.ACTION_WIDTH);
        else count.more(text, PageCount.ACTION_WIDTH);
    }

    /** A synopsis the writer attached to the heading (Fountain's "= ..."); used only when it comes first. */
    void writtenSynopsis(String text) {
        if (elements == 0 && writtenSynopsis == null && !text.isBlank()) writtenSynopsis = text.trim();
    }

    ScriptScene build(int eighthsFromScript) {
        String synopsis = ScriptText.synopsis(writtenSynopsis != null ? writtenSynopsis : action.toString());
        int eighths = eighthsFromScript > 0 ? eighthsFromScript : count.eighths();
        return new ScriptScene(heading.number(), heading.intExt(), heading.set(), heading.timeOfDay(), synopsis,
                new ArrayList<>(characters.values()), eighths);
    }
}
