package org.clearframe.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.clearframe.store.ProjectFileException.Problem;

/**
 * The production file itself, open: creating, opening and upgrading it, its lock, copies of it, its transactions,
 * and SQLite's errors said in words a producer understands. It knows nothing of scenes or shots; the repositories
 * do, and {@link ProductionStore} puts the two together.
 *
 * <p>A writable file holds SQLite's exclusive lock for as long as it is open, so a second window or a second
 * Clearframe on the same file is refused instead of interleaving writes with ours. Everything that must not run
 * at the same time as an edit (a transaction, a copy, a flush, the file's hash) synchronises on this object.
 */
final class ProductionFile implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProductionFile.class.getName());

    /** The files this program has open for writing, by file identity: the one guard within a process (see {@link #open}). */
    private static final Map<Object, ProductionFile> WRITERS = new HashMap<>();

    /** Work on the open file that may fail in SQLite. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    interface VoidWork {
        void run() throws SQLException;
    }

    /** What a new file is given before anyone else may see it (the production's row, the default departments). */
    @FunctionalInterface
    interface Seed {
        void into(ProductionFile file) throws SQLException, StoreException;
    }

    private final Path file;
    private final Connection db;
    private final boolean readOnly;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** A writer's identity in {@link #WRITERS}; null for a reader. */
    private final Object writerKey;
    /** A reader's private copy, deleted on close; null for a writer. */
    private final Path copyDir;
    /**
     * A writer's own read handle on its file, open for as long as the store. POSIX drops every lock a process
     * holds on a file when the process closes any descriptor of that file, so nothing in this program may open and
     * close the production while it is open for writing; whatever must read its bytes reads them here.
     */
    private final FileChannel channel;

    private ProductionFile(Path file, Connection db, boolean readOnly, Object writerKey, Path copyDir, FileChannel channel) {
        this.file = file;
        this.db = db;
        this.readOnly = readOnly;
        this.writerKey = writerKey;
        this.copyDir = copyDir;
        this.channel = channel;
    }

    // ------------------------------------------------------------------------------------ create and open

    /** Creates a new file (refusing to overwrite one) in the latest format, gives it {@code seed}, and keeps it open for writing. */
    static ProductionFile create(Path file, Seed seed) throws ProjectFileException {
        if (Files.exists(file)) {
            throw new ProjectFileException(Problem.UNWRITABLE, file, file.getFileName() + " already exists.");
        }
        ProductionFile created = null;
        Connection c = null;
        try {
            c = connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA journal_size_limit = 4194304");
                s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            }
            Migrations.migrate(c, 0, Migrations.LATEST);
            synchronized (WRITERS) {
                Object key = fileKey(file);
                created = new ProductionFile(file, c, false, key, null, FileChannel.open(file, StandardOpenOption.READ));
                WRITERS.put(key, created);
            }
            seed.into(created);
            created.checkpoint();
            return created;
        } catch (SQLException | StoreException | IOException e) {
            if (created != null) created.close();
            else closeQuietly(c);
            deleteQuietly(file);
            deleteQuietly(Snapshot.sibling(file, "-wal"));
            throw new ProjectFileException(Problem.UNWRITABLE, file,
                    "Clearframe could not create " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a production for editing, upgrading an older file format after keeping a backup of it.
     *
     * <p>The file is locked for this store alone before this returns: a second window or program that asks to
     * write is refused here, at open, rather than at its first edit. The file's schema is checked against
     * Clearframe's format before anything is written, so a refused file stays byte-for-byte as it was.
     */
    static ProductionFile open(Path file) throws ProjectFileException {
        synchronized (WRITERS) {
            // Identity first, by stat alone: reading the header opens the file, which must not happen while we hold it.
            Object key = fileKey(file);
            if (WRITERS.containsKey(key)) throw lockedElsewhere(file, null);
            FileHeader header = FileHeader.read(file);
            header.requireOpenable(file, Migrations.LATEST);
            requireWritable(file);
            if (Files.exists(Snapshot.sibling(file, "-wal"))) {
                // A log left by a crash (or a writer elsewhere): check what it holds on a private copy first, since
                // SQLite moves a log into the file when the connection closes, even when we refuse the file.
                openReadOnly(file, true).close();
            }
            ProductionFile opened = openForWriting(file, header.userVersion(), key);
            WRITERS.put(key, opened);
            return opened;
        }
    }

    /**
     * Opens a production to read only (check, info, the exports). The reader works on a private copy in a
     * temporary folder, taken consistently without locks (see {@link Snapshot}): it creates no file beside the
     * production, works in a read-only folder and while a writer holds the file, and sees every edit the writer
     * has committed. An older format is upgraded in the copy; the original is never written.
     */
    static ProductionFile openReadOnly(Path file, boolean wholeFileCheck) throws ProjectFileException {
        Path dir = null;
        Connection c = null;
        try {
            dir = Files.createTempDirectory("clearframe-read-");
            Path copy = dir.resolve("production.clearframe");
            synchronized (WRITERS) {
                ProductionFile writer = WRITERS.get(fileKey(file));
                if (writer != null) {
                    writer.snapshotTo(copy); // this program holds the file: no descriptor of ours may touch it
                } else {
                    FileHeader.read(file).requireOpenable(file, Migrations.LATEST);
                    Snapshot.take(file, copy);
                }
            }
            c = connect(copy);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE"); // a private copy: no shared-memory file even in the temp folder
            }
            int version = pragmaInt(c, "user_version");
            new FileHeader(pragmaInt(c, "application_id"), version).requireOpenable(file, Migrations.LATEST);
            SchemaCheck.verify(c, version, file);
            if (wholeFileCheck) checkIntegrity(c, file);
            if (version < Migrations.LATEST) Migrations.migrate(c, version, Migrations.LATEST);
            return new ProductionFile(file, c, true, null, dir, null);
        } catch (ProjectFileException e) {
            closeQuietly(c);
            deleteTree(dir);
            throw e;
        } catch (SQLException e) {
            closeQuietly(c);
            deleteTree(dir);
            throw translate(file, e);
        } catch (IOException e) {
            closeQuietly(c);
            deleteTree(dir);
            throw new ProjectFileException(Problem.IO, file, "Clearframe could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Work on a production read where it lies ({@link #readInPlace}). */
    @FunctionalInterface
    interface InPlace<T> {
        T run(ProductionFile file) throws StoreException;
    }

    /**
     * Runs {@code work} on {@code file} where it lies, without the reader's copy, when nothing is writing it; empty
     * when something may be (the caller then reads a copy, {@link #openReadOnly}). SQLite opens the file immutable:
     * no lock, no shared memory, nothing created beside it, so it also works in a read-only folder. The answer is
     * kept only if the file's {@link Snapshot.Mark} is the same before and after and there was no log or journal
     * beside it: a writer in WAL mode changes the main file only while its log exists, and a writer session that came
     * and went in between rewrote page 1 and so changed the header's change counter (the reasoning of {@link Snapshot}).
     * A failure while the mark changed is taken for a writer, not for damage, and also means: read a copy. An older
     * format is left to the copy, which is upgraded.
     */
    static <T> Optional<T> readInPlace(Path file, InPlace<T> work) throws ProjectFileException, StoreException {
        synchronized (WRITERS) {
            if (WRITERS.containsKey(fileKey(file))) return Optional.empty(); // no descriptor of ours may touch a file we hold
        }
        FileHeader header = FileHeader.read(file);
        header.requireOpenable(file, Migrations.LATEST);
        if (header.userVersion() != Migrations.LATEST) return Optional.empty();
        try {
            Snapshot.Mark before = Snapshot.mark(file);
            if (!before.quiet()) return Optional.empty();
            T result;
            try (Connection c = connectImmutable(file)) {
                try {
                    new FileHeader(pragmaInt(c, "application_id"), pragmaInt(c, "user_version")).requireOpenable(file, Migrations.LATEST);
                    SchemaCheck.verify(c, Migrations.LATEST, file);
                    result = work.run(new ProductionFile(file, c, true, null, null, null));
                } catch (SQLException | StoreException | ProjectFileException | RuntimeException e) {
                    if (!before.same(Snapshot.mark(file))) return Optional.empty(); // a writer came by: read a copy
                    if (e instanceof SQLException se) throw translate(file, se);
                    throw e;
                }
            }
            return before.same(Snapshot.mark(file)) ? Optional.of(result) : Optional.empty();
        } catch (SQLException e) {
            throw translate(file, e);
        } catch (IOException e) {
            throw new ProjectFileException(Problem.IO, file, "Clearframe could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The file opened read-only and immutable (see {@link #readInPlace}): SQLite takes no lock and creates nothing. */
    private static Connection connectImmutable(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(0);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // A file: URI, so a name with spaces, '?' or '#' stays one name; immutable=1 is SQLite's, not a driver pragma.
        String uri = file.toAbsolutePath().toUri() + "?immutable=1";
        return hardened(sqlite("jdbc:sqlite:" + uri, config.toProperties()));
    }

    private static ProductionFile openForWriting(Path file, int version, Object key) throws ProjectFileException {
        Path backup = version < Migrations.LATEST ? backupBeforeUpgrade(file, version) : null;
        Connection c = null;
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            c = connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
            }
            // Reads only, so far: nothing is written to a file that turns out not to be ours as it stands.
            SchemaCheck.verify(c, version, file);
            checkIntegrity(c, file);
            try (Statement s = c.createStatement()) {
                // Exclusive before WAL, in that order: SQLite then keeps the WAL index in memory (no -shm file) and
                // holds the file for this connection alone from its first write on. The write of the format version
                // (unchanged) is that first write, now, so a second opener is refused at once; it also rewrites page 1,
                // which readers rely on to notice a whole session that came and went while they copied (Snapshot).
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA journal_size_limit = 4194304");
                s.execute("PRAGMA user_version = " + version);
            }
            ProductionFile opened = new ProductionFile(file, c, false, key, null, channel);
            if (version < Migrations.LATEST) {
                Migrations.migrate(c, version, Migrations.LATEST);
                LOG.log(System.Logger.Level.INFO, "Upgraded {0} from format {1} to {2}", file, version, Migrations.LATEST);
            }
            opened.checkpoint();
            return opened;
        } catch (ProjectFileException e) {
            closeQuietly(c);
            closeQuietly(channel);
            if (backup != null) deleteQuietly(backup);
            throw e;
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            closeQuietly(channel);
            if (backup != null) deleteQuietly(backup);
            throw e instanceof SQLException se ? translate(file, se)
                    : new ProjectFileException(Problem.IO, file, "Clearframe could not open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(0);
        return hardened(sqlite("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties()));
    }

    private static Connection hardened(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // The file is outside input: functions with side effects may not run from its triggers or views. (SQLite's
            // defensive mode would also be wanted, but sqlite-jdbc offers no way to call sqlite3_db_config; the schema
            // check in SchemaCheck is what keeps foreign triggers and views out.)
            s.execute("PRAGMA trusted_schema = OFF");
            s.execute("PRAGMA cell_size_check = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * A connection from the SQLite driver itself rather than through DriverManager, whose first use loads every JDBC
     * driver on the class path (the studio register's PostgreSQL driver among them): a tenth of a short verb's start.
     */
    static Connection sqlite(String url, java.util.Properties properties) throws SQLException {
        Connection c = org.sqlite.JDBC.createConnection(url, properties);
        if (c == null) throw new SQLException("not a SQLite address: " + url);
        return c;
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            return r.getInt(1);
        }
    }

    /** A read-only file or folder cannot take a write-ahead log: say so plainly instead of SQLite's I/O error. */
    private static void requireWritable(Path file) throws ProjectFileException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isWritable(file) || (folder != null && !Files.isWritable(folder))) {
            throw readOnlyFile(file, null);
        }
    }

    private static ProjectFileException readOnlyFile(Path file, Throwable cause) {
        return new ProjectFileException(Problem.READ_ONLY, file, file.getFileName() + " is read-only here (the file or its folder "
                + "cannot be written), so it cannot be opened for editing. Reading it still works (check, info, the exports); "
                + "to edit it, copy it to a folder you can write to.", cause);
    }

    private static ProjectFileException lockedElsewhere(Path file, Throwable cause) {
        return new ProjectFileException(Problem.LOCKED, file, file.getFileName()
                + " is open in another Clearframe window or program. Close it there first.", cause);
    }

    /** The file's identity (device and inode where the platform has them), so two paths to one file are one file. */
    private static Object fileKey(Path file) throws ProjectFileException {
        if (!Files.exists(file)) FileHeader.read(file); // explains the missing file
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            throw new ProjectFileException(Problem.IO, file, "Clearframe cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void checkIntegrity(Connection c, Path file) throws SQLException, ProjectFileException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            String verdict = r.next() ? r.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                throw new ProjectFileException(Problem.CORRUPT, file,
                        file.getFileName() + " is damaged (" + verdict + "). Open a backup or a shared copy instead.");
            }
        }
    }

    /** Keeps the file as it was before an upgrade; returns the backup made now, or null when one existed already. */
    private static Path backupBeforeUpgrade(Path file, int version) throws ProjectFileException {
        Path backup = file.resolveSibling(file.getFileName() + ".format" + version + ".bak");
        try {
            if (Files.exists(backup)) return null;
            Files.copy(file, backup);
            return backup;
        } catch (IOException e) {
            throw new ProjectFileException(Problem.UNWRITABLE, file,
                    "Clearframe needs to upgrade " + file.getFileName() + " but could not keep a backup first: " + e.getMessage(), e);
        }
    }

    /** SQLite's error on opening, said as what the producer can do about it. */
    private static ProjectFileException translate(Path file, SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return lockedElsewhere(file, e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new ProjectFileException(Problem.CORRUPT, file, file.getFileName() + " is damaged and cannot be read.", e);
            }
            if (code.name().startsWith("SQLITE_READONLY") || code == SQLiteErrorCode.SQLITE_PERM) {
                return readOnlyFile(file, e);
            }
            if (code == SQLiteErrorCode.SQLITE_CANTOPEN) {
                return new ProjectFileException(Problem.UNWRITABLE, file,
                        "Clearframe cannot open " + file.getFileName() + " (check the file's and the folder's permissions).", e);
            }
            if (code.name().startsWith("SQLITE_IOERR")) {
                return new ProjectFileException(Problem.IO, file, "Clearframe could not lock or read " + file.getFileName()
                        + " (the disk or network share refused; a read-only or network folder can do this). "
                        + "Copy it to a local folder you can write to.", e);
            }
        }
        return new ProjectFileException(Problem.IO, file, "Clearframe could not open " + file.getFileName() + ": " + e.getMessage(), e);
    }

    // ------------------------------------------------------------------------------------ copies and hashes

    /**
     * Writes a consistent copy of this (writable) file to {@code target}, for a reader in this program, which may
     * not open the file itself (see {@link #channel}).
     */
    private synchronized void snapshotTo(Path target) throws IOException {
        try {
            releaseStatements();
            try (PreparedStatement p = db.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, target.toAbsolutePath().toString());
                p.execute();
            }
        } catch (SQLException e) {
            throw new IOException("could not copy the open production: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy of the production to {@code target} (Save a Copy As). SQLite's VACUUM INTO
     * copies what is committed, including what still sits in the write-ahead log, without closing this file.
     */
    synchronized void copyTo(Path target) throws ProjectFileException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            releaseStatements(); // VACUUM refuses to run while any statement is still open
            Files.deleteIfExists(temp);
            try (PreparedStatement p = db.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, temp.toAbsolutePath().toString());
                p.execute();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            deleteQuietly(temp);
            throw new ProjectFileException(Problem.UNWRITABLE, target, "Clearframe could not write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of {@code file} when this program holds it open for writing (see {@link ProductionStore#sha256IfHeldHere}). */
    static Optional<String> sha256IfHeldHere(Path file) throws IOException {
        ProductionFile writer;
        synchronized (WRITERS) {
            if (!Files.exists(file)) return Optional.empty();
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            writer = WRITERS.get(key != null ? key : file.toRealPath());
        }
        if (writer == null) return Optional.empty();
        try {
            return Optional.of(writer.sha256());
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 of the file as it stands (everything committed is moved into it first), read through this
     * file's own handle: hashing the file by path here would release its lock.
     */
    synchronized String sha256() throws StoreException {
        try {
            if (channel == null) throw new IOException("a reader has no file of its own to hash");
            flush();
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            long position = 0;
            int n;
            while ((n = channel.read(buffer, position)) > 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                position += n;
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new StoreException("Could not fingerprint " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the write-ahead log into the main file, so the file on disk holds every committed edit (a copy made
     * by hand is complete). PASSIVE, never TRUNCATE: the log keeps its header, which readers compare (Snapshot).
     */
    void checkpoint() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    /**
     * A page cache for writing a whole production in one transaction (a new file being filled): with SQLite's 2 MB
     * cache, the indexes' pages (keyed by random ids) are written out to the log and read back again and again, about
     * a million reads and writes at 100,000 shots (3 s of system time). 24 MB, native, held only while this file is open.
     */
    void wholeFileCache() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA cache_size = -24576"); // KiB: 24 MB
        }
    }

    /** Moves everything written so far from the write-ahead log into the file itself. */
    synchronized void flush() throws StoreException {
        if (readOnly) return;
        try {
            releaseStatements();
            checkpoint();
        } catch (SQLException e) {
            throw new StoreException("Could not flush " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version of the open file (after any upgrade). */
    int formatVersion() throws StoreException {
        return read(() -> pragmaInt(db, "user_version"));
    }

    @Override
    public void close() {
        synchronized (WRITERS) {
            synchronized (this) {
                statements.clear(); // closing the connection closes them
                closeQuietly(db);
                closeQuietly(channel); // only after SQLite has let go of its locks
                if (writerKey != null) WRITERS.remove(writerKey, this);
                deleteTree(copyDir);
            }
        }
    }

    // ------------------------------------------------------------------------------------ transactions

    /**
     * Runs {@code work} as a read. Reads share the one connection with the writes, so they hold the same lock: a read
     * from another thread waits for an edit to commit instead of seeing half of it (and never uses a kept statement
     * at the same time as the edit).
     */
    synchronized <T> T read(Work<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("Reading " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    void write(VoidWork work) throws StoreException {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} as one transaction, undone whole when it fails. */
    <T> T write(Work<T> work) throws StoreException {
        try {
            return inWrite(work);
        } catch (SQLException e) {
            throw new StoreException("Saving to " + file.getFileName() + " failed, and the change was undone: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one transaction. Nested calls join the outer transaction. */
    private synchronized <T> T inWrite(Work<T> work) throws SQLException {
        if (readOnly) throw new SQLException(file.getFileName() + " is open read-only");
        if (!db.getAutoCommit()) return work.run();
        db.setAutoCommit(false);
        T result;
        try {
            result = work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        try {
            checkpoint();
        } catch (SQLException e) {
            // The edit is committed (it is in the log and will reach the file); only the early copy failed.
            LOG.log(System.Logger.Level.WARNING, "checkpoint after an edit failed", e);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------ statements

    Connection connection() {
        return db;
    }

    /**
     * A prepared statement kept for the life of the file: preparing is most of the cost of a small write, and
     * an import writes tens of thousands of rows. Only the write path uses these, and it holds the file's lock.
     */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private void releaseStatements() throws SQLException {
        for (PreparedStatement p : statements.values()) p.close();
        statements.clear();
    }

    // ------------------------------------------------------------------------------------ quiet clean-up

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the production file failed", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the production file failed", e);
        }
    }

    /** Removes a reader's private copy and its folder. */
    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (var entries = Files.list(dir)) {
            entries.forEach(ProductionFile::deleteQuietly);
        } catch (IOException ignored) {
            // best effort, as below
        }
        deleteQuietly(dir);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing useful to tell the producer about a leftover temporary file
        }
    }
}
