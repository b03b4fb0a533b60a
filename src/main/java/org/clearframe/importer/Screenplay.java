package org.clearframe.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed script: its title page (keys in lower case, "title", "author", "draft date"...) and its scenes in
 * script order. The same shape whether it came from Fountain or Final Draft.
 */
public record Screenplay(Map<String, String> titlePage, List<ScriptScene> scenes) {

    public Screenplay {
        titlePage = Collections.unmodifiableMap(new LinkedHashMap<>(titlePage));
        scenes = List.copyOf(scenes);
    }

    /** The title from the title page on one line, or "" when there is none. */
    public String title() {
        return oneLine(titlePage.getOrDefault("title", ""));
    }

    public String author() {
        return oneLine(titlePage.getOrDefault("author", titlePage.getOrDefault("authors", "")));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
