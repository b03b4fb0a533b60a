package org.clearframe.ui;

import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.clearframe.model.CastMember;
import org.clearframe.model.Representation;
import org.clearframe.model.Scan;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/** The Cast page records performer facts and scans; a short-notice scan raises its flag at once, and undo takes it back. */
@ExtendWith(ApplicationExtension.class)
class CastFactsTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aScanRecordedWithShortNoticeRaisesItsFlag_andEditingARowKeepsTheFacts(FxRobot robot) throws Exception {
        Path file = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        UiTestSupport.openAndWait(robot, main, file);
        robot.interact(main::showCast);
        TableView<CastMember> table = robot.lookup(".table-view").queryAs(TableView.class);
        CastMember nico = table.getItems().stream().filter(m -> m.character().equals("Nico")).findFirst().orElseThrow();
        assertEquals(Representation.UNION, nico.representation());
        robot.interact(() -> table.getSelectionModel().select(nico));
        robot.clickOn("Record Scan…");
        robot.interact(() -> {
            var pickers = robot.lookup(".dialog-pane .date-picker").queryAllAs(DatePicker.class).stream().toList();
            pickers.get(0).setValue(LocalDate.of(2026, 12, 2));
            pickers.get(1).setValue(LocalDate.of(2026, 12, 1));
            robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class).stream()
                    .filter(t -> !(t.getParent() instanceof DatePicker) && t.getStyleClass().size() == 2).findFirst().orElseThrow()
                    .setText("Second pass at the fall");
        });
        robot.clickOn("OK");
        UiTestSupport.waitUntil(() -> main.session().scans().size() == 2);
        Scan added = main.session().scans().stream().filter(s -> s.scannedOn().equals(LocalDate.of(2026, 12, 2))).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 1), added.noticeGivenOn());
        UiTestSupport.waitUntil(() -> main.session().flags(main.session().shots().get(3).id()).stream()
                .anyMatch(f -> f.rule().id().equals("SCAN-NOTICE")));

        // Renaming the character keeps the performer facts the row already had.
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().saveCastMember(
                new CastMember(nico.id(), nico.performer(), "Nico Varga", nico.unionMember(), nico.deceased(), nico.minor(), nico.representation()))));
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            CastMember saved = store.load().castMember(nico.id()).orElseThrow();
            assertEquals(Representation.UNION, saved.representation());
            assertEquals(2, store.load().scansOf(nico.id()).size());
        }
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().undo()));
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().undo()));
        UiTestSupport.waitUntil(() -> main.session().scans().size() == 1);
        assertTrue(main.session().flags(main.session().shots().get(3).id()).stream().noneMatch(f -> f.rule().id().equals("SCAN-NOTICE")));
        if (System.getProperty("clearframe.snapshots") != null) {
            Path out = Path.of(System.getProperty("clearframe.snapshots"));
            robot.interact(() -> {
                try {
                    Snapshots.write(main.window().getScene().getRoot(), out.resolve("cast-page.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
