package org.clearframe.cli;

import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AOT caches are only as good as their training runs: the double-clicked file's cache must see a real production
 * opened, and the command line's every verb run to the end. A run that silently did nothing would still make a cache.
 */
class AotTrainingTest {

    @Test
    void theWindowsTrainingProductionIsTheSampleSeventyTimesOverAndOpens(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("left-over.txt"), "from an earlier run");
        Path large = AotTraining.largeProduction(dir);
        assertFalse(Files.exists(dir.resolve("left-over.txt")), "the folder is emptied first");
        int sampleShots;
        try (ProductionStore sample = ProductionStore.openReadOnly(dir.resolve("sample.clearframe"))) {
            sampleShots = sample.counts().shots();
        }
        try (ProductionStore store = ProductionStore.openReadOnly(large)) {
            assertEquals(70 * sampleShots, store.counts().shots());
        }
        // only the production: the command-line verbs train another cache
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".clearframe")).count());
        }
        assertFalse(Files.exists(dir.resolve("large.clearframe.pdf")));
    }

    @Test
    void theCommandLinesTrainingRunsEveryVerbToItsOutput(@TempDir Path dir) throws Exception {
        AotTraining.runVerbs(dir);
        for (String name : new String[]{"sample.clearframe", "large.clearframe"}) {
            for (String out : new String[]{".csv", ".pdf", ".json"}) {
                Path file = dir.resolve(name + out);
                assertTrue(Files.size(file) > 0, file + " was written");
            }
            try (ProductionStore back = ProductionStore.openReadOnly(dir.resolve("back-" + name));
                 ProductionStore original = ProductionStore.openReadOnly(dir.resolve(name))) {
                assertEquals(original.counts().shots(), back.counts().shots(), "import-json read " + name + " back whole");
            }
        }
    }
}
