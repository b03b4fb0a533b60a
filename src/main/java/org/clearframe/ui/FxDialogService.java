package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The JavaFX dialogs: the app's stylesheet on each, owned by (and so centred on) the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    /** {@code owner} is asked each time, since the main window's stage exists only once it is shown. */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showInfo(String header, String detail) {
        show(alert(Alert.AlertType.INFORMATION, header, detail, ButtonType.OK));
    }

    @Override
    public void showError(String header, String detail) {
        show(alert(Alert.AlertType.ERROR, header, detail, ButtonType.OK));
    }

    @Override
    public boolean confirm(String header, String detail, String actionLabel) {
        return ask(Alert.AlertType.CONFIRMATION, header, detail, null, actionLabel);
    }

    @Override
    public boolean confirmWarning(String header, String detail, String actionLabel) {
        return ask(Alert.AlertType.WARNING, header, detail, null, actionLabel);
    }

    @Override
    public boolean confirm(String header, Node content, String actionLabel) {
        return ask(Alert.AlertType.CONFIRMATION, header, "", content, actionLabel);
    }

    private boolean ask(Alert.AlertType type, String header, String detail, Node content, String actionLabel) {
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(type, header, detail, action, cancel);
        if (content != null) alert.getDialogPane().setContent(content);
        ((Button) alert.getDialogPane().lookupButton(action)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return show(alert).filter(action::equals).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String header, List<T> choices, T initial) {
        ChoiceDialog<T> pick = new ChoiceDialog<>(initial, choices);
        pick.setTitle(title);
        pick.setHeaderText(header);
        return show(pick);
    }

    @Override
    public <T> Optional<T> show(Dialog<T> dialog) {
        prepare(dialog);
        return dialog.showAndWait();
    }

    /** Owner and stylesheet for a dialog that the caller shows itself (a test that looks at it before answering). */
    public void prepare(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && dialog.getOwner() == null && !dialog.isShowing()) dialog.initOwner(window);
        if (!dialog.getDialogPane().getStylesheets().contains(Styles.STYLESHEET)) dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
    }

    @Override
    public Stage openWindow(String title, Parent root, boolean modal) {
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(title);
        Window window = owner.get();
        if (window != null) {
            stage.initOwner(window);
            if (modal) stage.initModality(Modality.WINDOW_MODAL);
            // centred on the main window rather than on the screen, where a second monitor may hide it
            stage.setOnShown(e -> {
                stage.setX(window.getX() + (window.getWidth() - stage.getWidth()) / 2);
                stage.setY(window.getY() + Math.max(0, (window.getHeight() - stage.getHeight()) / 3));
            });
        }
        return stage;
    }

    @Override
    public Optional<Path> chooseOpen(FileKind kind, String title) {
        return Optional.ofNullable(chooser(kind, title).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(FileKind kind, Path suggested) {
        FileChooser chooser = chooser(kind, kind.title());
        if (suggested != null) {
            Path folder = suggested.toAbsolutePath().getParent();
            if (suggested.getParent() != null && folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
            chooser.setInitialFileName(suggested.getFileName().toString());
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(FileKind kind, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileKind.Filter f : kind.filters()) chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String header, String detail, ButtonType... buttons) {
        Alert alert = new Alert(type, detail, buttons);
        alert.setTitle("Clearframe");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(460);
        return alert;
    }
}
