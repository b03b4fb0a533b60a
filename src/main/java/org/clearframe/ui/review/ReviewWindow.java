package org.clearframe.ui.review;

import javafx.stage.Stage;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.ProducerTrust;
import org.clearframe.exchange.SharePackage;

import org.clearframe.ui.DialogService;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;

import java.nio.file.Path;
import java.util.Map;

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
    public static ReviewWindow show(ViewFactory views, DialogService dialogs, Path packageFile) throws ExchangeException {
        return show(views, dialogs, packageFile, ProducerTrust.forUser(), KeyRing.forUser());
    }

    static ReviewWindow show(ViewFactory views, DialogService dialogs, Path packageFile, ProducerTrust producers, KeyRing keys)
            throws ExchangeException {
        SharePackage pkg = SharePackage.read(packageFile);
        String line;
        try {
            line = producers.vet(pkg, false);
        } catch (ExchangeException e) {
            if (e.problem() != ExchangeException.Problem.KEY_CHANGED || !dialogs.confirmWarning(
                    "This package is signed with a key Clearframe does not know for its producer", e.getMessage(), "Re-pin Their Key...")) throw e;
            line = producers.vet(pkg, true);
        }
        producers.accept(pkg);
        ReviewWindow window = create(views, dialogs, pkg, keys);
        window.controller.showProducer(line, !pkg.sealed());
        window.stage.show();
        return window;
    }

    public static ReviewWindow show(ViewFactory views, DialogService dialogs, SharePackage pkg, KeyRing keys) {
        ReviewWindow window = create(views, dialogs, pkg, keys);
        window.stage.show();
        return window;
    }

    static ReviewWindow create(ViewFactory views, DialogService dialogs, SharePackage pkg, KeyRing keys) {
        ViewFactory.Loaded<ReviewController> view = views.with(Map.of(ReviewController.class, () -> new ReviewController(dialogs)))
                .load(View.REVIEW_WINDOW);
        ReviewModel model = new ReviewModel(pkg);
        view.controller().init(model, keys);
        Stage stage = dialogs.openWindow("Review: " + model.title(), view.root(), false);
        return new ReviewWindow(stage, view.controller());
    }

    public Stage stage() {
        return stage;
    }

    ReviewController controller() {
        return controller;
    }
}
