package org.clearframe.fuzz;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the fuzz targets share: one scratch folder per test run (the readers under test take files, so every
 * input goes through a real file), a small production to import into, and the check that a refusal explains
 * itself.
 */
final class FuzzFiles {

    private static final Path DIR = scratch();

    private FuzzFiles() {}

    /** Writes {@code bytes} to a file called {@code name} in the scratch folder, replacing the previous input. */
    static Path write(String name, byte[] bytes) {
        try {
            return Files.write(DIR.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh path in the scratch folder that does not exist yet. */
    static Path fresh(String name) {
        Path p = DIR.resolve(name);
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Path dir() {
        return DIR;
    }

    /** A documented refusal must say what is wrong: an empty message would leave the user with nothing. */
    static void assertExplained(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("refused without a message: " + e.getClass().getName(), e);
        }
    }

    /** Two scenes, a performer and a shot with a de-aging AI use: enough for imports and rules to have work. */
    static ProductionData production() {
        UUID p = UUID.fromString("00000000-0000-0000-0000-00000000aa01");
        List<Department> departments = Department.defaults();
        CastMember lead = new CastMember(UUID.fromString("00000000-0000-0000-0000-00000000ca01"), "Mara Quinn", "Hale", Tristate.YES, false);
        Scene one = new Scene(UUID.fromString("00000000-0000-0000-0000-00000000cc01"), "1", IntExt.INT, "Kitchen", "DAY", "", 8, "Day 1",
                List.of(lead.id()), false);
        Scene two = new Scene(UUID.fromString("00000000-0000-0000-0000-00000000cc02"), "12A", IntExt.EXT, "Harbour", "NIGHT", "", 4, "Day 2",
                List.of(), false);
        AiUse deAging = new AiUse(UUID.fromString("00000000-0000-0000-0000-00000000a101"), Technique.DE_AGING, "Flashback", "AgeShift",
                Output.FINAL, List.of(lead.id()), List.of(departments.get(5).id()), Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO,
                Set.of(Factor.PERFORMER_TOOK_PART), "");
        Shot first = new Shot(UUID.fromString("00000000-0000-0000-0000-00000000b001"), one.id(), "1", "Hale at twenty", ShotSize.MEDIUM,
                "", "", "35mm", 4, List.of(), "", List.of(deAging));
        Shot second = new Shot(UUID.fromString("00000000-0000-0000-0000-00000000b002"), one.id(), "2", "Kettle", ShotSize.INSERT,
                "", "", "", 2, List.of(), "", List.of());
        return new ProductionData(new Production(p, "Fuzz", null, null, "", "", "", null, ""), departments, List.of(lead),
                List.of(one, two), List.of(first, second), List.of(), "");
    }

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("clearframe-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch folder in the temp directory is harmless
        }
    }
}
