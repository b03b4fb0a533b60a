package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Departments with their heads, and the shots each one's work is involved in or touched by AI. */
public final class DepartmentsController implements PageController {

    @FXML private TableView<Department> table;
    @FXML private TableColumn<Department, String> name, head, email, phone;
    @FXML private TableColumn<Department, Department> colour;
    @FXML private TableColumn<Department, Number> shotCount;
    @FXML private ListView<Shot> shots;
    @FXML private Label shotsTitle;
    @FXML private Button deleteButton;


    private final Session session;
    private final DialogService dialogs;
    private final Navigator navigator;

    DepartmentsController(Session session, DialogService dialogs, Navigator navigator) {
        this.session = session;
        this.dialogs = dialogs;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        table.setItems(session.departments());
        table.setEditable(true);
        Forms.editableText(name, (d, v) -> v.isBlank() ? null : new Department(d.id(), v.strip(), d.headName(), d.email(), d.colour()), this::save);
        Forms.editableText(head, (d, v) -> new Department(d.id(), d.name(), v.strip(), d.email(), d.colour()), this::save);
        Forms.editableText(email, (d, v) -> new Department(d.id(), d.name(), d.headName(), v.strip(), d.colour()), this::save);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        head.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().headName()));
        email.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().email()));
        // The head's phone is kept in the contact table; their e-mail stays the department's own column.
        phone.setCellValueFactory(c -> new ReadOnlyStringWrapper(session.contacts().containsKey(c.getValue().id())
                ? session.contacts().get(c.getValue().id()).phone() : ""));
        phone.setCellFactory(c -> new CommittingTextCell<>((d, v) -> dialogs.attempt("Could not save the phone number",
                () -> session.setContact(new org.clearframe.model.Contact(d.id(), d.email(), v)))));
        session.contacts().addListener((javafx.collections.MapChangeListener<UUID, org.clearframe.model.Contact>) c -> table.refresh());
        colour.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        colour.setCellFactory(c -> new ColourCell());
        shotCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(session.shotCountOfDepartment(c.getValue().id())));
        session.shots().addListener((ListChangeListener<Shot>) c -> {
            table.refresh();
            showShots(table.getSelectionModel().getSelectedItem());
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> showShots(d));
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) delete();
        });
        shots.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(Shot shot, boolean empty) {
                super.updateItem(shot, empty);
                setText(empty || shot == null ? null : label(shot));
            }
        });
        shots.setOnMouseClicked(e -> {
            Shot shot = shots.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && shot != null) {
                navigator.revealShot(shot.id());
            }
        });
        if (!session.departments().isEmpty()) table.getSelectionModel().selectFirst();
    }

    /** Saves an edited department; null stands for an edit that left it without a name. */
    private void save(Department edited) {
        if (edited == null) {
            dialogs.showError("A department needs a name", "Give the department a name, like VFX or Costume.");
            table.refresh();
            return;
        }
        dialogs.attempt("Could not save the department", () -> session.saveDepartment(edited));
    }

    private java.util.List<Shot> touching(UUID department) {
        return session.shots().stream().filter(s -> s.departmentIds().contains(department)
                || s.aiUses().stream().anyMatch(u -> u.departmentIds().contains(department))).toList();
    }

    private void showShots(Department d) {
        if (d == null) {
            shots.getItems().clear();
            shotsTitle.setText("Shots");
            return;
        }
        var list = touching(d.id());
        shots.getItems().setAll(list);
        long ai = list.stream().filter(s -> s.aiUses().stream().anyMatch(u -> u.departmentIds().contains(d.id()))).count();
        shotsTitle.setText("Shots involving " + d.name() + " (" + list.size() + ", " + ai + " touched by AI)");
    }

    private String label(Shot shot) {
        Map<UUID, Scene> scenes = ProductionData.index(session.scenes(), Scene::id);
        Scene scene = scenes.get(shot.sceneId());
        String ai = shot.hasAiUse() ? "   [AI: " + shot.aiUses().get(0).technique().label() + (shot.aiUses().size() > 1 ? " +" + (shot.aiUses().size() - 1) : "") + "]" : "";
        return (scene == null ? "" : scene.number() + "/") + shot.number() + "  " + shot.description() + ai;
    }

    @FXML
    void add() {
        Department d = Department.named("New department", "#607D8B");
        if (dialogs.attempt("Could not add a department", () -> session.saveDepartment(d))) {
            table.getSelectionModel().select(d);
            table.scrollTo(d);
            table.edit(table.getSelectionModel().getSelectedIndex(), name);
        }
    }

    @FXML
    void delete() {
        Department d = table.getSelectionModel().getSelectedItem();
        if (d == null) return;
        int n = touching(d.id()).size();
        String detail = n == 0 ? "No shot names this department." : n + (n == 1 ? " shot names" : " shots name")
                + " this department; they keep their other details. You can undo this with Edit > Undo.";
        if (dialogs.confirm("Delete the " + d.name() + " department?", detail, "Delete Department")) {
            dialogs.attempt("Could not delete the department", () -> session.deleteDepartment(d));
        }
    }

    /** A colour swatch that opens a picker; the colour marks the department in tables and the PDF. */
    private final class ColourCell extends TableCell<Department, Department> {
        private final ColorPicker picker = new ColorPicker();

        ColourCell() {
            picker.getStyleClass().add("button");
            picker.setOnAction(e -> {
                Department d = getItem();
                if (d == null) return;
                String web = toWeb(picker.getValue());
                if (!web.equalsIgnoreCase(d.colour())) {
                    dialogs.attempt("Could not save the colour",
                            () -> session.saveDepartment(new Department(d.id(), d.name(), d.headName(), d.email(), web)));
                }
            });
        }

        @Override protected void updateItem(Department d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                return;
            }
            picker.setValue(ShotsController.colour(d.colour()));
            setGraphic(picker);
        }
    }

    private static String toWeb(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
