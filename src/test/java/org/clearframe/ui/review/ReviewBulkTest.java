package org.clearframe.ui.review;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.model.Decision;
import org.clearframe.ui.FxDialogService;
import org.clearframe.ui.ViewFactory;
import org.junit.jupiter.api.AfterEach;
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

import static org.junit.jupiter.api.Assertions.*;

/** A head approves or declines a selection, or every row, with one note, and the signed reply carries exactly that. */
@ExtendWith(ApplicationExtension.class)
class ReviewBulkTest {

    @TempDir Path dir;
    ReviewWindow window;

    @Start
    void start(Stage stage) {
        // The review window makes its own stage.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) robot.interact(() -> window.stage().close());
    }

    @Test
    void approveAllWithOneNote_thenDeclineTheSelectedOne_signsEveryRow(FxRobot robot) throws Exception {
        Fixture fixture = new Fixture(dir);
        robot.interact(() -> window = ReviewWindow.show(ViewFactory.forms(), new FxDialogService(() -> null), fixture.vfx,
                new KeyRing(dir.resolve("dana-config"))));
        @SuppressWarnings("unchecked")
        TableView<ReviewModel.Row> table = robot.lookup("#table").queryAs(TableView.class);
        int rows = table.getItems().size();
        assertTrue(rows >= 2, "the fixture asks the VFX head more than one question");

        robot.clickOn("#bulkNote").write("Approved as planned");
        robot.clickOn("#approveAll");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().allMatch(r -> r.decisionProperty().get() == Decision.APPROVED));
        assertTrue(table.getItems().stream().allMatch(r -> r.noteProperty().get().equals("Approved as planned")));

        robot.interact(() -> table.getSelectionModel().clearAndSelect(rows - 1));
        robot.clickOn("#bulkNote").eraseText("Approved as planned".length()).write("Not the flood");
        robot.clickOn("#declineSelected");
        robot.clickOn("#signer").write("Dana Reyes");
        WaitForAsyncUtils.waitForFxEvents();

        Path target = dir.resolve("bulk.cfreply");
        window.controller().setTargetChooser(w -> Optional.of(target));
        robot.clickOn("#returnButton");
        WaitForAsyncUtils.waitForFxEvents();
        Reply reply = ReplyVerifier.read(target);
        assertEquals(rows, reply.decisions().size(), "every row signed");
        List<Reply.Entry> declined = reply.decisions().stream().filter(e -> e.decision() == Decision.DECLINED).toList();
        assertEquals(1, declined.size());
        assertEquals("Not the flood", declined.get(0).note());
        assertEquals(rows - 1, reply.decisions().stream().filter(e -> e.decision() == Decision.APPROVED && e.note().equals("Approved as planned")).count());
    }

    @Test
    void approvalWithConditionsOnManyRowsNeedsTheConditions() throws Exception {
        ReviewModel model = new ReviewModel(new Fixture(dir).vfx);
        assertThrows(IllegalArgumentException.class, () -> model.decideAll(model.rows(), Decision.APPROVED_WITH_CONDITIONS, " "));
        assertTrue(model.rows().stream().allMatch(r -> r.decisionProperty().get() == null), "nothing set by a refused bulk decision");
        assertEquals(model.rows().size(), model.decideAll(model.rows(), Decision.APPROVED_WITH_CONDITIONS, "Wide only"));
    }
}
