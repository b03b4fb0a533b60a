package org.clearframe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutputFileTest {

    @TempDir Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoPartialFile() throws Exception {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old contents");
        IOException e = assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old contents", Files.readString(target));
        assertEquals(List.of("report.csv"), names(), "no temporary file is left behind");

        OutputFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("report.csv"), names());
    }

    @Test
    void aProductionIsNeverReplacedWhateverItsName() throws Exception {
        Path production = dir.resolve("film.clearframe");
        Files.write(production, "SQLite format 3\0rest of the database".getBytes(StandardCharsets.ISO_8859_1));
        byte[] before = Files.readAllBytes(production);
        assertThrows(OutputFile.Refused.class, () -> OutputFile.write(production, out -> out.write(1)));
        assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(production, true));

        Path renamed = dir.resolve("film-backup.json"); // a production under another name is still one
        Files.copy(production, renamed);
        assertThrows(OutputFile.Refused.class, () -> OutputFile.write(renamed, out -> out.write(1)));
        assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(renamed, true));
        assertArrayEquals(before, Files.readAllBytes(production));
        assertArrayEquals(before, Files.readAllBytes(renamed));
    }

    @Test
    void theInputIsRecognisedThroughSymbolicAndHardLinks() throws Exception {
        Path input = dir.resolve("notes.txt");
        Files.writeString(input, "input");
        Path symlink = Files.createSymbolicLink(dir.resolve("alias.txt"), input);
        Path hardlink = Files.createLink(dir.resolve("same.txt"), input);
        for (Path target : List.of(input, symlink, hardlink, dir.resolve("./notes.txt"))) {
            OutputFile.Refused e = assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(target, true, input), target.toString());
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(dir.resolve("film.clearframe-wal"), true, dir.resolve("film.clearframe")));
    }

    @Test
    void anotherExistingFileNeedsConsentAndANewOneDoesNot() throws Exception {
        Path existing = dir.resolve("old.pdf");
        Files.writeString(existing, "old");
        OutputFile.Refused e = assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(existing, false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertDoesNotThrow(() -> OutputFile.checkTarget(existing, true));
        assertDoesNotThrow(() -> OutputFile.checkTarget(dir.resolve("new.pdf"), false));
        assertThrows(OutputFile.Refused.class, () -> OutputFile.checkTarget(dir, true), "a folder");
    }

    @Test
    void aNewFileIsMovedIntoPlaceOnlyWhereNothingIs() throws Exception {
        Path temp = Files.writeString(dir.resolve(".new.partial"), "new");
        Path taken = Files.writeString(dir.resolve("taken.clearframe"), "someone else's");
        assertThrows(OutputFile.Refused.class, () -> OutputFile.moveIntoPlaceNew(temp, taken));
        assertEquals("someone else's", Files.readString(taken));
        Path free = dir.resolve("free.clearframe");
        OutputFile.moveIntoPlaceNew(temp, free);
        assertEquals("new", Files.readString(free));
        assertFalse(Files.exists(temp));
    }
}
