package org.clearframe.ui;

import org.clearframe.testkit.ProductionBuilder;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.*;

/** Drives the real FXML views the way a producer would, against real production files on disk. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @Test
    void aProductionBuiltInTheViewsIsAllThereAfterReopening(FxRobot robot) throws Exception {
        Path file = dir.resolve("Lighthouse.clearframe");
        // The navigator is in the window only while a production is open (the welcome window starts without it).
        assertTrue(robot.lookup(".navigator").tryQuery().isEmpty(), "no navigator on the welcome page");
        robot.interact(() -> main.createProduction(file));
        UiTestSupport.waitUntil(() -> main.session() != null);
        assertTrue(robot.lookup(".navigator").queryAs(javafx.scene.control.ListView.class).isVisible());
        assertEquals("Lighthouse.clearframe — Clearframe", ((Stage) robot.window(0)).getTitle());

        // A department, named in the table.
        robot.interact(main::showDepartments);
        robot.clickOn("Add Department");
        robot.write("Drone Unit").type(KeyCode.ENTER);
        UiTestSupport.waitUntil(() -> main.session().departments().stream().anyMatch(d -> d.name().equals("Drone Unit")));

        // A scene, through the scene dialog; OK stays disabled until the set is named.
        robot.interact(main::showScenes);
        robot.clickOn("Add Scene");
        DialogPane sceneDialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(sceneDialog.lookupButton(javafx.scene.control.ButtonType.OK).isDisabled(), "a scene needs a set");
        robot.clickOn(robot.from(sceneDialog).lookup("#set").queryAs(TextField.class)).write("LIGHTHOUSE GALLERY");
        robot.clickOn(robot.from(sceneDialog).lookup("#pages").queryAs(TextField.class)).write("1 3/8");
        robot.clickOn("OK");
        UiTestSupport.waitUntil(() -> main.session().scenes().size() == 1);

        // Two shots; the second gets an AI use through the AI use dialog.
        robot.interact(main::showShots);
        robot.clickOn("Add Shot");
        robot.clickOn("Add Shot");
        UiTestSupport.waitUntil(() -> main.session().shots().size() == 2);
        robot.clickOn("#description").write("Keeper climbs into the storm");
        robot.clickOn("#lens").write("35mm").type(KeyCode.ENTER);
        robot.clickOn("Add…");
        DialogPane useDialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> robot.from(useDialog).lookup("#technique").queryAs(ComboBox.class).getSelectionModel().select(Technique.DESTRUCTION_SIMULATION));
        robot.clickOn(robot.from(useDialog).lookup("#purpose").queryAs(TextField.class)).write("Lantern room shatters");
        robot.clickOn(robot.from(useDialog).lookup("#tool").queryAs(TextField.class)).write("SimVendor");
        robot.clickOn("OK");
        UiTestSupport.waitUntil(() -> main.session().shots().stream().anyMatch(Shot::hasAiUse));

        robot.interact(main::closeProduction);
        assertNull(main.session());
        assertTrue(robot.lookup("Open Sample Production").tryQuery().isPresent(), "closing returns to the welcome page");
        assertTrue(robot.lookup(".navigator").tryQuery().isEmpty(), "closing takes the navigator away");
        // The welcome page lists it; its full path shows as a tooltip, set up when the pointer first reaches it.
        javafx.scene.control.Hyperlink recent = robot.lookup(".recent-link").queryAs(javafx.scene.control.Hyperlink.class);
        assertEquals("Lighthouse.clearframe", recent.getText());
        assertNull(recent.getProperties().get("javafx.scene.control.Tooltip"));
        robot.moveTo(recent);
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) recent.getProperties().get("javafx.scene.control.Tooltip");
        assertEquals(file.toAbsolutePath().normalize().toString(), tip.getText());

        UiTestSupport.openAndWait(robot, main, file);
        ProductionData reopened = main.session().snapshot();
        assertTrue(reopened.departments().stream().map(Department::name).anyMatch("Drone Unit"::equals));
        Scene scene = reopened.scenes().get(0);
        assertEquals("LIGHTHOUSE GALLERY", scene.set());
        assertEquals(11, scene.eighths());
        assertEquals(2, reopened.shots().size());
        Shot second = reopened.shots().get(1);
        assertEquals("2", second.number());
        assertEquals("Keeper climbs into the storm", second.description());
        assertEquals("35mm", second.lens());
        AiUse use = second.aiUses().get(0);
        assertEquals(Technique.DESTRUCTION_SIMULATION, use.technique());
        assertEquals("Lantern room shatters", use.purpose());
        assertEquals("SimVendor", use.tool());
        assertTrue(robot.lookup(".due-tree").tryQuery().isPresent(), "a production with scenes opens on the Due page");
        robot.interact(() -> main.select(Page.SHOTS));
        TableView<?> shots = robot.lookup(".shots-table").queryAs(TableView.class);
        assertEquals(2, shots.getItems().size(), "the shots table shows the reopened shots");
    }

    @Test
    void aForeignFileIsRefusedWithADialogAndLeftUntouched(FxRobot robot) throws Exception {
        Path foreign = dir.resolve("accounts.clearframe");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ledger(id INTEGER)");
        }
        assertRefusedInTheUi(robot, foreign, "another program");
    }

    @Test
    void aFileFromANewerVersionIsRefusedWithADialogAndLeftUntouched(FxRobot robot) throws Exception {
        Path newer = dir.resolve("future.clearframe");
        ProductionStore.create(newer, org.clearframe.model.Production.titled("Future")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertRefusedInTheUi(robot, newer, "newer Clearframe");
    }

    @Test
    void deletingAShotAsksFirstAndUndoBringsItBack(FxRobot robot) throws Exception {
        Path file = dir.resolve("undo.clearframe");
        // The sign-off is recorded as the app records one: attested by the producer's key, so it counts.
        ProductionBuilder.titled("Undo").scene("1", org.clearframe.model.IntExt.INT, "ROOM", "DAY").shot("1", "Only shot")
                .staleSignOff("R", org.clearframe.model.Role.VFX_SUPERVISOR, "Sam", org.clearframe.model.Decision.APPROVED)
                .write(file);
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(main::showShots);
        robot.clickOn("Only shot");
        robot.clickOn("#deleteButton");
        robot.clickOn("Cancel");
        assertEquals(1, main.session().shots().size(), "cancel keeps the shot");
        robot.clickOn("#deleteButton");
        robot.clickOn("Delete Shot");
        UiTestSupport.waitUntil(() -> main.session().shots().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        UiTestSupport.waitUntil(() -> main.session().shots().size() == 1);
        assertEquals(1, main.session().signOffs().size(), "undo brings the shot's sign-off back with it");
        try (ProductionStore s = ProductionStore.openReadOnly(file)) {
            // readers work while the window holds the file, and see what it has committed
            assertEquals("Only shot", s.load().shots().get(0).description(), "undo wrote the shot back to the file");
        }
        assertEquals(org.clearframe.store.ProjectFileException.Problem.LOCKED,
                assertThrows(org.clearframe.store.ProjectFileException.class, () -> ProductionStore.open(file)).problem(),
                "a second writer is refused while the window holds the file");
        robot.interact(main::closeProduction);
        try (ProductionStore s = ProductionStore.openReadOnly(file)) {
            assertEquals("Only shot", s.load().shots().get(0).description(), "undo wrote the shot back to the file");
            assertEquals(1, s.load().signOffs().size(), "the sign-off survived the delete once, not twice");
        }
    }

    @Test
    void aProductionHeldByAnotherWindowIsRefusedAtOpen(FxRobot robot) throws Exception {
        Path file = dir.resolve("held.clearframe");
        try (ProductionStore holder = ProductionStore.create(file, org.clearframe.model.Production.titled("Held"))) {
            holder.flush();
            assertRefusedInTheUi(robot, file, "open in another Clearframe window or program");
            assertNull(main.session(), "nothing was shown as editable");
        }
    }

    private void assertRefusedInTheUi(FxRobot robot, Path file, String reason) throws Exception {
        byte[] before = Files.readAllBytes(file);
        robot.interact(() -> main.openFile(file));
        UiTestSupport.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains(reason), dialog.getContentText());
        robot.clickOn((Button) dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        assertNull(main.session());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file is byte-for-byte unchanged");
    }
}
