package org.clearframe.store;

import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The paged shot lines a large production's first screen is read from: the same shots, order and facts as a whole load. */
class ShotLinesTest {

    @TempDir Path dir;

    @Test
    void pagesTogetherAreEveryShotInScriptOrderWithItsSceneAndAiUseCount() throws Exception {
        Path file = dir.resolve("paged.clearframe");
        ProductionData data = SyntheticProduction.generate(730, 5);
        ProductionBuilder.from(data).write(file);
        try (ProductionStore store = ProductionStore.open(file)) {
            // a scene moved to the front and a shot moved within its scene: the lines follow the stored order, not insertion
            ProductionData before = store.load();
            Scene last = before.scenes().get(before.scenes().size() - 1);
            store.moveScene(last.id(), 0);
            Shot lastShotOfFirst = before.shots().stream().filter(s -> s.sceneId().equals(before.scenes().get(0).id()))
                    .reduce((a, b) -> b).orElseThrow();
            store.moveShot(lastShotOfFirst.id(), 0);

            ProductionData whole = store.load();
            Map<UUID, Scene> scenes = whole.scenes().stream().collect(Collectors.toMap(Scene::id, Function.identity()));
            List<ProductionStore.ShotLine> paged = new ArrayList<>();
            for (int offset = 0; ; offset += 100) {
                List<ProductionStore.ShotLine> page = store.shotLines(offset, 100);
                paged.addAll(page);
                if (page.size() < 100) break;
            }
            assertEquals(whole.shots().size(), paged.size());
            for (int i = 0; i < paged.size(); i++) {
                Shot shot = whole.shots().get(i);
                ProductionStore.ShotLine line = paged.get(i);
                assertEquals(new ProductionStore.ShotLine(shot.id(), scenes.get(shot.sceneId()).number(), shot.number(), shot.description(),
                        shot.size(), shot.aiUses().size()), line, "line " + i);
            }
            assertTrue(paged.stream().anyMatch(l -> l.aiUses() > 0) && paged.stream().anyMatch(l -> l.aiUses() == 0));
            assertEquals(last.number(), paged.get(0).scene(), "the moved scene comes first");
        }
    }

    @Test
    void pagesPastTheEndAreEmptyAndNegativeBoundsAreRefused() throws Exception {
        Path file = dir.resolve("small.clearframe");
        ProductionBuilder.titled("Small").scene("1", org.clearframe.model.IntExt.INT, "ROOM", "DAY").shot("1", "Wide").write(file);
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(1, store.shotLines(0, 10).size());
            assertEquals(List.of(), store.shotLines(1, 10));
            assertEquals(List.of(), store.shotLines(0, 0));
            assertThrows(IllegalArgumentException.class, () -> store.shotLines(-1, 10));
            assertThrows(IllegalArgumentException.class, () -> store.shotLines(0, -1));
        }
    }
}
