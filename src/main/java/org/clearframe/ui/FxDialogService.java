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
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.WindowEvent;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The JavaFX dialogs: the app's stylesheet on each, owned by (and so centred on) the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    /** How a prepared dialog is shown: a person answers it; a layout test looks at it and closes it instead. */
    private final Function<Dialog<?>, Optional<?>> showing;

    /** {@code owner} is asked each time, since the main window's stage exists only once it is shown. */
    public FxDialogService(Supplier<Window> owner) {
        this(owner, Dialog::showAndWait);
    }

    FxDialogService(Supplier<Window> owner, Function<Dialog<?>, Optional<?>> showing) {
        this.owner = owner;
        this.showing = showing;
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
    @SuppressWarnings("unchecked")
    public <T> Optional<T> show(Dialog<T> dialog) {
        prepare(dialog);
        return (Optional<T>) showing.apply(dialog);
    }

    /** Owner and stylesheet for a dialog that the caller shows itself (a test that looks at it before answering). */
    public void prepare(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && dialog.getOwner() == null && !dialog.isShowing()) dialog.initOwner(window);
        DialogPane pane = dialog.getDialogPane();
        if (!pane.getStylesheets().contains(Styles.STYLESHEET)) pane.getStylesheets().add(Styles.STYLESHEET);
        // A dialog never shrinks below what its content asks for; one that lists things can be made larger.
        if (pane.getContent() != null) WholeText.keep(pane.getContent());
        if (pane.getMinHeight() == Region.USE_COMPUTED_SIZE) pane.setMinHeight(Region.USE_PREF_SIZE);
        if (listsThings(pane)) dialog.setResizable(true);
        Window own = pane.getScene() == null ? null : pane.getScene().getWindow();
        if (own != null && !Boolean.TRUE.equals(own.getProperties().get(PLACED))) {
            own.getProperties().put(PLACED, true);
            own.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> place(own, dialog.getOwner()));
        }
    }

    private static final String PLACED = "clearframe.placed";

    /** True when the dialog shows a list, a table or long text: those get a resizable window. */
    static boolean listsThings(DialogPane pane) {
        return !pane.lookupAll(".list-view, .table-view, .tree-view, .text-area, .scroll-pane, .check-list-view").isEmpty();
    }

    /**
     * At its preferred size, inside the screen, centred on its owner. Without a window manager (and on some desktops)
     * a dialog otherwise opens at 200x200 in the corner of the screen.
     */
    static void place(Window window, Window owner) {
        window.sizeToScene();
        Rectangle2D screen = screenOf(owner == null ? window : owner);
        if (window.getWidth() > screen.getWidth()) window.setWidth(screen.getWidth());
        if (window.getHeight() > screen.getHeight()) window.setHeight(screen.getHeight());
        double x, y;
        if (owner != null) {
            x = owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
            y = owner.getY() + (owner.getHeight() - window.getHeight()) / 3;
        } else {
            x = screen.getMinX() + (screen.getWidth() - window.getWidth()) / 2;
            y = screen.getMinY() + (screen.getHeight() - window.getHeight()) / 3;
        }
        window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - window.getWidth())));
        window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - window.getHeight())));
    }

    /** The visual bounds of the screen the window is mostly on (the primary screen when it is not placed yet). */
    static Rectangle2D screenOf(Window window) {
        var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()), Math.max(1, window.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
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
        }
        // centred on the main window rather than on the screen, where a second monitor may hide it
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> place(stage, window));
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
