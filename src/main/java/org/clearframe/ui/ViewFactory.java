package org.clearframe.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one place FXML is loaded. A view's controller comes from the suppliers the composition root registered,
 * so controllers take their dependencies through the constructor; a controller with no dependencies (a dialog's
 * form) is made by its no-argument constructor.
 */
public final class ViewFactory {

    public record Loaded<C>(Parent root, C controller) {}

    private final Map<Class<?>, Supplier<?>> controllers;

    public ViewFactory(Map<Class<?>, Supplier<?>> controllers) {
        this.controllers = Map.copyOf(controllers);
    }

    /** Views with dialog forms only (tests of one dialog, the review window on its own). */
    public static ViewFactory forms() {
        return new ViewFactory(Map.of());
    }

    /** This factory plus more controllers (the open production's pages). */
    public ViewFactory with(Map<Class<?>, Supplier<?>> more) {
        Map<Class<?>, Supplier<?>> all = new HashMap<>(controllers);
        all.putAll(more);
        return new ViewFactory(all);
    }

    public <C> Loaded<C> load(View view) {
        FXMLLoader loader = new FXMLLoader(url(view));
        loader.setControllerFactory(this::controller);
        return load(view, loader);
    }

    /** Loads a view whose FXML names no controller class, around a controller the caller made. */
    public <C> Loaded<C> load(View view, C controller) {
        FXMLLoader loader = new FXMLLoader(url(view));
        loader.setController(controller);
        return load(view, loader);
    }

    private static <C> Loaded<C> load(View view, FXMLLoader loader) {
        try {
            Parent root = WholeText.keep(loader.<Parent>load());
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("could not load view " + view.fxml(), e);
        }
    }

    private static URL url(View view) {
        return Objects.requireNonNull(ViewFactory.class.getResource(view.fxml()), "missing view " + view.fxml());
    }

    private Object controller(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier != null) return supplier.get();
        try {
            Constructor<?> plain = type.getDeclaredConstructor();
            plain.setAccessible(true);
            return plain.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no controller registered for " + type.getName() + " and it needs dependencies", e);
        }
    }
}
