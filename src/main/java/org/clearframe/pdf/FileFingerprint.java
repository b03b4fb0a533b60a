package org.clearframe.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a production file, printed on the cover so a reader can tell which version of the file a
 * PDF came from. Hash a file that is not being written to (a saved file, or a copy).
 */
public final class FileFingerprint {
    private FileFingerprint() {}

    /** Lower-case hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) throws IOException {
        // A file this program holds open must be read through its store: closing a descriptor of it here would drop the lock.
        var held = org.clearframe.store.ProductionStore.sha256IfHeldHere(file);
        if (held.isPresent()) return held.get();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
