package org.clearframe.ui.review;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SharePackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Review mode: a department head opens a share package, reads the flags that need their role, records
 * decisions and returns a signed reply. Entry point for the "Open Review Package..." menu item.
 */
public final class ReviewWindow {

    private final Stage stage;
    private final ReviewController controller;

    private ReviewWindow(Stage stage, ReviewController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /** Opens {@code packageFile} in a new review window owned by {@code owner} (may be null), signing with the user's key. */
    public static ReviewWindow show(Window owner, Path packageFile) throws ExchangeException {
        return show(owner, SharePackage.read(packageFile), KeyRing.forUser());
    }

    public static ReviewWindow show(Window owner, SharePackage pkg, KeyRing keys) {
        ReviewWindow window = create(owner, pkg, keys);
        window.stage.show();
        return window;
    }

    static ReviewWindow create(Window owner, SharePackage pkg, KeyRing keys) {
        FXMLLoader loader = new FXMLLoader(ReviewWindow.class.getResource("/org/clearframe/ui/review/ReviewWindow.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("ReviewWindow.fxml is missing or broken in this build", e);
        }
        ReviewController controller = loader.getController();
        ReviewModel model = new ReviewModel(pkg);
        controller.init(model, keys);
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Review: " + model.title());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(org.clearframe.ui.Styles.STYLESHEET);
        stage.setScene(scene);
        return new ReviewWindow(stage, controller);
    }

    public Stage stage() {
        return stage;
    }

    ReviewController controller() {
        return controller;
    }
}
