package org.clearframe.ui;

import javafx.application.Application;
import javafx.application.Platform;
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
import java.util.Optional;

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

    /**
     * Sets the window's minimum without losing its first size. Under GTK with openbox, a minimum set before showing
     * is enforced against a passing 200x200, and one set after showing makes the window manager shrink the window to
     * it; so the size asked for is put back once the minimum is on.
     */
    private static void keepAtLeast(Stage stage, Dimension2D first, double width, double height) {
        stage.setMinWidth(width);
        stage.setMinHeight(height);
        javafx.animation.PauseTransition restore = new javafx.animation.PauseTransition(javafx.util.Duration.millis(400));
        restore.setOnFinished(e -> {
            if (stage.getWidth() + 1 < first.getWidth() || stage.getHeight() + 1 < first.getHeight()) {
                stage.setWidth(first.getWidth());
                stage.setHeight(first.getHeight());
                stage.centerOnScreen();
            }
        });
        restore.play();
    }

    public static void launchWith(String[] args) {
        // Before the window and its task runner exist, so on a daemon thread of its own (ArchitectureTest allows it here).
        Thread.ofPlatform().name("start-up warm-up").daemon(true).start(ClearframeApp::warmUp);
        Application.launch(ClearframeApp.class, args);
    }

    /**
     * Work the first window's FXML will need, done on the second core while the JVM starts JavaFX: FXMLLoader looks up
     * each controller member's {@code @FXML} and each control class's {@code @DefaultProperty}, and the JDK parses
     * those annotations (and spins a proxy class for each annotation type) the first time anyone asks; asked here
     * first, the answers are cached when the FX thread asks. Nothing here touches JavaFX's toolkit.
     */
    private static void warmUp() {
        for (Class<?> controller : List.of(MainController.class, WelcomeController.class)) {
            for (java.lang.reflect.Field f : controller.getDeclaredFields()) f.getAnnotation(javafx.fxml.FXML.class);
            for (java.lang.reflect.Method m : controller.getDeclaredMethods()) m.getAnnotation(javafx.fxml.FXML.class);
        }
        for (Class<?> type : List.of(javafx.scene.layout.BorderPane.class, javafx.scene.layout.VBox.class,
                javafx.scene.layout.HBox.class, javafx.scene.layout.StackPane.class, javafx.scene.control.ScrollPane.class,
                javafx.scene.control.MenuBar.class, javafx.scene.control.Menu.class, javafx.scene.control.Label.class,
                javafx.scene.control.Button.class, javafx.scene.control.ListView.class)) {
            type.getAnnotation(javafx.beans.DefaultProperty.class);
        }
        javax.xml.stream.XMLInputFactory.newFactory();
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("Application.start");
        List<String> args = getParameters().getRaw();
        Composition app = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser());
        // The first text the window styles waits for fontconfig (about 15 ms): meet it on the other core meanwhile.
        app.tasks().background("Loading fonts", javafx.scene.text.Font::getDefault).start();
        StartupTrace.mark("composition root built");
        // Started on a file (a double-click): its first look replaces the welcome page at once, so that is not built.
        ViewFactory.Loaded<MainController> loaded = opensAFile(args) ? app.mainWindowOpeningAFile() : app.mainWindow();
        main = loaded.controller();
        StartupTrace.mark("main window FXML loaded");
        Dimension2D size = firstSize(Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(loaded.root(), size.getWidth(), size.getHeight());
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        // Closing the window cancels work still running, then closes the production.
        stage.setOnCloseRequest(e -> main.shutdown());
        // A file to open is opened now: its first look is read on a worker while this thread shows the window.
        Optional<Path> file = fileToOpen(args);
        file.ifPresent(main::openFile);
        StartupTrace.mark("before show");
        stage.show();
        StartupTrace.mark("after show");
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            StartupTrace.mark("first pulse laid out");
            scene.removePostLayoutPulseListener(first[0]);
            // Not needed for the first frame (decoding the icon takes about 10 ms): after it.
            Platform.runLater(() -> afterFirstFrame(stage));
        };
        scene.addPostLayoutPulseListener(first[0]);
        keepAtLeast(stage, new Dimension2D(stage.getWidth(), stage.getHeight()), Math.min(MIN_WIDTH, size.getWidth()), Math.min(MIN_HEIGHT, size.getHeight()));
        if (file.isEmpty() && args.contains("--sample")) main.openSample();
    }

    private void afterFirstFrame(Stage stage) {
        try (InputStream icon = ClearframeApp.class.getResourceAsStream("/org/clearframe/icons/clearframe-256.png")) {
            if (icon != null) stage.getIcons().add(new Image(icon));
        } catch (java.io.IOException ignored) {
            // a missing icon is cosmetic
        }
        org.clearframe.ui.pdf.ExportPdfDialog.useHostServices(getHostServices());
    }

    private static boolean opensAFile(List<String> args) {
        return args.stream().anyMatch(arg -> arg.equals("--sample") || !arg.startsWith("-"));
    }

    /** The production named on the command line (a double-clicked file), if any; {@code --sample} comes first. */
    private static Optional<Path> fileToOpen(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--sample")) return Optional.empty();
            if (!arg.startsWith("-")) return Optional.of(Path.of(arg));
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        if (main != null) main.shutdown();
    }
}
