package org.clearframe.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/** Loads an FXML view next to its controller class: one FXML file per view. */
public final class Views {
    private Views() {}

    public record Loaded<C>(Parent root, C controller) {}

    public static <C> Loaded<C> load(Class<?> near, String fxml) {
        URL url = Objects.requireNonNull(near.getResource(fxml), "missing view " + fxml);
        FXMLLoader loader = new FXMLLoader(url);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("could not load view " + fxml, e);
        }
    }
}
