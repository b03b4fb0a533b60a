package org.clearframe.ui.studio;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.register.Publishing;
import org.clearframe.store.register.RegisterPublisher;
import org.clearframe.ui.Styles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The app's two ways into the studio register: Production > Publish to Studio Register (publishes the saved file in
 * the background; every edit is already saved, and publishing reads a private copy, so it never blocks an edit) and
 * the Studio window. The one entry point MainController calls.
 */
public final class StudioWindows {

    private static final ExecutorService REGISTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-register");
        t.setDaemon(true);
        return t;
    });

    private StudioWindows() {}

    /** Opens the Studio window; it reads the report as soon as it knows the register's address. */
    public static Stage showReport(Window owner) {
        StudioViewModel model = new StudioViewModel(REGISTER, Platform::runLater, StudioViewModel.rememberedAddress(), StudioViewModel::remember);
        Parent root = load(model);
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Studio Register");
        if (owner != null) stage.initOwner(owner);
        stage.show();
        if (!model.addressProperty().get().isBlank()) model.refresh();
        return stage;
    }

    /** The Studio view for {@code model}, its controller made with the model (no later injection). */
    static Parent load(StudioViewModel model) {
        FXMLLoader loader = new FXMLLoader(StudioWindows.class.getResource("StudioView.fxml"), null, null,
                type -> type == StudioController.class ? new StudioController(model) : null);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks for the register's address (remembered for this user) and publishes {@code file} in the background. */
    public static void publish(Window owner, Path file) {
        TextInputDialog ask = new TextInputDialog(StudioViewModel.rememberedAddress());
        ask.initOwner(owner);
        ask.setTitle("Publish to Studio Register");
        ask.setHeaderText("Publish " + file.getFileName() + " to the studio register");
        ask.setContentText("Register address (credentials come from ~/.pgpass or PGPASSWORD):");
        Optional<String> typed = ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        if (typed.isEmpty()) return;
        REGISTER.execute(() -> {
            try {
                RegisterPublisher.Result r = Publishing.publish(file, typed.get());
                StudioViewModel.remember(typed.get());
                Platform.runLater(() -> tell(owner, Alert.AlertType.INFORMATION, r.changedNothing()
                        ? "The register already had every row of " + file.getFileName() + "."
                        : "Published " + file.getFileName() + ": " + r.rowsWritten() + " rows written, " + r.rowsRemoved() + " removed, "
                                + r.signOffsAdded() + " sign-offs added."));
            } catch (Exception e) {
                Platform.runLater(() -> tell(owner, Alert.AlertType.ERROR, e.getMessage()));
            }
        });
    }

    private static void tell(Window owner, Alert.AlertType type, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.setTitle("Studio Register");
        alert.show();
    }
}
