package org.clearframe.ui;

import javafx.beans.DefaultProperty;
import javafx.fxml.FXML;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Work the first window's FXML will need, done on the second core while the JVM starts JavaFX: FXMLLoader looks up
 * each controller member's {@code @FXML} and each control class's {@code @DefaultProperty}, and the JDK parses those
 * annotations (and spins a proxy class for each annotation type) the first time anyone asks. Asked here first, the
 * answers are cached when the FX thread asks. Nothing here touches JavaFX's toolkit.
 */
final class StartupWarmUp {
    private StartupWarmUp() {}

    /** Starts the warm-up on a daemon thread of its own and returns at once. */
    static void start() {
        Thread.ofPlatform().name("start-up warm-up").daemon(true).start(StartupWarmUp::run);
    }

    private static void run() {
        for (Class<?> controller : List.of(MainController.class, WelcomeController.class)) {
            Stream.concat(Stream.of(controller.getDeclaredFields()), Stream.of(controller.getDeclaredMethods()))
                    .forEach(member -> ((AnnotatedElement) member).getAnnotation(FXML.class));
        }
        for (Class<?> type : List.of(javafx.scene.layout.BorderPane.class, javafx.scene.layout.VBox.class,
                javafx.scene.layout.HBox.class, javafx.scene.layout.StackPane.class, javafx.scene.control.ScrollPane.class,
                javafx.scene.control.MenuBar.class, javafx.scene.control.Menu.class, javafx.scene.control.Label.class,
                javafx.scene.control.Button.class, javafx.scene.control.ListView.class)) {
            type.getAnnotation(DefaultProperty.class);
        }
        javax.xml.stream.XMLInputFactory.newFactory();
    }
}
