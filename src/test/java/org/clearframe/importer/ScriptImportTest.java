package org.clearframe.importer;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.clearframe.importer.FountainParserTest.resource;
import static org.junit.jupiter.api.Assertions.*;

class ScriptImportTest {

    @TempDir Path dir;

    private static final String DRAFT_ONE = """
            Title: Tide Tables
            Author: Ada Brennan

            EXT. QUAY - DAWN #1#

            Mara waits on the quay.

            MARA
            Late again.

            INT. BOATHOUSE - NIGHT #2#

            Oars on the wall. Mara and Jonas argue over a chart.

            MARA
            It's the wrong tide.

            JONAS (O.S.)
            It's the only tide.

            EXT. SLIPWAY - NIGHT #3#

            The boat slides into black water.

            INT. PUB - DAY #4#

            MARA
            One more.
            """;

    /** Scene 2 changes (time, a new speaker), scene 3 is cut, a new scene 3A comes in before 4. */
    private static final String DRAFT_TWO = """
            Title: Tide Tables
            Author: Ada Brennan

            EXT. QUAY - DAWN #1#

            Mara waits on the quay.

            MARA
            Late again.

            INT. BOATHOUSE - DAWN #2#

            Oars on the wall. Mara and Jonas argue over a chart.

            MARA
            It's the wrong tide.

            JONAS (O.S.)
            It's the only tide.

            HARBOURMASTER
            Both of you, out.

            EXT. OPEN SEA - NIGHT #3A#

            The boat alone under the stars.

            JONAS
            Told you.

            INT. PUB - DAY #4#

            MARA
            One more.
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aNewProductionGetsScenesNumbersAndCastOncePerCharacter() throws Exception {
        Path out = dir.resolve("almanac.clearframe");
        ScriptImport.importNew(resource("all-forms.fountain"), out);

        ProductionData data;
        try (ProductionStore store = ProductionStore.openReadOnly(out)) {
            data = store.load();
        }
        assertEquals("THE LIGHTHOUSE KEEPER'S ALMANAC", data.production().title());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), data.scenes().stream().map(Scene::number).toList(),
                "numbers from the script; unnumbered scenes get their place");
        assertEquals(List.of("Bea", "Fisherman", "Kofi", "McCLANE", "Young Keeper"), data.cast().stream().map(CastMember::character).toList());
        assertTrue(data.cast().stream().allMatch(c -> c.performer().isEmpty()), "performers are for the producer to fill in");
        Map<UUID, String> names = data.cast().stream().collect(Collectors.toMap(CastMember::id, CastMember::character));
        assertEquals(List.of("Kofi", "Bea"), data.scenes().get(3).castIds().stream().map(names::get).toList());
        assertEquals(List.of("Young Keeper", "Bea"), data.scenes().get(7).castIds().stream().map(names::get).toList());
        assertEquals(IntExt.INT_EXT, data.scenes().get(3).intExt());
        assertFalse(Files.exists(dir.resolve(".almanac.clearframe.partial")));
    }

    @Test
    void titleFallsBackToTheFileNameAndUnnumberedScriptsAreNumberedInOrder() throws Exception {
        Path script = write("night-ferry.fountain", "INT. CABIN - NIGHT\n\nA lamp swings.\n\nEXT. DECK - NIGHT\n\nWind.\n");
        ProductionData data = ScriptImport.importNew(script, dir.resolve("n.clearframe"));
        assertEquals("night-ferry", data.production().title());
        assertEquals(List.of("1", "2"), data.scenes().stream().map(Scene::number).toList());
    }

    @Test
    void reimportAddsChangesAndOmitsScenesWithoutTouchingShotsAiUsesOrSignOffs() throws Exception {
        Path file = dir.resolve("tide.clearframe");
        ScriptImport.importNew(write("tide-1.fountain", DRAFT_ONE), file);

        Shot onTwo, onThree;
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            Scene two = data.scenes().get(1), three = data.scenes().get(2);
            onTwo = Shot.numbered(two.id(), "1", "Wide of the boathouse")
                    .withAiUses(List.of(AiUse.of(Technique.SET_CONCEPT, "Boathouse concept", "ToolA", Output.TEMPORARY)));
            onThree = Shot.numbered(three.id(), "1", "Boat launches")
                    .withAiUses(List.of(AiUse.of(Technique.GENERATIVE_VFX, "Night water", "ToolB", Output.FINAL)));
            store.insertShots(List.of(onTwo, onThree));
            store.addSignOff(new SignOff(UUID.randomUUID(), onThree.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Sam",
                    Decision.APPROVED, "", Instant.parse("2027-01-10T10:00:00Z"), "fp"));
        }

        Path revised = write("tide-2.fountain", DRAFT_TWO);
        ProductionData before;
        ScriptRevision revision;
        try (ProductionStore store = ProductionStore.open(file)) {
            before = store.load();
            revision = ScriptImport.preview(before, revised);

            assertEquals(List.of("3A"), revision.added().stream().map(Scene::number).toList());
            assertEquals(1, revision.changed().size());
            ScriptRevision.Change change = revision.changed().get(0);
            assertEquals("2", change.before().number());
            assertTrue(change.what().containsAll(List.of("time of day", "cast")), change.what().toString());
            assertEquals(List.of("3"), revision.omitted().stream().map(Scene::number).toList());
            assertTrue(revision.omitted().get(0).omitted());
            assertEquals(2, revision.unchanged());
            assertEquals(List.of("Harbourmaster"), revision.newCast().stream().map(CastMember::character).toList());
            assertEquals("1 scene added, 1 changed, 1 omitted, 2 unchanged; 1 new cast member.", revision.summary());

            assertEquals(before, store.load(), "a preview writes nothing");
            ScriptImport.apply(store, revision);
        }

        ProductionData after;
        try (ProductionStore store = ProductionStore.open(file)) {
            after = store.load();
        }
        assertEquals(List.of("1", "2", "3", "3A", "4"), after.scenes().stream().map(Scene::number).toList(),
                "the new scene sits where the script has it; the omitted one stays in place");
        Scene three = after.scenes().get(2);
        assertTrue(three.omitted(), "a scene cut from the script is marked omitted, not deleted");
        assertEquals(before.shots(), after.shots(), "shots and their AI uses are untouched");
        assertEquals(before.signOffs(), after.signOffs(), "sign-offs are untouched");
        assertEquals(three.id(), after.shot(onThree.id()).orElseThrow().sceneId());
        Scene two = after.scenes().get(1);
        assertEquals("DAWN", two.timeOfDay());
        Map<UUID, String> names = after.cast().stream().collect(Collectors.toMap(CastMember::id, CastMember::character));
        assertEquals(List.of("Mara", "Jonas", "Harbourmaster"), two.castIds().stream().map(names::get).toList());
        assertEquals(List.of("Jonas"), after.scenes().get(3).castIds().stream().map(names::get).toList());
        assertEquals(3, after.cast().size(), "Jonas is not created twice");

        try (ProductionStore store = ProductionStore.open(file)) {
            ScriptRevision again = ScriptImport.preview(store.load(), revised);
            assertTrue(again.isEmpty(), () -> "re-importing the same script changes nothing: " + again.lines());
            assertEquals(4, again.unchanged());
            ScriptImport.apply(store, again);
            assertEquals(after, store.load());
        }
    }

    @Test
    void aCutSceneThatComesBackIsRestored() throws Exception {
        Path file = dir.resolve("tide.clearframe");
        ScriptImport.importNew(write("tide-1.fountain", DRAFT_ONE), file);
        try (ProductionStore store = ProductionStore.open(file)) {
            ScriptImport.apply(store, ScriptImport.preview(store.load(), write("tide-2.fountain", DRAFT_TWO)));
            ScriptRevision back = ScriptImport.preview(store.load(), write("tide-3.fountain", DRAFT_ONE));
            assertEquals(List.of("3"), back.changed().stream().filter(c -> c.what().contains("back in the script"))
                    .map(c -> c.after().number()).toList());
            assertEquals(List.of("3A"), back.omitted().stream().map(Scene::number).toList());
            ScriptImport.apply(store, back);
            assertEquals(List.of(false, false, false, true, false), store.load().scenes().stream().map(Scene::omitted).toList());
        }
    }

    @Test
    void unnumberedScenesAreMatchedByHeadingInScriptOrderAndInsertedScenesGetALetter() throws Exception {
        String one = """
                INT. KITCHEN - DAY

                Breakfast.

                EXT. GARDEN - DAY

                Weeds.

                INT. KITCHEN - DAY

                Lunch.
                """;
        String two = """
                INT. KITCHEN - DAY

                Breakfast.

                EXT. GARDEN - DAY

                Weeds.

                EXT. SHED - DAY

                Tools.

                INT. KITCHEN - DAY

                Dinner, not lunch.
                """;
        Path file = dir.resolve("k.clearframe");
        ScriptImport.importNew(write("k1.fountain", one), file);
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData before = store.load();
            ScriptRevision r = ScriptImport.preview(before, write("k2.fountain", two));
            assertEquals(List.of("2A"), r.added().stream().map(Scene::number).toList());
            assertEquals(1, r.changed().size());
            assertEquals(before.scenes().get(2).id(), r.changed().get(0).before().id(), "the second kitchen scene matches the second one");
            assertEquals(List.of("synopsis"), r.changed().get(0).what());
            assertTrue(r.omitted().isEmpty());
            ScriptImport.apply(store, r);
            assertEquals(List.of("1", "2", "2A", "3"), store.load().scenes().stream().map(Scene::number).toList());
        }
    }

    @Test
    void castAddedByHandAndSilentPartsStayOnAScene() throws Exception {
        Path file = dir.resolve("tide.clearframe");
        ScriptImport.importNew(write("tide-1.fountain", DRAFT_ONE), file);
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            CastMember extra = CastMember.of("Ray Dunmore", "Dock worker", null);
            store.saveCastMember(extra);
            Scene quay = data.scenes().get(0);
            store.saveScene(new Scene(quay.id(), quay.number(), quay.intExt(), quay.set(), quay.timeOfDay(), quay.synopsis(),
                    quay.eighths(), "Day 1", List.of(quay.castIds().get(0), extra.id()), false));
            ScriptRevision r = ScriptImport.preview(store.load(), write("tide-2.fountain", DRAFT_TWO));
            assertTrue(r.changed().stream().noneMatch(c -> c.before().id().equals(quay.id())), r.lines().toString());
            ScriptImport.apply(store, r);
            Scene after = store.load().scene(quay.id()).orElseThrow();
            assertEquals(Set.copyOf(List.of(quay.castIds().get(0), extra.id())), Set.copyOf(after.castIds()));
            assertEquals("Day 1", after.storyDay(), "fields the script does not have are kept");
        }
    }

    @Test
    void insertedNumbersFollowProductionConvention() {
        assertEquals("12A", ScriptImport.insertedNumber("12", null, 5, Set.of("12")));
        assertEquals("12B", ScriptImport.insertedNumber("12A", null, 5, Set.of("12", "12A")));
        assertEquals("12AA", ScriptImport.insertedNumber("12A", null, 5, Set.of("12A", "12B", "12C", "12D", "12E", "12F", "12G",
                "12H", "12I", "12J", "12K", "12L", "12M", "12N", "12O", "12P", "12Q", "12R", "12S", "12T", "12U", "12V", "12W", "12X", "12Y", "12Z")));
        assertEquals("A1", ScriptImport.insertedNumber(null, "1", 1, Set.of("1")));
        assertEquals("3", ScriptImport.insertedNumber(null, null, 3, Set.of()));
    }
}
