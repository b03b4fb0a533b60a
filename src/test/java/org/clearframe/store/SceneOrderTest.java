package org.clearframe.store;

import org.clearframe.model.CastMember;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class SceneOrderTest {

    @TempDir Path dir;

    @Test
    void savesCastAndScenesAndPutsScenesInTheGivenOrderInOneTransaction() throws Exception {
        Path file = dir.resolve("order.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Order"))) {
            Scene a = Scene.numbered("1", IntExt.INT, "A", "DAY"), b = Scene.numbered("2", IntExt.INT, "B", "DAY"),
                    c = Scene.numbered("3", IntExt.INT, "C", "DAY");
            for (Scene s : List.of(a, b, c)) store.saveScene(s);
            Shot shot = Shot.numbered(b.id(), "1", "kept");
            store.saveShot(shot);

            CastMember nico = CastMember.of("", "Nico", Tristate.UNKNOWN);
            Scene inserted = new Scene(UUID.randomUUID(), "1A", IntExt.EXT, "D", "NIGHT", "", 2, "", List.of(nico.id()), false);
            Scene bOmitted = new Scene(b.id(), "2", IntExt.INT, "B", "DAY", "", 0, "", List.of(), true);
            store.saveScenesInOrder(List.of(nico), List.of(inserted, bOmitted), List.of(a.id(), inserted.id(), c.id()));

            var data = store.load();
            assertEquals(List.of("1", "1A", "3", "2"), data.scenes().stream().map(Scene::number).toList(),
                    "named scenes in the given order, the rest after them");
            assertTrue(data.scene(b.id()).orElseThrow().omitted());
            assertEquals(List.of(nico.id()), data.scene(inserted.id()).orElseThrow().castIds());
            assertEquals(List.of(shot), data.shots());

            Scene dangling = new Scene(UUID.randomUUID(), "9", IntExt.INT, "X", "DAY", "", 0, "", List.of(UUID.randomUUID()), false);
            assertThrows(StoreException.class, () -> store.saveScenesInOrder(List.of(), List.of(dangling), List.of(dangling.id())));
            assertEquals(data, store.load(), "a failed save leaves nothing behind");
        }
    }
}
