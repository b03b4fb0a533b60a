package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.clearframe.rules.Policy;
import org.clearframe.rules.ShotStatus;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A stored policy that does not read: the main window says so in a banner and shows no shot as clear. */
@ExtendWith(ApplicationExtension.class)
class PolicyBannerTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @Test
    void anUnreadableStoredPolicyShowsABannerAndNothingClear(FxRobot robot) throws Exception {
        Path file = dir.resolve("harbour.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        try (ProductionStore store = ProductionStore.open(file)) {
            store.setPolicy("studio.json", Policy.defaultPolicyJson().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": \"BLOKING\""));
        }
        UiTestSupport.openAndWait(robot, main, file);

        Label banner = robot.lookup(".policy-banner").queryAs(Label.class);
        assertTrue(banner.isVisible(), "the banner shows");
        assertTrue(banner.getText().contains("BLOKING"), banner.getText());
        Session session = main.session();
        assertTrue(session.shots().stream().filter(s -> s.hasAiUse()).allMatch(s -> session.status(s) == ShotStatus.NEEDS_SIGNOFF),
                "no shot with AI use is shown as clear while the policy cannot be read");

        // Going back to the built-in policy is an explicit choice, and it lifts the banner.
        robot.interact(() -> {
            try {
                session.setPolicy(null, null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        UiTestSupport.waitUntil(() -> !banner.isVisible());
        assertEquals("", session.policyProblem());
    }
}
