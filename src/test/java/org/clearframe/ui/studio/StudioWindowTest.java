package org.clearframe.ui.studio;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.clearframe.model.Tristate;
import org.clearframe.ui.ViewFactory;
import org.clearframe.register.Publishing;
import org.clearframe.register.StudioReport;
import org.clearframe.register.TestRegister;
import org.clearframe.testkit.RegisterProductions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Studio window against a real register: type the address, Refresh, and the report's productions and findings show. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {

    @TempDir Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void refreshShowsEveryProductionAndTheCrossProductionFindings(FxRobot robot) throws Exception {
        TestRegister reg = TestRegister.fresh();
        String alice = reg.role("alice", "clearframe_producer"), bob = reg.role("bob", "clearframe_producer");
        String studio = reg.role("sam", "clearframe_studio");
        Publishing.publish(RegisterProductions.write(dir.resolve("a.clearframe"),
                RegisterProductions.of("Tidewater", LocalDate.now(), "Mara Lind", "CloudGen", Tristate.NO)), reg.url(alice));
        Publishing.publish(RegisterProductions.write(dir.resolve("b.clearframe"),
                RegisterProductions.of("Northern Line", null, "Mara Lind", "FrameForge", Tristate.YES)), reg.url(bob));

        List<String> remembered = new ArrayList<>();
        StudioViewModel model = new StudioViewModel(Executors.newSingleThreadExecutor(), javafx.application.Platform::runLater, "",
                remembered::add);
        robot.interact(() -> {
            stage.setScene(new Scene(StudioRegister.load(ViewFactory.forms(), model)));
            stage.show();
        });
        robot.clickOn("#address").write(reg.url(studio));
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.productions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<StudioReport.Line> table = robot.lookup("#productions").queryTableView();
        assertEquals(List.of("Northern Line", "Tidewater").stream().sorted().toList(),
                table.getItems().stream().map(StudioReport.Line::title).sorted().toList());
        String findings = robot.lookup("#findings").queryAs(TextArea.class).getText();
        assertTrue(findings.contains("Same person in 2 productions") && findings.contains("Mara Lind"), findings);
        assertTrue(findings.contains("Vendor may train on uploads: FrameForge"), findings);
        assertEquals(List.of(reg.url(studio)), remembered, "an address that worked is remembered");

        robot.interact(() -> model.addressProperty().set("postgresql://nobody@127.0.0.1:1/none"));
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.statusProperty().get().contains("Cannot reach"));
        assertEquals(1, remembered.size(), "an address that failed is not remembered");
    }
}
