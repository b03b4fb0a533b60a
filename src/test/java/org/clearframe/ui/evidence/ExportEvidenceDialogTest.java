package org.clearframe.ui.evidence;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.ui.FxDialogService;
import org.clearframe.ui.UiTasks;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.evidence.PackVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ExportEvidenceDialogTest {

    @TempDir Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void writesThePackThenSaysWhatIsInsideAndWhatIsOpen(FxRobot robot) throws Exception {
        Path production = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), production);
        // As opening the sample in the app does: the user adopts the sample's record with their own key.
        assertEquals(0, org.clearframe.cli.Cli.run(new String[]{"attest", production.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), System.err));
        Path out = dir.resolve("harbour evidence.zip");
        WaitForAsyncUtils.asyncFx(() -> ExportEvidenceDialog.show(new FxDialogService(() -> owner), new UiTasks(new FxDialogService(() -> owner)), production, out)).get();

        robot.clickOn("#export");

        TextArea summary = robot.lookup("#summary").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, summary::isVisible);
        assertTrue(summary.getText().contains("Inside: ai-usage-register.csv") && summary.getText().contains("Still open (10 blocking"),
                summary.getText());
        PackVerifier.Result pack = PackVerifier.verify(out, null);
        assertTrue(pack.valid() && pack.openBlocking() == 10, pack.toString());
        try (Stream<Path> files = Files.list(dir)) {
            // (attest upgraded the sample's older format, keeping a .bak of it beside the production)
            assertEquals(2, files.filter(p -> !p.getFileName().toString().endsWith(".bak")).count(), "the pack and the production; no partial file");
        }
    }

    @Test
    void cancelLeavesNoFile(FxRobot robot) throws Exception {
        Path production = dir.resolve("big.clearframe");
        ProductionBuilder.from(SyntheticProduction.generate(6_000, 3)).write(production);
        Path out = dir.resolve("big.zip");
        WaitForAsyncUtils.asyncFx(() -> ExportEvidenceDialog.show(new FxDialogService(() -> owner), new UiTasks(new FxDialogService(() -> owner)), production, out)).get();

        robot.clickOn("#export");
        robot.clickOn("#cancel");

        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Export cancelled"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.count() == 1;
            }
        });
        assertFalse(Files.exists(out));
    }
}
