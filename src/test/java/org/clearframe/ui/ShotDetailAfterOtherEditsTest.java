package org.clearframe.ui;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.clearframe.model.Department;
import org.clearframe.model.Shot;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shot detail pane while other things are edited: an edit of another shot (which makes the table re-select the
 * selected row) and a change to the department list leave the pane on its shot, with what the producer is typing kept,
 * the shot's departments ticked and a new department offered.
 */
@ExtendWith(ApplicationExtension.class)
class ShotDetailAfterOtherEditsTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @Test
    void anotherShotEditedOrADepartmentAdded_thePaneStaysOnItsShotAsTyped(FxRobot robot) throws Exception {
        Path file = dir.resolve("Harbour Lights.clearframe");
        MainController.copySample(file);
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(() -> main.select(Page.SHOTS));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked") TableView<Shot> table = robot.lookup(".shots-table").queryAs(TableView.class);
        Session session = main.session();
        Shot shown = session.shots().stream().filter(s -> s.departmentIds().size() >= 2).findFirst().orElseThrow();
        Shot other = session.shots().stream().filter(s -> !s.id().equals(shown.id())).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(shown));
        WaitForAsyncUtils.waitForFxEvents();
        TextField lens = robot.lookup("#lens").queryAs(TextField.class);
        @SuppressWarnings("unchecked") CheckComboBox<Department> departments = robot.lookup("#departments").queryAs(CheckComboBox.class);
        assertEquals(shown.lens(), lens.getText());

        // typing, not yet committed, while another shot is edited: the text stays
        robot.interact(() -> lens.setText("85mm anamorphic"));
        robot.interact(() -> UiTestSupport.attempt(() -> session.saveShot(other.withLens("21mm"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("21mm", session.shot(other.id()).orElseThrow().lens(), "the other shot was saved");
        assertEquals(shown.id(), table.getSelectionModel().getSelectedItem().id(), "the table is still on the shot");
        assertEquals("85mm anamorphic", lens.getText(), "what the producer was typing is not overwritten");

        // a department added: offered at once, and the shot's own departments still ticked (nothing else written)
        Department added = Department.named("Puppetry", "#884422");
        robot.interact(() -> UiTestSupport.attempt(() -> session.saveDepartment(added)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(departments.getItems().stream().anyMatch(d -> d.id().equals(added.id())), "the new department is offered");
        Set<UUID> ticked = departments.getCheckModel().getCheckedItems().stream().map(Department::id).collect(Collectors.toSet());
        assertEquals(Set.copyOf(shown.departmentIds()), ticked);
        assertEquals(shown.departmentIds(), session.shot(shown.id()).orElseThrow().departmentIds(), "re-ticking wrote nothing");
    }
}
