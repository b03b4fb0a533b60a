package org.clearframe.store;

import org.clearframe.model.IntExt;
import org.clearframe.model.Shot;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reads and edits share one connection. A read from another thread (the window reading while an import writes) must
 * see the production before the edit or after it, never the half of an edit that is not committed yet.
 */
class ReadDuringEditTest {

    @TempDir Path dir;

    @Test
    void aReadOnAnotherThreadNeverSeesHalfAnEdit() throws Exception {
        ProductionBuilder built = ProductionBuilder.titled("Busy").scene("1", IntExt.INT, "ROOM", "DAY");
        UUID scene = built.lastScene().id();
        int batch = 2_000, batches = 5;
        try (ProductionStore store = built.open(dir.resolve("busy.clearframe"))) {
            AtomicBoolean done = new AtomicBoolean();
            Set<Integer> seen = new TreeSet<>();
            List<Throwable> failures = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        ProductionStore.Counts c = store.counts();
                        synchronized (seen) {
                            seen.add(c.shots());
                        }
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }, "reader");
            reader.start();
            for (int b = 0; b < batches; b++) {
                List<Shot> shots = new ArrayList<>();
                for (int i = 0; i < batch; i++) shots.add(Shot.numbered(scene, b + "-" + i, "Shot " + i));
                store.insertShots(shots);
            }
            done.set(true);
            reader.join();
            assertEquals(List.of(), failures);
            for (int n : seen) assertEquals(0, n % batch, "a read saw " + n + " shots, part of one edit: " + seen);
            assertEquals(batch * batches, store.counts().shots());
        }
    }
}
