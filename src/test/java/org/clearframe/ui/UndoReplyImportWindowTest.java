package org.clearframe.ui;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.ui.review.ImportSignOffs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/**
 * In the main window: Production > Import Sign-offs (through its menu), then Edit > Undo and Redo. The Undo item names the import, the
 * status bar says the sign-offs are withdrawn (not unproven, not waiting for attestation), and Production > Attest
 * does not offer them.
 */
@ExtendWith(ApplicationExtension.class)
class UndoReplyImportWindowTest {

    @TempDir Path dir;
    private MainController main;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, dialogs);
    }

    @Test
    void undoAndRedoOfAReplyImportFromTheMenus(FxRobot robot) throws Exception {
        // this producer's own key and pinned heads, not those other tests left in the shared test config
        String saved = System.getProperty("clearframe.config");
        System.setProperty("clearframe.config", dir.resolve("producer").toString());
        try {
            importUndoRedo(robot);
        } finally {
            if (saved == null) System.clearProperty("clearframe.config");
            else System.setProperty("clearframe.config", saved);
        }
    }

    private void importUndoRedo(FxRobot robot) throws Exception {
        Path file = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Tower falls").tool("VendorX").temp().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .write(dir.resolve("tidewater.clearframe"));
        ProductionData plan;
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            plan = SignedRecord.planOnly(store);
        }
        SharePackage pkg = SharePackageBuilder.build(plan, SharePackageBuilder.forDepartment(plan, "VFX"));
        Reply reply = pkg.sign("Dana Reyes", pkg.slots().stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList(),
                new KeyRing(dir.resolve("dana")).keyPair());
        Path replyFile = dir.resolve("dana.cfreply");
        reply.write(replyFile);

        UiTestSupport.openAndWait(robot, main, file);
        Session session = main.session();
        dialogs.pick(replyFile).answerDialog(d -> Optional.of(ImportSignOffs.APPLY));
        robot.clickOn("Production").clickOn("Import Sign-offs…");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> session.signOffs().size() == 1 || dialogs.shown.size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, session.signOffs().size(), "imported: " + dialogs.shown);

        assertEquals("Import reply from Dana Reyes", session.undoNameProperty().get(), "Edit > Undo names the import");
        robot.interact(main::undo); // Edit > Undo
        UiTestSupport.waitUntil(() -> session.signOffs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup(".status-text").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.contains("1 sign-off withdrawn (reply import undone)") && !status.contains("until attested")
                && !status.contains("without a valid proof"), status);

        int before = dialogs.shown.size();
        robot.interact(main::attestEarlierSignOffs);
        assertTrue(dialogs.shown.size() > before && dialogs.shown.get(dialogs.shown.size() - 1).contains("Nothing to attest"),
                "a withdrawn sign-off is not offered for attestation: " + dialogs.shown);

        assertEquals("Import reply from Dana Reyes", session.redoNameProperty().get());
        robot.interact(main::redo); // Edit > Redo
        UiTestSupport.waitUntil(() -> session.signOffs().size() == 1);
        assertTrue(session.ignoredSignOffs().isEmpty());

        // undone again, then the same file imported again: it comes back, and the status bar says why
        robot.interact(main::undo);
        UiTestSupport.waitUntil(() -> session.signOffs().isEmpty());
        dialogs.pick(replyFile).answerDialog(d -> Optional.of(ImportSignOffs.APPLY));
        robot.clickOn("Production").clickOn("Import Sign-offs…");
        UiTestSupport.waitUntil(() -> session.signOffs().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup(".status-text").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(said.startsWith("This reply was imported before and the import was undone; importing it again reinstated its 1"), said);
    }
}
