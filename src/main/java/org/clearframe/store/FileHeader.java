package org.clearframe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.clearframe.store.ProjectFileException.Problem;

/**
 * Reads the 100-byte SQLite header with plain file I/O, so that a file that is not ours (or is newer than
 * us) is recognised before SQLite touches it: opening with SQLite could switch its journal mode or roll
 * back a journal, and a file we refuse must stay byte-for-byte as it was.
 */
record FileHeader(int applicationId, int userVersion) {

    /** "ClFr" in ASCII, written to PRAGMA application_id so file(1) and we can tell a Clearframe file. */
    static final int APPLICATION_ID = 0x436C4672;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    static FileHeader read(Path file) throws ProjectFileException {
        if (!Files.exists(file)) {
            throw new ProjectFileException(Problem.MISSING, file, "The file " + file.getFileName() + " does not exist.");
        }
        byte[] head = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ProjectFileException(Problem.IO, file, "Clearframe cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new ProjectFileException(Problem.EMPTY, file, file.getFileName() + " is empty: it holds no production.");
        }
        if (read < head.length || !startsWithMagic(head)) {
            throw new ProjectFileException(Problem.NOT_SQLITE, file,
                    file.getFileName() + " is not a Clearframe production file (it is not a database at all).");
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        return new FileHeader(b.getInt(68), b.getInt(60));
    }

    private static boolean startsWithMagic(byte[] head) {
        for (int i = 0; i < MAGIC.length; i++) if (head[i] != MAGIC[i]) return false;
        return true;
    }

    void requireOpenable(Path file, int newestKnownVersion) throws ProjectFileException {
        if (applicationId != APPLICATION_ID) {
            throw new ProjectFileException(Problem.FOREIGN, file,
                    file.getFileName() + " is a database made by another program, not a Clearframe production.");
        }
        if (userVersion > newestKnownVersion) {
            throw new ProjectFileException(Problem.NEWER_VERSION, file,
                    file.getFileName() + " was saved by a newer Clearframe (file format " + userVersion
                            + "; this version reads up to " + newestKnownVersion + "). Update Clearframe to open it.");
        }
    }
}
