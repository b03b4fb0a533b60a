package org.clearframe.ui;

import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.store.StoreException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.clearframe.ui.SessionState.find;
import static org.clearframe.ui.SessionState.linked;
import static org.clearframe.ui.SessionState.replaceOrAdd;
import static org.clearframe.ui.SessionState.withCast;
import static org.clearframe.ui.SessionState.without;

/**
 * Edits of the people: departments, cast members, their scans and consents. Deleting a department or a person
 * unlinks the shots that named them, found through the session's index rather than by reading every shot.
 */
final class PeopleEditor {

    private final SessionState state;

    PeopleEditor(SessionState state) {
        this.state = state;
    }

    // ----------------------------------------------------------------------------------------- departments

    void saveDepartment(Department d) throws StoreException {
        Department before = find(state.departments, d.id(), Department::id);
        if (d.equals(before)) return;
        writeDepartment(d);
        if (before == null) {
            state.record("Add department", () -> removeDepartment(d.id()), () -> writeDepartment(d));
        } else {
            state.record("Edit department " + before.name(), () -> writeDepartment(before), () -> writeDepartment(d));
        }
    }

    void writeDepartment(Department d) throws StoreException {
        state.store.saveDepartment(d);
        replaceOrAdd(state.departments, d, Department::id);
    }

    /** Deletes a department; the shots and AI uses that named it lose the link, and undo gives it back. */
    void deleteDepartment(Department d) throws StoreException {
        int index = state.departments.indexOf(d);
        List<Shot> touched = removeDepartment(d.id());
        state.record("Delete department " + d.name(), () -> {
            state.store.inOneTransaction(() -> {
                state.store.saveDepartment(d);
                state.store.moveDepartment(d.id(), index);
                state.store.saveAll(List.of(), List.of(), List.of(), touched, List.of());
            });
            state.departments.add(Math.min(index, state.departments.size()), d);
            state.order.replaceAll(touched);
        }, () -> removeDepartment(d.id()));
    }

    /**
     * The file drops the links by cascade; the same is done here in memory, shot by shot, rather than read back.
     * Returns the shots as they were before (what undo puts back): only those the index says name the department.
     */
    private List<Shot> removeDepartment(UUID id) throws StoreException {
        state.store.deleteDepartment(id);
        state.departments.removeIf(x -> x.id().equals(id));
        List<Shot> touched = new ArrayList<>();
        List<Shot> unlinked = new ArrayList<>();
        for (UUID shotId : state.index.shotsUsingDepartment(id)) {
            Shot s = state.index.shot(shotId);
            touched.add(s);
            unlinked.add(s.edit().departmentIds(without(s.departmentIds(), id))
                    .aiUses(s.aiUses().stream().map(u -> linked(u, u.performerIds(), without(u.departmentIds(), id))).toList()).build());
        }
        state.order.replaceAll(unlinked); // departments raise no flag: nothing to re-check
        return touched;
    }

    // ------------------------------------------------------------------------------------------------ cast

    void saveCastMember(CastMember m) throws StoreException {
        CastMember before = find(state.cast, m.id(), CastMember::id);
        if (m.equals(before)) return;
        writeCastMember(m);
        if (before == null) {
            state.record("Add cast member", () -> removeCastMember(m.id()), () -> writeCastMember(m));
        } else {
            state.record("Edit cast member " + before.performer(), () -> writeCastMember(before), () -> writeCastMember(m));
        }
    }

    private void writeCastMember(CastMember m) throws StoreException {
        state.store.saveCastMember(m);
        replaceOrAdd(state.cast, m, CastMember::id);
        state.flags.castChanged(m.id()); // a performer's union status or death changes which rules apply to their shots
    }

    void deleteCastMember(CastMember m) throws StoreException {
        int index = state.cast.indexOf(m);
        List<Scan> theirScans = state.scans.stream().filter(s -> s.castId().equals(m.id())).toList();
        List<Scene> inScenes = state.scenes.stream().filter(s -> s.castIds().contains(m.id())).toList();
        List<Shot> touched = removeCastMember(m.id());
        state.record("Delete cast member " + m.performer(), () -> {
            state.store.inOneTransaction(() -> {
                state.store.saveCastMember(m);
                state.store.moveCastMember(m.id(), index);
                for (Scan s : theirScans) state.store.saveScan(s); // deleting the row took its scans with it
                state.store.saveAll(List.of(), List.of(), inScenes, touched, List.of());
            });
            state.cast.add(Math.min(index, state.cast.size()), m);
            state.scans.addAll(theirScans);
            Map<UUID, Scene> back = ProductionData.index(inScenes, Scene::id);
            Map<Integer, Scene> relinked = new TreeMap<>();
            for (int i = 0; i < state.scenes.size(); i++) {
                if (back.containsKey(state.scenes.get(i).id())) relinked.put(i, back.get(state.scenes.get(i).id()));
            }
            state.scenes.replace(relinked);
            state.order.replaceAll(touched);
            state.flags.castChanged(m.id());
        }, () -> removeCastMember(m.id()));
    }

    /**
     * The file drops scans and links by cascade; the same is done here in memory rather than read back. Returns the
     * shots that named the person, as they were before (what undo puts back).
     */
    private List<Shot> removeCastMember(UUID id) throws StoreException {
        state.store.deleteCastMember(id);
        state.cast.removeIf(x -> x.id().equals(id));
        state.scans.removeIf(x -> x.castId().equals(id));
        Map<Integer, Scene> relinked = new TreeMap<>();
        for (int i = 0; i < state.scenes.size(); i++) {
            Scene s = state.scenes.get(i);
            if (s.castIds().contains(id)) relinked.put(i, withCast(s, without(s.castIds(), id)));
        }
        state.scenes.replace(relinked);
        List<Shot> touched = new ArrayList<>();
        List<Shot> unlinked = new ArrayList<>();
        for (UUID shotId : state.index.shotsNamingPerformer(id)) {
            Shot s = state.index.shot(shotId);
            touched.add(s);
            unlinked.add(s.withAiUses(s.aiUses().stream().map(u -> linked(u, without(u.performerIds(), id), u.departmentIds())).toList()));
        }
        state.order.replaceAll(unlinked);
        state.flags.factsChanged();
        state.flags.shotsChanged(unlinked.stream().map(Shot::id).toList());
        return touched;
    }

    // ------------------------------------------------------------------------------- scans and consent

    /** Records or corrects a scan of a cast member (undoable, like any edit of the cast). */
    void saveScan(Scan scan) throws StoreException {
        Scan before = find(state.scans, scan.id(), Scan::id);
        if (scan.equals(before)) return;
        writeScan(scan);
        if (before == null) state.record("Record scan", () -> removeScan(scan.id()), () -> writeScan(scan));
        else state.record("Edit scan", () -> writeScan(before), () -> writeScan(scan));
    }

    void deleteScan(Scan scan) throws StoreException {
        removeScan(scan.id());
        state.record("Delete scan", () -> writeScan(scan), () -> removeScan(scan.id()));
    }

    private void writeScan(Scan s) throws StoreException {
        Scan before = find(state.scans, s.id(), Scan::id);
        state.store.saveScan(s);
        replaceOrAdd(state.scans, s, Scan::id);
        state.flags.castChanged(s.castId(), before == null ? null : before.castId());
    }

    private void removeScan(UUID id) throws StoreException {
        Scan before = find(state.scans, id, Scan::id);
        state.store.deleteScan(id);
        state.scans.removeIf(x -> x.id().equals(id));
        state.flags.castChanged(before == null ? null : before.castId());
    }

    /**
     * Records or corrects a consent. Not on the undo stack: a consent record is evidence of what a person agreed to,
     * corrected by editing it again (a withdrawal cannot be undone at all).
     */
    void saveConsent(Consent c) throws StoreException {
        Consent before = find(state.consents, c.id(), Consent::id);
        state.store.saveConsent(c);
        replaceOrAdd(state.consents, c, Consent::id);
        state.flags.castChanged(c.castId(), before == null ? null : before.castId());
    }

    /** Records that a consent was withdrawn on {@code on}; this stands for good. */
    void withdrawConsent(Consent c, LocalDate on) throws StoreException {
        state.store.withdrawConsent(c.id(), on);
        replaceOrAdd(state.consents, c.withdraw(on), Consent::id);
        state.flags.castChanged(c.castId());
    }

    /** Keeps the signed document in the production and attaches it to the consent, in one transaction. */
    void attachDocument(Consent c, String fileName, String mediaType, byte[] bytes) throws StoreException {
        ConsentDocument doc = state.store.attachDocument(c.id(), fileName, mediaType, bytes);
        replaceOrAdd(state.consents, c.withDocument(doc.id()), Consent::id);
    }
}
