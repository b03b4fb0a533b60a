package org.clearframe.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one way tests start the real main window (FXML, CSS, controllers) on a TestFX stage: through the app's
 * {@link Composition}, with the real JavaFX dialogs or with {@link ScriptedDialogs} answering instead of a person.
 */
final class UiTestSupport {
    private UiTestSupport() {}

    static MainController start(Stage stage) {
        return start(stage, new FxDialogService(() -> stage));
    }

    static MainController start(Stage stage, DialogService dialogs) {
        return start(stage, dialogs, message -> false);
    }

    /** With {@code mail} standing in for the desktop's mail app (the default one says there is none). */
    static MainController start(Stage stage, DialogService dialogs, MailApp mail) {
        Composition app = new Composition(dialogs, recentFilesOfATest(), mail);
        ViewFactory.Loaded<MainController> loaded = app.mainWindow();
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return loaded.controller();
    }

    /** A test's recent-files list lives in its own folder, never in the user's. */
    static RecentFiles recentFilesOfATest() {
        try {
            Path folder = Files.createTempDirectory("clearframe-ui-test");
            folder.toFile().deleteOnExit();
            return new RecentFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for the UI", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void openAndWait(FxRobot robot, MainController main, Path file) {
        robot.interact(() -> main.openFile(file));
        waitUntil(() -> main.session() != null && main.session().file().equals(file.toAbsolutePath().normalize()));
    }

    /** Runs an action on the open production the way a page does: a failure fails the test. */
    static void attempt(DialogService.Attempt action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
