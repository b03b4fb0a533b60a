package org.clearframe.ui.review;

import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.PackageStates;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Production > Import Sign-offs, then Edit > Undo and Redo: the reply import is one step. Undo brings the flags, counts
 * and the package's standing back to what they were before the import, in place and in the file; redo brings the
 * import back; the same file imported again after an undo reinstates it rather than failing silently.
 */
@ExtendWith(ApplicationExtension.class)
class UndoReplyImportTest {

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
    }

    /** The VFX package as the producer shares it: sealed with their key. */
    private SharePackage sealed(Fixture fixture) throws Exception {
        return fixture.vfx.sealedWith(new KeyRing(dir.resolve("producer")).keyPair());
    }

    private Path reply(SharePackage pkg) throws Exception {
        List<SharePackage.Slot> slots = pkg.slots();
        Reply reply = pkg.sign("Dana Reyes", List.of(new SharePackage.Answer(slots.get(0), Decision.APPROVED, ""),
                new SharePackage.Answer(slots.get(1), Decision.APPROVED, "")), new KeyRing(dir.resolve("dana")).keyPair());
        Path file = dir.resolve("dana.cfreply");
        reply.write(file);
        return file;
    }

    private ReplyImport.Preview importReply(FxRobot robot, Session session, Path reply) throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs().answerDialog(d -> Optional.of(ImportSignOffs.APPLY));
        AtomicReference<ReplyImport.Preview> applied = new AtomicReference<>();
        robot.interact(() -> new ImportSignOffs(dialogs, new UiTasks(dialogs), ViewFactory.forms(), new TrustStore(dir.resolve("producer")))
                .start(session::snapshot, session::apply, reply, applied::set));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> applied.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return applied.get();
    }

    private static PackageStates.State packageState(Session session) {
        ProductionData now = session.snapshot();
        Map<UUID, String> fingerprints = new java.util.HashMap<>();
        now.shots().forEach(s -> fingerprints.put(s.id(), org.clearframe.rules.Fingerprint.of(s)));
        return PackageStates.of(session.packages(), fingerprints).values().iterator().next().state();
    }

    private static void step(FxRobot robot, Session session, boolean undo) {
        robot.interact(() -> {
            try {
                if (undo) session.undo();
                else session.redo();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aReplyImportIsOneUndoableStep(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        SharePackage pkg = sealed(fixture);
        Path reply = reply(pkg);
        try (Session session = Session.open(fixture.file)) {
            session.share(pkg, dir.resolve("vfx.cfshare"));
            FlagIndex.Summary before = session.flagSummaryProperty().get();
            String undoBefore = session.undoNameProperty().get();
            assertEquals(PackageStates.State.SENT, packageState(session));
            assertEquals(3, before.openBlocking() + before.openAdvisory(), "three flags open before: " + before);

            importReply(robot, session, reply);
            assertEquals(2, session.signOffs().size());
            assertEquals("Import reply from Dana Reyes", session.undoNameProperty().get());
            assertEquals(PackageStates.State.REPLIED, packageState(session));
            FlagIndex.Summary imported = session.flagSummaryProperty().get();
            assertNotEquals(before, imported, "the reply cleared the flags");

            step(robot, session, true);
            assertTrue(session.signOffs().isEmpty(), "undo: the sign-offs leave the lists, without a reload");
            assertEquals(before, session.flagSummaryProperty().get(), "undo: the flags are open again, as before the import");
            assertEquals(PackageStates.State.SENT, packageState(session), "undo: the package shows no reply again");
            assertEquals(undoBefore, session.undoNameProperty().get());
            assertEquals("Import reply from Dana Reyes", session.redoNameProperty().get());
            assertEquals(2, session.ignoredSignOffs().stream().filter(i -> i.why() == SignedRecord.Why.WITHDRAWN).count(),
                    "shown as withdrawn, not as forged: " + session.ignoredSignOffs());
            assertTrue(fixture.load().signOffs().size() == 2, "the rows stay in the file as history");
            assertTrue(readBack(fixture).data().signOffs().isEmpty(), "the file, read through the verifying loader, agrees");

            step(robot, session, false);
            assertEquals(2, session.signOffs().size(), "redo: they count again");
            assertEquals(imported, session.flagSummaryProperty().get());
            assertEquals(PackageStates.State.REPLIED, packageState(session));
            assertTrue(session.ignoredSignOffs().isEmpty());
            assertEquals(2, readBack(fixture).data().signOffs().size());

            step(robot, session, true);
            ReplyImport.Preview again = importReply(robot, session, reply);
            assertTrue(again.warnings().stream().anyMatch(w -> w.contains("reinstated its 2 withdrawn sign-offs")), again.warnings().toString());
            assertEquals(2, session.signOffs().size(), "the same file imported after an undo brings its sign-offs back");
            assertEquals(imported, session.flagSummaryProperty().get());
            step(robot, session, true);
            assertEquals(before, session.flagSummaryProperty().get(), "and that import too is one undoable step");
        }
    }

    private static SignedRecord readBack(Fixture fixture) throws Exception {
        try (org.clearframe.store.ProductionStore store = org.clearframe.store.ProductionStore.openReadOnly(fixture.file)) {
            return SignedRecord.load(store);
        }
    }
}
