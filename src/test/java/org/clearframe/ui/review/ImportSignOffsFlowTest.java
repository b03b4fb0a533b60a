package org.clearframe.ui.review;

import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.ui.ScriptedDialogs;
import org.clearframe.ui.Session;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.ViewFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Production > Import Sign-offs as a whole, with the reply read and verified off the FX thread through the task
 * runner and the producer's answers scripted: Apply records, Cancel records nothing, a forged reply is refused once.
 */
@ExtendWith(ApplicationExtension.class)
class ImportSignOffsFlowTest {

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
    }

    private Path reply(Fixture fixture) throws Exception {
        List<SharePackage.Slot> slots = fixture.vfx.slots();
        Reply reply = fixture.vfx.sign("Dana Reyes", List.of(new SharePackage.Answer(slots.get(0), Decision.APPROVED, ""),
                new SharePackage.Answer(slots.get(1), Decision.DECLINED, "not this way")), new KeyRing(dir.resolve("dana")).keyPair());
        Path file = dir.resolve("dana.cfreply");
        reply.write(file);
        return file;
    }

    /** As Production > Import Sign-offs does it: a snapshot of the open session, and the session applies. */
    private void importReply(FxRobot robot, ScriptedDialogs dialogs, Session session, Path reply,
                             AtomicReference<ReplyImport.Preview> applied) {
        UiTasks tasks = new UiTasks(dialogs);
        robot.interact(() -> new ImportSignOffs(dialogs, tasks, ViewFactory.forms(), new TrustStore(dir.resolve("producer")))
                .start(session::snapshot, session::apply, reply, applied::set));
    }

    @Test
    void applyRecordsTheVerifiedDecisions(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        Path reply = reply(fixture);
        ScriptedDialogs dialogs = new ScriptedDialogs().answerDialog(d -> Optional.of(ImportSignOffs.APPLY));
        AtomicReference<ReplyImport.Preview> applied = new AtomicReference<>();
        try (Session session = Session.open(fixture.file)) {
            importReply(robot, dialogs, session, reply, applied);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> applied.get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(2, session.signOffs().size(), "the open session lists the recorded sign-offs without a reload");
        }
        assertEquals(List.of("dialog: Import Sign-offs"), dialogs.shown, "the preview, then nothing else to answer");
        assertEquals(2, fixture.load().signOffs().size());
    }

    @Test
    void cancelAtThePreviewRecordsNothing(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        Path reply = reply(fixture);
        ScriptedDialogs dialogs = new ScriptedDialogs().answerDialog(d -> Optional.of(ButtonType.CANCEL));
        AtomicReference<ReplyImport.Preview> applied = new AtomicReference<>();
        try (Session session = Session.open(fixture.file)) {
            importReply(robot, dialogs, session, reply, applied);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !dialogs.shown.isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(applied.get());
        assertTrue(fixture.load().signOffs().isEmpty());
    }

    @Test
    void aReplyAlteredAfterSigningIsRefusedOnceAndNothingIsRecorded(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        Path reply = reply(fixture);
        Files.writeString(reply, Files.readString(reply).replace("not this way", "fine by me"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AtomicReference<ReplyImport.Preview> applied = new AtomicReference<>();
        try (Session session = Session.open(fixture.file)) {
            importReply(robot, dialogs, session, reply, applied);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !dialogs.shown.isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, dialogs.shown.size(), String.valueOf(dialogs.shown));
        assertTrue(dialogs.shown.get(0).startsWith("error: This reply was not imported: "), dialogs.shown.get(0));
        assertNull(applied.get());
        assertTrue(fixture.load().signOffs().isEmpty());
    }
}
