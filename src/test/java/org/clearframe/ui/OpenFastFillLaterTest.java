package org.clearframe.ui;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProductionStore.ShotLine;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Open fast, fill later: a large production shows its first shots while the rest is read, nothing can edit it
 * before it is read whole, and once it is the window holds all of it and edits are saved.
 */
@ExtendWith(ApplicationExtension.class)
class OpenFastFillLaterTest {

    private static final int SHOTS = 1_200;

    @TempDir Path dir;
    private MainController main;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = UiTestSupport.start(stage);
    }

    private Path production() throws Exception {
        Path file = dir.resolve("long-feature.clearframe");
        ProductionData data = SyntheticProduction.generate(SHOTS, 11);
        ProductionBuilder.from(data).write(file);
        return file;
    }

    @Test
    void theFirstShotsShowBeforeTheFillAndTheWindowEndsWithTheWholeProduction(FxRobot robot) throws Exception {
        Path file = production();
        List<ShotLine> expectedFirst;
        List<Shot> all;
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            expectedFirst = reader.shotLines(0, ProductionOpening.FIRST_SHOTS);
            all = reader.load().shots();
        }
        CountDownLatch fill = new CountDownLatch(1);
        main.beforeFill(() -> awaitQuietly(fill));
        robot.interact(() -> main.openFile(file));
        UiTestSupport.waitUntil(() -> main.firstLook().isPresent());

        // The fill is held: the first look shows the first shots in script order, and nothing can edit yet.
        TableView<ShotLine> table = main.firstLook().orElseThrow().table();
        assertNull(main.session(), "no session before the production is read whole");
        assertEquals(expectedFirst, table.getItems());
        assertEquals(all.get(0).id(), table.getItems().get(0).id(), "the same order as the Shots page");
        assertTrue(stage.getTitle().startsWith("long-feature.clearframe"), stage.getTitle());
        assertTrue(robot.lookup(".opening").tryQuery().isPresent(), "the first look is on screen");
        for (String item : List.of("Undo", "Close", "Open…", "Import Shot List (CSV)…")) {
            assertTrue(menuItem(item).isDisable(), item + " is off while the production is read");
        }
        // It scrolls and selects: pick a shot far down the first page.
        Shot picked = all.get(300);
        robot.interact(() -> {
            table.scrollTo(300);
            table.getSelectionModel().select(300);
        });
        assertEquals(picked.id(), main.firstLook().orElseThrow().selectedShot().orElseThrow());

        fill.countDown();
        UiTestSupport.waitUntil(() -> main.session() != null && !main.tasks().busyProperty().get());
        assertTrue(main.firstLook().isEmpty(), "the first look made way for the production's pages");
        assertEquals(SHOTS, main.session().shots().size());
        assertEquals(all, List.copyOf(main.session().shots()), "the whole production, as the file holds it");
        // The shot picked while waiting stays picked, on the page that edits it.
        ShotsController shots = main.page(Page.SHOTS);
        assertEquals(picked.id(), shots.table().getSelectionModel().getSelectedItem().id());

        // An edit made once the production is read is saved to the file.
        Shot edited = main.session().shot(picked.id()).orElseThrow().edit().description("Rewritten after the fill").build();
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().saveShot(edited)));
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            Shot stored = reader.load().shots().stream().filter(s -> s.id().equals(picked.id())).findFirst().orElseThrow();
            assertEquals("Rewritten after the fill", stored.description());
        }
    }

    @Test
    void aFileThatCannotBeReadWholeLeavesNothingOpenAndTheFileUnlocked(FxRobot robot) throws Exception {
        Path file = production();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        robot.interact(() -> main = UiTestSupport.start(stage, dialogs));
        main.beforeFill(() -> {
            throw new IllegalStateException("the disk went away");
        });
        robot.interact(() -> main.openFile(file));
        UiTestSupport.waitUntil(() -> !main.tasks().busyProperty().get() && main.firstLook().isEmpty() && !dialogs.errors().isEmpty());
        assertNull(main.session());
        assertTrue(dialogs.errors().get(0).contains("Could not open long-feature.clearframe"), dialogs.errors().toString());
        // The store the first look opened was closed again: another writer may open the file.
        ProductionStore.open(file).close();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String text) {
        return main.menuItems().stream().filter(i -> i.getText() != null && text.equals(i.getText().replace("_", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the fill");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
