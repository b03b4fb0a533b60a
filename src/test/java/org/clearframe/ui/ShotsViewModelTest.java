package org.clearframe.ui;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Shots page's filters and commands, on a real production file, without a window. */
class ShotsViewModelTest {

    @TempDir Path dir;

    @Test
    void filtersNarrowTheListAndTheCountSaysHowMuch() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("filters.clearframe"))) {
            Scene cannery = p.scene("1", "CANNERY");
            Scene harbour = p.scene("2", "HARBOUR");
            Shot wide = p.shot(cannery, "1", "Wide on the storm");
            Shot collapse = p.withGenerativeVfx(p.shot(cannery, "2", "The roof gives way"));
            p.shot(harbour, "1", "Boats at rest");
            ShotsViewModel model = new ShotsViewModel(p.session, new ScriptedDialogs());
            assertEquals("3 shots", model.countProperty().get());

            model.sceneProperty().set(cannery);
            assertEquals("2 of 3 shots", model.countProperty().get());
            assertTrue(model.oneScene());
            model.aiOnlyProperty().set(true);
            assertEquals(List.of(collapse.id()), model.visible().stream().map(Shot::id).toList());

            model.clearFilters();
            model.searchProperty().set("  STORM ");
            assertEquals(List.of(wide.id()), model.visible().stream().map(Shot::id).toList(), "search ignores case and spaces");

            model.clearFilters();
            assertTrue(p.session.flags(collapse.id()).stream().anyMatch(Flag::open), "precondition: the built-in policy flags the use");
            model.openOnlyProperty().set(true);
            assertEquals(List.of(collapse.id()), model.visible().stream().map(Shot::id).toList());
            assertEquals("1 of 3 shots", model.countProperty().get());
        }
    }

    @Test
    void theEmptyTableSaysWhatToDoNext() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("empty.clearframe"))) {
            ShotsViewModel model = new ShotsViewModel(p.session, new ScriptedDialogs());
            assertTrue(model.emptyMessage().startsWith("No scenes yet."), model.emptyMessage());
            Scene cannery = p.scene("1", "CANNERY");
            assertTrue(model.emptyMessage().startsWith("No shots yet."), "a scene exists: no more 'add a scene first'");
            p.shot(cannery, "1", "Wide");
            model.searchProperty().set("no such words");
            assertEquals("No shot matches the filters. 1 shot in all.", model.emptyMessage());
        }
    }

    @Test
    void aShotIsAddedAfterTheSelectedOneNumberedInTheOrderShown_andDuplicatedBesideIt() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("add.clearframe"))) {
            Scene cannery = p.scene("1", "CANNERY");
            Shot first = p.shot(cannery, "1", "Wide");
            p.shot(cannery, "2", "Close");
            ShotsViewModel model = new ShotsViewModel(p.session, new ScriptedDialogs());

            Shot added = model.add(first).orElseThrow();
            assertEquals("1A", added.number(), "a shot put between 1 and 2 is 1A, as a script supervisor numbers it");
            assertEquals(List.of("1", "1A", "2"), p.session.shotsOf(cannery.id()).stream().map(Shot::number).toList());
            Shot copy = model.duplicate(p.current(added)).orElseThrow();
            assertEquals("1B", copy.number());
            assertEquals(List.of("1", "1A", "1B", "2"), p.onDisk().shotsOf(cannery.id()).stream().map(Shot::number).toList(),
                    "both are in the file, in that order");
            Shot last = p.session.shotsOf(cannery.id()).get(3);
            assertEquals("3", model.add(last).orElseThrow().number(), "at the end of the scene: the next whole number");
            // between 1 and 1A no letter fits: the shot still gets a number nobody else has
            Shot between = model.add(p.current(first)).orElseThrow();
            assertFalse(List.of("1", "1A", "1B", "2", "3").contains(between.number()), between.number());
        }
    }

    @Test
    void deletingAsksFirst_andNoKeepsTheShot() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("delete.clearframe"))) {
            Scene cannery = p.scene("4", "CANNERY");
            Shot doomed = p.withGenerativeVfx(p.shot(cannery, "7", "Collapse"));
            ScriptedDialogs dialogs = new ScriptedDialogs().answer(false).answer(true);
            ShotsViewModel model = new ShotsViewModel(p.session, dialogs);

            assertFalse(model.delete(List.of(doomed)));
            assertEquals(1, p.onDisk().shots().size(), "no: nothing deleted");
            assertTrue(model.delete(List.of(p.current(doomed))));
            assertEquals(List.of("confirm: Delete shot 4/7?", "confirm: Delete shot 4/7?"), dialogs.shown);
            assertTrue(p.onDisk().shots().isEmpty());
            p.session.undo();
            assertEquals(1, p.onDisk().shots().size(), "Edit > Undo brings it back, as the question says");
        }
    }

    @Test
    void aRowEditThatLeavesNoNumberIsRefusedWithAReason() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("number.clearframe"))) {
            Shot shot = p.shot(p.scene("1", "CANNERY"), "1", "Wide");
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ShotsViewModel model = new ShotsViewModel(p.session, dialogs);
            assertFalse(model.save(null));
            assertEquals(List.of("error: A shot needs a number: Give the shot a number, like 1, 1A or 2."), dialogs.shown);
            assertTrue(model.save(shot.edit().lens("35mm").build()));
            assertEquals("35mm", p.onDisk().shots().get(0).lens());
        }
    }
}
