package org.clearframe.ui;

import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.clearframe.model.Production;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The one task runner, seen from the real main window: while work runs the production's menus (Undo and Close
 * included) and the navigator are off; a failure is shown once; closing the window cancels what still runs.
 * The dialogs are scripted, so nothing waits for a person.
 */
@ExtendWith(ApplicationExtension.class)
class UiTasksTest {

    @TempDir Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainController main;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = UiTestSupport.start(stage, dialogs);
    }

    private Path production() throws Exception {
        Path file = dir.resolve("Busy.clearframe");
        ProductionStore.create(file, Production.titled("Busy")).close();
        return file;
    }

    private Map<String, MenuItem> menuItems() {
        Map<String, MenuItem> items = new java.util.HashMap<>();
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        List<MenuItem> all = new ArrayList<>(bar.getMenus());
        while (!all.isEmpty()) {
            MenuItem item = all.remove(0);
            if (item.getText() != null) items.put(item.getText().replace("_", ""), item);
            if (item instanceof javafx.scene.control.Menu menu) all.addAll(menu.getItems());
        }
        return items;
    }

    @Test
    void whileWorkRunsTheProductionsMenusAreOff_andComeBackAfter(FxRobot robot) throws Exception {
        dialogs.pick(production());
        robot.interact(main::open); // File > Open through the DialogService
        UiTestSupport.waitUntil(() -> main.session() != null);
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().updateProduction(
                new Production(main.session().production().id(), "Busy, renamed", main.session().production().format(),
                        main.session().production().genre(), "", "", "", null, ""))));
        Map<String, MenuItem> items = menuItems();
        assertFalse(items.get("Close").isDisable());
        assertFalse(items.get("Export Breakdown PDF…").isDisable());
        assertTrue(items.values().stream().filter(i -> i.getText().startsWith("Undo")).noneMatch(MenuItem::isDisable), "an edit to undo");

        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        robot.interact(() -> main.tasks().run("Importing shots", () -> release.await(10, TimeUnit.SECONDS))
                .onSuccess(done -> finished.set(true)).start());
        UiTestSupport.waitUntil(() -> main.tasks().busyProperty().get());
        Map<String, MenuItem> busy = menuItems();
        for (String name : List.of("Close", "Save a Copy As…", "Export Breakdown PDF…", "Import Shot List (CSV)…", "Open…",
                "New Production…", "Import Script…", "Production", "View")) {
            assertTrue(busy.get(name).isDisable(), name + " is off while work runs");
        }
        assertTrue(busy.values().stream().filter(i -> i.getText().startsWith("Undo")).allMatch(MenuItem::isDisable), "Undo is off too");
        assertTrue(robot.lookup(".navigator").queryAs(ListView.class).isDisabled());
        assertTrue(robot.lookup("Importing shots…").tryQuery().isPresent(), "the page says what runs");

        release.countDown();
        UiTestSupport.waitUntil(finished::get);
        Map<String, MenuItem> after = menuItems();
        assertFalse(after.get("Close").isDisable());
        assertFalse(after.get("Export Breakdown PDF…").isDisable());
        assertTrue(after.values().stream().filter(i -> i.getText().startsWith("Undo")).noneMatch(MenuItem::isDisable), "Undo is back");
        assertFalse(robot.lookup(".navigator").queryAs(ListView.class).isDisabled());
        assertTrue(robot.lookup("Importing shots…").tryQuery().isEmpty());
    }

    @Test
    void aFailureIsLoggedAndShownOnce(FxRobot robot) {
        AtomicInteger handled = new AtomicInteger();
        robot.interact(() -> main.tasks().run("Exporting", () -> { throw new IOException("the disk is full"); })
                .failureTitle("Could not export the shot list").andFinally(handled::incrementAndGet).start());
        UiTestSupport.waitUntil(() -> handled.get() == 1);
        assertEquals(List.of("error: Could not export the shot list: the disk is full"), dialogs.shown);
        assertFalse(main.tasks().busyProperty().get());
    }

    @Test
    void aRefusedFileIsExplainedOnceThroughTheDialogService(FxRobot robot) throws Exception {
        Path foreign = dir.resolve("notes.clearframe");
        java.nio.file.Files.writeString(foreign, "not a production");
        robot.interact(() -> main.openFile(foreign));
        UiTestSupport.waitUntil(() -> !dialogs.errors().isEmpty());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).startsWith("error: Could not open notes.clearframe: "), dialogs.errors().get(0));
        assertNull(main.session());
        assertEquals("not a production", java.nio.file.Files.readString(foreign), "left untouched");
    }

    @Test
    void closingTheWindowCancelsWorkStillRunning(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean succeeded = new AtomicBoolean();
        robot.interact(() -> main.tasks().run("Writing the evidence pack", () -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        }).onSuccess(x -> succeeded.set(true)).start());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        robot.interact(main::shutdown);
        UiTestSupport.waitUntil(interrupted::get);
        assertFalse(succeeded.get(), "a cancelled task reports nothing");
        assertFalse(main.tasks().busyProperty().get());
        AtomicBoolean ranAfterClose = new AtomicBoolean();
        robot.interact(() -> main.tasks().run("late", () -> { ranAfterClose.set(true); return null; }).start());
        Thread.sleep(200);
        assertFalse(ranAfterClose.get(), "nothing starts once the window has closed");
    }
}
