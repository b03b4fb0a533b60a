package org.clearframe.ui.pdf;

import org.clearframe.ui.FxDialogService;
import org.clearframe.ui.ViewFactory;

import com.lowagie.text.pdf.PdfReader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.SampleBreakdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ExportPdfDialogTest {

    @TempDir Path dir;
    private Stage owner;

    private org.clearframe.ui.UiTasks tasks;

    private org.clearframe.ui.DialogService dialogs() {
        return new FxDialogService(() -> owner);
    }

    private org.clearframe.ui.UiTasks tasks() {
        if (tasks == null) tasks = new org.clearframe.ui.UiTasks(dialogs());
        return tasks;
    }

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void exportsToTheChosenFileAndCloses(FxRobot robot) throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path production = Files.writeString(dir.resolve("salt.clearframe"), "stands in for the production file");
        Path out = dir.resolve("salt breakdown.pdf");
        Stage dialog = WaitForAsyncUtils.asyncFx(() -> ExportPdfDialog.show(ViewFactory.forms(), dialogs(), tasks(), sample.data, sample.flags, production)).get();
        robot.interact(() -> robot.lookup("#output").queryAs(TextField.class).setText(out.toString()));

        robot.clickOn("#export");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(out) && !dialog.isShowing());
        PdfReader reader = new PdfReader(Files.readAllBytes(out));
        assertTrue(reader.getNumberOfPages() >= 4);
        reader.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "the PDF and the production; no partial file");
        }
    }

    @Test
    void cancelStopsTheExportAndLeavesNoFile(FxRobot robot) throws Exception {
        // Large enough that the export is still running when Cancel is clicked.
        ProductionData big = SyntheticProduction.generate(8_000, 3);
        Path out = dir.resolve("big.pdf");
        WaitForAsyncUtils.asyncFx(() -> ExportPdfDialog.show(ViewFactory.forms(), dialogs(), tasks(), big, Map.of(), null)).get();
        robot.interact(() -> robot.lookup("#output").queryAs(TextField.class).setText(out.toString()));

        robot.clickOn("#export");
        robot.clickOn("#cancel");

        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, problem::isVisible);
        assertEquals("Export cancelled; nothing was written.", problem.getText());
        assertTrue(robot.lookup("#output").query().isVisible(), "the form is back, to try again");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no PDF and no partial file");
        }
    }

    @Test
    void anUnwritablePathIsExplainedInTheDialog(FxRobot robot) throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("missing folder").resolve("x.pdf");
        Stage dialog = WaitForAsyncUtils.asyncFx(() -> ExportPdfDialog.show(ViewFactory.forms(), dialogs(), tasks(), sample.data, sample.flags, null)).get();
        robot.interact(() -> robot.lookup("#output").queryAs(TextField.class).setText(out.toString()));

        robot.clickOn("#export");

        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, problem::isVisible);
        assertTrue(problem.getText().contains("does not exist"), problem.getText());
        assertTrue(dialog.isShowing());
    }
}
