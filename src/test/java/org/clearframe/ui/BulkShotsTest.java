package org.clearframe.ui;

import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.rules.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Bulk work in the Shots page on a real file: each bulk change one transaction and one undo step, and the file agrees. */
class BulkShotsTest {

    @TempDir Path dir;

    private static List<Shot> shotsOf(ProductionData data) {
        return data.shots();
    }

    @Test
    void aBulkEditIsOneUndoStep_undoRestoresEveryShotAndTheFileAgrees() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("bulk.clearframe"))) {
            Department vfx = p.department("Creature Effects");
            Scene cannery = p.scene("1", "CANNERY");
            Scene harbour = p.scene("2", "HARBOUR");
            Shot a = p.shot(cannery, "1", "Wide on the storm");
            Shot b = p.shot(cannery, "2", "The roof gives way");
            Shot c = p.shot(harbour, "1", "Boats at rest");
            List<Shot> original = List.copyOf(p.session.shots());
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ShotsViewModel model = new ShotsViewModel(p.session, dialogs);

            dialogs.choose(ShotSize.CLOSE_UP.label());
            assertTrue(model.bulkSize(List.of(a, b, c)));
            assertEquals("Set size of 3 shots", p.session.undoNameProperty().get());
            assertTrue(p.onDisk().shots().stream().allMatch(s -> s.size() == ShotSize.CLOSE_UP), "the file has every shot's new size");

            dialogs.choose("Creature Effects");
            assertTrue(model.bulkAddDepartment(List.copyOf(p.session.shots())));
            assertTrue(p.onDisk().shots().stream().allMatch(s -> s.departmentIds().equals(List.of(vfx.id()))));

            AiUse crowd = AiUse.of(Technique.GENERATIVE_VFX, "Storm clouds", "SimVendor", Output.FINAL);
            assertTrue(model.bulkAddUse(List.of(p.current(a), p.current(c)), crowd));
            assertEquals("Add " + Technique.GENERATIVE_VFX.label() + " to 2 shots", p.session.undoNameProperty().get());
            ProductionData disk = p.onDisk();
            List<UUID> useIds = disk.shots().stream().flatMap(s -> s.aiUses().stream()).map(AiUse::id).toList();
            assertEquals(2, useIds.size());
            assertEquals(2, useIds.stream().distinct().count(), "each shot has its own copy of the use");
            assertFalse(p.session.flags(a.id()).isEmpty(), "the new uses are flagged at once");

            p.session.undo();
            assertTrue(p.session.flags(a.id()).isEmpty(), "one undo took the use off both shots");
            assertTrue(p.onDisk().shots().stream().allMatch(s -> s.aiUses().isEmpty()));
            p.session.undo();
            p.session.undo();
            assertEquals(original, List.copyOf(p.session.shots()), "three undos, three bulk edits: every shot as it was");
            assertEquals(original, shotsOf(p.onDisk()), "and the file agrees");
            p.session.redo();
            assertTrue(p.onDisk().shots().stream().allMatch(s -> s.size() == ShotSize.CLOSE_UP), "redo writes it again");
        }
    }

    @Test
    void aBulkDeleteAsksOnceNamingTheSignOffsThatStopCounting_andOneUndoBringsEveryShotBackInPlace() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("delete.clearframe"))) {
            Scene cannery = p.scene("1", "CANNERY");
            Shot a = p.shot(cannery, "1", "Wide");
            Shot b = p.withGenerativeVfx(p.shot(cannery, "2", "The roof gives way"));
            Shot c = p.shot(cannery, "3", "Close");
            p.shot(cannery, "4", "Insert");
            ChangesExplainedTest.signAll(p, b, "Ana Ruiz");
            List<Shot> before = List.copyOf(p.session.shots());
            int signOffs = p.session.signOffs().size();
            ScriptedDialogs dialogs = new ScriptedDialogs().answer(true);
            ShotsViewModel model = new ShotsViewModel(p.session, dialogs);

            assertTrue(model.delete(List.of(p.current(c), p.current(a), p.current(b))));
            assertEquals(1, dialogs.shown.size(), "one question for the three shots");
            assertTrue(dialogs.shown.get(0).startsWith("confirm: Delete 3 shots?"));
            assertEquals(List.of("4"), p.onDisk().shots().stream().map(Shot::number).toList());
            assertEquals("Delete 3 shots", p.session.undoNameProperty().get());

            p.session.undo();
            assertEquals(before, List.copyOf(p.session.shots()), "back in their places");
            assertEquals(before, p.onDisk().shots(), "the file agrees");
            assertEquals(signOffs, p.session.signOffs().size());
            assertTrue(p.session.flags(b.id()).stream().noneMatch(Flag::open), "its sign-offs count again");
        }
    }

    @Test
    void aBulkEditThatVoidsSignOffsAsksFirstAndANoChangesNothing() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("voids.clearframe"))) {
            Scene cannery = p.scene("1", "CANNERY");
            Shot b = p.withGenerativeVfx(p.shot(cannery, "1", "The roof gives way"));
            Shot c = p.shot(cannery, "2", "Close");
            ChangesExplainedTest.signAll(p, b, "Ana Ruiz");
            ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);
            ShotsViewModel model = new ShotsViewModel(p.session, dialogs);
            AiUse voice = AiUse.of(Technique.VOICE_SYNTHESIS, "ADR line", "VoiceCo", Output.FINAL);
            assertFalse(model.bulkAddUse(List.of(p.current(b), p.current(c)), voice));
            assertTrue(dialogs.shown.get(0).startsWith("confirm: This change voids"), dialogs.shown.get(0));
            assertEquals(1, p.onDisk().shots().stream().mapToLong(s -> s.aiUses().size()).sum(), "nothing written");

            dialogs.shown.clear();
            dialogs.choose(ShotSize.WIDE.label());
            assertTrue(model.bulkSize(List.of(p.current(b), p.current(c))));
            assertEquals(List.of("choose: Size of 2 shots"), dialogs.shown, "size is not part of what was signed: nothing asked");
        }
    }
}
