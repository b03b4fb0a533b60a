package org.clearframe.ui.studio;

import org.clearframe.rules.Wording;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TextInputDialog;
import org.clearframe.register.Publishing;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The app's two ways into the studio register: Production > Publish to Studio Register (publishes the saved file
 * in the background; every edit is already saved and publishing reads a private copy, so it never blocks an edit)
 * and the Studio window. Built once by the main window with the app's dialogs, task runner and view factory.
 */
public final class StudioRegister {

    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;

    public StudioRegister(DialogService dialogs, UiTasks tasks, ViewFactory views) {
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
    }

    /** Opens the Studio window; it reads the report as soon as it knows the register's address. */
    public void showReport() {
        Executor onTaskRunner = work -> tasks.background("Reading the studio register", () -> {
            work.run();
            return null;
        }).start();
        StudioViewModel model = new StudioViewModel(onTaskRunner, Platform::runLater, StudioViewModel.rememberedAddress(), StudioViewModel::remember);
        dialogs.openWindow("Studio Register", load(views, model), false).show();
        if (!model.addressProperty().get().isBlank()) model.refresh();
    }

    /** The Studio view for {@code model}, its controller made with the model (no later injection). */
    static Parent load(ViewFactory views, StudioViewModel model) {
        return views.with(Map.of(StudioController.class, () -> new StudioController(model))).<StudioController>load(View.STUDIO).root();
    }

    /** Asks for the register's address (remembered for this user) and publishes {@code file} in the background. */
    public void publish(Path file) {
        TextInputDialog ask = new TextInputDialog(StudioViewModel.rememberedAddress());
        ask.setTitle("Publish to Studio Register");
        ask.setHeaderText("Publish " + file.getFileName() + " to the studio register");
        ask.setContentText("Register address (credentials come from ~/.pgpass or PGPASSWORD):");
        dialogs.show(ask).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(address ->
                tasks.run("Publishing " + file.getFileName() + " to the studio register", () -> Publishing.publish(file, address))
                        .failureTitle("Could not publish to the studio register")
                        .onSuccess(r -> {
                            StudioViewModel.remember(address);
                            dialogs.showInfo("Published to the studio register", r.changedNothing()
                                    ? "The register already had every row of " + file.getFileName() + "."
                                    : "Published " + file.getFileName() + ": " + Wording.count(r.rowsWritten(), "row") + " written, " + r.rowsRemoved()
                                            + " removed, " + Wording.count(r.signOffsAdded(), "sign-off") + " added.");
                        }).start());
    }
}
