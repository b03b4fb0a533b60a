package org.clearframe.ui.review;

import org.clearframe.ui.FxDialogService;
import org.clearframe.ui.ViewFactory;

import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ReviewWindowTest {

    @TempDir Path dir;
    ReviewWindow window;

    @Start
    void start(Stage stage) {
        // The review window makes its own stage; the extension needs one started.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) robot.interact(() -> window.stage().close());
    }

    @Test
    void theHeadRecordsADecisionAndReturnsASignedReply(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        Path config = dir.resolve("dana-config");
        robot.interact(() -> window = ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), fixture.vfx, new KeyRing(config)));
        Button returnButton = robot.lookup("#returnButton").queryButton();
        assertTrue(returnButton.isDisabled(), "nothing decided yet");
        assertTrue(robot.lookup("#details").queryAs(TextArea.class).getText().contains("VFX-GEN-FINAL"), "the rule and its reason are shown");
        assertTrue(robot.lookup("#details").queryAs(TextArea.class).getText().contains("Source: NFX"));

        robot.clickOn("#decision");
        robot.clickOn("Approved with conditions");
        assertTrue(returnButton.isDisabled(), "conditions not written yet");
        robot.clickOn("#note").write("Wide only");
        robot.clickOn("#signer").write("Dana Reyes");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(returnButton.isDisabled(), robot.lookup("#status").queryLabeled().getText());

        Path target = dir.resolve("vfx.cfreply");
        window.controller().setTargetChooser(w -> Optional.of(target));
        robot.clickOn("#returnButton");
        WaitForAsyncUtils.waitForFxEvents();

        Reply reply = ReplyVerifier.read(target);
        assertEquals(1, reply.decisions().size(), "undecided rows are left out");
        Reply.Entry e = reply.decisions().get(0);
        assertEquals(Decision.APPROVED_WITH_CONDITIONS, e.decision());
        assertEquals("Wide only", e.note());
        assertEquals(Role.VFX_SUPERVISOR, e.role());
        assertEquals("Dana Reyes", reply.signer().name());
        assertEquals(new KeyRing(config).fingerprint(), reply.keyFingerprint());
        assertEquals(fixture.vfx.fingerprints().get(e.shotId()), e.fingerprint());
        assertTrue(robot.lookup("#status").queryLabeled().getText().startsWith("Saved vfx.cfreply"));
    }

    @Test
    void eachRowKeepsItsOwnDecision(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        robot.interact(() -> window = ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), fixture.vfx, new KeyRing(dir.resolve("k"))));
        robot.clickOn("#decision");
        robot.clickOn("Declined");
        robot.clickOn("#note").write("No");
        robot.interact(() -> robot.lookup("#table").queryTableView().getSelectionModel().select(1));
        assertEquals("", robot.lookup("#note").queryTextInputControl().getText(), "the second row starts undecided");
        robot.clickOn("#decision");
        robot.clickOn("Approved");
        robot.interact(() -> robot.lookup("#table").queryTableView().getSelectionModel().select(0));
        assertEquals("No", robot.lookup("#note").queryTextInputControl().getText());
        ReviewModel.Row first = (ReviewModel.Row) robot.lookup("#table").queryTableView().getItems().get(0);
        ReviewModel.Row second = (ReviewModel.Row) robot.lookup("#table").queryTableView().getItems().get(1);
        assertEquals(Decision.DECLINED, first.decisionProperty().get());
        assertEquals(Decision.APPROVED, second.decisionProperty().get());
        assertFalse(Files.exists(dir.resolve("vfx.cfreply")));
    }

    @Test
    void aPackageAlteredAfterTheProducerSignedItIsRefusedAndAGenuineOneShowsTheProducersKey(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        KeyRing producer = new KeyRing(dir.resolve("producer"));
        Path genuine = dir.resolve("vfx.cfshare");
        fixture.vfx.sealedWith(producer.keyPair()).write(genuine);
        Path altered = dir.resolve("altered.cfshare");
        Files.writeString(altered, Files.readString(genuine).replace("\"output\" : \"FINAL\"", "\"output\" : \"TEMPORARY\""));
        org.clearframe.exchange.ProducerTrust trust = new org.clearframe.exchange.ProducerTrust(dir.resolve("dana"));
        KeyRing dana = new KeyRing(dir.resolve("dana"));

        java.util.concurrent.atomic.AtomicReference<Exception> refused = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            try {
                window = ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), altered, trust, dana);
            } catch (Exception e) {
                refused.set(e);
            }
        });
        assertNull(window, "no review window opens for an altered package");
        assertEquals(org.clearframe.exchange.ExchangeException.Problem.BAD_SIGNATURE,
                ((org.clearframe.exchange.ExchangeException) refused.get()).problem());
        assertFalse(Files.exists(trust.file()), "nothing was pinned");

        robot.interact(() -> {
            try {
                window = ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), genuine, trust, dana);
            } catch (Exception e) {
                refused.set(e);
            }
        });
        assertNotNull(window, String.valueOf(refused.get()));
        assertTrue(robot.lookup("#keyLabel").queryLabeled().getText().contains("First package of \"Tidewater\" signed by the producer's key "
                + producer.fingerprint()), robot.lookup("#keyLabel").queryLabeled().getText());
        assertEquals(producer.fingerprint(), trust.pinned(fixture.vfx.production().id()).orElseThrow().fingerprint());
    }

    @Test
    void aNewProducerKeyForAKnownProductionOpensOnlyAfterTheHeadChoosesToRepin(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        Path first = dir.resolve("first.cfshare"), other = dir.resolve("other.cfshare");
        fixture.vfx.sealedWith(new KeyRing(dir.resolve("producer")).keyPair()).write(first);
        fixture.vfx.sealedWith(new KeyRing(dir.resolve("mallory")).keyPair()).write(other);
        org.clearframe.exchange.ProducerTrust trust = new org.clearframe.exchange.ProducerTrust(dir.resolve("dana"));
        KeyRing dana = new KeyRing(dir.resolve("dana"));
        robot.interact(() -> {
            try {
                ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), first, trust, dana).stage().close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        javafx.application.Platform.runLater(() -> {
            try {
                outcome.set(ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), other, trust, dana));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(org.clearframe.exchange.ExchangeException.Problem.KEY_CHANGED,
                ((org.clearframe.exchange.ExchangeException) outcome.get()).problem(), String.valueOf(outcome.get()));
        assertEquals(new KeyRing(dir.resolve("producer")).fingerprint(), trust.pinned(fixture.vfx.production().id()).orElseThrow().fingerprint());

        outcome.set(null);
        javafx.application.Platform.runLater(() -> {
            try {
                outcome.set(ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), other, trust, dana));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Re-pin Their Key...");
        WaitForAsyncUtils.waitForFxEvents();
        window = (ReviewWindow) outcome.get();
        assertTrue(robot.lookup("#keyLabel").queryLabeled().getText().contains("RE-PINNING"));
        assertEquals(new KeyRing(dir.resolve("mallory")).fingerprint(), trust.pinned(fixture.vfx.production().id()).orElseThrow().fingerprint());
    }
}
