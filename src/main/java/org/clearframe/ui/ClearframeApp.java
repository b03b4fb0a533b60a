package org.clearframe.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.clearframe.AppInfo;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The desktop app. Arguments: a production file to open, or {@code --sample} for a copy of the sample. */
public final class ClearframeApp extends Application {

    private MainController main;

    public static void launchWith(String[] args) {
        Application.launch(ClearframeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Composition app = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser());
        ViewFactory.Loaded<MainController> loaded = app.mainWindow();
        main = loaded.controller();
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        try (InputStream icon = ClearframeApp.class.getResourceAsStream("/org/clearframe/icons/clearframe-256.png")) {
            if (icon != null) stage.getIcons().add(new Image(icon));
        } catch (java.io.IOException ignored) {
            // a missing icon is cosmetic
        }
        // Closing the window cancels work still running, then closes the production.
        stage.setOnCloseRequest(e -> main.shutdown());
        org.clearframe.ui.pdf.ExportPdfDialog.useHostServices(getHostServices());
        stage.show();
        openFromArguments(getParameters().getRaw());
    }

    private void openFromArguments(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--sample")) {
                main.openSample();
                return;
            }
            if (!arg.startsWith("-")) {
                main.openFile(Path.of(arg));
                return;
            }
        }
    }

    @Override
    public void stop() {
        if (main != null) main.shutdown();
    }
}
