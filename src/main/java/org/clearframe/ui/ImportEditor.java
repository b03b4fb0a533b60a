package org.clearframe.ui;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.ReplyWithdrawals;
import org.clearframe.exchange.SentPackages;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.model.CastMember;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.store.StoreException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports that the services previewed over a snapshot (a script revision, a shot list, a reply), each written in one
 * transaction and applied to the lists in place, with no read of the whole production again.
 */
final class ImportEditor {

    private final SessionState state;
    private final SignOffEditor signOffs;

    ImportEditor(SessionState state, SignOffEditor signOffs) {
        this.state = state;
        this.signOffs = signOffs;
    }

    /**
     * Applies a previewed script revision in one transaction and records one undoable step: undo takes out the scenes
     * and cast it added and puts back the scenes it changed or omitted, in their old order.
     */
    void apply(ScriptRevision revision) throws StoreException {
        if (revision.isEmpty()) return;
        List<Scene> written = new ArrayList<>(revision.added());
        for (ScriptRevision.Change c : revision.changed()) written.add(c.after());
        written.addAll(revision.omitted());
        Map<UUID, Scene> byId = ProductionData.index(state.scenes, Scene::id);
        List<Scene> originals = new ArrayList<>();
        for (Scene s : written) if (byId.containsKey(s.id())) originals.add(byId.get(s.id()));
        List<UUID> oldOrder = state.scenes.stream().map(Scene::id).toList();
        List<UUID> added = revision.added().stream().map(Scene::id).toList();
        List<UUID> newCast = revision.newCast().stream().map(CastMember::id).toList();
        SessionState.Step redo = () -> {
            state.store.saveScenesInOrder(revision.newCast(), written, revision.sceneOrder());
            state.cast.addAll(revision.newCast());
            placeScenes(written, List.of(), revision.sceneOrder());
            state.flags.factsChanged();
        };
        redo.run();
        state.record("Import script " + revision.scriptName(), () -> {
            state.store.inOneTransaction(() -> {
                for (UUID id : added) state.store.deleteScene(id);
                for (UUID id : newCast) state.store.deleteCastMember(id);
                state.store.saveScenesInOrder(List.of(), originals, oldOrder);
            });
            Set<UUID> gone = Set.copyOf(newCast);
            state.cast.removeIf(m -> gone.contains(m.id()));
            placeScenes(originals, added, oldOrder);
            state.flags.factsChanged();
        }, redo);
    }

    /** Puts {@code saved} into the scene list, drops {@code removed}, and orders it as the store does. */
    private void placeScenes(List<Scene> saved, List<UUID> removed, List<UUID> order) {
        Map<UUID, Scene> byId = new LinkedHashMap<>();
        for (Scene s : state.scenes) byId.put(s.id(), s);
        for (UUID id : removed) byId.remove(id);
        for (Scene s : saved) byId.put(s.id(), s);
        List<Scene> next = new ArrayList<>();
        for (UUID id : order) {
            Scene s = byId.remove(id);
            if (s != null) next.add(s);
        }
        next.addAll(byId.values()); // scenes the order does not name keep their relative order after it
        state.scenes.setAll(next);
        state.order.sortShots();
    }

    /**
     * Applies a previewed shot-list import in one transaction and records one undoable step: undo removes the shots
     * and scenes it added and puts back the shots it changed.
     */
    void apply(ShotListPreview preview) throws StoreException {
        if (preview.isEmpty()) return;
        List<Shot> written = new ArrayList<>(preview.newShots());
        for (ShotListPreview.ShotChange c : preview.updated()) written.add(c.after());
        List<Shot> befores = preview.updated().stream().map(ShotListPreview.ShotChange::before).toList();
        List<UUID> newShots = preview.newShots().stream().map(Shot::id).toList();
        List<UUID> newScenes = preview.newScenes().stream().map(Scene::id).toList();
        SessionState.Step redo = () -> {
            state.store.saveAll(List.of(), List.of(), preview.newScenes(), written, List.of());
            state.scenes.addAll(preview.newScenes());
            state.order.replaceAll(preview.updated().stream().map(ShotListPreview.ShotChange::after).toList());
            state.order.appendToScenes(preview.newShots());
            state.flags.shotsChanged(written.stream().map(Shot::id).toList());
        };
        redo.run();
        state.record("Import shot list " + preview.fileName(), () -> {
            state.store.inOneTransaction(() -> {
                for (UUID id : newShots) state.store.deleteShot(id);
                state.store.saveAll(List.of(), List.of(), List.of(), befores, List.of());
                for (UUID id : newScenes) state.store.deleteScene(id);
            });
            Set<UUID> goneShots = Set.copyOf(newShots);
            state.shots.removeIf(s -> goneShots.contains(s.id()));
            Set<UUID> goneScenes = Set.copyOf(newScenes);
            state.scenes.removeIf(s -> goneScenes.contains(s.id()));
            state.order.replaceAll(befores);
            state.flags.shotsChanged(written.stream().map(Shot::id).toList());
        }, redo);
    }

    /**
     * Applies a verified reply, checked again against the production as it stands, in one transaction: its sign-offs
     * and their proof are kept, and the ones that hold are added to the lists (the rest of the file is not read again).
     * One undo step: the sign-off history only grows, so undo withdraws (signed, in the log) what the import added and
     * redo reinstates it (see {@link ReplyWithdrawals}).
     */
    ReplyImport.Preview apply(ReplyImport importer, Reply reply, byte[] replyFile) throws ExchangeException, StoreException {
        ProductionData now = state.snapshot();
        ReplyImport.Preview[] applied = new ReplyImport.Preview[1];
        try {
            state.store.inOneTransaction(() -> {
                try {
                    applied[0] = importer.apply(state.store, now, reply, replyFile);
                    // the package it answers (when this production recorded it) now shows it as replied
                    SentPackages.link(state.store, reply);
                } catch (ExchangeException e) {
                    throw new StoreException(e.getMessage(), e);
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof ExchangeException x) throw x;
            throw e;
        }
        List<SignOff> added = applied[0].toRecord();
        showProven(added);
        if (!added.isEmpty()) {
            Production p = state.production.get();
            List<UUID> ids = added.stream().map(SignOff::id).toList();
            state.record("Import reply from " + reply.signer().name(), () -> {
                ReplyWithdrawals.undoImport(state.store, p, reply.id(), ids);
                showProven(added);
            }, () -> {
                ReplyWithdrawals.redoImport(state.store, p, ids);
                showProven(added);
            });
        }
        return applied[0];
    }

    /** Shows {@code rows} as the file now proves them (added, withdrawn or reinstated), and where packages stand. */
    private void showProven(List<SignOff> rows) throws StoreException {
        signOffs.addProven(rows);
        signOffs.reloadPackages(); // the package a reply answers shows it as replied, or not once its import is undone
    }
}
