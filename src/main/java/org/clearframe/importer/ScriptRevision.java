package org.clearframe.importer;

import org.clearframe.model.CastMember;
import org.clearframe.model.Scene;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What re-importing a revised script would change in a production, worked out before anything is written so
 * the producer can look first. {@code added} are new scenes, {@code changed} existing scenes with their new
 * values, {@code omitted} scenes the script no longer has, already marked omitted (never deleted: their shots,
 * AI uses and sign-offs stay). {@code sceneOrder} is every scene id in the order the production will have.
 */
public record ScriptRevision(String scriptName, List<Scene> added, List<Change> changed, List<Scene> omitted,
                             int unchanged, List<CastMember> newCast, boolean reordered, List<UUID> sceneOrder) {

    /** One existing scene the script changes, and which of its fields ("set", "cast"...) differ. */
    public record Change(Scene before, Scene after, List<String> what) {
        public Change {
            what = List.copyOf(what);
        }
    }

    public ScriptRevision {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        omitted = List.copyOf(omitted);
        newCast = List.copyOf(newCast);
        sceneOrder = List.copyOf(sceneOrder);
    }

    /** True when applying would change nothing (the same script imported again). */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && omitted.isEmpty() && newCast.isEmpty() && !reordered;
    }

    /** "2 scenes added, 1 changed, 1 omitted, 5 unchanged; 1 new cast member". */
    public String summary() {
        if (isEmpty()) return "No changes: the production already matches " + scriptName + ".";
        String s = count(added.size(), "scene", "scenes") + " added, " + changed.size() + " changed, " + omitted.size() + " omitted, "
                + unchanged + " unchanged";
        if (!newCast.isEmpty()) s += "; " + count(newCast.size(), "new cast member", "new cast members");
        if (reordered) s += "; scenes reordered to follow the script";
        return s + ".";
    }

    /** One line per affected scene, as the command line and the preview dialog list them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Scene s : added) lines.add("+ " + s.heading());
        for (Change c : changed) lines.add("~ " + c.after().heading() + " (" + String.join(", ", c.what()) + ")");
        for (Scene s : omitted) lines.add("- " + s.heading() + " (omitted)");
        for (CastMember m : newCast) lines.add("+ cast: " + m.character());
        return lines;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
