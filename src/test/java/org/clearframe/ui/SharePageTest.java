package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.AiUse;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/** The Share page on the real window: an empty package refused with its reason, a package shared, recorded and listed by state. */
@ExtendWith(ApplicationExtension.class)
class SharePageTest {

    @TempDir Path dir;
    private MainController main;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<MailApp.Message> mailed = new ArrayList<>();

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, dialogs, message -> {
            mailed.add(message);
            return true;
        });
    }

    @Test
    void anEmptyPackageIsRefusedAndASharedOneIsListedWithItsState(FxRobot robot) throws Exception {
        Path file = ProductionBuilder.titled("Pier").head("VFX", "Ines Duarte", "ines@example.com").head("Makeup", "Priya Shah", "")
                .scene("1", IntExt.EXT, "PIER", "NIGHT").shot("1", "A wave over the pier", use(Technique.GENERATIVE_VFX).fin().department("VFX"))
                .write(dir.resolve("pier.clearframe"));
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(() -> main.select(Page.SHARE));
        TableView<ShareViewModel.PackageRow> table = robot.lookup(".packages-table").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty());

        // Makeup & Hair is asked nothing: refused, with the reason, and nothing is written or recorded.
        dialogs.choose(new ShareViewModel.DepartmentChoice("Makeup & Hair", 0, "Priya Shah"));
        robot.clickOn("Send to Department…");
        UiTestSupport.waitUntil(() -> !dialogs.errors().isEmpty());
        assertTrue(dialogs.errors().get(0).startsWith("error: Nothing to send to Makeup & Hair: Makeup & Hair has no open signature"),
                dialogs.errors().toString());
        assertTrue(main.session().packages().isEmpty());
        assertTrue(dialogs.fileRequests.isEmpty(), "no file is asked for a package that is refused");

        // VFX: the picker shows its open count and head; the package is written, recorded, listed as sent, and mailed.
        ShareViewModel.DepartmentChoice vfx = new ShareViewModel(main.session()).departments().stream()
                .filter(c -> c.department().equals("VFX")).findFirst().orElseThrow();
        assertTrue(vfx.toString().matches("VFX — \\d+ open signatures? · Ines Duarte"), vfx.toString());
        Path target = dir.resolve("pier-vfx.cfshare");
        dialogs.choose(vfx).pick(target).answer(true);
        robot.clickOn("Send to Department…");
        UiTestSupport.waitUntil(() -> table.getItems().size() == 1 && !mailed.isEmpty());
        assertTrue(Files.exists(target));
        assertEquals("Sent", stateChip(robot));
        assertEquals("ines@example.com", mailed.get(0).to());
        assertTrue(mailed.get(0).body().contains(target.toString()), mailed.get(0).body());

        // The plan changes after sending: the page says the package expired.
        robot.interact(() -> UiTestSupport.attempt(() -> {
            Shot shot = main.session().shots().get(0);
            main.session().saveShot(shot.withAiUses(List.of(AiUse.of(Technique.GENERATIVE_VFX, "A bigger wave", "SimVendor", Output.FINAL))));
        }));
        UiTestSupport.waitUntil(() -> "Expired".equals(stateChip(robot)));
        assertTrue(table.getItems().get(0).standing().why().contains("changed after it was sent"));
    }

    private static String stateChip(FxRobot robot) {
        return robot.lookup(".packages-table .sig-state").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
