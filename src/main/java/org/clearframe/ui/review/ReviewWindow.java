package org.clearframe.ui.review;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.ProducerTrust;
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

    /**
     * Opens {@code packageFile} in a new review window owned by {@code owner} (may be null), signing with the user's
     * key. A package that is altered, or signed by another key than the one pinned for its production, is refused;
     * the head can re-pin the producer's key only by choosing to, after a warning.
     */
    public static ReviewWindow show(Window owner, Path packageFile) throws ExchangeException {
        return show(owner, packageFile, ProducerTrust.forUser(), KeyRing.forUser());
    }

    static ReviewWindow show(Window owner, Path packageFile, ProducerTrust producers, KeyRing keys) throws ExchangeException {
        SharePackage pkg = SharePackage.read(packageFile);
        String line;
        try {
            line = producers.vet(pkg, false);
        } catch (ExchangeException e) {
            if (e.problem() != ExchangeException.Problem.KEY_CHANGED || !confirmRepin(owner, e)) throw e;
            line = producers.vet(pkg, true);
        }
        producers.accept(pkg);
        ReviewWindow window = create(owner, pkg, keys);
        window.controller.showProducer(line, !pkg.sealed());
        window.stage.show();
        return window;
    }

    /** The loud warning for a production's new producer key. True only if the head explicitly chose to re-pin. */
    static boolean confirmRepin(Window owner, ExchangeException keyChanged) {
        javafx.scene.control.ButtonType repin = new javafx.scene.control.ButtonType("Re-pin Their Key...", javafx.scene.control.ButtonBar.ButtonData.OTHER);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, keyChanged.getMessage(),
                repin, javafx.scene.control.ButtonType.CANCEL);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Open Review Package");
        alert.setHeaderText("This package is signed with a key Clearframe does not know for its producer");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == repin).isPresent();
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
