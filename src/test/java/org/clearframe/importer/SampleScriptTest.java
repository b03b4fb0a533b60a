package org.clearframe.importer;

import org.clearframe.model.CastMember;
import org.clearframe.model.IntExt;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The sample production's script in assets/ imports to exactly the sample production's scenes and cast. */
class SampleScriptTest {

    static final Path SAMPLE = Path.of("assets/sample/harbour-lights.fountain");

    @TempDir Path dir;

    @Test
    void harbourLightsImportsToTheSampleProductionsScenes() throws Exception {
        ProductionData data = ScriptImport.importNew(SAMPLE, dir.resolve("harbour.clearframe"));

        assertEquals("HARBOUR LIGHTS", data.production().title());
        Map<UUID, String> names = data.cast().stream().collect(Collectors.toMap(CastMember::id, CastMember::character));
        List<String> got = data.scenes().stream()
                .map(s -> s.number() + " " + s.intExt().name() + " " + s.set() + " | " + s.timeOfDay() + " | "
                        + s.castIds().stream().map(names::get).collect(Collectors.joining(", ")))
                .toList();
        assertEquals(List.of(
                "1 EXT HARBOUR FRONT | DAWN | Elena",
                "2 INT OLD CANNERY | NIGHT | Elena, Nico",
                "3 EXT OLD CANNERY | NIGHT | Elena, Hale",
                "4 INT VARGA FAMILY KITCHEN | DAY (1998) | Elena, Joe",
                "5 EXT FESTIVAL PIER | NIGHT | Elena, Nico",
                "6 INT POLICE STATION | DAY | Hale, Nico"), got);
        assertEquals(List.of("Elena", "Nico", "Hale", "Joe"), data.cast().stream().map(CastMember::character).toList());
        assertEquals(IntExt.EXT, data.scenes().get(0).intExt());
        assertEquals("Elena walks the empty harbour front as the boats come in.", data.scenes().get(0).synopsis());

        int eighths = data.scenes().stream().mapToInt(Scene::eighths).sum();
        assertTrue(eighths >= 3 * 8 && eighths <= 4 * 8 + 4, "about three to four pages, was " + Scene.pages(eighths));
    }
}
