package org.clearframe.ui;

import javafx.stage.Stage;
import org.clearframe.model.Format;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** File > New asks what the production is (title, format, empty or from the sample) before where to save it. */
@ExtendWith(ApplicationExtension.class)
class NewProductionTest {

    @TempDir Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, dialogs);
    }

    @Test
    void theTitleAndFormatComeFirstAndNameTheFile(FxRobot robot) throws Exception {
        dialogs.answerDialog(d -> Optional.of(new NewProductionDialog.Plan("Tidewater: Part 2", Format.SHORT, false)))
                .pick(dir.resolve("Tidewater Part 2.clearframe"));
        robot.interact(main::newProduction);
        UiTestSupport.waitUntil(() -> main.session() != null);

        assertEquals(List.of("dialog: New Production"), dialogs.shown, "the questions come before the file chooser");
        assertEquals(List.of(Path.of("Tidewater Part 2.clearframe")), dialogs.suggestedNames,
                "the file is named after the title, without characters a file system refuses");
        assertEquals("Tidewater: Part 2", main.session().productionProperty().get().title());
        assertEquals(Format.SHORT, main.session().productionProperty().get().format());
        assertTrue(main.session().shots().isEmpty());
        robot.interact(main::closeProduction);
        try (ProductionStore store = ProductionStore.openReadOnly(dir.resolve("Tidewater Part 2.clearframe"))) {
            assertEquals("Tidewater: Part 2", store.load().production().title(), "kept in the file");
        }
    }

    @Test
    void theSampleCanBeTheTemplate(FxRobot robot) {
        dialogs.answerDialog(d -> Optional.of(new NewProductionDialog.Plan("Harbour Nights", Format.SERIES_EPISODE, true)))
                .pick(dir.resolve("Harbour Nights.clearframe"));
        robot.interact(main::newProduction);
        UiTestSupport.waitUntil(() -> main.session() != null);
        assertEquals("Harbour Nights", main.session().productionProperty().get().title());
        assertEquals(Format.SERIES_EPISODE, main.session().productionProperty().get().format());
        assertFalse(main.session().shots().isEmpty(), "the sample's shots are there to start from");
    }

    @Test
    void cancellingTheQuestionsAsksForNoFile(FxRobot robot) {
        dialogs.answerDialog(d -> Optional.empty());
        robot.interact(main::newProduction);
        assertTrue(dialogs.fileRequests.isEmpty());
        assertNull(main.session());
    }

    @Test
    void aTitleMakesAFileName() {
        assertEquals("A B C.clearframe", new NewProductionDialog.Plan("A/B:C", Format.FEATURE, false).fileName());
        assertEquals("Untitled.clearframe", new NewProductionDialog.Plan("  ", Format.FEATURE, false).fileName());
        assertEquals("hidden.clearframe", new NewProductionDialog.Plan(".hidden", Format.FEATURE, false).fileName());
    }
}
