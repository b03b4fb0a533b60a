package org.clearframe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * A consistent private copy of a production for a reader, taken without any lock and without creating a file
 * beside it, so that check, info and the exports work in read-only folders and while the app holds the file.
 *
 * <p>Why a copy is consistent: a writer (see {@link ProductionStore}) keeps its file in WAL mode and holds
 * SQLite's exclusive lock, so readers cannot lock; instead they copy the main file, then the write-ahead log,
 * and compare a {@link Mark} taken before and after. In WAL mode SQLite changes the main file only in a
 * checkpoint, which copies pages from the current log generation; the log is append-only within a generation
 * and every new generation rewrites the log header with a new salt. So if the mark (log header, log size, main
 * header with its change counter, sizes) is the same before and after: any checkpoint that overlapped the copy
 * of the main file wrote pages whose frames are all in the copied log, and opening the copy replays that log
 * over them (SQLite drops a torn last frame by its checksum). A writer session that began and ended entirely
 * during the copy changes the main header's change counter, since every session writes page 1 when it opens.
 * Any change of the mark means: copy again.
 */
final class Snapshot {

    private static final int ATTEMPTS = 50;

    private Snapshot() {}

    /** What a reader compares before and after copying: a change means a writer was busy meanwhile. */
    record Mark(long mainSize, byte[] mainHeader, long walSize, byte[] walHeader, long journalSize) {
        boolean same(Mark other) {
            return mainSize == other.mainSize && Arrays.equals(mainHeader, other.mainHeader) && walSize == other.walSize
                    && Arrays.equals(walHeader, other.walHeader) && journalSize == other.journalSize;
        }

        /** No log and no journal beside the file: no writer has it open, nor left work behind. */
        boolean quiet() {
            return walSize < 0 && journalSize < 0;
        }
    }

    /** Copies {@code file} (with its log or journal, if any) to {@code copy} and beside it, consistently. */
    static void take(Path file, Path copy) throws IOException {
        Path wal = sibling(file, "-wal"), journal = sibling(file, "-journal");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Mark before = mark(file);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            boolean walCopied = copyIfPresent(wal, sibling(copy, "-wal"));
            boolean journalCopied = copyIfPresent(journal, sibling(copy, "-journal"));
            Mark after = mark(file);
            if (before.same(after) && walCopied == (after.walSize() >= 0) && journalCopied == (after.journalSize() >= 0)) return;
            Files.deleteIfExists(sibling(copy, "-wal"));
            Files.deleteIfExists(sibling(copy, "-journal"));
            try {
                Thread.sleep(Math.min(200, 5L << Math.min(attempt, 5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the writer", e);
            }
        }
        throw new IOException(file.getFileName() + " kept changing while Clearframe tried to read it");
    }

    static Mark mark(Path file) throws IOException {
        Path wal = sibling(file, "-wal");
        return new Mark(Files.size(file), head(file, 100), sizeOrAbsent(wal), head(wal, 32), sizeOrAbsent(sibling(file, "-journal")));
    }

    private static boolean copyIfPresent(Path from, Path to) throws IOException {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static long sizeOrAbsent(Path p) throws IOException {
        try {
            return Files.size(p);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    private static byte[] head(Path p, int n) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(n);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
