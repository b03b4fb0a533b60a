package org.clearframe.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starts the real main window (FXML, CSS, controllers) on a TestFX stage. */
final class UiTestSupport {
    private UiTestSupport() {}

    static MainController start(Stage stage) {
        Views.Loaded<MainController> loaded = Views.load(ClearframeApp.class, "MainWindow.fxml");
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return loaded.controller();
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
}
