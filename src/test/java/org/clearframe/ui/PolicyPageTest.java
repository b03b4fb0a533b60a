package org.clearframe.ui;

import org.clearframe.testkit.ProductionBuilder;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.clearframe.model.AiUse;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Production > Policy on a production planned under 2026.11: the upgrade is offered, previewed, and applied only on confirmation. */
@ExtendWith(ApplicationExtension.class)
class PolicyPageTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    private Path oldProduction() throws Exception {
        Path file = dir.resolve("Old.clearframe");
        Scene scene = new Scene(UUID.randomUUID(), "1", null, "PIER", "NIGHT", "", 8, "", List.of(), false);
        AiUse deage = AiUse.of(Technique.DE_AGING, "Younger keeper", "AgeShift", Output.FINAL);
        return ProductionBuilder.titled("Old").scene(scene)
                .shot(new Shot(UUID.randomUUID(), scene.id(), "1", "Keeper", null, "", "", "", 3, List.of(), "", List.of(deage)))
                .write(file);
    }

    @Test
    void theUpgradeIsPreviewedAndCancelChangesNothing_thenApplied(FxRobot robot) throws Exception {
        UiTestSupport.openAndWait(robot, main, oldProduction());
        robot.interact(main::showPolicy);
        Label note = robot.lookup(".policy-upgrade .label").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("2026.11") && note.getText().contains("2026.12"), note.getText());

        robot.clickOn("Preview Upgrade…");
        DialogPane preview = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String text = ((TextArea) preview.getContent()).getText();
        assertTrue(text.contains("+ PERSON-UNNAMED"), text);
        assertTrue(text.contains("scene 1, shot 1: PERSON-UNNAMED"), "the de-aging names nobody: a new blocking flag\n" + text);
        if (System.getProperty("clearframe.snapshots") != null) {
            Path out = Path.of(System.getProperty("clearframe.snapshots"));
            robot.interact(() -> {
                try {
                    Snapshots.write(preview, out.resolve("policy-upgrade-preview.png"));
                    Snapshots.write(main.window().getScene().getRoot(), out.resolve("policy-page.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        robot.clickOn("Cancel");
        assertEquals("2026.11", main.session().policy().version(), "nothing changes until the producer confirms");

        robot.clickOn("Preview Upgrade…");
        robot.clickOn("Upgrade to 2026.12");
        UiTestSupport.waitUntil(() -> main.session().policy().version().equals("2026.12"));
        assertFalse(robot.lookup(".policy-upgrade").query().isVisible(), "nothing newer to offer");
        assertTrue(main.session().flags(main.session().shots().get(0).id()).stream().anyMatch(f -> f.rule().id().equals("PERSON-UNNAMED")));
    }
}
