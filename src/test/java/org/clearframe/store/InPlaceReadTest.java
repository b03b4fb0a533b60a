package org.clearframe.store;

import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code info} reads a production where it lies, without the copy other readers take, only when nothing is writing
 * it; whenever a writer may be busy (a log beside the file, the file held here, a change during the read) the answer
 * is not used and the counts come from a consistent copy instead.
 */
class InPlaceReadTest {

    @TempDir Path dir;
    Path file;
    UUID scene;

    @BeforeEach
    void production() throws Exception {
        file = dir.resolve("odd name #1?.clearframe"); // a name that is not a plain URI
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Here"))) {
            Scene s = Scene.numbered("1", IntExt.INT, "Room", "DAY");
            store.saveScene(s);
            scene = s.id();
            store.saveShot(Shot.numbered(scene, "1", "first"));
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Optional<Integer> shotsInPlace() throws Exception {
        return ProductionFile.readInPlace(file, InPlaceReadTest::shots);
    }

    private static int shots(ProductionFile f) throws StoreException {
        return f.read(() -> {
            try (Statement s = f.connection().createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM shot")) {
                return r.getInt(1);
            }
        });
    }

    @Test
    void aQuietFileIsReadWhereItLiesLeavingNothingBesideIt() throws Exception {
        List<String> before = listing();
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(Optional.of(1), shotsInPlace());
        assertEquals(1, ProductionStore.countsOf(file).shots());
        assertEquals(before, listing(), "no lock file, log or shared memory beside the production");
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void aFileHeldHereIsReadFromACopyThatSeesItsCommittedEdits() throws Exception {
        try (ProductionStore writer = ProductionStore.open(file)) {
            writer.saveShot(Shot.numbered(scene, "2", "second"));
            assertEquals(Optional.empty(), shotsInPlace());
            assertEquals(2, ProductionStore.countsOf(file).shots());
        }
    }

    @Test
    void aLogBesideTheFileMeansAWriterMayBeBusyAndItsCommitsAreRead() throws Exception {
        // another program's connection (not exclusive) commits into the log and keeps it open
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("INSERT INTO shot (id, scene_id, number, description, position) SELECT '" + UUID.randomUUID()
                    + "', scene_id, '2', 'second', position + 1 FROM shot");
            assertTrue(Files.exists(Snapshot.sibling(file, "-wal")));
            assertEquals(Optional.empty(), shotsInPlace());
            assertEquals(2, ProductionStore.countsOf(file).shots());
        }
    }

    @Test
    void aWriteDuringTheReadThrowsTheAnswerAway() throws Exception {
        Optional<Integer> answer = ProductionFile.readInPlace(file, f -> {
            int shots = shots(f);
            try (ProductionStore writer = ProductionStore.open(file)) {
                writer.saveShot(Shot.numbered(scene, "2", "meanwhile"));
            } catch (ProjectFileException e) {
                throw new StoreException(e.getMessage(), e);
            }
            return shots;
        });
        assertEquals(Optional.empty(), answer);
        assertEquals(2, ProductionStore.countsOf(file).shots());
    }
}
