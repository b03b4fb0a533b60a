package org.clearframe.exchange;

import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Any generated production (departments, cast, scenes, shots, AI uses, sign-offs) survives a trip through real
 * files: saved to a .clearframe, exported with {@link ProjectJson#export}, imported with
 * {@link ProjectJson#importTo} into a new .clearframe, and loaded again, it is the same data, row for row and
 * in the same order. Each case names its seed; {@code new Gen(seed).production()} rebuilds it.
 */
class ProjectJsonRoundTripPropertiesTest {

    @TempDir Path dir;

    static LongStream seeds() {
        return Gen.seeds(0x50C7L, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exportThenImportGivesTheSameProduction(long seed) throws Exception {
        ProductionData generated = new Gen(seed).production();
        Path original = dir.resolve(seed + ".clearframe");
        // Sign-offs count, and travel, only with a proof: record them as the app does, attested by this user's key.
        ProductionStore.createFrom(original, new ProductionData(generated.production(), generated.departments(), generated.cast(),
                generated.scenes(), generated.shots(), List.of(), generated.policyJson()));
        try (ProductionStore store = ProductionStore.open(original)) {
            Attestations.record(store, generated.production().id(), generated.signOffs(), KeyRing.forUser());
        }
        ProductionData saved = load(original);
        // The store keeps everything it was given (order aside: shots come back in scene order).
        assertEquals(generated.production(), saved.production(), "seed " + seed);
        assertSame(generated.departments(), saved.departments(), "departments", seed);
        assertSame(generated.cast(), saved.cast(), "cast", seed);
        assertEquals(generated.scenes(), saved.scenes(), "seed " + seed + ": scenes in script order");
        assertSame(generated.shots(), saved.shots(), "shots", seed);
        assertSame(generated.signOffs(), saved.signOffs(), "sign-offs", seed);

        Path json = dir.resolve(seed + ".json");
        ProjectJson.export(original, json);
        Path copy = dir.resolve(seed + "-copy.clearframe");
        ProductionData imported = ProjectJson.importTo(json, copy);
        assertEquals(saved, imported, "seed " + seed + ": what import-json read");
        assertEquals(saved, load(copy), "seed " + seed + ": what import-json wrote");
    }

    private static ProductionData load(Path file) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    private static <T> void assertSame(List<T> expected, List<T> actual, String what, long seed) {
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": number of " + what);
        assertEquals(new HashSet<>(expected), new HashSet<>(actual), "seed " + seed + ": " + what);
    }
}
