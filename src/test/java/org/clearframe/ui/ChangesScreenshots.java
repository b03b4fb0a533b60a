package org.clearframe.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;
import org.clearframe.ui.review.ReviewWindow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshots of issue 15's changes (a stale sign-off with its change list, a bulk edit in Shots,
 * the review window's bulk approve) from the real window on a real display: run under Xvfb with a window manager,
 * with {@code -Dclearframe.config} set to a scratch folder. Not a test; {@code import} (ImageMagick) grabs the screen.
 */
public final class ChangesScreenshots {

    private static Path out;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "assets/screenshots").toAbsolutePath();
        Application.launch(Window.class, args);
    }

    /** The app itself; a main class that is an Application is refused when JavaFX is on the class path. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            ChangesScreenshots.start(stage);
        }
    }

    private static void start(Stage stage) throws Exception {
        Path file = Files.createTempDirectory("cf-shots").resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file, StandardCopyOption.REPLACE_EXISTING);
        DialogService dialogs = new FxDialogService(() -> stage);
        Composition app = new Composition(dialogs, new RecentFiles(Files.createTempDirectory("cf-recent")));
        ViewFactory.Loaded<MainController> loaded = app.mainWindow();
        javafx.scene.Scene scene = new javafx.scene.Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Clearframe");
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.setWidth(1280); // without this the window manager may open it at 200x200
        stage.setHeight(830);
        MainController main = loaded.controller();
        main.openFile(file);
        new Thread(() -> run(main, stage, app, dialogs), "screenshots").start();
    }

    private static void run(MainController main, Stage stage, Composition app, DialogService dialogs) {
        try {
            waitFor(() -> main.session() != null);
            Session session = main.session();
            // A signed flashback shot whose plan then changes: its sign-offs go stale and say what changed.
            Shot shot = fx(() -> session.shots().stream().filter(s -> s.aiUses().stream().anyMatch(u -> u.technique().name().equals("DE_AGING")))
                    .findFirst().orElseThrow());
            fx(() -> {
                for (Flag flag : session.flags(shot.id())) {
                    for (RequiredSignature sig : flag.signatures()) {
                        String who = sig.subjectName().isBlank() ? switch (sig.role()) {
                            case DIRECTOR -> "Mira Okafor";
                            case VFX_SUPERVISOR -> "Dana Reyes";
                            case STUDIO_AI_CONTACT -> "Priya Shah";
                            default -> "Sam Lee";
                        } : sig.subjectName();
                        session.addSignOff(SignOffs.sign(shot, flag, sig, who, Decision.APPROVED, ""));
                    }
                }
                Shot now = session.shots().stream().filter(s -> s.id().equals(shot.id())).findFirst().orElseThrow();
                AiUse u = now.aiUses().get(0);
                Set<Material> uploads = EnumSet.noneOf(Material.class);
                uploads.addAll(u.uploads());
                uploads.add(Material.LIKENESS_OR_VOICE);
                AiUse changed = new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output() == Output.FINAL ? Output.TEMPORARY : Output.FINAL,
                        u.performerIds(), u.departmentIds(), uploads, u.vendorTrains(), u.factors(), u.notes(), u.frameSharePercent());
                session.saveShot(now.withAiUses(List.of(changed)));
                main.revealShot(shot.id());
                return null;
            });
            Thread.sleep(1500);
            fx(() -> {
                ScrollPane detail = (ScrollPane) stage.getScene().lookup(".detail-scroll");
                Node stale = stage.getScene().lookup(".stale-changes");
                if (detail != null && stale != null) {
                    double y = stale.localToScene(0, 0).getY() - detail.getContent().localToScene(0, 0).getY();
                    double range = detail.getContent().getBoundsInLocal().getHeight() - detail.getViewportBounds().getHeight();
                    detail.setVvalue(Math.max(0, Math.min(1, (y - 220) / Math.max(1, range))));
                }
                return null;
            });
            Thread.sleep(800);
            grab("stale-sign-off-changes.png");

            fx(() -> {
                main.showSignOffs();
                return null;
            });
            Thread.sleep(1200);
            grab("sign-offs-changes.png");

            // A bulk edit: several shots selected and the Selected Shots menu open.
            fx(() -> {
                main.showShots();
                return null;
            });
            Thread.sleep(800);
            fx(() -> {
                @SuppressWarnings("unchecked")
                TableView<Shot> table = (TableView<Shot>) stage.getScene().lookup(".shots-table");
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().selectRange(2, 6);
                ((MenuButton) stage.getScene().lookup("#bulkButton")).show();
                return null;
            });
            Thread.sleep(1200);
            grab("bulk-edit.png");
            fx(() -> {
                ((MenuButton) stage.getScene().lookup("#bulkButton")).hide();
                return null;
            });

            // The review window: a VFX head approves every row with one note.
            ProductionData data = fx(session::snapshot);
            SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX"));
            Stage review = fx(() -> {
                ReviewWindow w = ReviewWindow.show(app.views(), dialogs, pkg, KeyRing.forUser());
                w.stage().setX(60);
                w.stage().setY(40);
                return w.stage();
            });
            Thread.sleep(1200);
            fx(() -> {
                ((TextField) review.getScene().lookup("#bulkNote")).setText("Approved as planned; final look to me before delivery");
                ((Button) review.getScene().lookup("#approveAll")).fire();
                ((TextField) review.getScene().lookup("#signer")).setText("Dana Reyes");
                @SuppressWarnings("unchecked")
                TableView<Object> rows = (TableView<Object>) review.getScene().lookup("#table");
                rows.getSelectionModel().clearAndSelect(rows.getItems().size() - 1); // the stale row: what changed is not known
                return null;
            });
            Thread.sleep(1200);
            grab("review-bulk-approve.png");
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static void grab(String name) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name).toString()).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface FxWork<T> {
        T run() throws Exception;
    }

    private static <T> T fx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300 && !fx(condition::getAsBoolean); i++) Thread.sleep(100);
    }
}
