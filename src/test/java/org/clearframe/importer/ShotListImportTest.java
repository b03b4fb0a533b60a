package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;
import org.clearframe.model.AiUse;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ShotListImportTest {

    @TempDir Path dir;

    private Path sample() throws Exception {
        Path file = dir.resolve("harbour.clearframe");
        ScriptImport.importNew(SampleScriptTest.SAMPLE, file);
        return file;
    }

    private Path csv(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void guessesColumnsFromCommonHeaderNames() {
        ColumnMapping m = ColumnMapping.guess(List.of("Sc #", "Shot No.", "Shot Description", "Shot Size", "Camera Angle", "Move",
                "Lens (mm)", "Duration (s)", "Comments", "Set"));
        assertEquals(Map.of(ShotField.SCENE, 0, ShotField.SHOT, 1, ShotField.DESCRIPTION, 2, ShotField.SIZE, 3, ShotField.ANGLE, 4,
                ShotField.MOVEMENT, 5, ShotField.LENS, 6, ShotField.DURATION, 7, ShotField.NOTES, 8), m.columns());
        assertTrue(m.isUsable());
        ColumnMapping none = ColumnMapping.guess(List.of("Foo", "Bar"));
        assertFalse(none.isUsable());
        assertEquals(Map.of(ShotField.SCENE, 1), none.with(ShotField.SCENE, 1).columns());
        assertEquals(Map.of(), none.with(ShotField.SCENE, 1).with(ShotField.SCENE, -1).columns());
    }

    @Test
    void importsNewShotsUpdatesExistingOnesAndCreatesUnknownScenes() throws Exception {
        Path file = sample();
        Shot existing;
        try (ProductionStore store = ProductionStore.open(file)) {
            Scene two = store.load().scenes().get(1);
            existing = Shot.numbered(two.id(), "1", "Old description")
                    .withAiUses(List.of(AiUse.of(Technique.DESTRUCTION_SIMULATION, "Roof collapse", "VendorX", Output.FINAL)));
            store.saveShot(existing);
        }
        Path list = csv("shots.csv", """
                Scene;Shot;Description;Size;Lens;Duration;Notes
                1;1;"Elena on the quay; boats behind";WS;24mm;6;
                1;;Thermos salute;MCU;50mm;"2,5";
                2;1;Roof gives way;CU;;;stunt
                2;1;Duplicate;CU;;;
                9;1;A scene the script has not got yet;LS;;1:30;
                ;3;No scene;;;;
                1;4;Odd size;Huge;;soon;
                """);
        ShotList shots = ShotListImport.read(list);
        ColumnMapping mapping = ColumnMapping.guess(shots.header());
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData before = store.load();
            ShotListPreview p = ShotListImport.preview(before, shots, mapping);
            assertEquals(4, p.newShots().size());
            assertEquals(List.of("9"), p.newScenes().stream().map(Scene::number).toList());
            assertEquals(1, p.updated().size());
            assertEquals(List.of("description", "size", "notes"), p.updated().get(0).what());
            assertEquals(List.of(
                    "row 5: shot 1 of scene 2 appears twice; skipped",
                    "row 7: no scene number; skipped",
                    "row 8: shot size \"Huge\" is not one Clearframe knows; left blank",
                    "row 8: duration \"soon\" is not a number of seconds or a time; left out"), p.problems());
            assertEquals("4 new shots, 1 updated, 0 unchanged; 1 new scene (9); 4 problems.", p.summary());
            assertEquals(before, store.load(), "a preview writes nothing");
            ShotListImport.apply(store, p);

            ProductionData after = store.load();
            Scene one = after.scenes().get(0);
            List<Shot> inOne = after.shotsOf(one.id());
            assertEquals(List.of("1", "2", "4"), inOne.stream().map(Shot::number).toList(), "a missing shot number gets the next free one");
            assertEquals("Elena on the quay; boats behind", inOne.get(0).description());
            assertEquals(ShotSize.WIDE, inOne.get(0).size());
            assertEquals(6.0, inOne.get(0).durationSeconds());
            assertEquals(2.5, inOne.get(1).durationSeconds(), "decimal comma");
            assertEquals(ShotSize.MEDIUM_CLOSE, inOne.get(1).size());
            Shot updated = after.shot(existing.id()).orElseThrow();
            assertEquals("Roof gives way", updated.description());
            assertEquals("stunt", updated.notes());
            assertEquals(existing.aiUses(), updated.aiUses(), "AI uses of an updated shot are untouched");
            Scene nine = after.scenes().get(after.scenes().size() - 1);
            assertEquals("9", nine.number());
            assertEquals(90.0, after.shotsOf(nine.id()).get(0).durationSeconds());

            assertTrue(ShotListImport.preview(after, shots, mapping).isEmpty(), "importing the same list again changes nothing");
        }
    }

    @Test
    void exportThenImportIntoACopyGivesTheSameShots() throws Exception {
        Path file = sample();
        Path exported = dir.resolve("export.csv");
        ProductionData original;
        try (ProductionStore store = ProductionStore.open(file)) {
            Scene two = store.load().scenes().get(1);
            store.insertShots(List.of(
                    new Shot(java.util.UUID.randomUUID(), two.id(), "1", "Zoë Niño, \"running\"\nfrom the roof", ShotSize.OVER_THE_SHOULDER,
                            "High", "Handheld", "35mm", 3.25, List.of(), "=not a formula", List.of()),
                    Shot.numbered(two.id(), "2", "Dust")));
            original = store.load();
            CsvExport.write(original, exported);
        }
        Path copy = dir.resolve("copy.clearframe");
        ScriptImport.importNew(SampleScriptTest.SAMPLE, copy);
        try (ProductionStore store = ProductionStore.open(copy)) {
            ShotList list = ShotListImport.read(exported);
            ShotListPreview p = ShotListImport.preview(store.load(), list, ColumnMapping.guess(list.header()));
            assertEquals(List.of(), p.problems());
            assertEquals(List.of(), p.newScenes(), "rows for scenes without shots create nothing");
            ShotListImport.apply(store, p);
            List<Shot> got = store.load().shots();
            assertEquals(original.shots().size(), got.size());
            for (int i = 0; i < got.size(); i++) {
                Shot a = original.shots().get(i), b = got.get(i);
                assertEquals(List.of(a.number(), a.description(), String.valueOf(a.size()), a.angle(), a.movement(), a.lens(), a.notes()),
                        List.of(b.number(), b.description(), String.valueOf(b.size()), b.angle(), b.movement(), b.lens(), b.notes()));
                assertEquals(a.durationSeconds(), b.durationSeconds());
            }
        }
    }

    @Test
    void windows1252FromExcelIsReadButBadFilesAreRefused() throws Exception {
        Path ansi = dir.resolve("excel.csv");
        Files.write(ansi, "Scene,Description\r\n1,Zoë Niño\r\n".getBytes(Charset.forName("windows-1252")));
        assertEquals("Zoë Niño", ShotListImport.read(ansi).rows().get(0).get(1));

        Path utf8 = csv("utf8.csv", "\uFEFFScene,Description\n1,Zoë Niño\n");
        assertEquals(List.of("Scene", "Description"), ShotListImport.read(utf8).header());

        ImportException e = assertThrows(ImportException.class, () -> ShotListImport.read(csv("open.csv", "Scene,Shot\n1,\"2\n")));
        assertEquals(Problem.MALFORMED, e.problem());
        assertEquals("open.csv is not a readable CSV file (line 2: a quoted field is never closed).", e.getMessage());

        e = assertThrows(ImportException.class, () -> ShotListImport.read(csv("header.csv", "Scene,Shot\r\n\r\n")));
        assertEquals("header.csv has a header row but no shots.", e.getMessage());
        e = assertThrows(ImportException.class, () -> ShotListImport.read(csv("empty.csv", "")));
        assertEquals(Problem.EMPTY, e.problem());
        Path xlsx = dir.resolve("shots.xlsx");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 0, 0});
        e = assertThrows(ImportException.class, () -> ShotListImport.read(xlsx));
        assertTrue(e.getMessage().contains("Save it as CSV"), e.getMessage());
        Files.write(ansi, new byte[] {'a', ',', (byte) 0x81, '\n'}); // 0x81 is undefined in windows-1252
        e = assertThrows(ImportException.class, () -> ShotListImport.read(ansi));
        assertEquals(Problem.ENCODING, e.problem());
    }

    @Test
    void durationsAndSizesInTheFormsShotListsUse() {
        assertEquals(4.0, ShotListImport.seconds("4 s"));
        assertEquals(12.0, ShotListImport.seconds("12sec"));
        assertEquals(90.0, ShotListImport.seconds("00:01:30:12"));
        assertEquals(-1, ShotListImport.seconds("-3"));
        assertEquals(-1, ShotListImport.seconds("1:75"));
        assertEquals(ShotSize.EXTREME_CLOSE_UP, ShotListImport.size("XCU"));
        assertEquals(ShotSize.TWO_SHOT, ShotListImport.size("Two shot"));
        assertEquals(ShotSize.TWO_SHOT, ShotListImport.size("2-shot"));
        assertEquals(ShotSize.CLOSE_UP, ShotListImport.size("close_up"));
        assertEquals(ShotSize.WIDE, ShotListImport.size("LS"));
        assertNull(ShotListImport.size("gigantic"));
    }
}
