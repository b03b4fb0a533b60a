package org.clearframe.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the editors of one open production share, so that they stay one writer: the store they write through, the
 * lists every view shows, the index and flags kept in step with those lists, and the one undo stack. Each edit is
 * written to the store first (its own transaction) and only then applied to the lists, so the screen never shows
 * what the file does not hold.
 */
final class SessionState {

    final ProductionStore store;
    final ObjectProperty<Production> production = new SimpleObjectProperty<>();
    final ObservableList<Department> departments = FXCollections.observableArrayList();
    final ObservableList<CastMember> cast = FXCollections.observableArrayList();
    final BatchedList<Scene> scenes = new BatchedList<>();
    final BatchedList<Shot> shots = new BatchedList<>();
    final ObservableList<SignOff> signOffs = FXCollections.observableArrayList();
    final ObservableList<Scan> scans = FXCollections.observableArrayList();
    final ObservableList<Consent> consents = FXCollections.observableArrayList();
    final UndoStack undo = new UndoStack();
    /** Kept in step with the shots and sign-offs by their listeners, so an edit finds what it needs without a scan. */
    final ShotIndex index = new ShotIndex(shots, signOffs);
    final ShotOrder order = new ShotOrder(shots, scenes, index);
    final SessionFlags flags;
    String policyJson;
    /** The shoot calendar, read when first asked (by the schedule editor); due dates are worked out against it. */
    Supplier<ShootSchedule> schedule;

    SessionState(ProductionStore store, ProductionData data) {
        this.store = store;
        this.policyJson = data.policyJson();
        production.set(data.production());
        departments.setAll(data.departments());
        cast.setAll(data.cast());
        scenes.setAll(data.scenes());
        shots.setAll(data.shots());
        signOffs.setAll(data.signOffs());
        scans.setAll(data.scans());
        consents.setAll(data.consents());
        flags = new SessionFlags(this, data);
    }

    /** The whole production as it stands now: a copy, for previews and for re-checking every shot. */
    ProductionData snapshot() {
        return new ProductionData(production.get(), departments, cast, scenes, shots, signOffs, policyJson, scans, consents);
    }

    /** The production details, cast, scans and consents: what flags depend on besides shots and sign-offs. */
    ProductionData facts() {
        return new ProductionData(production.get(), departments, cast, List.of(), List.of(), List.of(), policyJson, scans, consents);
    }

    void record(String name, UndoStack.Step undoStep, UndoStack.Step redoStep) {
        undo.push(new UndoStack.Edit(name, undoStep, redoStep));
    }

    /** An undo step that writes through the store (and so may fail with its exception only). */
    @FunctionalInterface
    interface Step extends UndoStack.Step {
        @Override
        void run() throws StoreException;
    }

    static <T> T find(List<T> rows, UUID id, Function<T, UUID> key) {
        for (T row : rows) if (Objects.equals(key.apply(row), id)) return row;
        return null;
    }

    static <T> void replaceOrAdd(List<T> rows, T row, Function<T, UUID> key) {
        UUID id = key.apply(row);
        for (int i = 0; i < rows.size(); i++) {
            if (key.apply(rows.get(i)).equals(id)) {
                rows.set(i, row);
                return;
            }
        }
        rows.add(row);
    }

    static List<UUID> without(List<UUID> ids, UUID gone) {
        return ids.stream().filter(x -> !x.equals(gone)).toList();
    }

    static AiUse linked(AiUse u, List<UUID> performers, List<UUID> departments) {
        return new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), performers, departments, u.uploads(),
                u.vendorTrains(), u.factors(), u.notes(), u.frameSharePercent());
    }

    static Scene withCast(Scene s, List<UUID> castIds) {
        return new Scene(s.id(), s.number(), s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), s.storyDay(), castIds, s.omitted());
    }
}
