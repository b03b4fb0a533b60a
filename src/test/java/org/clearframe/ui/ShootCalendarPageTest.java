package org.clearframe.ui;

import javafx.stage.Stage;
import org.clearframe.model.IntExt;
import org.clearframe.model.ShootSchedule;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Production page's shoot calendar: day dates imported from a CSV through the session; a bad CSV changes nothing. */
@ExtendWith(ApplicationExtension.class)
class ShootCalendarPageTest {

    @TempDir Path dir;
    private MainController main;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, dialogs);
    }

    @Test
    void dayDatesAreImportedFromACsvAndABadOneIsRefusedWhole(FxRobot robot) throws Exception {
        Path file = ProductionBuilder.titled("Pier").scene("1", IntExt.EXT, "PIER", "NIGHT").shot("1", "A wave")
                .write(dir.resolve("pier.clearframe"));
        Path good = Files.writeString(dir.resolve("days.csv"), "day,date,off\n1,2027-04-12,\n2,2027-04-13,\n,2027-04-14,off\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "day,date\n1,2027-04-12\n2,not a date\n");
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(() -> main.select(Page.PRODUCTION));

        dialogs.pick(good);
        robot.clickOn("Import Days…");
        UiTestSupport.waitUntil(() -> main.session().schedule().shootDays().size() == 2);
        ShootSchedule imported = onDisk(file);
        assertEquals(Map.of(1, LocalDate.of(2027, 4, 12), 2, LocalDate.of(2027, 4, 13)), imported.shootDays());
        assertTrue(imported.isDayOff(LocalDate.of(2027, 4, 14)));
        assertEquals(2, robot.lookup(".shoot-calendar .table-view").queryAs(javafx.scene.control.TableView.class).getItems().size(),
                "the page lists the days imported");

        // A calendar with a bad row: the producer is told which, and the calendar is as it was (no question to replace it).
        dialogs.pick(bad);
        robot.clickOn("Import Days…");
        UiTestSupport.waitUntil(() -> !dialogs.errors().isEmpty());
        assertTrue(dialogs.errors().get(0).startsWith("error: Could not import bad.csv"), dialogs.errors().toString());
        assertEquals(imported, onDisk(file));

        // Undo takes the whole import back in one step.
        robot.interact(main::undo);
        assertTrue(onDisk(file).shootDays().isEmpty());
    }

    private static ShootSchedule onDisk(Path file) throws Exception {
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            return reader.schedule().schedule();
        }
    }
}
