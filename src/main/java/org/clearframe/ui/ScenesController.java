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
import org.clearframe.model.CastMember;
import org.clearframe.model.Scene;

import java.util.Objects;
import java.util.stream.Collectors;

/** The scene list in script order: add, edit, delete and reorder scenes. */
public final class ScenesController implements PageController {

    @FXML private TableView<Scene> table;
    @FXML private TableColumn<Scene, String> number, intExt, set, time, pages, storyDay, cast, synopsis;
    @FXML private TableColumn<Scene, Number> shotCount;
    @FXML private Button editButton, deleteButton, upButton, downButton, shotsButton;

    private Session session;
    private MainController main;

    @Override
    public void bind(Session session, MainController main) {
        this.session = session;
        this.main = main;
        table.setItems(session.scenes());
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().omitted() ? c.getValue().number() + " OMITTED" : c.getValue().number()));
        intExt.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().intExt().label()));
        set.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().set()));
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().timeOfDay()));
        pages.setCellValueFactory(c -> new ReadOnlyStringWrapper(Scene.pages(c.getValue().eighths())));
        storyDay.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().storyDay()));
        cast.setCellValueFactory(c -> new ReadOnlyStringWrapper(castNames(c.getValue())));
        synopsis.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().synopsis()));
        shotCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(session.shotCountOfScene(c.getValue().id())));
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

    private String castNames(Scene scene) {
        return scene.castIds().stream().map(id -> session.cast().stream().filter(m -> m.id().equals(id)).findFirst()
                .map(CastMember::character).filter(s -> !s.isBlank()).orElse(null)).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    @FXML
    void add() {
        int at = table.getSelectionModel().getSelectedIndex() + 1;
        if (at == 0) at = session.scenes().size();
        String suggested = Integer.toString(session.scenes().size() + 1);
        int index = at;
        SceneDialog.show(main.window(), session, null, suggested).ifPresent(scene -> {
            if (Dialogs.attempt(main.window(), "Could not add the scene", () -> session.addScene(scene, index))) {
                table.getSelectionModel().select(scene);
                table.scrollTo(scene);
            }
        });
    }

    @FXML
    void edit() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        SceneDialog.show(main.window(), session, scene, scene.number()).ifPresent(edited -> {
            if (Dialogs.attempt(main.window(), "Could not save the scene", () -> session.saveScene(edited))) {
                table.getSelectionModel().select(edited);
            }
        });
    }

    @FXML
    void delete() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        int shots = session.shotsOf(scene.id()).size();
        String detail = shots == 0 ? "The scene has no shots." : "Its " + shots + (shots == 1 ? " shot" : " shots")
                + ", their AI uses and sign-offs will be deleted too. You can undo this with Edit > Undo.";
        if (Dialogs.confirm(main.window(), "Delete scene " + scene.number() + "?", detail, "Delete Scene")) {
            Dialogs.attempt(main.window(), "Could not delete the scene", () -> session.deleteScene(scene));
        }
    }

    @FXML void moveUp() { move(-1); }
    @FXML void moveDown() { move(1); }

    private void move(int delta) {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        int to = session.scenes().indexOf(scene) + delta;
        if (Dialogs.attempt(main.window(), "Could not move the scene", () -> session.moveScene(scene, to))) {
            table.getSelectionModel().select(scene);
        }
    }

    @FXML
    void showShots() {
        Scene scene = table.getSelectionModel().getSelectedItem();
        if (scene == null) return;
        ShotsController shots = main.page(Page.SHOTS);
        shots.showScene(scene);
    }
}
