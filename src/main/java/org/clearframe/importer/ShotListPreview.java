package org.clearframe.importer;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What importing a shot list would do, before anything is written: shots to add, existing shots whose mapped
 * fields change, scenes to create for scene numbers the production does not have yet, and rows skipped or
 * read only in part ({@code problems}, each naming its spreadsheet row).
 */
public record ShotListPreview(String fileName, List<Scene> newScenes, List<Shot> newShots, List<ShotChange> updated,
                              int unchanged, List<String> problems) {

    /** An existing shot (same scene and shot number) with the CSV's values, and which fields differ. */
    public record ShotChange(String sceneNumber, Shot before, Shot after, List<String> what) {
        public ShotChange {
            what = List.copyOf(what);
        }
    }

    public ShotListPreview {
        newScenes = List.copyOf(newScenes);
        newShots = List.copyOf(newShots);
        updated = List.copyOf(updated);
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return newScenes.isEmpty() && newShots.isEmpty() && updated.isEmpty();
    }

    public String summary() {
        String s = newShots.size() + " new " + (newShots.size() == 1 ? "shot" : "shots") + ", " + updated.size() + " updated, "
                + unchanged + " unchanged";
        if (!newScenes.isEmpty()) {
            s += "; " + newScenes.size() + " new " + (newScenes.size() == 1 ? "scene" : "scenes") + " ("
                    + newScenes.stream().map(Scene::number).collect(Collectors.joining(", ")) + ")";
        }
        if (!problems.isEmpty()) s += "; " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return s + ".";
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Scene s : newScenes) lines.add("+ scene " + s.number() + " (not in the production yet)");
        for (ShotChange c : updated) lines.add("~ scene " + c.sceneNumber() + " shot " + c.after().number() + " (" + String.join(", ", c.what()) + ")");
        for (String p : problems) lines.add("! " + p);
        return lines;
    }
}
