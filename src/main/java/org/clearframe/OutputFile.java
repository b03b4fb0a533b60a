package org.clearframe;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every file Clearframe writes goes through here, so that nothing is overwritten without consent and nothing is
 * left half-written.
 *
 * <p>{@link #checkTarget} is the consent check the command line and the app make before any work: never onto an
 * input, never onto an existing production (a {@code .clearframe} file, or any SQLite file, whatever its name),
 * and onto any other existing file only when the user said so ({@code --force}, or the save dialog's own
 * "replace?" question). {@link #write} then writes to a temporary file in the target's folder and renames it into
 * place with {@link StandardCopyOption#ATOMIC_MOVE}, so a failure leaves the old file as it was and no partial
 * file. It re-checks the one rule that holds even with consent: an existing production is never replaced.
 *
 * <p>Fallback: where the file system cannot rename atomically ({@link AtomicMoveNotSupportedException}, e.g. some
 * network or FUSE mounts), the temporary file is moved with a plain replacing move. The target then holds either
 * the old or the new bytes on every file system we know of, but the platform no longer promises it.
 *
 * <p>Lives in the root package, outside the layers, so that the services, the app and the command line can all use
 * it; it depends on nothing of Clearframe's.
 */
public final class OutputFile {

    public static final String PRODUCTION_EXTENSION = ".clearframe";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A write refused before anything was written, with a message that says why and what to do. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What goes into the file; the stream is buffered and closed by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {}

    /**
     * Refuses {@code target} when it is one of {@code inputs} (compared as files, through symbolic and hard links),
     * a production's side file ({@code -wal}, {@code -shm}, {@code -journal}), a folder, an existing production
     * (always, even with {@code overwrite}), or any other existing file unless {@code overwrite}.
     */
    public static void checkTarget(Path target, boolean overwrite, Path... inputs) throws Refused {
        String name = String.valueOf(target.getFileName());
        for (Path input : inputs) {
            if (input == null) continue;
            if (sameFile(input, target)) {
                throw new Refused("Refusing to write " + name + ": it is the input file. Give another name for the output.");
            }
            for (String side : new String[]{"-wal", "-shm", "-journal"}) {
                if (sameFile(input.resolveSibling(input.getFileName() + side), target)
                        || sameFileName(input.resolveSibling(input.getFileName() + side), target)) {
                    throw new Refused("Refusing to write " + name + ": SQLite keeps " + input.getFileName() + "'s changes in it.");
                }
            }
        }
        if (Files.isDirectory(target)) {
            throw new Refused("Refusing to write " + name + ": it is a folder.");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (isProduction(target)) {
            throw new Refused("Refusing to write " + name + ": a production already exists there, and a production is never "
                    + "overwritten (not even with --force). Choose a new file name, or move the old file away first.");
        }
        if (!overwrite) {
            throw new Refused(name + " already exists. Add --force to replace it.");
        }
    }

    /** True for a {@code .clearframe} name (any case) or an existing file that starts like an SQLite database. */
    public static boolean isProduction(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(PRODUCTION_EXTENSION)) return true;
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            return true; // cannot tell what it is: do not replace it
        }
    }

    /** Writes {@code body} to {@code target} whole or not at all (see the class comment). Never replaces a production. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null) throw new Refused("Cannot write " + target + ": it is not a file path.");
        if (Files.isDirectory(absolute)) throw new Refused("Cannot write " + target + ": it is a folder.");
        if (Files.exists(absolute) && isProduction(absolute)) {
            throw new Refused("Refusing to write " + absolute.getFileName() + ": it is an existing production.");
        }
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + "-", ".partial");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.writeTo(out);
            }
            moveIntoPlace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves a finished new file into place without ever replacing one that appeared meanwhile: a hard link is
     * created atomically or fails when the name is taken. Where hard links are not supported, a move that refuses
     * an existing target (checked, then moved: not atomic against a concurrent writer).
     */
    public static void moveIntoPlaceNew(Path temp, Path target) throws IOException {
        boolean linked;
        try {
            Files.createLink(target, temp);
            linked = true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new Refused("Refusing to write " + target.getFileName() + ": it already exists.");
        } catch (UnsupportedOperationException | IOException e) {
            linked = false;
        }
        if (linked) Files.delete(temp);
        else Files.move(temp, target);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True when both name the same existing file (through links), or the same path. */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return sameFileName(a, b);
        }
    }

    private static boolean sameFileName(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
