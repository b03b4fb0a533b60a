package org.clearframe.store;

import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 10, case 7: readers create no file, need no write access, and read while a writer holds the file. */
class ReadersTest {

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void production() throws Exception {
        file = dir.resolve("read.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Read"))) {
            store.saveScene(Scene.numbered("1", IntExt.INT, "Room", "DAY"));
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReaderCreatesNoFileBesideTheProductionAndLeavesItsBytesAlone() throws Exception {
        List<String> before = listing();
        byte[] bytes = Files.readAllBytes(file);
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            assertEquals(1, reader.load().scenes().size());
            assertEquals(before, listing(), "nothing appears beside the production while it is read");
            assertThrows(StoreException.class, () -> reader.saveScene(Scene.numbered("2", IntExt.INT, "X", "DAY")));
        }
        assertEquals(before, listing());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void aReaderWorksInAReadOnlyFolder() throws Exception {
        // Tests may run as root, which ignores permission bits; the listing check above is what fails without the
        // fix there. As any other user this also proves the folder need not be writable.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<String> before = listing();
            try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
                assertEquals("Read", reader.load().production().title());
            }
            assertEquals(before, listing());
            if (!Files.isWritable(file)) {
                ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(file));
                assertEquals(ProjectFileException.Problem.READ_ONLY, e.problem());
                assertTrue(e.getMessage().contains("is read-only here"), e.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aReaderInThisProgramSeesEveryCommittedEditWhileTheFileIsHeld() throws Exception {
        try (ProductionStore writer = ProductionStore.open(file)) {
            UUID scene = writer.load().scenes().get(0).id();
            List<String> before = listing();
            for (int i = 1; i <= 3; i++) {
                writer.saveShot(Shot.numbered(scene, "" + i, "edit " + i));
                try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
                    assertEquals(i, reader.load().shots().size());
                }
            }
            assertEquals(before, listing());
        }
    }

    @Test
    void anotherProgramReadsWhileThisOneHoldsTheFile() throws Exception {
        try (ProductionStore writer = ProductionStore.open(file)) {
            UUID scene = writer.load().scenes().get(0).id();
            writer.saveShot(Shot.numbered(scene, "1", "first"));
            List<String> before = listing();
            ChildJvm.Result info = ChildJvm.run(OtherProgram.class, "cli", file.toString(), "info");
            assertEquals(0, info.exit(), info.output());
            assertTrue(info.output().contains("Shots:      1"), info.output());
            writer.saveShot(Shot.numbered(scene, "2", "second"));
            ChildJvm.Result again = ChildJvm.run(OtherProgram.class, "cli", file.toString(), "info");
            assertTrue(again.output().contains("Shots:      2"), again.output());
            assertEquals(before, listing(), "the other program left nothing beside the production");
        }
    }

    /**
     * Another program commits shot after shot, each with three AI uses, while this one keeps reading: every
     * read must be a whole committed state (never a shot without its uses, never fewer shots than before).
     */
    @Test
    void readsDuringAnotherProgramsWritesAreNeverTorn() throws Exception {
        int total = 120;
        Process writer = ChildJvm.start(OtherProgram.class, "edit-slowly", file.toString(), "" + total);
        BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", nextLine(lines));
        int last = 0, reads = 0;
        boolean exitedBeforeThisRead = false;
        while (writer.isAlive() || last < total) {
            try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
                ProductionData data = reader.load();
                int shots = data.shots().size();
                assertTrue(shots >= last, "went back from " + last + " to " + shots);
                for (Shot s : data.shots()) assertEquals(3, s.aiUses().size(), "shot " + s.number() + " read half-written");
                last = shots;
                reads++;
            }
            // The writer may have made its last commits and exited while this read was under way: only a read begun after
            // it exited that still falls short means it stopped early.
            if (!writer.isAlive() && last < total) {
                if (exitedBeforeThisRead) fail("the writer stopped early: " + new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                exitedBeforeThisRead = true;
            }
        }
        assertEquals(total, last);
        assertTrue(reads > 1, "read while the other program wrote");
    }

    private static String nextLine(BufferedReader lines) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.startsWith("WARNING")) return line;
        }
        return null;
    }

    @Test
    void anOlderFormatIsReadThroughAnUpgradedCopyLeavingTheFileAsItWas() throws Exception {
        Path old = dir.resolve("old.clearframe");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 2);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + UUID.randomUUID() + "', 'Old Show', 'FEATURE', 'FICTION')");
        }
        List<String> before = listing();
        byte[] bytes = Files.readAllBytes(old);
        try (ProductionStore reader = ProductionStore.openReadOnly(old)) {
            assertEquals("Old Show", reader.load().production().title());
            assertEquals(Migrations.LATEST, reader.formatVersion());
        }
        assertArrayEquals(bytes, Files.readAllBytes(old));
        assertEquals(before, listing(), "no backup and no journal beside an old file that was only read");
    }
}
