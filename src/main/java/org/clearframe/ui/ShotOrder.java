package org.clearframe.ui;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where shots stand in the one list of all shots the views show: in scene order, each scene's shots together and in
 * the order the file keeps them. Editors place, replace and re-sort shots through here, so the list always matches
 * the order the store gives.
 */
final class ShotOrder {

    private final BatchedList<Shot> shots;
    private final BatchedList<Scene> scenes;
    private final ShotIndex index;

    ShotOrder(BatchedList<Shot> shots, BatchedList<Scene> scenes, ShotIndex index) {
        this.shots = shots;
        this.scenes = scenes;
        this.index = index;
    }

    /** Where the {@code index}th shot of a scene goes in the list of all shots (clamped to the scene's end). */
    int positionInScene(UUID sceneId, int at) {
        int first = -1, count = 0;
        for (int i = 0; i < shots.size(); i++) {
            if (!shots.get(i).sceneId().equals(sceneId)) {
                if (first >= 0) break; // a scene's shots are contiguous
                continue;
            }
            if (first < 0) first = i;
            count++;
        }
        if (first < 0) return insertionPointForScene(sceneId);
        return first + Math.max(0, Math.min(at, count));
    }

    private int insertionPointForScene(UUID sceneId) {
        Map<UUID, Integer> order = sceneOrder();
        int mine = order.getOrDefault(sceneId, Integer.MAX_VALUE);
        for (int i = 0; i < shots.size(); i++) {
            if (order.getOrDefault(shots.get(i).sceneId(), Integer.MAX_VALUE) > mine) return i;
        }
        return shots.size();
    }

    List<Shot> shotsOf(UUID sceneId) {
        int first = positionInScene(sceneId, 0);
        List<Shot> out = new ArrayList<>();
        for (int i = first; i < shots.size() && shots.get(i).sceneId().equals(sceneId); i++) out.add(shots.get(i));
        return out;
    }

    /** The shot's position, by identity (the list holds the very record the index does). */
    int indexOf(Shot shot) {
        for (int i = 0; i < shots.size(); i++) if (shots.get(i) == shot) return i;
        return shots.indexOf(shot);
    }

    /** Puts each shot in place of the one with its id (same position), in one change of the list. */
    void replaceAll(List<Shot> changed) {
        if (changed.isEmpty()) return;
        if (changed.size() == 1) {
            Shot now = index.shot(changed.get(0).id());
            if (now != null) shots.set(indexOf(now), changed.get(0));
            return;
        }
        Map<UUID, Shot> byId = ProductionData.index(changed, Shot::id);
        Map<Integer, Shot> at = new TreeMap<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot next = byId.get(shots.get(i).id());
            if (next != null) at.put(i, next);
        }
        shots.replace(at);
    }

    /** Puts a shot back into the shown list at {@code at} within its scene, as the file now has it. */
    void placeInList(Shot shot, int at) {
        List<Shot> siblings = shotsOf(shot.sceneId());
        int clamped = Math.max(0, Math.min(at, siblings.size()));
        int i = clamped < siblings.size() ? shots.indexOf(siblings.get(clamped))
                : siblings.isEmpty() ? insertionPointForScene(shot.sceneId()) : shots.indexOf(siblings.get(siblings.size() - 1)) + 1;
        shots.add(i, shot);
    }

    /** Adds new shots at the end of their scenes, as the store places them, in one change of the list. */
    void appendToScenes(List<Shot> added) {
        if (added.isEmpty()) return;
        Map<UUID, List<Shot>> byScene = new LinkedHashMap<>();
        for (Shot s : added) byScene.computeIfAbsent(s.sceneId(), k -> new ArrayList<>()).add(s);
        List<Shot> next = new ArrayList<>(shots.size() + added.size());
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            next.add(s);
            boolean lastOfScene = i + 1 == shots.size() || !shots.get(i + 1).sceneId().equals(s.sceneId());
            if (lastOfScene) {
                List<Shot> more = byScene.remove(s.sceneId());
                if (more != null) next.addAll(more);
            }
        }
        for (List<Shot> rest : byScene.values()) next.addAll(rest); // scenes that had no shots yet
        shots.setAll(next);
        sortShots();
    }

    /** Orders the shots by their scenes' order again (stable: each scene keeps its shots' order). */
    void sortShots() {
        Map<UUID, Integer> order = sceneOrder();
        List<Shot> sorted = new ArrayList<>(shots);
        sorted.sort(Comparator.comparingInt(s -> order.getOrDefault(s.sceneId(), Integer.MAX_VALUE)));
        if (!sorted.equals(shots)) shots.setAll(sorted);
    }

    private Map<UUID, Integer> sceneOrder() {
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < scenes.size(); i++) order.put(scenes.get(i).id(), i);
        return order;
    }
}
