package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
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
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.clearframe.model.Department;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The shots of one scene or of all scenes: an editable, virtualised table (no database query per row) with
 * filters, and the selected shot's details beside it.
 */
public final class ShotsController implements PageController {

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
    @FXML private javafx.scene.control.MenuButton bulkButton;
    @FXML private ShotDetailController shotDetailController;

    /** An AI use cell that names a technique (bold, in the accent colour). */
    static final javafx.css.PseudoClass AI_USE = javafx.css.PseudoClass.getPseudoClass("ai-use");

    /** The shot the producer last selected, kept by id because edits replace the row object. */
    private UUID currentShot;

    private final ShotsViewModel model;
    private final Session session;
    private final DialogService dialogs;
    private final ViewFactory views;

    ShotsController(ShotsViewModel model, Session session, DialogService dialogs, ViewFactory views) {
        this.model = model;
        this.session = session;
        this.dialogs = dialogs;
        this.views = views;
    }

    @FXML
    private void initialize() {
        table.setItems(model.visible());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setEditable(true);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<Shot> row = new javafx.scene.control.TableRow<>();
            DragToReorder.install(row, new DragToReorder.Mover<>() {
                @Override public boolean allowed(Shot dragged, Shot onto) { return model.canMoveTo(dragged, onto); }
                @Override public boolean move(Shot dragged, Shot onto) {
                    boolean moved = model.moveTo(dragged, onto);
                    if (moved) {
                        table.getSelectionModel().clearSelection();
                        table.getSelectionModel().select(dragged);
                    }
                    return moved;
                }
            });
            return row;
        });
        setUpColumns();
        setUpFilters();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, shot) -> {
            // A replaced row anywhere in the list makes the table clear and re-select the selected row: the same
            // shot, already on show, is not filled in again (that refill and its layout were most of an edit's cost).
            if (shot != null && shot != shotDetailController.shown()) shotDetailController.show(shot);
            else javafx.application.Platform.runLater(this::settleSelection);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, shot) -> {
            if (shot != null) currentShot = shot.id();
        });
        session.shots().addListener((ListChangeListener<Shot>) c -> javafx.application.Platform.runLater(this::settleSelection));
        session.scenes().addListener((ListChangeListener<Scene>) c -> refreshScenes());
        session.departments().addListener((ListChangeListener<Department>) c -> refreshDepartments());
        refreshScenes();
        refreshDepartments();
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        duplicateButton.disableProperty().bind(none);
        deleteButton.disableProperty().bind(none);
        bulkButton.disableProperty().bind(none);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Shot>) c -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            bulkButton.setText(n > 1 ? n + " Selected Shots" : "Selected Shot");
        });
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
        countLabel.textProperty().bind(model.countProperty());
        // the empty table says what to do next, which depends on what exists
        Label empty = new Label();
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        Runnable say = () -> empty.setText(model.emptyMessage());
        model.visible().addListener((ListChangeListener<Shot>) c -> say.run());
        session.scenes().addListener((ListChangeListener<Scene>) c -> say.run());
        say.run();
        if (!model.visible().isEmpty()) table.getSelectionModel().selectFirst();
    }

    private void setUpColumns() {
        sceneColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.sceneNumber(c.getValue())));
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
                // a pseudo-class, not a style class: switching it as rows scroll does not make JavaFX match the cell's selectors again
                pseudoClassStateChanged(AI_USE, !empty && text != null && !text.isEmpty());
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
        if (!model.save(edited)) table.refresh();
    }

    private void setUpFilters() {
        StringConverter<Scene> sceneNames = new StringConverter<>() {
            @Override public String toString(Scene s) {
                return s == null ? "" : s == ShotsViewModel.ALL_SCENES ? "All scenes" : s.heading();
            }
            @Override public Scene fromString(String s) { return null; }
        };
        sceneFilter.setConverter(sceneNames);
        departmentFilter.setConverter(new StringConverter<>() {
            @Override public String toString(Department d) { return d == null ? "" : d.name(); }
            @Override public Department fromString(String s) { return null; }
        });
        sceneFilter.valueProperty().bindBidirectional(model.sceneProperty());
        departmentFilter.valueProperty().bindBidirectional(model.departmentProperty());
        aiOnly.selectedProperty().bindBidirectional(model.aiOnlyProperty());
        openOnly.selectedProperty().bindBidirectional(model.openOnlyProperty());
        search.textProperty().bindBidirectional(model.searchProperty());
        model.sceneProperty().addListener((o, a, b) -> sceneColumn.setVisible(!model.oneScene()));
        session.flagsRevisionProperty().addListener((o, a, b) -> {
            // A re-check of some shots redraws their status cells only (StatusCell); all rows only when every shot was re-checked.
            Session.Rechecked what = session.recheckedProperty().get();
            if (what == null || what.all()) table.refresh();
        });
    }

    private void refreshScenes() {
        Scene chosen = sceneFilter.getValue();
        sceneFilter.getItems().setAll(ShotsViewModel.ALL_SCENES);
        sceneFilter.getItems().addAll(session.scenes());
        sceneFilter.setValue(model.current(chosen));
        table.refresh();
    }

    private void refreshDepartments() {
        Department chosen = departmentFilter.getValue();
        List<Department> choices = new java.util.ArrayList<>(session.departments().size() + 1);
        choices.add(ShotsViewModel.ALL_DEPARTMENTS);
        choices.addAll(session.departments());
        departmentFilter.getItems().setAll(choices); // one change, so the drop-down's list is redrawn once
        departmentFilter.setValue(model.current(chosen));
        // No table.refresh(): that remakes every row; the department cells in view redraw themselves (DepartmentsCell).
    }

    /**
     * An edit replaces the shot's row, and the table drops a replaced row's selection. Once the table has
     * settled, put the producer back on the shot they were working on; only if it is gone (deleted, filtered
     * out) does the detail pane empty.
     */
    private void settleSelection() {
        if (!table.getSelectionModel().isEmpty()) return;
        var again = currentShot == null ? java.util.Optional.<Shot>empty()
                : model.visible().stream().filter(s -> s.id().equals(currentShot)).findFirst();
        if (again.isPresent()) table.getSelectionModel().select(again.get());
        else shotDetailController.show(null);
    }

    /** Shows only the shots of {@code scene} (from the Scenes page's "Show Shots"). */
    void showScene(Scene scene) {
        model.sceneProperty().set(model.current(scene));
        if (!model.visible().isEmpty()) table.getSelectionModel().clearAndSelect(0);
    }

    /** Shows every shot and selects {@code shot} (links from other pages). */
    void reveal(UUID shotId) {
        model.clearFilters();
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
        model.add(table.getSelectionModel().getSelectedItem()).ifPresent(this::selectAndEdit);
    }

    @FXML
    void duplicate() {
        Shot selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) model.duplicate(selected).ifPresent(this::selectAndEdit);
    }

    private void selectAndEdit(Shot shot) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(shot);
        table.scrollTo(shot);
        table.requestFocus();
    }

    @FXML
    void delete() {
        model.delete(List.copyOf(table.getSelectionModel().getSelectedItems()).stream().filter(Objects::nonNull).toList());
    }

    private List<Shot> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems()).stream().filter(Objects::nonNull).toList();
    }

    /** The bulk commands keep the selection: the producer often does several things to the same shots. */
    private void keepingSelection(java.util.function.Predicate<List<Shot>> command) {
        List<Shot> chosen = selected();
        if (chosen.isEmpty() || !command.test(chosen)) return;
        java.util.Set<UUID> ids = new java.util.HashSet<>(chosen.stream().map(Shot::id).toList());
        table.getSelectionModel().clearSelection();
        for (Shot s : model.visible()) if (ids.contains(s.id())) table.getSelectionModel().select(s);
    }

    @FXML void bulkSize() { keepingSelection(model::bulkSize); }
    @FXML void bulkAddDepartment() { keepingSelection(model::bulkAddDepartment); }
    @FXML void bulkRemoveDepartment() { keepingSelection(model::bulkRemoveDepartment); }

    @FXML
    void bulkAddUse() {
        keepingSelection(shots -> AiUseDialog.show(views, dialogs, session, null).map(use -> model.bulkAddUse(shots, use)).orElse(false));
    }

    @FXML void moveUp() { move(-1); }
    @FXML void moveDown() { move(1); }

    private void move(int delta) {
        Shot shot = table.getSelectionModel().getSelectedItem();
        if (shot == null) return;
        if (model.move(shot, delta)) {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(shot);
        }
    }

    /** Coloured dots and names of the departments a shot involves, on one line (the rows have a fixed height). */
    private final class DepartmentsCell extends TableCell<Shot, Shot> {
        /** Made once per cell and never taken out: scrolling changes the chips' texts and colours only. */
        private final DepartmentChips chips = new DepartmentChips();
        private final List<Department> shown = new java.util.ArrayList<>();
        /** A department renamed, recoloured or deleted: only the cells in view redraw, from the shot they show. */
        private final javafx.beans.InvalidationListener redraw = o -> {
            if (!isEmpty()) updateItem(getItem(), false);
        };

        DepartmentsCell() {
            session.departments().addListener(new javafx.beans.WeakInvalidationListener(redraw));
            setText(null);
            setGraphic(chips);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override protected void updateItem(Shot shot, boolean empty) {
            super.updateItem(shot, empty);
            shown.clear();
            if (!empty && shot != null) {
                for (UUID id : shot.departmentIds()) {
                    Department d = department(id);
                    if (d != null) shown.add(d);
                }
            }
            chips.show(shown);
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
