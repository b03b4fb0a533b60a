package org.clearframe.ui;

import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.store.StoreException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Edits of shots: add, edit, move and delete one at a time, the Shots page's bulk edit and bulk delete (one undo step
 * each), and reference images. A shot is found through the session's index; only the shots an edit touched are
 * re-checked.
 */
final class ShotEditor {

    private final SessionState state;

    ShotEditor(SessionState state) {
        this.state = state;
    }

    /** Adds a shot at {@code index} within its scene. */
    void addShot(Shot shot, int index) throws StoreException {
        insertShot(shot, index, List.of());
        state.record("Add shot " + shot.number(), () -> removeShot(shot.id()), () -> insertShot(shot, index, List.of()));
    }

    private void insertShot(Shot shot, int index, List<SignOff> itsSignOffs) throws StoreException {
        if (itsSignOffs.isEmpty()) state.store.insertShot(shot, index); else state.store.restoreShot(shot, index, itsSignOffs);
        state.shots.add(state.order.positionInScene(shot.sceneId(), index), shot);
        state.signOffs.addAll(itsSignOffs);
        state.flags.shotChanged(shot.id());
    }

    void saveShot(Shot shot) throws StoreException {
        Shot before = state.index.shot(shot.id());
        if (shot.equals(before)) return;
        writeShot(shot);
        state.record("Edit shot " + shot.number(), () -> writeShot(before), () -> writeShot(shot));
    }

    private void writeShot(Shot shot) throws StoreException {
        Shot before = state.index.shot(shot.id());
        state.store.saveShot(shot);
        if (before != null && !before.sceneId().equals(shot.sceneId())) {
            state.shots.remove(state.order.indexOf(before));
            state.shots.add(state.order.positionInScene(shot.sceneId(), Integer.MAX_VALUE), shot);
        } else if (before != null) {
            state.shots.set(state.order.indexOf(before), shot);
        } else {
            state.shots.add(shot);
        }
        state.flags.shotChanged(shot.id());
    }

    /** Deletes shots (after the caller has asked); undo restores them with their sign-offs. */
    void deleteShots(List<Shot> doomed) throws StoreException {
        List<Shot> ordered = doomed.stream().sorted(Comparator.comparingInt(state.order::indexOf)).toList();
        Map<UUID, Integer> indexInScene = new HashMap<>();
        for (Shot s : ordered) indexInScene.put(s.id(), state.order.indexOf(s) - state.order.positionInScene(s.sceneId(), 0));
        Map<UUID, List<SignOff>> theirSignOffs = new HashMap<>();
        for (Shot s : ordered) theirSignOffs.put(s.id(), state.index.signOffsOf(s.id()));
        for (Shot s : ordered.reversed()) removeShot(s.id());
        String name = ordered.size() == 1 ? "Delete shot " + ordered.get(0).number() : "Delete " + ordered.size() + " shots";
        state.record(name, () -> {
            for (Shot s : ordered) insertShot(s, indexInScene.get(s.id()), theirSignOffs.get(s.id()));
        }, () -> {
            for (Shot s : ordered.reversed()) removeShot(s.id());
        });
    }

    private void removeShot(UUID id) throws StoreException {
        Shot gone = state.index.shot(id);
        state.store.deleteShot(id);
        if (gone != null) state.shots.remove(state.order.indexOf(gone));
        List<SignOff> itsSignOffs = state.index.signOffsOf(id);
        if (!itsSignOffs.isEmpty()) state.signOffs.removeAll(Set.copyOf(itsSignOffs));
        state.flags.shotChanged(id);
    }

    /** Moves a shot up or down within its scene. */
    void moveShot(Shot shot, int indexInScene) throws StoreException {
        List<Shot> siblings = state.order.shotsOf(shot.sceneId());
        int from = siblings.indexOf(shot);
        if (from < 0 || indexInScene < 0 || indexInScene >= siblings.size() || from == indexInScene) return;
        placeShot(shot, indexInScene);
        state.record("Move shot " + shot.number(), () -> placeShot(shot, from), () -> placeShot(shot, indexInScene));
    }

    private void placeShot(Shot shot, int indexInScene) throws StoreException {
        state.store.moveShot(shot.id(), indexInScene);
        List<Shot> siblings = new ArrayList<>(state.order.shotsOf(shot.sceneId()));
        int first = state.order.positionInScene(shot.sceneId(), 0);
        siblings.remove(shot);
        siblings.add(indexInScene, shot);
        for (int i = 0; i < siblings.size(); i++) state.shots.set(first + i, siblings.get(i));
    }

    /** The next free shot number in a scene: one past the highest leading number. */
    String nextShotNumber(UUID sceneId) {
        int max = 0;
        for (Shot s : state.order.shotsOf(sceneId)) {
            String digits = s.number().replaceAll("^(\\d+).*$", "$1");
            if (digits.matches("\\d+")) max = Math.max(max, Integer.parseInt(digits));
        }
        return Integer.toString(max + 1);
    }

    Optional<ReferenceImage> referenceImage(UUID shotId) throws StoreException {
        return state.store.referenceImage(shotId);
    }

    /** Sets or (with null) removes a shot's reference image; undo puts the previous one back. */
    void setReferenceImage(UUID shotId, ReferenceImage image) throws StoreException {
        ReferenceImage before = state.store.referenceImage(shotId).orElse(null);
        state.store.setReferenceImage(shotId, image);
        state.record(image == null ? "Remove reference image" : "Set reference image",
                () -> state.store.setReferenceImage(shotId, before), () -> state.store.setReferenceImage(shotId, image));
    }

    // ------------------------------------------------------------------------------------------- bulk work

    /**
     * Saves edits to many shots (the Shots page's bulk edit) in one transaction, recorded as ONE undo step named
     * {@code name}: undo puts every shot back as it was, again in one transaction. Shots that did not change are
     * left out; a bulk edit does not move shots between scenes.
     */
    void applyBulk(String name, List<Shot> edited) throws StoreException {
        List<Shot> before = new ArrayList<>();
        List<Shot> after = new ArrayList<>();
        for (Shot s : edited) {
            Shot was = state.index.shot(s.id());
            if (was == null) throw new IllegalArgumentException("shot " + s.number() + " is no longer in the production");
            if (!was.sceneId().equals(s.sceneId())) throw new IllegalArgumentException("a bulk edit does not move shots between scenes");
            if (was.equals(s)) continue;
            before.add(was);
            after.add(s);
        }
        if (after.isEmpty()) return;
        writeBulk(after);
        state.record(name, () -> writeBulk(before), () -> writeBulk(after));
    }

    private void writeBulk(List<Shot> rows) throws StoreException {
        state.store.saveShots(rows);
        state.order.replaceAll(rows);
        state.flags.bulkChanged(rows.stream().map(Shot::id).toList());
    }

    /**
     * Deletes many shots (after the caller has asked once) in one transaction, as ONE undo step; undo restores them
     * in place with their sign-offs, again in one transaction.
     */
    void deleteBulk(List<Shot> doomed) throws StoreException {
        List<Shot> ordered = doomed.stream().filter(state.shots::contains).sorted(Comparator.comparingInt(state.shots::indexOf)).toList();
        if (ordered.isEmpty()) return;
        List<Integer> indexes = new ArrayList<>();
        for (Shot s : ordered) indexes.add(state.order.shotsOf(s.sceneId()).indexOf(s));
        Set<UUID> ids = new HashSet<>(ordered.stream().map(Shot::id).toList());
        List<SignOff> theirSignOffs = state.signOffs.stream().filter(x -> ids.contains(x.shotId())).toList();
        removeBulk(ids);
        String name = ordered.size() == 1 ? "Delete shot " + ordered.get(0).number() : "Delete " + ordered.size() + " shots";
        state.record(name, () -> {
            state.store.restoreShots(ordered, indexes, theirSignOffs);
            for (int i = 0; i < ordered.size(); i++) state.order.placeInList(ordered.get(i), indexes.get(i));
            state.signOffs.addAll(theirSignOffs);
            state.flags.bulkChanged(ids);
        }, () -> removeBulk(ids));
    }

    private void removeBulk(Set<UUID> ids) throws StoreException {
        state.store.deleteShots(ids);
        state.shots.removeIf(x -> ids.contains(x.id()));
        state.signOffs.removeIf(x -> ids.contains(x.shotId()));
        state.flags.bulkChanged(ids);
    }
}
