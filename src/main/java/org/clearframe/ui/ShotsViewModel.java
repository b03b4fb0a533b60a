package org.clearframe.ui;

import org.clearframe.rules.Wording;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.rules.Flag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Shots page without its nodes: the filters, the shots they leave, the count line, and the commands (add,
 * duplicate, delete, move) with their questions and messages, all through the session. Tested without a window.
 */
public final class ShotsViewModel {

    /** Stands for "all scenes" / "all departments" in the filters. */
    public static final Scene ALL_SCENES = Scene.numbered("", null, "All scenes", "");
    public static final Department ALL_DEPARTMENTS = Department.named("All departments", null);

    private final Session session;
    private final DialogService dialogs;
    private final ObjectProperty<Scene> scene = new SimpleObjectProperty<>(ALL_SCENES);
    private final ObjectProperty<Department> department = new SimpleObjectProperty<>(ALL_DEPARTMENTS);
    private final BooleanProperty aiOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty openOnly = new SimpleBooleanProperty(false);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final FilteredList<Shot> visible;
    private Map<UUID, Scene> scenesById = Map.of();

    public ShotsViewModel(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        this.visible = new FilteredList<>(session.shots(), s -> true);
        scene.addListener((o, a, b) -> applyFilter());
        department.addListener((o, a, b) -> applyFilter());
        aiOnly.addListener((o, a, b) -> applyFilter());
        openOnly.addListener((o, a, b) -> applyFilter());
        search.addListener((o, a, b) -> applyFilter());
        session.flagsRevisionProperty().addListener((o, a, b) -> {
            if (openOnly.get()) refilter(); // the same filter, but which shots have open flags changed
        });
        session.shots().addListener((ListChangeListener<Shot>) c -> updateCount());
        session.scenes().addListener((ListChangeListener<Scene>) c -> indexScenes());
        indexScenes();
        updateCount();
    }

    public FilteredList<Shot> visible() { return visible; }
    public ObjectProperty<Scene> sceneProperty() { return scene; }
    public ObjectProperty<Department> departmentProperty() { return department; }
    public BooleanProperty aiOnlyProperty() { return aiOnly; }
    public BooleanProperty openOnlyProperty() { return openOnly; }
    public StringProperty searchProperty() { return search; }
    /** "148 shots", or "12 of 148 shots" while a filter hides some. */
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }

    /** True while the shots of one scene are shown (the table then leaves out the scene column). */
    public boolean oneScene() {
        return scene.get() != null && scene.get() != ALL_SCENES;
    }

    /** The scene as the session holds it now (a filter may hold an edited scene's older row), or all scenes. */
    public Scene current(Scene chosen) {
        return chosen == null || chosen == ALL_SCENES ? ALL_SCENES : scenesById.getOrDefault(chosen.id(), ALL_SCENES);
    }

    public Department current(Department chosen) {
        return chosen == null || chosen == ALL_DEPARTMENTS ? ALL_DEPARTMENTS
                : session.departments().stream().filter(d -> d.id().equals(chosen.id())).findFirst().orElse(ALL_DEPARTMENTS);
    }

    public String sceneNumber(Shot shot) {
        Scene s = scenesById.get(shot.sceneId());
        return s == null ? "" : s.number();
    }

    /** Every shot listed again (links from other pages). */
    public void clearFilters() {
        scene.set(ALL_SCENES);
        department.set(ALL_DEPARTMENTS);
        aiOnly.set(false);
        openOnly.set(false);
        search.set("");
    }

    private void indexScenes() {
        scenesById = ProductionData.index(session.scenes(), Scene::id);
    }

    /** The filter last applied, by ids: a department list that is re-read (or edited) but chosen the same filters nothing again. */
    private List<Object> applied = List.of("", "", false, false, ""); // what the list starts with: every shot

    private void applyFilter() {
        Scene s = scene.get();
        Department d = department.get();
        List<Object> filter = List.of(s == null || s == ALL_SCENES ? "" : s.id(), d == null || d == ALL_DEPARTMENTS ? "" : d.id(),
                aiOnly.get(), openOnly.get(), search.get() == null ? "" : search.get().strip().toLowerCase());
        if (filter.equals(applied)) return; // going over 100,000 shots again would change nothing
        refilter();
    }

    private void refilter() {
        Scene s = scene.get();
        Department d = department.get();
        boolean ai = aiOnly.get();
        boolean open = openOnly.get();
        String text = search.get() == null ? "" : search.get().strip().toLowerCase();
        applied = List.of(s == null || s == ALL_SCENES ? "" : s.id(), d == null || d == ALL_DEPARTMENTS ? "" : d.id(), ai, open, text);
        visible.setPredicate(shot -> (s == null || s == ALL_SCENES || shot.sceneId().equals(s.id()))
                && (d == null || d == ALL_DEPARTMENTS || touches(shot, d.id()))
                && (!ai || shot.hasAiUse())
                && (!open || session.flags(shot.id()).stream().anyMatch(Flag::open))
                && (text.isEmpty() || shot.description().toLowerCase().contains(text) || shot.number().toLowerCase().contains(text)
                    || shot.notes().toLowerCase().contains(text)));
        updateCount();
    }

    private static boolean touches(Shot shot, UUID department) {
        return shot.departmentIds().contains(department) || shot.aiUses().stream().anyMatch(u -> u.departmentIds().contains(department));
    }

    private void updateCount() {
        int all = session.shots().size();
        count.set(visible.size() == all ? Wording.count(all, "shot") : visible.size() + " of " + Wording.count(all, "shot"));
    }

    /** What the empty table says: what to do first, or that the filters hide every shot. */
    public String emptyMessage() {
        if (session.scenes().isEmpty()) return "No scenes yet. Add a scene on the Scenes page, or import a script, then add shots to it.";
        if (session.shots().isEmpty()) return "No shots yet. Add Shot adds one to the last scene, or to the scene chosen above.";
        return "No shot matches the filters. " + Wording.count(session.shots().size(), "shot") + " in all.";
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * Adds a shot after {@code selected} (or at the end of the chosen scene, or of the last scene), numbered next in
     * its scene. Empty when there is no scene to add to or the file refused it (the refusal has been shown).
     */
    public Optional<Shot> add(Shot selected) {
        if (session.scenes().isEmpty()) return Optional.empty();
        Scene target = oneScene() ? current(scene.get())
                : selected != null ? scenesById.get(selected.sceneId()) : session.scenes().get(session.scenes().size() - 1);
        List<Shot> siblings = session.shotsOf(target.id());
        int index = selected != null && selected.sceneId().equals(target.id()) ? siblings.indexOf(selected) + 1 : siblings.size();
        Shot shot = Shot.numbered(target.id(), ShotNumbers.at(siblings, index), "");
        return dialogs.attempt("Could not add a shot", () -> session.addShot(shot, index)) ? Optional.of(shot) : Optional.empty();
    }

    /** A copy of {@code original} just after it, with the next free number in its scene. */
    public Optional<Shot> duplicate(Shot original) {
        List<Shot> siblings = session.shotsOf(original.sceneId());
        int index = siblings.indexOf(original) + 1;
        Shot copy = original.duplicate(ShotNumbers.at(siblings, index));
        return dialogs.attempt("Could not duplicate the shot", () -> session.addShot(copy, index)) ? Optional.of(copy) : Optional.empty();
    }

    /**
     * Asks once, naming what goes with the shots (and the sign-offs that stop counting), then deletes them all in one
     * transaction as one undo step; true when they were deleted.
     */
    public boolean delete(List<Shot> doomed) {
        if (doomed.isEmpty()) return false;
        java.util.Set<UUID> ids = new java.util.HashSet<>(doomed.stream().map(Shot::id).toList());
        List<org.clearframe.model.SignOff> theirs = new java.util.ArrayList<>(); // from the session's index, not every sign-off
        for (UUID id : ids) theirs.addAll(session.signOffsOf(id));
        long signed = theirs.size();
        List<org.clearframe.model.SignOff> current = org.clearframe.rules.VoidedSignOffs.byDeleting(doomed, theirs);
        String what = doomed.size() == 1 ? "shot " + sceneNumber(doomed.get(0)) + "/" + doomed.get(0).number() : doomed.size() + " shots";
        String detail = "Their AI uses" + (signed > 0 ? " and " + signed + " recorded sign-offs" : "") + " go with them."
                + (current.isEmpty() ? "" : " " + org.clearframe.rules.VoidedSignOffs.warning(current).replace("This change voids", "This voids") + ".")
                + " You can undo this with Edit > Undo.";
        if (!dialogs.confirm("Delete " + what + "?", detail, doomed.size() == 1 ? "Delete Shot" : "Delete Shots")) return false;
        return dialogs.attempt("Could not delete", () -> session.deleteBulk(doomed));
    }

    // ------------------------------------------------------------------------------------- bulk editing

    /**
     * The shoot day is a scene's (the shoot calendar puts scenes on days), so the Scenes page and {@code calendar --scene}
     * set it; the bulk edits here are a shot's own: size, departments and AI uses.
     */
    public boolean bulkSize(List<Shot> selected) {
        if (selected.isEmpty()) return false;
        ShotSize initial = selected.get(0).size() == null ? ShotSize.WIDE : selected.get(0).size();
        List<String> labels = java.util.Arrays.stream(ShotSize.values()).map(ShotSize::label).toList();
        Optional<String> chosen = dialogs.choose("Set Size", "Size of " + shots(selected.size()), labels, initial.label());
        if (chosen.isEmpty()) return false;
        ShotSize size = ShotSize.values()[labels.indexOf(chosen.get())];
        return apply("Set size of " + shots(selected.size()), selected, s -> s.edit().size(size).build());
    }

    /** Adds a department to every selected shot. */
    public boolean bulkAddDepartment(List<Shot> selected) {
        Optional<Department> chosen = chooseDepartment(selected, "Add a department to " + shots(selected.size()));
        if (chosen.isEmpty()) return false;
        UUID id = chosen.get().id();
        return apply("Add " + chosen.get().name() + " to " + shots(selected.size()), selected, s -> {
            if (s.departmentIds().contains(id)) return s;
            List<UUID> ids = new java.util.ArrayList<>(s.departmentIds());
            ids.add(id);
            return s.edit().departmentIds(ids).build();
        });
    }

    /** Takes a department off every selected shot (its AI uses keep theirs: they are part of what was signed). */
    public boolean bulkRemoveDepartment(List<Shot> selected) {
        Optional<Department> chosen = chooseDepartment(selected, "Remove a department from " + shots(selected.size()));
        if (chosen.isEmpty()) return false;
        UUID id = chosen.get().id();
        return apply("Remove " + chosen.get().name() + " from " + shots(selected.size()), selected,
                s -> s.edit().departmentIds(s.departmentIds().stream().filter(d -> !d.equals(id)).toList()).build());
    }

    /** Adds the same planned AI use to every selected shot; each shot gets its own copy (its own id). */
    public boolean bulkAddUse(List<Shot> selected, org.clearframe.model.AiUse use) {
        if (selected.isEmpty() || use == null) return false;
        return apply("Add " + use.technique().label() + " to " + shots(selected.size()), selected, s -> {
            List<org.clearframe.model.AiUse> uses = new java.util.ArrayList<>(s.aiUses());
            uses.add(new org.clearframe.model.AiUse(UUID.randomUUID(), use.technique(), use.purpose(), use.tool(), use.output(),
                    use.performerIds(), use.departmentIds(), use.uploads(), use.vendorTrains(), use.factors(), use.notes(), use.frameSharePercent()));
            return s.withAiUses(uses);
        });
    }

    /** One bulk change: asks first when it voids sign-offs, then one transaction and one undo step. */
    private boolean apply(String name, List<Shot> selected, java.util.function.UnaryOperator<Shot> edit) {
        List<Shot> before = selected.stream().map(s -> current(s.id())).filter(java.util.Objects::nonNull).toList();
        List<Shot> after = before.stream().map(edit).toList();
        if (before.equals(after)) return false;
        if (!VoidWarning.allows(session, dialogs, before, after)) return false;
        return dialogs.attempt("Could not change " + shots(before.size()), () -> session.applyBulk(name, after));
    }

    private Optional<Department> chooseDepartment(List<Shot> selected, String header) {
        if (selected.isEmpty() || session.departments().isEmpty()) {
            if (!selected.isEmpty()) dialogs.showInfo("No departments yet", "Add departments in the Departments page first.");
            return Optional.empty();
        }
        // The chooser shows each choice as text: offer the names (numbered where two departments share one).
        List<Department> all = List.copyOf(session.departments());
        List<String> names = new java.util.ArrayList<>();
        for (Department d : all) names.add(names.contains(d.name()) ? d.name() + " (" + (names.size() + 1) + ")" : d.name());
        return dialogs.choose("Departments", header, names, names.get(0)).map(n -> all.get(names.indexOf(n)));
    }

    private Shot current(UUID id) {
        return session.shots().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static String shots(int n) {
        return n == 1 ? "1 shot" : n + " shots";
    }

    /** A shot is dragged only within its scene: the scene is part of a shot's identity on a breakdown. */
    public boolean canMoveTo(Shot shot, Shot onto) {
        return shot.sceneId().equals(onto.sceneId()) && !shot.id().equals(onto.id());
    }

    /** Puts {@code shot} where {@code onto} stands in their scene (a drag in the Shots page); true when it moved. */
    public boolean moveTo(Shot shot, Shot onto) {
        if (!canMoveTo(shot, onto)) return false;
        int to = session.shotsOf(shot.sceneId()).indexOf(onto);
        return to >= 0 && dialogs.attempt("Could not move the shot", () -> session.moveShot(shot, to));
    }

    /** Moves the shot {@code delta} places within its scene; true when it moved. */
    public boolean move(Shot shot, int delta) {
        int to = session.shotsOf(shot.sceneId()).indexOf(shot) + delta;
        return dialogs.attempt("Could not move the shot", () -> session.moveShot(shot, to));
    }

    /** Saves an edited row; null stands for an edit that left the shot without a number. True when saved. */
    public boolean save(Shot edited) {
        if (edited == null) {
            dialogs.showError("A shot needs a number", "Give the shot a number, like 1, 1A or 2.");
            return false;
        }
        if (!VoidWarning.allows(session, dialogs, current(edited.id()), edited)) return false;
        return dialogs.attempt("Could not save shot " + edited.number(), () -> session.saveShot(edited));
    }
}
