package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.clearframe.model.CastMember;
import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.controlsfx.control.CheckComboBox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Adds or edits one scene. The OK button stays off while a field is wrong, and the reason shows under it. */
public final class SceneDialog {

    @FXML private TextField number, set, storyDay, pages;
    @FXML private ComboBox<IntExt> intExt;
    @FXML private ComboBox<String> timeOfDay;
    @FXML private TextArea synopsis;
    @FXML private CheckComboBox<CastMember> cast;
    @FXML private CheckBox omitted;
    @FXML private javafx.scene.control.Label numberError, setError, pagesError;

    private final FieldChecks checks = new FieldChecks();

    /** Shows the dialog; {@code scene} null means a new scene numbered {@code suggestedNumber}. */
    static Optional<Scene> show(ViewFactory views, DialogService dialogs, Session session, Scene scene, String suggestedNumber) {
        ViewFactory.Loaded<SceneDialog> view = views.load(View.SCENE_DIALOG);
        SceneDialog form = view.controller();
        form.fill(session, scene, suggestedNumber);
        form.validate();
        Dialog<Scene> dialog = new Dialog<>();
        dialog.setTitle(scene == null ? "Add Scene" : "Edit Scene " + scene.number());
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.checks.invalidProperty());
        dialog.setResultConverter(button -> button == ButtonType.OK ? form.result(scene) : null);
        javafx.application.Platform.runLater(form.number::requestFocus);
        return dialogs.show(dialog);
    }

    private void fill(Session session, Scene scene, String suggestedNumber) {
        Styles.fill(intExt, IntExt.class);
        timeOfDay.getItems().setAll("DAY", "NIGHT", "DAWN", "DUSK", "MORNING", "EVENING", "CONTINUOUS", "LATER");
        cast.getItems().setAll(session.cast());
        cast.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(CastMember m) { return m == null ? "" : m.display(); }
            @Override public CastMember fromString(String s) { return null; }
        });
        Scene s = scene != null ? scene : Scene.numbered(suggestedNumber, IntExt.INT, "", "DAY");
        number.setText(s.number());
        intExt.setValue(s.intExt());
        set.setText(s.set());
        timeOfDay.setValue(s.timeOfDay());
        synopsis.setText(s.synopsis());
        pages.setText(s.eighths() == 0 ? "" : Scene.pages(s.eighths()));
        storyDay.setText(s.storyDay());
        omitted.setSelected(s.omitted());
        for (CastMember m : session.cast()) if (s.castIds().contains(m.id())) cast.getCheckModel().check(m);
    }

    private void validate() {
        checks.add(number, numberError, FieldChecks.required("A scene needs a number, like 12 or 12A"));
        checks.add(set, setError, FieldChecks.required("Name the set or location"));
        checks.add(pages, pagesError, text -> {
            try {
                Scene.eighths(text);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
    }

    private Scene result(Scene original) {
        List<UUID> castIds = cast.getCheckModel().getCheckedItems().stream().map(CastMember::id).toList();
        UUID id = original == null ? UUID.randomUUID() : original.id();
        String time = timeOfDay.getEditor().getText() == null ? "" : timeOfDay.getEditor().getText().strip().toUpperCase();
        return new Scene(id, number.getText().strip(), intExt.getValue(), set.getText().strip(), time,
                synopsis.getText().strip(), Scene.eighths(pages.getText()), storyDay.getText().strip(), castIds, omitted.isSelected());
    }

}
