package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 10, case 11: imports that would lose or confuse data refuse with exit 2 and write nothing. */
class ImportRefusalsTest {

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void production() {
        file = dir.resolve("harbour.clearframe");
        Console created = Console.run("import-script", "assets/sample/harbour-lights.fountain", file.toString());
        assertEquals(0, created.code(), created.both());
    }

    private ProductionData load(Path f) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(f)) {
            return store.load();
        }
    }

    @Test
    void importShotsRefusesAListWithBadRowsUnlessToldToSkipThem() throws Exception {
        Path csv = Files.writeString(dir.resolve("shots.csv"), "Scene,Shot,Description\n2,1,Roof falls\n,2,No scene given\n2,1,Same shot again\n2,3,Dust\n");
        Console refused = Console.run("import-shots", file.toString(), csv.toString());
        assertEquals(2, refused.code(), refused.both());
        assertTrue(refused.err().contains("row 3") && refused.err().contains("row 4"), "names the bad rows: " + refused.err());
        assertTrue(refused.err().contains("--skip-bad-rows"), refused.err());
        assertEquals(0, load(file).shots().size(), "nothing imported");

        Console skipped = Console.run("import-shots", file.toString(), csv.toString(), "--skip-bad-rows");
        assertEquals(0, skipped.code(), skipped.both());
        assertTrue(skipped.out().contains("2 bad rows skipped or read in part"), skipped.out());
        assertEquals(2, load(file).shots().size());
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRefusedNamingTheRow() throws Exception {
        Path csv = Files.writeString(dir.resolve("shots.csv"), "Scene,Shot,Description\n2,1,Roof falls\n2,2,Dust,hand-held\n");
        Console r = Console.run("import-shots", file.toString(), csv.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("row 3") && r.err().contains("hand-held"), r.err());
        assertEquals(0, load(file).shots().size());

        // A stray delimiter at the end of a line holds nothing and is not an error.
        Files.writeString(csv, "Scene,Shot,Description\n2,1,Roof falls,\n2,2,Dust,,\n");
        Console trailing = Console.run("import-shots", file.toString(), csv.toString());
        assertEquals(0, trailing.code(), trailing.both());
        assertEquals(2, load(file).shots().size());
    }

    @Test
    void importJsonRefusesTwoShotsWithOneNumberInAScene() throws Exception {
        Path sample = Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), dir.resolve("sample.clearframe"));
        Path json = dir.resolve("sample.json");
        assertEquals(0, Console.run("export-json", sample.toString(), json.toString()).code());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
        Map<String, JsonNode> firstOfScene = new HashMap<>();
        ObjectNode twin = null;
        for (JsonNode shot : root.get("shots")) {
            JsonNode first = firstOfScene.putIfAbsent(shot.get("sceneId").asText(), shot);
            if (first != null) {
                twin = (ObjectNode) shot;
                twin.put("number", " " + first.get("number").asText().toLowerCase() + " ");
                break;
            }
        }
        assertNotNull(twin, "the sample has a scene with two shots");
        mapper.writeValue(json.toFile(), root);

        Path target = dir.resolve("copy.clearframe");
        Console r = Console.run("import-json", json.toString(), target.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("two shots numbered"), r.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void importScriptSummarisesALongScriptInsteadOfPrintingEveryScene() throws Exception {
        StringBuilder script = new StringBuilder("Title: Long Night\n\n");
        for (int i = 1; i <= 60; i++) script.append("INT. CORRIDOR ").append(i).append(" - NIGHT\n\nShe walks.\n\nMAYA\nAgain.\n\n");
        Path fountain = Files.writeString(dir.resolve("long.fountain"), script);
        Console r = Console.run("import-script", fountain.toString(), dir.resolve("long.clearframe").toString());
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("60 scenes"), r.out());
        assertTrue(r.out().contains("... and 50 more scenes."), r.out());
        assertTrue(r.out().lines().count() <= ImportScriptCommand.SCENES_SHOWN + 3, r.out());
        assertFalse(r.out().contains("CORRIDOR 11 "), r.out());
    }
}
