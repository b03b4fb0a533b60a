package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Fountain 1.1 screenplay (fountain.io/syntax) into scenes. Only what a breakdown needs is kept:
 * headings, speaking characters, the first action, and enough layout to estimate page length.
 *
 * <p>One leniency against the letter of the syntax: a line starting with INT., EXT. etc. after a blank line
 * is a heading even when the next line is not blank, because writers often omit that blank line and reading
 * the heading as a character cue would be far worse.
 */
public final class FountainParser {

    private static final Pattern TITLE_KEY = Pattern.compile("^([\\p{L}][\\p{L}\\p{N} ]{0,40}?)\\s*:\\s*(.*)$");
    private static final Pattern PAGE_BREAK = Pattern.compile("^={3,}$");
    /** Marks where a note or boneyard was cut out, so a line that held nothing else can be dropped whole. */
    private static final char CUT = '\u0000';

    private FountainParser() {}

    public static Screenplay parse(Path file) throws ImportException {
        return parse(SourceText.read(file, "script", false), file);
    }

    /** Parses Fountain text; {@code source} names the file in messages. */
    public static Screenplay parse(String text, Path source) throws ImportException {
        List<String> lines = lines(text);
        Map<String, String> titlePage = new LinkedHashMap<>();
        int start = titlePage(lines, titlePage);
        List<ScriptScene> scenes = scenes(lines, start);
        if (scenes.isEmpty()) {
            throw new ImportException(Problem.NOT_A_SCREENPLAY, source, SourceText.name(source)
                    + " is not a screenplay Clearframe can read: it has no scene headings (lines starting with INT., EXT., "
                    + "EST., INT./EXT. or I/E, or a single '.' to force one).");
        }
        return new Screenplay(titlePage, scenes);
    }

    /** Normalises line breaks and removes boneyard and notes, which may span lines. */
    static List<String> lines(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        if (t.startsWith("\uFEFF")) t = t.substring(1);
        t = cut(t, "/*", "*/");
        t = cut(t, "[[", "]]");
        List<String> lines = new ArrayList<>();
        for (String line : t.split("\n", -1)) {
            if (line.indexOf(CUT) >= 0) {
                String rest = line.replace(String.valueOf(CUT), "");
                if (rest.isBlank()) continue; // the line held only a note or boneyard
                line = rest;
            }
            lines.add(line);
        }
        return lines;
    }

    /** An opener without its closer is left as text rather than swallowing the rest of the script. */
    private static String cut(String text, String open, String close) {
        if (!text.contains(open)) return text;
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (true) {
            int s = text.indexOf(open, i);
            int e = s < 0 ? -1 : text.indexOf(close, s + open.length());
            if (e < 0) {
                b.append(text, i, text.length());
                return b.toString();
            }
            b.append(text, i, s).append(CUT);
            i = e + close.length();
        }
    }

    /**
     * Reads the title page (a block of "Key: value" lines at the very top, values possibly on indented lines
     * below their key) into {@code into}; returns the index of the first body line.
     */
    private static int titlePage(List<String> lines, Map<String, String> into) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first >= lines.size() || !TITLE_KEY.matcher(lines.get(first)).matches()) return 0;
        Map<String, StringBuilder> values = new LinkedHashMap<>();
        StringBuilder current = null;
        int i = first;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            boolean indented = line.startsWith("\t") || line.startsWith("   ");
            Matcher m = TITLE_KEY.matcher(line);
            if (indented && current != null) {
                if (!current.isEmpty()) current.append('\n');
                current.append(line.trim());
            } else if (!indented && m.matches()) {
                current = new StringBuilder(m.group(2).trim());
                values.put(m.group(1).trim().toLowerCase(Locale.ROOT), current);
            } else {
                return 0; // not a title page after all: the block is part of the script
            }
        }
        values.forEach((k, v) -> into.put(k, ScriptText.stripEmphasis(v.toString())));
        return i;
    }

    private static List<ScriptScene> scenes(List<String> lines, int start) {
        List<ScriptScene> scenes = new ArrayList<>();
        SceneBuilder scene = null;
        boolean blankBefore = true;
        int n = lines.size();
        for (int i = start; i < n; i++) {
            String raw = lines.get(i);
            String t = raw.trim();
            if (t.isEmpty()) {
                blankBefore = true;
                continue;
            }
            boolean before = blankBefore;
            blankBefore = false;
            if (PAGE_BREAK.matcher(t).matches() || t.startsWith("#")) continue; // page breaks, sections
            if (t.startsWith("=")) {
                if (scene != null) scene.writtenSynopsis(ScriptText.stripEmphasis(t.substring(1)));
                continue;
            }
            boolean forcedHeading = t.startsWith(".") && t.length() > 1 && Character.isLetterOrDigit(t.codePointAt(1));
            if (before && (forcedHeading || SceneHeadings.hasPrefix(t))) {
                if (scene != null) scenes.add(scene.build(0));
                String heading = ScriptText.stripEmphasis(forcedHeading ? t.substring(1) : t);
                scene = new SceneBuilder(SceneHeadings.parse(heading), heading);
                continue;
            }
            if (t.startsWith("!")) { // forced action
                if (scene != null) scene.action(ScriptText.stripEmphasis(t.substring(1)), before);
                continue;
            }
            if (t.startsWith(">") || t.startsWith("~") || before && isTransition(t) && nextIsBlank(lines, i)) {
                if (scene != null) scene.other(t, before); // transitions, centred text, lyrics
                continue;
            }
            boolean forcedCue = t.startsWith("@") && t.length() > 1;
            if (before && (forcedCue || ScriptText.looksLikeCue(t)) && !nextIsBlank(lines, i)) {
                i = speech(lines, i, scene);
                blankBefore = true;
                continue;
            }
            if (scene != null) scene.action(ScriptText.stripEmphasis(t), before);
        }
        if (scene != null) scenes.add(scene.build(0));
        return scenes;
    }

    /** Reads a cue and its speech; returns the index of the speech's last line. */
    private static int speech(List<String> lines, int cue, SceneBuilder scene) {
        if (scene != null) scene.cue(ScriptText.characterName(lines.get(cue)));
        int i = cue + 1;
        // A line of exactly two spaces keeps a blank line inside a speech.
        for (; i < lines.size() && (!lines.get(i).isBlank() || lines.get(i).equals("  ")); i++) {
            String t = lines.get(i).trim();
            if (scene == null) continue;
            if (t.startsWith("(") && t.endsWith(")")) scene.parenthetical(t);
            else scene.dialogue(ScriptText.stripEmphasis(t));
        }
        return i - 1;
    }

    private static boolean isTransition(String t) {
        return t.endsWith("TO:") && t.equals(t.toUpperCase(Locale.ROOT));
    }

    private static boolean nextIsBlank(List<String> lines, int i) {
        return i + 1 >= lines.size() || lines.get(i + 1).isBlank();
    }
}
