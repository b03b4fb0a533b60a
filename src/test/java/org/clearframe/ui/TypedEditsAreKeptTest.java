package org.clearframe.ui;

import org.clearframe.testkit.ProductionBuilder;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clearframe.model.IntExt;
import org.clearframe.model.Shot;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a producer types into a table cell is written to the file however the edit ends, as in a spreadsheet:
 * Enter, a click on another row, or closing the production. Only Escape throws it away.
 */
@ExtendWith(ApplicationExtension.class)
class TypedEditsAreKeptTest {

    @TempDir Path dir;
    private MainController main;
    private Path file;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @BeforeEach
    void twoShots() throws Exception {
        file = dir.resolve("typing.clearframe");
        ProductionBuilder.titled("Typing").scene("1", IntExt.INT, "CANNERY", "NIGHT").shot("1", "First shot").shot("2", "Second shot").write(file);
    }

    @Test
    void clickingAnotherRowKeepsWhatWasTyped(FxRobot robot) throws Exception {
        openShots(robot);
        retype(robot, "First shot", "Roof gives way").clickOn(cell(robot, "Second shot"));
        UiTestSupport.waitUntil(() -> descriptions().get(0).equals("Roof gives way"));
        assertEquals(List.of("Roof gives way", "Second shot"), descriptionsInFile(robot));
    }

    @Test
    void closingTheProductionKeepsWhatWasTyped(FxRobot robot) throws Exception {
        openShots(robot);
        retype(robot, "Second shot", "Harbour at dawn");
        assertEquals(List.of("First shot", "Harbour at dawn"), descriptionsInFile(robot));
    }

    @Test
    void escapeThrowsTheTypingAway(FxRobot robot) throws Exception {
        openShots(robot);
        retype(robot, "First shot", "Not this").type(KeyCode.ESCAPE).clickOn(cell(robot, "Second shot"));
        assertEquals(List.of("First shot", "Second shot"), descriptionsInFile(robot));
    }

    /** Starts editing the cell showing {@code was} and replaces its text, as a person would. */
    private static FxRobot retype(FxRobot robot, String was, String typed) {
        robot.doubleClickOn(cell(robot, was));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        return robot.write(typed);
    }

    /** The shots table's cell showing {@code text} (the shot detail form below shows the same text). */
    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".shots-table .table-cell").match((TableCell<?, ?> c) -> text.equals(c.getText())).query();
    }

    private void openShots(FxRobot robot) {
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(main::showShots);
        // the page's rows are cells only after a layout pass, which a loaded machine may not have run yet
        UiTestSupport.waitUntil(() -> robot.lookup(".shots-table .table-cell")
                .match((TableCell<?, ?> c) -> "First shot".equals(c.getText())).tryQuery().isPresent());
    }

    private List<String> descriptions() {
        return main.session().shots().stream().map(Shot::description).toList();
    }

    private List<String> descriptionsInFile(FxRobot robot) throws Exception {
        robot.interact(main::closeProduction);
        try (ProductionStore s = ProductionStore.openReadOnly(file)) {
            return s.load().shots().stream().map(Shot::description).toList();
        }
    }
}
