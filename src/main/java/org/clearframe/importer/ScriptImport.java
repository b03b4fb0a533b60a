package org.clearframe.importer;

import org.clearframe.rules.Wording;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Tristate;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a screenplay into scenes and cast: a new production from a script, or a revision of an existing one.
 *
 * <p>Re-import matches the script's scenes to the production's: a numbered scene by its number (numbers are
 * locked once production starts, so a number is the scene's identity even if its heading changes); an
 * unnumbered one by its heading, taking repeated headings in script order. Matched scenes get the script's
 * heading, synopsis, length and speaking cast; scenes the script lacks are marked omitted. Nothing else of
 * an existing scene changes: its number, story day, shots, AI uses and sign-offs stay as they are.
 */
public final class ScriptImport {

    private static final System.Logger LOG = System.getLogger(ScriptImport.class.getName());

    /** Progress of an import for a progress bar: a step name and the fraction done (0..1). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, fraction) -> {};

        void update(String step, double fraction);
    }

    private ScriptImport() {}

    /** Reads a Fountain or Final Draft file, telling them apart by extension and, failing that, by content. */
    public static Screenplay read(Path script) throws ImportException {
        String text = SourceText.read(script, "script", false);
        String name = SourceText.name(script).toLowerCase(Locale.ROOT);
        String head = text.stripLeading();
        head = head.startsWith("\uFEFF") ? head.substring(1) : head;
        boolean xml = name.endsWith(".fdx") || head.startsWith("<?xml") || head.startsWith("<FinalDraft");
        return xml ? FdxParser.parse(text, script) : FountainParser.parse(text, script);
    }

    /** Creates {@code outFile}, a new production holding the script's scenes and speaking cast. */
    public static ProductionData importNew(Path script, Path outFile) throws ImportException, ProjectFileException {
        return importNew(script, outFile, Progress.NONE);
    }

    public static ProductionData importNew(Path script, Path outFile, Progress progress) throws ImportException, ProjectFileException {
        progress.update("Reading " + SourceText.name(script), 0);
        Screenplay screenplay = read(script);
        progress.update("Creating " + SourceText.name(outFile), 0.5);
        ProductionData data = newProduction(screenplay, SourceText.name(script));
        ProductionStore.createFrom(outFile, data);
        progress.update("Imported " + Wording.count(data.scenes().size(), "scene"), 1);
        LOG.log(System.Logger.Level.DEBUG, "Imported {0} scenes from {1} into {2}", data.scenes().size(), script, outFile);
        return data;
    }

    /**
     * The production a script makes: titled from the title page (or the file name), one scene per heading
     * numbered as in the script (scenes the script leaves unnumbered get their place 1..n, unless the script
     * gives that number to another scene), one cast member per speaking character. Writes nothing.
     */
    public static ProductionData newProduction(Screenplay screenplay, String fileName) {
        String title = screenplay.title().isBlank() ? stem(fileName) : screenplay.title();
        String notes = "Imported from " + fileName + (screenplay.author().isBlank() ? "" : ", written by " + screenplay.author()) + ".";
        Production base = Production.titled(title);
        Production production = new Production(base.id(), title, base.format(), base.genre(), "", "", "", null, notes);
        Set<String> scriptNumbers = new HashSet<>();
        for (ScriptScene s : screenplay.scenes()) if (s.number() != null) scriptNumbers.add(numberKey(s.number()));
        Cast cast = new Cast(List.of());
        List<Scene> scenes = new ArrayList<>();
        int place = 0;
        for (ScriptScene s : screenplay.scenes()) {
            place++;
            String number = s.number() != null ? s.number()
                    : scriptNumbers.contains(Integer.toString(place)) ? "" : Integer.toString(place);
            scenes.add(new Scene(UUID.randomUUID(), number, s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), "",
                    cast.ids(s.characters()), false));
        }
        // A new production is planned under the newest built-in policy, and records which one it is.
        return new ProductionData(production, Department.defaults(), cast.added, scenes, List.of(), List.of(),
                BuiltInPolicies.latest().json());
    }

    /** Works out what re-importing {@code screenplay} would change in {@code production}; writes nothing. */
    public static ScriptRevision preview(ProductionData production, Screenplay screenplay, String scriptName) {
        List<Scene> existing = production.scenes();
        List<ScriptScene> script = screenplay.scenes();
        Scene[] match = match(existing, script);

        Cast cast = new Cast(production.cast());
        Set<String> speakers = new HashSet<>();
        for (ScriptScene s : script) for (String c : s.characters()) speakers.add(c.toUpperCase(Locale.ROOT));
        Map<UUID, CastMember> castById = ProductionData.index(production.cast(), CastMember::id);

        Set<String> usedNumbers = new HashSet<>();
        for (Scene s : existing) if (!s.number().isBlank()) usedNumbers.add(numberKey(s.number()));
        List<Scene> added = new ArrayList<>();
        List<ScriptRevision.Change> changed = new ArrayList<>();
        List<UUID> scriptOrder = new ArrayList<>();
        int unchanged = 0;
        String previousNumber = null;
        for (int i = 0; i < script.size(); i++) {
            ScriptScene s = script.get(i);
            List<UUID> speaking = cast.ids(s.characters());
            Scene m = match[i];
            Scene result;
            if (m == null) {
                String number = s.number() != null ? s.number() : insertedNumber(previousNumber, nextNumber(script, match, i), i + 1, usedNumbers);
                usedNumbers.add(numberKey(number));
                result = new Scene(UUID.randomUUID(), number, s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), "", speaking, false);
                added.add(result);
            } else {
                List<UUID> castIds = new ArrayList<>(speaking);
                for (UUID id : m.castIds()) {
                    CastMember c = castById.get(id);
                    // Keep cast the script does not speak for (silent parts, cast added by hand).
                    boolean scriptCharacter = c != null && speakers.contains(c.character().trim().toUpperCase(Locale.ROOT));
                    if (!scriptCharacter && !castIds.contains(id)) castIds.add(id);
                }
                if (new HashSet<>(castIds).equals(new HashSet<>(m.castIds()))) castIds = m.castIds();
                result = new Scene(m.id(), m.number(), s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), m.storyDay(), castIds, false);
                List<String> what = differences(m, result);
                if (what.isEmpty()) unchanged++;
                else changed.add(new ScriptRevision.Change(m, result, what));
            }
            scriptOrder.add(result.id());
            if (!result.number().isBlank()) previousNumber = result.number();
        }

        Set<UUID> matched = new HashSet<>();
        for (Scene m : match) if (m != null) matched.add(m.id());
        List<Scene> omitted = new ArrayList<>();
        for (Scene s : existing) {
            if (matched.contains(s.id()) || s.omitted()) continue;
            omitted.add(new Scene(s.id(), s.number(), s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), s.storyDay(), s.castIds(), true));
        }
        List<UUID> order = order(existing, matched, scriptOrder);
        List<UUID> before = existing.stream().map(Scene::id).toList();
        Set<UUID> addedIds = new HashSet<>();
        for (Scene s : added) addedIds.add(s.id());
        boolean reordered = !order.stream().filter(id -> !addedIds.contains(id)).toList().equals(before);
        return new ScriptRevision(scriptName, added, changed, omitted, unchanged, cast.added, reordered, order);
    }

    /** Reads {@code script} and previews its re-import into {@code production}. */
    public static ScriptRevision preview(ProductionData production, Path script) throws ImportException {
        return preview(production, read(script), SourceText.name(script));
    }

    /** Writes a previewed revision in one transaction: all of it, or (on failure) none of it. */
    public static void apply(ProductionStore store, ScriptRevision revision) throws StoreException {
        if (revision.isEmpty()) return;
        List<Scene> scenes = new ArrayList<>(revision.added());
        for (ScriptRevision.Change c : revision.changed()) scenes.add(c.after());
        scenes.addAll(revision.omitted());
        store.saveScenesInOrder(revision.newCast(), scenes, revision.sceneOrder());
        LOG.log(System.Logger.Level.DEBUG, "Re-imported {0} into {1}: {2}", revision.scriptName(), store.file(), revision.summary());
    }

    /** Pairs each script scene with an existing scene (or null): by number when numbered, else by heading. */
    private static Scene[] match(List<Scene> existing, List<ScriptScene> script) {
        Scene[] match = new Scene[script.size()];
        Set<UUID> taken = new HashSet<>();
        Map<String, List<Scene>> byNumber = new HashMap<>();
        for (Scene s : existing) if (!s.number().isBlank()) byNumber.computeIfAbsent(numberKey(s.number()), k -> new ArrayList<>()).add(s);
        for (int i = 0; i < script.size(); i++) {
            String number = script.get(i).number();
            if (number == null) continue;
            for (Scene candidate : byNumber.getOrDefault(numberKey(number), List.of())) {
                if (taken.add(candidate.id())) {
                    match[i] = candidate;
                    break;
                }
            }
        }
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < existing.size(); i++) index.put(existing.get(i).id(), i);
        int last = -1;
        for (int i = 0; i < script.size(); i++) {
            ScriptScene s = script.get(i);
            if (s.number() == null) {
                String key = s.headingKey();
                Scene after = null, any = null;
                for (Scene candidate : existing) {
                    if (taken.contains(candidate.id())
                            || !ScriptScene.headingKey(candidate.intExt(), candidate.set(), candidate.timeOfDay()).equals(key)) continue;
                    if (any == null) any = candidate;
                    if (index.get(candidate.id()) > last) {
                        after = candidate;
                        break;
                    }
                }
                Scene chosen = after != null ? after : any;
                if (chosen != null) {
                    taken.add(chosen.id());
                    match[i] = chosen;
                }
            }
            if (match[i] != null) last = index.get(match[i].id());
        }
        return match;
    }

    /**
     * The production's new scene order: the script's order, with each scene the script no longer has kept
     * right after the scene that came before it in the production.
     */
    private static List<UUID> order(List<Scene> existing, Set<UUID> matched, List<UUID> scriptOrder) {
        Map<UUID, List<UUID>> after = new LinkedHashMap<>();
        List<UUID> atStart = new ArrayList<>();
        UUID anchor = null;
        for (Scene s : existing) {
            if (matched.contains(s.id())) {
                anchor = s.id();
            } else if (anchor == null) {
                atStart.add(s.id());
            } else {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(s.id());
            }
        }
        List<UUID> order = new ArrayList<>(atStart);
        for (UUID id : scriptOrder) {
            order.add(id);
            order.addAll(after.getOrDefault(id, List.of()));
        }
        return order;
    }

    private static List<String> differences(Scene a, Scene b) {
        List<String> what = new ArrayList<>();
        if (a.omitted() != b.omitted()) what.add("back in the script");
        if (a.intExt() != b.intExt()) what.add("INT/EXT");
        if (!a.set().equals(b.set())) what.add("set");
        if (!a.timeOfDay().equals(b.timeOfDay())) what.add("time of day");
        if (a.eighths() != b.eighths()) what.add("length " + Scene.pages(a.eighths()) + " \u2192 " + Scene.pages(b.eighths()));
        if (!a.castIds().equals(b.castIds())) what.add("cast");
        if (!a.synopsis().equals(b.synopsis())) what.add("synopsis");
        return what;
    }

    /** The number of the next script scene that has one (from the script or its match), for inserting before it. */
    private static String nextNumber(List<ScriptScene> script, Scene[] match, int from) {
        for (int j = from + 1; j < script.size(); j++) {
            if (script.get(j).number() != null) return script.get(j).number();
            if (match[j] != null && !match[j].number().isBlank()) return match[j].number();
        }
        return null;
    }

    /**
     * A number for a scene the script adds without numbering it, the way production numbers inserted scenes
     * once numbers are locked: after 12 comes 12A, then 12B; before scene 1 comes A1. Falls back to the
     * scene's place in the script, and to no number if even that is taken.
     */
    static String insertedNumber(String previous, String next, int place, Set<String> used) {
        List<String> candidates = new ArrayList<>();
        if (previous != null) {
            char last = previous.charAt(previous.length() - 1);
            if (Character.isLetter(last) && previous.length() > 1 && Character.isDigit(previous.charAt(previous.length() - 2))) {
                for (char c = (char) (Character.toUpperCase(last) + 1); c <= 'Z'; c++) candidates.add(previous.substring(0, previous.length() - 1) + c);
            }
            for (char c = 'A'; c <= 'Z'; c++) candidates.add(previous + c);
        } else if (next != null) {
            for (char c = 'A'; c <= 'Z'; c++) candidates.add(c + next);
        }
        candidates.add(Integer.toString(place));
        for (String c : candidates) if (!used.contains(numberKey(c))) return c;
        return "";
    }

    private static String numberKey(String number) {
        return number.trim().toUpperCase(Locale.ROOT);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The production's cast by character name, adding a member the first time a new character speaks. */
    private static final class Cast {
        private final Map<String, UUID> byName = new HashMap<>();
        final List<CastMember> added = new ArrayList<>();

        Cast(List<CastMember> existing) {
            for (CastMember m : existing) {
                if (!m.character().isBlank()) byName.putIfAbsent(m.character().trim().toUpperCase(Locale.ROOT), m.id());
            }
        }

        List<UUID> ids(List<String> characters) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (String name : characters) {
                ids.add(byName.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> {
                    CastMember m = new CastMember(UUID.randomUUID(), "", ScriptText.titleCase(name), Tristate.UNKNOWN, false);
                    added.add(m);
                    return m.id();
                }));
            }
            return List.copyOf(ids);
        }
    }
}
