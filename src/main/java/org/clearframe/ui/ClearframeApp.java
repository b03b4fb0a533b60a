package org.clearframe.ui;

import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.clearframe.AppInfo;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The desktop app. Arguments: a production file to open, or {@code --sample} for a copy of the sample. */
public final class ClearframeApp extends Application {

    /** The smallest window every page and form is laid out for (checked by the layout tests). */
    public static final double MIN_WIDTH = 900, MIN_HEIGHT = 560;

    private MainController main;

    /**
     * The window's first size: about 80% of the screen, never below the minimum unless the screen itself is smaller,
     * so it fits a laptop and does not fill a large monitor.
     */
    static Dimension2D firstSize(Rectangle2D screen) {
        double w = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, Math.round(screen.getWidth() * 0.8)));
        double h = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, Math.round(screen.getHeight() * 0.8)));
        return new Dimension2D(w, h);
    }

    public static void launchWith(String[] args) {
        Application.launch(ClearframeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Composition app = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser());
        ViewFactory.Loaded<MainController> loaded = app.mainWindow();
        main = loaded.controller();
        Dimension2D size = firstSize(Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(loaded.root(), size.getWidth(), size.getHeight());
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        stage.setMinWidth(Math.min(MIN_WIDTH, size.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, size.getHeight()));
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
