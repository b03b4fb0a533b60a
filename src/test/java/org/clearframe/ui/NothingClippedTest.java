package org.clearframe.ui;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ShotListImport;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every page and every dialog at the window's minimum size and at 1280x800, with the sample production open: no
 * label, button, menu, chip or rule id is cut short, and nothing lies outside its window. Dialogs are shown through
 * the real {@link FxDialogService} (placed and sized as a person would see them), looked at, and closed.
 */
@ExtendWith(ApplicationExtension.class)
class NothingClippedTest {

    @TempDir Path dir;
    private Stage stage;
    private MainController main;
    private Composition app;
    private String where = "";
    private final List<String> problems = new ArrayList<>();
    private final List<String> dialogsSeen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new Composition(new FxDialogService(() -> stage, this::lookAndClose), UiTestSupport.recentFilesOfATest());
        ViewFactory.Loaded<MainController> loaded = app.mainWindow();
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setMinWidth(ClearframeApp.MIN_WIDTH);
        stage.setMinHeight(ClearframeApp.MIN_HEIGHT);
        stage.show();
        main = loaded.controller();
    }

    /** Shown instead of waiting for a person: the dialog is placed as the service places it, checked, and closed. */
    private Optional<?> lookAndClose(Dialog<?> dialog) {
        dialog.show();
        Scene scene = dialog.getDialogPane().getScene();
        dialogsSeen.add(dialog.getTitle());
        Window window = scene.getWindow();
        Window owner = dialog.getOwner();
        String name = where + " dialog \"" + dialog.getTitle() + "\"";
        for (String p : LayoutCheck.problems(scene)) problems.add(name + ": " + p);
        // at its preferred size: the content is not squeezed below what it asks for
        var pane = dialog.getDialogPane();
        if (pane.getHeight() + 1 < Math.min(pane.prefHeight(pane.getWidth()), 800)) problems.add(name + ": squeezed to " + pane.getHeight() + " px high");
        if (owner != null) {
            double centre = window.getX() + window.getWidth() / 2, ownerCentre = owner.getX() + owner.getWidth() / 2;
            if (Math.abs(centre - ownerCentre) > 2 && window.getWidth() < owner.getWidth()) problems.add(name + ": not centred on its owner");
        }
        dialog.close();
        if (window.isShowing()) window.hide();
        return Optional.empty();
    }

    @Test
    void everyPageAndDialogShowsItsTextWholeAtTheMinimumSizeAndAt1280x800(FxRobot robot) throws Exception {
        Path file = dir.resolve("Harbour Lights.clearframe");
        MainController.copySample(file);
        Path script = dir.resolve("revised.fountain");
        Files.writeString(script, """
                Title: Harbour Lights

                INT. LIGHTHOUSE GALLERY - NIGHT

                The keeper climbs into the storm.

                EXT. QUAYSIDE - DAWN

                MARA waits by the boats.
                """);
        Path csv = dir.resolve("shots.csv");
        Files.writeString(csv, "Scene,Shot,Description,Size\n1,1,Wide of the harbour at dusk,WS\n1,2,Mara turns to the light,CU\n");

        checkAt(ClearframeApp.MIN_WIDTH, ClearframeApp.MIN_HEIGHT, robot, null, script, csv);
        robot.interact(() -> main.about());
        UiTestSupport.openAndWait(robot, main, file);
        checkAt(ClearframeApp.MIN_WIDTH, ClearframeApp.MIN_HEIGHT, robot, file, script, csv);
        checkAt(1280, 800, robot, file, script, csv);

        assertTrue(dialogsSeen.containsAll(List.of("Clearframe", "Add Scene", "Add AI Use", "Record Sign-off", "New Production",
                "Keyboard Shortcuts", "Clearframe User Guide")), dialogsSeen.toString());
        Files.writeString(Path.of("target", "layout-problems.txt"), String.join("\n", problems));
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** The shot detail's Departments list opens as wide as its longest department name (it was 50 px). */
    private void dropDownIsAsWideAsItsLongestItem(FxRobot robot) {
        @SuppressWarnings("unchecked")
        var box = (org.controlsfx.control.CheckComboBox<org.clearframe.model.Department>) robot.lookup("#departments").query();
        robot.interact(box::show);
        WaitForAsyncUtils.waitForFxEvents();
        double widest = box.getItems().stream().mapToDouble(d -> WholeText.textWidth(d.name())).max().orElseThrow();
        javafx.scene.control.ListView<?> list = robot.lookup(".combo-box-popup .list-view").queryAs(javafx.scene.control.ListView.class);
        double shown = list.getWidth();
        robot.interact(box::hide);
        if (shown < widest + 30) problems.add(where + " Shots: the Departments list opens " + shown + " px wide for items up to " + widest + " px");
    }

    private void checkAt(double width, double height, FxRobot robot, Path file, Path script, Path csv) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        where = (int) width + "x" + (int) height;
        if (file == null) {
            robot.interact(() -> problems.addAll(LayoutCheck.problems(stage.getScene()).stream().map(p -> where + " Welcome: " + p).toList()));
            return;
        }
        Session session = main.session();
        for (Page page : Page.values()) {
            robot.interact(() -> main.select(page));
            if (page == Page.SHOTS) {
                Shot flagged = session.shots().stream().filter(s -> !session.flags(s.id()).isEmpty()).findFirst().orElseThrow();
                robot.interact(() -> main.revealShot(flagged.id()));
                WaitForAsyncUtils.waitForFxEvents();
                dropDownIsAsWideAsItsLongestItem(robot);
            }
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> problems.addAll(LayoutCheck.problems(stage.getScene(), "rule-id-cell").stream()
                    .map(p -> where + " " + page.title + ": " + p).toList()));
        }
        // Each form and preview, through the app's own dialog service.
        DialogService dialogs = app.dialogs();
        ViewFactory views = app.views();
        Shot flagged = session.shots().stream().filter(s -> !session.flags(s.id()).isEmpty()).findFirst().orElseThrow();
        Flag flag = session.flags(flagged.id()).get(0);
        robot.interact(() -> {
            NewProductionDialog.ask(dialogs);
            main.showShortcuts();
            main.showUserGuide();
            dialogs.showInfo("A message", "Something the producer should know, in a sentence or two.");
            dialogs.confirm("Delete 3 shots?", "Their AI uses and sign-offs go with them. Undo brings them back.", "Delete");
            SceneDialog.show(views, dialogs, session, null, "12");
            SceneDialog.show(views, dialogs, session, session.scenes().get(0), null);
            AiUseDialog.show(views, dialogs, session, null);
            AiUseDialog.show(views, dialogs, session, flag.aiUse());
            SignOffDialog.show(views, dialogs, session, flagged, flag, flag.signatures().get(0));
            ConsentDialog.show(dialogs, session, null);
            if (!session.cast().isEmpty()) ScanDialog.show(dialogs, session.cast().get(0), null);
            UiTestSupport.attempt(() -> dialogs.show(org.clearframe.ui.importer.ScriptRevisionDialog.create(views,
                    ScriptImport.preview(session.snapshot(), script))));
            UiTestSupport.attempt(() -> dialogs.show(org.clearframe.ui.importer.ColumnMappingDialog.create(views, ShotListImport.read(csv))));
        });
        // Windows of their own: checked once shown, then closed.
        robot.interact(() -> {
            main.exportPdf();
            main.showStudioRegister();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w == stage || w.getScene() == null) continue;
                String name = where + " window \"" + (w instanceof Stage s ? s.getTitle() : "") + "\"";
                dialogsSeen.add(name);
                for (String p : LayoutCheck.problems(w.getScene())) problems.add(name + ": " + p);
                w.hide();
            }
        });
    }
}
