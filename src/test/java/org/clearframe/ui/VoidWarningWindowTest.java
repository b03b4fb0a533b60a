package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/**
 * In the real window: editing a signed shot's description asks first, once, naming the sign-offs it voids; after a yes
 * the shot detail shows each stale sign-off's change list, and Undo puts the signed plan back.
 */
@ExtendWith(ApplicationExtension.class)
class VoidWarningWindowTest {

    @TempDir Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainController main;
    private Path file;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, dialogs);
    }

    @BeforeEach
    void aSignedShot() throws Exception {
        file = dir.resolve("signed.clearframe");
        ProductionBuilder.titled("Harbour").scene("1", IntExt.EXT, "CANNERY", "NIGHT")
                .shot("1", "The roof gives way", use(Technique.GENERATIVE_VFX).purpose("Roof collapse").tool("VendorX").fin())
                .signOff("VFX-GEN-FINAL", Role.VFX_SUPERVISOR, "Dana Reyes", Decision.APPROVED)
                .signOff("VFX-GEN-FINAL", Role.STUDIO_AI_CONTACT, "Priya Shah", Decision.APPROVED)
                .write(file);
    }

    @Test
    void editingTheSignedPlanAsksOnceThenShowsWhatChanged(FxRobot robot) throws Exception {
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(main::showShots);
        UiTestSupport.waitUntil(() -> !robot.lookup(".stale-changes").tryQuery().isPresent()
                && robot.lookup("#description").tryQuery().isPresent());
        assertEquals(0, robot.lookup(".stale-changes").queryAll().size(), "nothing stale before the edit");

        dialogs.answer(true);
        TextArea description = robot.lookup("#description").queryAs(TextArea.class);
        robot.clickOn(description);
        robot.interact(() -> description.setText("The roof and the chimney give way"));
        robot.clickOn("#lens"); // leaving the field commits it
        UiTestSupport.waitUntil(() -> !robot.lookup(".stale-changes").queryAll().isEmpty());

        List<String> asked = dialogs.shown.stream().filter(s -> s.startsWith("confirm:")).toList();
        assertEquals(List.of("confirm: This change voids 2 sign-offs: VFX supervisor (Dana Reyes), Studio AI contact (Priya Shah)"), asked);
        List<String> changes = robot.lookup(".stale-changes").queryAll().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(2, changes.size());
        assertTrue(changes.stream().allMatch(t -> t.equals(
                "Changed since signed: Description: \"The roof gives way\" -> \"The roof and the chimney give way\"")), changes.toString());
        assertEquals("Edit shot 1", main.session().undoNameProperty().get(), "Undo is still there");

        robot.interact(() -> UiTestSupport.attempt(() -> main.session().undo()));
        UiTestSupport.waitUntil(() -> robot.lookup(".stale-changes").queryAll().isEmpty());
        robot.interact(main::closeProduction);
        try (ProductionStore s = ProductionStore.openReadOnly(file)) {
            assertEquals(List.of("The roof gives way"), s.load().shots().stream().map(Shot::description).toList());
        }
    }
}
