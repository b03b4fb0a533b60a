package org.clearframe.ui.importer;

import org.clearframe.ui.ViewFactory;

import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.clearframe.importer.FountainParser;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.model.ProductionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ScriptRevisionDialogTest {

    @TempDir Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void listsAddedChangedAndOmittedScenesAndReturnsTheRevisionOnApply(FxRobot robot) throws Exception {
        ProductionData production = ScriptImport.newProduction(FountainParser.parse("""
                INT. KITCHEN - DAY #1#

                Toast burns.

                EXT. GARDEN - DAY #2#

                Rain.

                INT. ATTIC - NIGHT #3#

                Dust.
                """, Path.of("v1.fountain")), "v1.fountain");
        Path revised = dir.resolve("v2.fountain");
        Files.writeString(revised, """
                INT. KITCHEN - NIGHT #1#

                Toast burns.

                EXT. GARDEN - DAY #2#

                Rain.

                EXT. SHED - DAY #2A#

                GRETA
                Who moved my rake?
                """);
        ScriptRevision revision = ScriptImport.preview(production, revised);

        Dialog<ScriptRevision> dialog = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<ScriptRevision> d = ScriptRevisionDialog.create(ViewFactory.forms(), revision);
            new org.clearframe.ui.FxDialogService(() -> stage).prepare(d);
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("2A EXT. SHED - DAY   1/8"), robot.lookup("#added").<ListView<String>>query().getItems());
        assertEquals(List.of("1 INT. KITCHEN - NIGHT   1/8   \u2014 time of day"), robot.lookup("#changed").<ListView<String>>query().getItems());
        assertEquals(List.of("3 INT. ATTIC - NIGHT   1/8"), robot.lookup("#omitted").<ListView<String>>query().getItems());
        assertTrue(robot.lookup("Added (1)").tryQuery().isPresent());
        assertTrue(robot.lookup("#added").query().getStyleClass().containsAll(List.of("import-list", "added")), "styled by CSS classes");
        assertTrue(robot.lookup("New cast members (performer to be cast): Greta").tryQuery().isPresent());

        robot.clickOn("Apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        assertSame(revision, dialog.getResult());
    }

    @Test
    void nothingToApplyWhenTheScriptMatchesAndCancelReturnsNothing(FxRobot robot) throws Exception {
        String text = "INT. KITCHEN - DAY #1#\n\nToast.\n";
        ProductionData production = ScriptImport.newProduction(FountainParser.parse(text, Path.of("a.fountain")), "a.fountain");
        ScriptRevision same = ScriptImport.preview(production, FountainParser.parse(text, Path.of("a.fountain")), "a.fountain");
        Dialog<ScriptRevision> dialog = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<ScriptRevision> d = ScriptRevisionDialog.create(ViewFactory.forms(), same);
            new org.clearframe.ui.FxDialogService(() -> stage).prepare(d);
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("No changes: the production already matches a.fountain.").tryQuery().isPresent());
        assertTrue(robot.lookup("Apply").<Button>query().isDisabled());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        assertNull(dialog.getResult());
    }
}
