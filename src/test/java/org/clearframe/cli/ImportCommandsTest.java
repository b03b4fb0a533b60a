package org.clearframe.cli;

import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImportCommandsTest {

    @TempDir Path dir;

    private static final String SAMPLE = "assets/sample/harbour-lights.fountain";

    private record Result(int code, String out, String err) {}

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importScriptCreatesThenReimportsAndDryRunWritesNothing() throws Exception {
        Path file = dir.resolve("harbour.clearframe");
        Result dry = cli("import-script", SAMPLE, file.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("Would create"), dry.out());
        assertTrue(dry.out().contains("INT. VARGA FAMILY KITCHEN - DAY (1998)"), dry.out());
        assertFalse(Files.exists(file));

        Result created = cli("import-script", SAMPLE, file.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("Created " + file + ": \"HARBOUR LIGHTS\", 6 scenes, 4 cast members."), created.out());

        Path revised = dir.resolve("revised.fountain");
        Files.writeString(revised, Files.readString(Path.of(SAMPLE)).replace("EXT. FESTIVAL PIER - NIGHT #5#", "EXT. FESTIVAL PIER - DUSK #5#"));
        Result preview = cli("import-script", revised.toString(), file.toString(), "--dry-run");
        assertEquals(0, preview.code(), preview.err());
        assertTrue(preview.out().contains("0 scenes added, 1 changed, 0 omitted, 5 unchanged."), preview.out());
        assertTrue(preview.out().contains("~ 5 EXT. FESTIVAL PIER - DUSK (time of day)"), preview.out());
        assertEquals("NIGHT", load(file).scenes().get(4).timeOfDay(), "a dry run writes nothing");

        Result applied = cli("import-script", revised.toString(), file.toString());
        assertEquals(0, applied.code(), applied.err());
        assertEquals("DUSK", load(file).scenes().get(4).timeOfDay());
        Result again = cli("import-script", revised.toString(), file.toString());
        assertTrue(again.out().startsWith("No changes"), again.out());
    }

    @Test
    void exportAndImportShotsThroughTheCommandLine() throws Exception {
        Path file = dir.resolve("harbour.clearframe");
        assertEquals(0, cli("import-script", SAMPLE, file.toString()).code());
        Path shots = dir.resolve("shots.csv");
        Files.writeString(shots, "Scene,Shot,Description,Size\n2,1,Roof falls,WS\n2,2,\"Elena grabs Nico, hard\",CU\n");

        Result dry = cli("import-shots", file.toString(), shots.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("Columns: Scene = \"Scene\", Shot = \"Shot\", Description = \"Description\", Size = \"Size\""), dry.out());
        assertTrue(dry.out().contains("2 new shots, 0 updated, 0 unchanged."), dry.out());
        assertEquals(0, load(file).shots().size());

        assertEquals(0, cli("import-shots", file.toString(), shots.toString()).code());
        assertEquals(List.of("Roof falls", "Elena grabs Nico, hard"), load(file).shots().stream().map(s -> s.description()).toList());

        Path csv = dir.resolve("out.csv");
        Result export = cli("export-csv", file.toString(), csv.toString());
        assertEquals(0, export.code(), export.err());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFScene,INT/EXT,Set,"), text);
        assertTrue(text.contains("\"Elena grabs Nico, hard\""), text);
    }

    @Test
    void badInputExitsWithTwoAndAClearMessage() throws Exception {
        Path empty = dir.resolve("empty.fountain");
        Files.writeString(empty, "");
        Path out = dir.resolve("x.clearframe");
        Result r = cli("import-script", empty.toString(), out.toString());
        assertEquals(2, r.code());
        assertEquals("clearframe: empty.fountain is empty.", r.err().trim());
        assertFalse(Files.exists(out));

        assertEquals(2, cli("import-script", "only-one-arg").code());
        assertEquals(0, cli("import-script", SAMPLE, out.toString()).code());
        Path noScene = dir.resolve("odd.csv");
        Files.writeString(noScene, "Foo,Bar\n1,2\n");
        Result shots = cli("import-shots", out.toString(), noScene.toString());
        assertEquals(2, shots.code());
        assertTrue(shots.err().contains("no column of odd.csv looks like the scene number (its headers are: Foo, Bar)"), shots.err());
    }

    private static ProductionData load(Path file) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }
}
