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
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 10, case 5: the lock is taken at open, so a second writer is refused before it shows anything editable. */
class OpenLockTest {

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void production() throws Exception {
        file = dir.resolve("lock.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Lock"))) {
            store.saveScene(Scene.numbered("1", IntExt.INT, "Room", "DAY"));
        }
    }

    @Test
    void aSecondOpenInThisProgramIsRefusedBeforeAnyEditAndNoEditIsLost() throws Exception {
        try (ProductionStore first = ProductionStore.open(file)) { // opened, not edited: the case the issue found
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(file));
            assertEquals(ProjectFileException.Problem.LOCKED, e.problem());
            assertTrue(e.getMessage().contains("open in another Clearframe window or program"), e.getMessage());
            Path sameFileOtherPath = dir.resolve("link.clearframe");
            Files.createSymbolicLink(sameFileOtherPath, file);
            assertEquals(ProjectFileException.Problem.LOCKED,
                    assertThrows(ProjectFileException.class, () -> ProductionStore.open(sameFileOtherPath)).problem());
            first.saveShot(Shot.numbered(first.load().scenes().get(0).id(), "1", "mine"));
        }
        try (ProductionStore again = ProductionStore.open(file)) {
            assertEquals(List.of("mine"), again.load().shots().stream().map(Shot::description).toList());
        }
    }

    @Test
    void anotherProgramIsRefusedWhileThisOneHasTheFileOpenUnedited() throws Exception {
        try (ProductionStore first = ProductionStore.open(file)) {
            ChildJvm.Result other = ChildJvm.run(OtherProgram.class, "open", file.toString());
            assertTrue(other.output().contains("LOCKED: lock.clearframe is open in another Clearframe window or program"), other.output());

            // Readers and the PDF fingerprint in this program must not release the lock (POSIX drops a process's
            // locks on a file when any descriptor of it is closed): read, hash, then try again from outside.
            try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
                assertEquals(1, reader.load().scenes().size());
            }
            assertFalse(first.fileSha256().isBlank());
            ChildJvm.Result afterReads = ChildJvm.run(OtherProgram.class, "open", file.toString());
            assertTrue(afterReads.output().contains("LOCKED"), afterReads.output());
            first.saveShot(Shot.numbered(first.load().scenes().get(0).id(), "1", "mine"));
        }
        // The same child succeeds once the file is free: the refusal above was the lock, not the child.
        ChildJvm.Result free = ChildJvm.run(OtherProgram.class, "open", file.toString());
        assertTrue(free.output().contains("OPENED AND WROTE"), free.output());
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            assertEquals(List.of("mine", ""), store.load().shots().stream().map(Shot::description).toList(), "no edit lost");
        }
    }

    @Test
    void theFileOnDiskHoldsEveryCommittedEditWhileOpen() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(Shot.numbered(store.load().scenes().get(0).id(), "7", "checkpointed"));
            Path handCopy = dir.resolve("copy.clearframe");
            Files.write(handCopy, Files.readAllBytes(file)); // the main file alone, as someone copying it by hand would
            try (ProductionStore copy = ProductionStore.openReadOnly(handCopy)) {
                assertEquals("checkpointed", copy.load().shots().get(0).description());
            }
        }
    }
}
