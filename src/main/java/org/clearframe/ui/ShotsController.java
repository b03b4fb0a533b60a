package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The shots of one scene or of all scenes: an editable, virtualised table (no database query per row) with
 * filters, and the selected shot's details beside it.
 */
public final class ShotsController implements PageController {

    /** Stands for "all scenes" / "all departments" in the filter boxes. */
    private static final Scene ALL_SCENES = Scene.numbered("", null, "All scenes", "");
    private static final Department ALL_DEPARTMENTS = Department.named("All departments", null);

    @FXML private ComboBox<Scene> sceneFilter;
    @FXML private ComboBox<Department> departmentFilter;
    @FXML private CheckBox aiOnly, openOnly;
    @FXML private TextField search;
    @FXML private Label countLabel;
    @FXML private TableView<Shot> table;
    @FXML private TableColumn<Shot, String> sceneColumn, numberColumn, descriptionColumn, angleColumn, movementColumn, lensColumn, aiColumn;
    @FXML private TableColumn<Shot, ShotSize> sizeColumn;
    @FXML private TableColumn<Shot, Shot> departmentsColumn, statusColumn;
    @FXML private Button addButton, duplicateButton, deleteButton, upButton, downButton;
    @FXML private ShotDetailController shotDetailController;

    private Session session;
    private MainController main;
    private FilteredList<Shot> visible;
    private Map<UUID, Scene> scenesById = Map.of();
    /** The shot the producer last selected, kept by id because edits replace the row object. */
    private UUID currentShot;

    @Override
    public void bind(Session session, MainController main) {
        this.session = session;
        this.main = main;
        visible = new FilteredList<>(session.shots(), s -> true);
        table.setItems(visible);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setEditable(true);
        setUpColumns();
        setUpFilters();
        shotDetailController.bind(session, main);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, shot) -> {
            if (shot != null) shotDetailController.show(shot);
            else javafx.application.Platform.runLater(this::settleSelection);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, shot) -> {
            if (shot != null) currentShot = shot.id();
        });
        session.shots().addListener((ListChangeListener<Shot>) c -> {
            updateCount();
            javafx.application.Platform.runLater(this::settleSelection);
        });
        session.scenes().addListener((ListChangeListener<Scene>) c -> refreshScenes());
        session.departments().addListener((ListChangeListener<Department>) c -> refreshDepartments());
        refreshScenes();
        refreshDepartments();
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        duplicateButton.disableProperty().bind(none);
        deleteButton.disableProperty().bind(none);
        upButton.disableProperty().bind(none);
        downButton.disableProperty().bind(none);
        addButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(session.scenes()));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) delete();
        });
        table.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::add);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::duplicate);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), this::moveUp);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), this::moveDown);
        });
        updateCount();
        if (!visible.isEmpty()) table.getSelectionModel().selectFirst();
    }

    private void setUpColumns() {
        sceneColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(sceneNumber(c.getValue())));
        numberColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().number()));
        descriptionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        angleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().angle()));
        movementColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().movement()));
        lensColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lens()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell(session));
        departmentsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        departmentsColumn.setCellFactory(c -> new DepartmentsCell());
        aiColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().aiUses().stream()
                .map(u -> u.technique().label()).distinct().collect(Collectors.joining(", "))));
        aiColumn.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("ai-cell");
                if (!empty && text != null && !text.isEmpty()) getStyleClass().add("ai-cell");
            }
        });

        Forms.editableText(numberColumn, (shot, v) -> v.isBlank() ? null : shot.edit().number(v.strip()).build(), this::save);
        Forms.editableText(descriptionColumn, (shot, v) -> shot.edit().description(v.strip()).build(), this::save);
        Forms.editableText(angleColumn, (shot, v) -> shot.edit().angle(v.strip()).build(), this::save);
        Forms.editableText(movementColumn, (shot, v) -> shot.edit().movement(v.strip()).build(), this::save);
        Forms.editableText(lensColumn, (shot, v) -> shot.edit().lens(v.strip()).build(), this::save);
        sizeColumn.setCellFactory(ComboBoxTableCell.forTableColumn(Styles.labels(ShotSize.class), ShotSize.values()));
        sizeColumn.setOnEditCommit(e -> save(e.getRowValue().edit().size(e.getNewValue()).build()));
    }

    /** Saves an edited shot; null stands for an edit that left it without a number. */
    private void save(Shot edited) {
        if (edited == null) {
            Dialogs.error(main.window(), "A shot needs a number", "Give the shot a number, like 1, 1A or 2.");
            table.refresh();
            return;
        }
        if (!Dialogs.attempt(main.window(), "Could not save shot " + edited.number(), () -> session.saveShot(edited))) table.refresh();
    }

    private void setUpFilters() {
        StringConverter<Scene> sceneNames = new StringConverter<>() {
            @Override public String toString(Scene s) {
                return s == null ? "" : s == ALL_SCENES ? "All scenes" : s.heading();
            }
            @Override public Scene fromString(String s) { return null; }
        };
        sceneFilter.setConverter(sceneNames);
        departmentFilter.setConverter(new StringConverter<>() {
            @Override public String toString(Department d) { return d == null ? "" : d.name(); }
            @Override public Department fromString(String s) { return null; }
        });
        sceneFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        departmentFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        aiOnly.selectedProperty().addListener((o, a, b) -> applyFilter());
        openOnly.selectedProperty().addListener((o, a, b) -> applyFilter());
        session.flagsRevisionProperty().addListener((o, a, b) -> {
            if (openOnly.isSelected()) applyFilter();
            // A re-check of some shots redraws their status cells only (StatusCell); all rows only when every shot was re-checked.
            Session.Rechecked what = session.recheckedProperty().get();
            if (what == null || what.all()) table.refresh();
        });
        search.textProperty().addListener((o, a, b) -> applyFilter());
    }

    private void refreshScenes() {
        scenesById = ProductionData.index(session.scenes(), Scene::id);
        Scene chosen = sceneFilter.getValue();
        sceneFilter.getItems().setAll(ALL_SCENES);
        sceneFilter.getItems().addAll(session.scenes());
        sceneFilter.setValue(chosen != null && (chosen == ALL_SCENES || scenesById.containsKey(chosen.id()))
                ? (chosen == ALL_SCENES ? ALL_SCENES : scenesById.get(chosen.id())) : ALL_SCENES);
        table.refresh();
    }

    private void refreshDepartments() {
        Department chosen = departmentFilter.getValue();
        departmentFilter.getItems().setAll(ALL_DEPARTMENTS);
        departmentFilter.getItems().addAll(session.departments());
        departmentFilter.setValue(chosen != null && session.departments().stream().anyMatch(d -> d.id().equals(chosen.id()))
                ? chosen : ALL_DEPARTMENTS);
        table.refresh();
    }

    private void applyFilter() {
        Scene scene = sceneFilter.getValue();
        Department department = departmentFilter.getValue();
        boolean ai = aiOnly.isSelected();
        boolean open = openOnly.isSelected();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase();
        visible.setPredicate(shot -> (scene == null || scene == ALL_SCENES || shot.sceneId().equals(scene.id()))
                && (department == null || department == ALL_DEPARTMENTS || touches(shot, department.id()))
                && (!ai || shot.hasAiUse())
                && (!open || session.flags(shot.id()).stream().anyMatch(org.clearframe.rules.Flag::open))
                && (text.isEmpty() || shot.description().toLowerCase().contains(text) || shot.number().toLowerCase().contains(text)
                    || shot.notes().toLowerCase().contains(text)));
        sceneColumn.setVisible(scene == null || scene == ALL_SCENES);
        updateCount();
    }

    private static boolean touches(Shot shot, UUID department) {
        return shot.departmentIds().contains(department) || shot.aiUses().stream().anyMatch(u -> u.departmentIds().contains(department));
    }

    private void updateCount() {
        countLabel.setText(visible.size() == session.shots().size() ? session.shots().size() + " shots"
                : visible.size() + " of " + session.shots().size() + " shots");
    }

    private String sceneNumber(Shot shot) {
        Scene s = scenesById.get(shot.sceneId());
        return s == null ? "" : s.number();
    }

    /**
     * An edit replaces the shot's row, and the table drops a replaced row's selection. Once the table has
     * settled, put the producer back on the shot they were working on; only if it is gone (deleted, filtered
     * out) does the detail pane empty.
     */
    private void settleSelection() {
        if (!table.getSelectionModel().isEmpty()) return;
        var again = currentShot == null ? java.util.Optional.<Shot>empty()
                : visible.stream().filter(s -> s.id().equals(currentShot)).findFirst();
        if (again.isPresent()) table.getSelectionModel().select(again.get());
        else shotDetailController.show(null);
    }

    /** Shows only the shots of {@code scene} (from the Scenes page's "Show Shots"). */
    void showScene(Scene scene) {
        sceneFilter.setValue(scenesById.getOrDefault(scene.id(), ALL_SCENES));
        if (!visible.isEmpty()) table.getSelectionModel().clearAndSelect(0);
    }

    /** Shows every shot and selects {@code shot} (links from other pages). */
    void reveal(UUID shotId) {
        sceneFilter.setValue(ALL_SCENES);
        departmentFilter.setValue(ALL_DEPARTMENTS);
        aiOnly.setSelected(false);
        openOnly.setSelected(false);
        search.clear();
        session.shots().stream().filter(s -> s.id().equals(shotId)).findFirst().ifPresent(s -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(s);
            table.scrollTo(s);
        });
    }

    TableView<Shot> table() {
        return table;
    }

    // ------------------------------------------------------------------------------------------ actions

    /** Adds a shot after the selected one (or at the end of the chosen scene). */
    @FXML
    void add() {
        if (session.scenes().isEmpty()) return;
        Shot selected = table.getSelectionModel().getSelectedItem();
        Scene scene = sceneFilter.getValue() != null && sceneFilter.getValue() != ALL_SCENES ? sceneFilter.getValue()
                : selected != null ? scenesById.get(selected.sceneId()) : session.scenes().get(session.scenes().size() - 1);
        List<Shot> siblings = session.shotsOf(scene.id());
        int index = selected != null && selected.sceneId().equals(scene.id()) ? siblings.indexOf(selected) + 1 : siblings.size();
        Shot shot = Shot.numbered(scene.id(), session.nextShotNumber(scene.id()), "");
        if (Dialogs.attempt(main.window(), "Could not add a shot", () -> session.addShot(shot, index))) {
            selectAndEdit(shot);
        }
    }

    @FXML
    void duplicate() {
        Shot selected = table.getSelectionModel().getSelectedItem();
        if (selected == null) return;
        Shot copy = selected.duplicate(session.nextShotNumber(selected.sceneId()));
        int index = session.shotsOf(selected.sceneId()).indexOf(selected) + 1;
        if (Dialogs.attempt(main.window(), "Could not duplicate the shot", () -> session.addShot(copy, index))) {
            selectAndEdit(copy);
        }
    }

    private void selectAndEdit(Shot shot) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(shot);
        table.scrollTo(shot);
        table.requestFocus();
    }

    @FXML
    void delete() {
        List<Shot> doomed = List.copyOf(table.getSelectionModel().getSelectedItems()).stream().filter(Objects::nonNull).toList();
        if (doomed.isEmpty()) return;
        long signed = doomed.stream().mapToLong(s -> session.signOffs().stream().filter(x -> x.shotId().equals(s.id())).count()).sum();
        String what = doomed.size() == 1 ? "shot " + sceneNumber(doomed.get(0)) + "/" + doomed.get(0).number() : doomed.size() + " shots";
        String detail = "Their AI uses" + (signed > 0 ? " and " + signed + " recorded sign-offs" : "")
                + " go with them. You can undo this with Edit > Undo.";
        if (Dialogs.confirm(main.window(), "Delete " + what + "?", detail, doomed.size() == 1 ? "Delete Shot" : "Delete Shots")) {
            Dialogs.attempt(main.window(), "Could not delete", () -> session.deleteShots(doomed));
        }
    }

    @FXML void moveUp() { move(-1); }
    @FXML void moveDown() { move(1); }

    private void move(int delta) {
        Shot shot = table.getSelectionModel().getSelectedItem();
        if (shot == null) return;
        int to = session.shotsOf(shot.sceneId()).indexOf(shot) + delta;
        if (Dialogs.attempt(main.window(), "Could not move the shot", () -> session.moveShot(shot, to))) {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(shot);
        }
    }

    /** Coloured dots and names of the departments a shot involves. */
    private final class DepartmentsCell extends TableCell<Shot, Shot> {
        /** Made once per cell; chips are added as a shot needs more and reused after (scrolling makes no nodes). */
        private final HBox chips = new HBox(8);
        private final List<Label> made = new java.util.ArrayList<>();

        @Override protected void updateItem(Shot shot, boolean empty) {
            super.updateItem(shot, empty);
            setText(null);
            if (empty || shot == null || shot.departmentIds().isEmpty()) {
                setGraphic(null);
                return;
            }
            int used = 0;
            for (UUID id : shot.departmentIds()) {
                Department d = department(id);
                if (d == null) continue;
                if (used == made.size()) {
                    Label chip = new Label("", new Circle(4));
                    chip.getStyleClass().add("department-chip");
                    made.add(chip);
                }
                Label chip = made.get(used++);
                chip.setText(d.name());
                ((Circle) chip.getGraphic()).setFill(colour(d.colour()));
            }
            if (chips.getChildren().size() != used || !chips.getChildren().equals(made.subList(0, used))) {
                chips.getChildren().setAll(made.subList(0, used));
            }
            if (getGraphic() != chips) setGraphic(chips);
        }
    }

    private Department department(UUID id) {
        for (Department d : session.departments()) if (d.id().equals(id)) return d;
        return null;
    }

    static Color colour(String web) {
        try {
            return Color.web(web);
        } catch (IllegalArgumentException e) {
            return Color.GRAY;
        }
    }
}
