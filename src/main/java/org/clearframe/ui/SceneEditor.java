package org.clearframe.ui;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.store.StoreException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.ui.SessionState.find;
import static org.clearframe.ui.SessionState.replaceOrAdd;

/** Edits of the scenes: add, edit, move, and delete with their shots and sign-offs (undo restores them in place). */
final class SceneEditor {

    private final SessionState state;

    SceneEditor(SessionState state) {
        this.state = state;
    }

    void addScene(Scene s, int index) throws StoreException {
        insertScene(s, index);
        state.record("Add scene " + s.number(), () -> removeScene(s.id()), () -> insertScene(s, index));
    }

    private void insertScene(Scene s, int index) throws StoreException {
        state.store.insertScene(s, index);
        state.scenes.add(Math.min(index, state.scenes.size()), s);
    }

    void saveScene(Scene s) throws StoreException {
        Scene before = find(state.scenes, s.id(), Scene::id);
        if (s.equals(before)) return;
        writeScene(s);
        state.record("Edit scene " + s.number(), () -> writeScene(before), () -> writeScene(s));
    }

    private void writeScene(Scene s) throws StoreException {
        state.store.saveScene(s);
        replaceOrAdd(state.scenes, s, Scene::id);
    }

    /** Deletes a scene with its shots and their sign-offs; undo restores all of it in place. */
    void deleteScene(Scene s) throws StoreException {
        int index = state.scenes.indexOf(s);
        List<Shot> itsShots = state.order.shotsOf(s.id());
        List<SignOff> itsSignOffs = new ArrayList<>();
        for (Shot x : itsShots) itsSignOffs.addAll(state.index.signOffsOf(x.id()));
        removeScene(s.id());
        state.record("Delete scene " + s.number(), () -> {
            state.store.restoreScene(s, index, itsShots, itsSignOffs);
            state.scenes.add(index, s);
            state.shots.addAll(itsShots);
            state.signOffs.addAll(itsSignOffs);
            state.order.sortShots();
            state.flags.shotsChanged(itsShots.stream().map(Shot::id).toList());
        }, () -> removeScene(s.id()));
    }

    private void removeScene(UUID id) throws StoreException {
        state.store.deleteScene(id);
        state.scenes.removeIf(x -> x.id().equals(id));
        Set<UUID> gone = new HashSet<>();
        for (Shot x : state.shots) if (x.sceneId().equals(id)) gone.add(x.id());
        state.shots.removeIf(x -> x.sceneId().equals(id));
        state.signOffs.removeIf(x -> gone.contains(x.shotId()));
        state.flags.shotsChanged(gone);
    }

    void moveScene(Scene s, int index) throws StoreException {
        int from = state.scenes.indexOf(s);
        if (from < 0 || index < 0 || index >= state.scenes.size() || from == index) return;
        placeScene(s, index);
        state.record("Move scene " + s.number(), () -> placeScene(s, from), () -> placeScene(s, index));
    }

    private void placeScene(Scene s, int index) throws StoreException {
        state.store.moveScene(s.id(), index);
        state.scenes.remove(s);
        state.scenes.add(index, s);
        state.order.sortShots();
    }
}
