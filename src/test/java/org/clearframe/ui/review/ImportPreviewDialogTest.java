package org.clearframe.ui.review;

import org.clearframe.ui.ViewFactory;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.store.ProductionStore;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ImportPreviewDialogTest {

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
    }

    private ReplyImport.Preview preview(Fixture fixture, List<Decision> decisions) throws Exception {
        List<SharePackage.Slot> slots = fixture.vfx.slots();
        List<SharePackage.Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) answers.add(new SharePackage.Answer(slots.get(i), decisions.get(i), ""));
        Reply reply = fixture.vfx.sign("Dana Reyes", answers, new KeyRing(dir.resolve("dana")).keyPair());
        return new ReplyImport(new TrustStore(dir.resolve("producer"))).preview(fixture.load(), reply);
    }

    @Test
    void thePreviewListsWhatTheReplyDoesAndTheKeyToCompare(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        ReplyImport.Preview p = preview(fixture, List.of(Decision.APPROVED, Decision.DECLINED));
        AtomicReference<Dialog<ButtonType>> dialog = new AtomicReference<>();
        AtomicReference<Optional<ButtonType>> result = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(ImportSignOffs.previewDialog(ViewFactory.forms(), p));
            dialog.get().setOnHidden(e -> result.set(Optional.ofNullable(dialog.get().getResult())));
            dialog.get().show();
        });
        assertTrue(robot.lookup("#key").queryLabeled().getText().contains(new KeyRing(dir.resolve("dana")).fingerprint()));
        assertTrue(robot.lookup("#key").queryLabeled().getText().startsWith("First reply from Dana Reyes (VFX)"));
        assertEquals(1, robot.lookup("#newList").queryAs(ListView.class).getItems().size());
        assertEquals(1, robot.lookup("#declinedList").queryAs(ListView.class).getItems().size());
        assertEquals("Stale (0)", robot.lookup("#stalePane").queryAs(javafx.scene.control.TitledPane.class).getText());
        robot.clickOn("Apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(ImportSignOffs.APPLY), result.get());
    }

    @Test
    void applyIsOfferedOnlyWhenThereIsSomethingToRecord(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        ReplyImport.Preview p = preview(fixture, List.of(Decision.APPROVED));
        ReplyImport importer = new ReplyImport(new TrustStore(dir.resolve("producer")));
        try (ProductionStore store = ProductionStore.open(fixture.file)) {
            importer.apply(store, p.reply());
        }
        ReplyImport.Preview again = importer.preview(fixture.load(), p.reply());
        assertTrue(again.changesNothing());
        AtomicReference<Dialog<ButtonType>> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(ImportSignOffs.previewDialog(ViewFactory.forms(), again));
            dialog.get().show();
        });
        assertTrue(dialog.get().getDialogPane().lookupButton(ImportSignOffs.APPLY).isDisabled());
        assertTrue(robot.lookup("#summary").queryLabeled().getText().startsWith("Nothing new to record"));
        robot.interact(() -> dialog.get().close());
    }

    @Test
    void aLookAlikeNameIsRefusedThenFlaggedInThePreviewWhenRepinned(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        TrustStore trust = new TrustStore(dir.resolve("producer"));
        trust.pin("Dana Reyes", "VFX", new KeyRing(dir.resolve("dana")).publicKey());
        Reply spoof = fixture.vfx.sign("Dаna Reyes", List.of(new SharePackage.Answer(fixture.vfx.slots().get(0), Decision.APPROVED, "")),
                new KeyRing(dir.resolve("impostor")).keyPair());
        org.clearframe.exchange.ExchangeException refused = assertThrows(org.clearframe.exchange.ExchangeException.class,
                () -> new ReplyImport(trust).preview(fixture.load(), spoof));
        assertEquals(org.clearframe.exchange.ExchangeException.Problem.KEY_CHANGED, refused.problem(), "the UI asks before re-pinning");
        ReplyImport.Preview p = new ReplyImport(trust).repinning().preview(fixture.load(), spoof);
        robot.interact(() -> ImportSignOffs.previewDialog(ViewFactory.forms(), p).show());
        javafx.scene.control.Label warnings = robot.lookup("#warnings").queryAs(javafx.scene.control.Label.class);
        assertTrue(warnings.isVisible() && warnings.getText().contains("LOOK-ALIKE NAME"), warnings.getText());
        assertTrue(robot.lookup("#key").queryLabeled().getText().startsWith("RE-PINNING"));
    }
}
