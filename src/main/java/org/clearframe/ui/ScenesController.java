package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.clearframe.model.Scene;


/** The scene list in script order: add, edit, delete and reorder scenes. */
public final class ScenesController implements PageController {

    @FXML private TableView<Scene> table;
    @FXML private TableColumn<Scene, String> number, intExt, set, time, pages, storyDay, cast, synopsis;
    @FXML private TableColumn<Scene, Number> shotCount;
    @FXML private Button editButton, deleteButton, upButton, downButton, shotsButton;


    private final ScenesViewModel model;
    private final Session session;
    private final DialogService dialogs;
    private final ViewFactory views;
    private final Navigator navigator;

    ScenesController(ScenesViewModel model, Session session, DialogService dialogs, ViewFactory views, Navigator navigator) {
        this.model = model;
        this.session = session;
        this.dialogs = dialogs;
        this.views = views;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        table.setItems(session.scenes());
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().omitted() ? c.getValue().number() + " OMITTED" : c.getValue().number()));
        intExt.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().intExt().label()));
        set.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().set()));
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().timeOfDay()));
        pages.setCellValueFactory(c -> new ReadOnlyStringWrapper(Scene.pages(c.getValue().eighths())));
        storyDay.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().storyDay()));
        cast.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.castNames(c.getValue())));
        synopsis.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().synopsis()));
        shotCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.shotCount(c.getValue())));
        session.shots().addListener((javafx.collections.ListChangeListener<Object>) c -> table.refresh());
        session.cast().addListener((javafx.collections.ListChangeListener<Object>) c -> table.refresh());
        table.setRowFactory(t -> {
            TableRow<Scene> row = new TableRow<>() {
                @Override protected void updateItem(Scene scene, boolean empty) {
                    super.updateItem(scene, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("omitted"), !empty && scene != null && scene.omitted());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) edit();
            });
            DragToReorder.install(row, new DragToReorder.Mover<>() {
                @Override public boolean allowed(Scene dragged, Scene onto) { return !dragged.equals(onto); }
                @Override public boolean move(Scene dragged, Scene onto) {
                    boolean moved = model.moveTo(dragged, onto);
                    if (moved) table.getSelectionModel().select(dragged);
                    return moved;
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) delete();
            if (e.getCode() == KeyCode.ENTER) edit();
        });
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        editButton.disableProperty().bind(none);
        deleteButton.disableProperty().bind(none);
        upButton.disableProperty().bind(none);
        downButton.disableProperty().bind(none);
        shotsButton.disableProperty().bind(none);
        if (!session.scenes().isEmpty()) table.getSelectionModel().selectFirst();
    }

    @FXML
    void add() {
        int index = model.insertionIndex(table.getSelectionModel().getSelectedIndex());
        SceneDialog.show(views, dialogs, session, null, model.suggestedNumber()).ifPresent(scene -> {
            if (model.add(scene, index)) {
                table.getSelectionModel().select(scene);
                table.scrollTo(scene);
            }
        });
    }

    @FXML
    void edit() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        SceneDialog.show(views, dialogs, session, scene, scene.number()).ifPresent(edited -> {
            if (model.save(edited)) {
                table.getSelectionModel().select(edited);
            }
        });
    }

    @FXML
    void delete() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        model.delete(scene);
    }

    @FXML void moveUp() { move(-1); }
    @FXML void moveDown() { move(1); }

    private void move(int delta) {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        if (model.move(scene, delta)) {
            table.getSelectionModel().select(scene);
        }
    }

    @FXML
    void showShots() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        navigator.showShotsOf(scene);
    }
}
