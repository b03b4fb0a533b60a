package org.clearframe.cli;

import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.store.ChildJvm;
import org.clearframe.store.OtherProgram;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, cases 7 and 11: the reading verbs work while the app holds the production, in a read-only folder or
 * mount, and write nothing; a production that cannot be written is explained, not reported as an I/O error.
 */
class ReadOnlyCommandsTest {

    @TempDir Path dir;
    Path file;
    UUID scene;
    CastMember zoe = new CastMember(UUID.randomUUID(), "Zoë Niño", "Elena", Tristate.YES, false);

    @BeforeEach
    void production() throws Exception {
        file = dir.resolve("held.clearframe");
        Scene s = new Scene(UUID.randomUUID(), "4", IntExt.EXT, "PIER", "NIGHT", "", 8, "", List.of(zoe.id()), false);
        ProductionBuilder.titled("Held").cast(zoe).scene(s).write(file);
        scene = s.id();
    }

    private Shot deAged(String number) {
        AiUse use = new AiUse(UUID.randomUUID(), Technique.DE_AGING, "Flashback", "AgeShift", Output.FINAL, List.of(zoe.id()),
                List.of(), Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO, Set.<Factor>of(), "");
        Shot s = Shot.numbered(scene, number, "Elena young");
        return new Shot(s.id(), scene, number, s.description(), null, "", "", "", 0, List.of(), "", List.of(use));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void checkGatesWhileTheAppHoldsTheProductionAndSeesItsEdits() throws Exception {
        try (ProductionStore app = ProductionStore.open(file)) {
            List<String> before = listing();
            Console clear = Console.run("check", file.toString());
            assertEquals(Command.OK, clear.code(), clear.err());

            app.saveShot(deAged("1"));
            Console here = Console.run("check", file.toString());
            assertEquals(Command.FINDING, here.code(), here.err());
            assertTrue(here.out().contains("Scene 4, shot 1"), here.out());

            // and from another program, as a pipeline would run it
            ChildJvm.Result other = ChildJvm.run(OtherProgram.class, "cli", file.toString(), "check");
            assertEquals(Command.FINDING, other.exit(), other.output());
            assertTrue(other.output().contains("Scene 4, shot 1"), other.output());
            for (String verb : List.of("info", "export-json", "export-csv")) {
                String[] args = verb.equals("info") ? new String[] {verb, file.toString()}
                        : new String[] {verb, file.toString(), dir.resolve("out-" + verb).toString()};
                Console run = Console.run(args);
                assertEquals(Command.OK, run.code(), verb + ": " + run.err());
            }
            List<String> after = listing().stream().filter(n -> !n.startsWith("out-")).toList();
            assertEquals(before, after, "no -wal, -shm or journal from any reader");
        }
    }

    @Test
    void infoCountsWithoutLoadingAndAgreesWithTheWholeProduction() throws Exception {
        Path big = dir.resolve("big.clearframe");
        ProductionData data = SyntheticProduction.generate(400, 3);
        ProductionBuilder.from(data).write(big);
        Console info = Console.run("info", big.toString());
        assertEquals(Command.OK, info.code(), info.err());
        assertTrue(info.out().contains("Scenes:     " + data.scenes().size() + "\n"), info.out());
        assertTrue(info.out().contains("Shots:      " + data.shots().size() + "\n"), info.out());
        assertTrue(info.out().contains("AI uses:    " + data.aiUseCount() + "\n"), info.out());
        assertTrue(info.out().contains("Shots with AI use: " + data.shots().stream().filter(Shot::hasAiUse).count() + "\n"), info.out());
        assertTrue(info.out().contains("Departments: " + data.departments().size() + ", cast: " + data.cast().size()), info.out());
    }

    /**
     * info skips the whole-file check for speed (its counts may come from an intact index where a table page is damaged,
     * as sqlite3's would); a damaged page it reads is still refused plainly (exit 2), and the schema check still refuses
     * a file with a foreign trigger.
     */
    @Test
    void infoRefusesADamagedPageItReadsAndAForeignTrigger() throws Exception {
        Path big = dir.resolve("damaged.clearframe");
        ProductionBuilder.from(SyntheticProduction.generate(400, 3)).write(big);
        int pageSize, root;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + big); var s = c.createStatement()) {
            try (var r = s.executeQuery("PRAGMA page_size")) { pageSize = r.getInt(1); }
            try (var r = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'production'")) { root = r.getInt(1); }
        }
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.seek((long) (root - 1) * pageSize); // the production row's page: its page type byte becomes nonsense
            f.write(0x7F);
        }
        Console damaged = Console.run("info", big.toString());
        assertEquals(Command.BAD_INPUT, damaged.code(), damaged.out());
        assertTrue(damaged.err().startsWith("clearframe: ") && !damaged.err().contains("\tat "), damaged.err());

        Path foreign = dir.resolve("foreign.clearframe");
        ProductionBuilder.from(SyntheticProduction.generate(20, 3)).write(foreign);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign); var s = c.createStatement()) {
            s.execute("CREATE TRIGGER sneaky AFTER INSERT ON shot BEGIN SELECT 1; END");
        }
        Console tampered = Console.run("info", foreign.toString());
        assertEquals(Command.BAD_INPUT, tampered.code(), tampered.out());
        assertTrue(tampered.err().contains("sneaky"), tampered.err());
    }

    /**
     * A real read-only mount, made for a child process in its own mount namespace (unshare, as root or with user
     * namespaces). Where the machine allows neither, this is skipped, and the listing checks above stand in.
     */
    @Test
    void onAReadOnlyMountCheckWorksAndWritingIsExplained() throws Exception {
        try (ProductionStore app = ProductionStore.open(file)) {
            app.saveShot(deAged("1"));
        }
        Path csv = Files.writeString(dir.resolve("shots.csv"), "Scene,Shot,Description\n4,2,More\n");
        byte[] bytes = Files.readAllBytes(file);
        List<String> sandbox = List.of("unshare", "-rm", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && exec \"$@\"", dir.toString());
        ChildJvm.Result probe;
        try {
            probe = ChildJvm.runUnder(List.of("unshare", "-rm", "sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && touch \"$0/probe\" 2>/dev/null; test ! -e \"$0/probe\" && exec \"$@\"",
                    dir.toString()), OtherProgram.class, "cli", file.toString(), "info");
        } catch (java.io.IOException e) {
            probe = null;
        }
        Assumptions.assumeTrue(probe != null && probe.exit() == 0, "this machine cannot make a read-only mount: " + (probe == null ? "no unshare" : probe.output()));

        ChildJvm.Result check = ChildJvm.runUnder(sandbox, OtherProgram.class, "cli", file.toString(), "check");
        assertEquals(Command.FINDING, check.exit(), check.output());
        assertTrue(check.output().contains("Scene 4, shot 1"), check.output());

        ChildJvm.Result write = ChildJvm.runUnder(sandbox, OtherProgram.class, "cli", file.toString(), "import-shots", csv.toString());
        assertEquals(Command.BAD_INPUT, write.exit(), write.output());
        assertTrue(write.output().contains("held.clearframe is read-only here"), write.output());
        assertFalse(write.output().contains("SQLITE_"), write.output());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }
}
