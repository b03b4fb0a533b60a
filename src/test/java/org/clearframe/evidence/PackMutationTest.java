package org.clearframe.evidence;

import org.clearframe.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random damage to the raw bytes of a real pack (seeded; a failure names its seed): the verifier never throws, and
 * never calls a pack valid unless every file in it is byte for byte what the producer signed (a flipped byte in a zip
 * header's date, say, changes no file).
 */
class PackMutationTest {

    static Path dir, pack;
    static byte[] original;
    static Map<String, byte[]> files;

    @BeforeAll
    static void pack() throws Exception {
        dir = Files.createTempDirectory("clearframe-pack-mutation");
        String saved = System.getProperty("clearframe.config");
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        try {
            Path sample = dir.resolve("harbour-lights.clearframe");
            Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
            pack = dir.resolve("pack.zip");
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertEquals(0, Cli.run(new String[]{"evidence", sample.toString(), pack.toString()}, sink, sink));
        } finally {
            if (saved == null) System.clearProperty("clearframe.config"); else System.setProperty("clearframe.config", saved);
        }
        original = Files.readAllBytes(pack);
        files = EvidencePackTest.unzip(pack);
    }

    @AfterAll
    static void clean() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void damagedBytesAreNeverTakenForTheSignedPack(long seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < 25; round++) {
            byte[] bytes = original.clone();
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            Path damaged = dir.resolve("damaged-" + seed + "-" + round + ".zip");
            Files.write(damaged, bytes);
            PackVerifier.Result r = assertDoesNotThrow(() -> PackVerifier.verify(damaged, null), "seed " + seed + " round " + round);
            if (r.valid()) {
                Map<String, byte[]> now = EvidencePackTest.unzip(damaged);
                assertEquals(files.keySet(), now.keySet(), "seed " + seed + " round " + round);
                for (var e : files.entrySet()) {
                    assertTrue(Arrays.equals(e.getValue(), now.get(e.getKey())), "seed " + seed + " round " + round + ": " + e.getKey());
                }
            }
            Files.delete(damaged);
        }
    }
}
