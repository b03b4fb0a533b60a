package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Labelled;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.Representation;
import org.clearframe.model.Scan;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.clearframe.store.ProjectFileException.Problem;

/**
 * One production file, open. SQLite is the application file format: every edit below is its own
 * transaction, committed before the method returns, so a crash loses nothing that was shown as saved.
 *
 * <p>A writable store holds SQLite's exclusive lock for as long as it is open, so a second window or a
 * second Clearframe on the same file is refused instead of interleaving writes with ours.
 * This is the only class (with its package) that speaks SQL.
 */
public final class ProductionStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProductionStore.class.getName());

    /** The files this program has open for writing, by file identity: the one guard within a process (see {@link #open}). */
    private static final Map<Object, ProductionStore> WRITERS = new HashMap<>();

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

    private ProductionStore(Path file, Connection db, boolean readOnly, Object writerKey, Path copyDir, FileChannel channel) {
        this.file = file;
        this.db = db;
        this.readOnly = readOnly;
        this.writerKey = writerKey;
        this.copyDir = copyDir;
        this.channel = channel;
    }

    /** Creates a new production file (refusing to overwrite one) holding {@code production} and the default departments. */
    public static ProductionStore create(Path file, Production production) throws ProjectFileException {
        if (Files.exists(file)) {
            throw new ProjectFileException(Problem.UNWRITABLE, file, file.getFileName() + " already exists.");
        }
        ProductionStore store = null;
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
                store = new ProductionStore(file, c, false, key, null, FileChannel.open(file, StandardOpenOption.READ));
                WRITERS.put(key, store);
            }
            store.insertProduction(production);
            for (Department d : Department.defaults()) store.saveDepartment(d);
            store.checkpoint();
            return store;
        } catch (SQLException | StoreException | IOException e) {
            if (store != null) store.close();
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
    public static ProductionStore open(Path file) throws ProjectFileException {
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
                openReadOnly(file).close();
            }
            ProductionStore store = openForWriting(file, header.userVersion(), key);
            WRITERS.put(key, store);
            return store;
        }
    }

    /**
     * Opens a production to read only (check, info, the exports). The reader works on a private copy in a
     * temporary folder, taken consistently without locks (see {@link Snapshot}): it creates no file beside the
     * production, works in a read-only folder and while a writer holds the file, and sees every edit the writer
     * has committed. An older format is upgraded in the copy; the original is never written.
     */
    public static ProductionStore openReadOnly(Path file) throws ProjectFileException {
        Path dir = null;
        Connection c = null;
        try {
            dir = Files.createTempDirectory("clearframe-read-");
            Path copy = dir.resolve("production.clearframe");
            synchronized (WRITERS) {
                ProductionStore writer = WRITERS.get(fileKey(file));
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
            checkIntegrity(c, file);
            if (version < Migrations.LATEST) Migrations.migrate(c, version, Migrations.LATEST);
            return new ProductionStore(file, c, true, null, dir, null);
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

    private static ProductionStore openForWriting(Path file, int version, Object key) throws ProjectFileException {
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
            ProductionStore store = new ProductionStore(file, c, false, key, null, channel);
            if (version < Migrations.LATEST) {
                Migrations.migrate(c, version, Migrations.LATEST);
                LOG.log(System.Logger.Level.INFO, "Upgraded {0} from format {1} to {2}", file, version, Migrations.LATEST);
            }
            store.checkpoint();
            return store;
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
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
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

    /**
     * Writes a consistent copy of this (writable) store's production to {@code target}, for a reader in this
     * program, which may not open the file itself (see {@link #channel}).
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
     * The SHA-256 of {@code file} when this program holds it open for writing, read through that store (hashing it
     * by path would release the store's lock); empty when it is not held here and may be read as any file.
     */
    public static Optional<String> sha256IfHeldHere(Path file) throws IOException {
        ProductionStore writer;
        synchronized (WRITERS) {
            if (!Files.exists(file)) return Optional.empty();
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            writer = WRITERS.get(key != null ? key : file.toRealPath());
        }
        if (writer == null) return Optional.empty();
        try {
            return Optional.of(writer.fileSha256());
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 of the production file as it stands (everything committed is moved into it first), read
     * through the store's own handle: hashing the file by path here would release this store's lock.
     */
    public synchronized String fileSha256() throws StoreException {
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
    private void checkpoint() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    /**
     * Moves everything written so far from the write-ahead log into the file itself, so that the file on disk
     * (hashed for a PDF's fingerprint, or copied by hand) holds the production as it stands.
     */
    public synchronized void flush() throws StoreException {
        if (readOnly) return;
        try {
            releaseStatements();
            checkpoint();
        } catch (SQLException e) {
            throw new StoreException("Could not flush " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version of the open file (after any upgrade). */
    public int formatVersion() throws StoreException {
        return read(() -> {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
        });
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

    private void releaseStatements() throws SQLException {
        for (PreparedStatement p : statements.values()) p.close();
        statements.clear();
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Loads the whole production in a handful of queries: a few per table, never one per row. */
    public ProductionData load() throws StoreException {
        return read(() -> {
            Production production = loadProduction();
            List<Department> departments = new ArrayList<>();
            try (ResultSet r = query("SELECT id, name, head_name, email, colour FROM department ORDER BY position")) {
                while (r.next()) departments.add(new Department(uuid(r.getString(1)), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
            }
            List<CastMember> cast = new ArrayList<>();
            try (ResultSet r = query("SELECT id, performer, character, union_member, deceased, minor, representation FROM cast_member ORDER BY position")) {
                while (r.next()) cast.add(new CastMember(uuid(r.getString(1)), r.getString(2), r.getString(3),
                        Labelled.parse(Tristate.class, r.getString(4), Tristate.UNKNOWN), r.getInt(5) != 0, r.getInt(6) != 0,
                        Labelled.parse(Representation.class, r.getString(7), Representation.UNKNOWN)));
            }
            Map<UUID, List<UUID>> sceneCast = links("SELECT scene_id, cast_id FROM scene_cast ORDER BY scene_id, position");
            List<Scene> scenes = new ArrayList<>();
            try (ResultSet r = query("SELECT id, number, int_ext, setting, time_of_day, synopsis, eighths, story_day, omitted FROM scene ORDER BY position")) {
                while (r.next()) {
                    UUID id = uuid(r.getString(1));
                    scenes.add(new Scene(id, r.getString(2), Labelled.parse(IntExt.class, r.getString(3), IntExt.INT), r.getString(4),
                            r.getString(5), r.getString(6), r.getInt(7), r.getString(8), sceneCast.getOrDefault(id, List.of()), r.getInt(9) != 0));
                }
            }
            Map<UUID, List<UUID>> usePerformers = links("SELECT ai_use_id, cast_id FROM ai_use_performer ORDER BY ai_use_id, position");
            Map<UUID, List<UUID>> useDepartments = links("SELECT ai_use_id, department_id FROM ai_use_department ORDER BY ai_use_id, position");
            Map<UUID, List<AiUse>> uses = new HashMap<>();
            try (ResultSet r = query("SELECT id, shot_id, technique, purpose, tool, output, uploads, vendor_trains, factors, notes, frame_share_percent FROM ai_use ORDER BY shot_id, position")) {
                while (r.next()) {
                    UUID id = uuid(r.getString(1));
                    AiUse use = new AiUse(id, Labelled.parse(Technique.class, r.getString(3), Technique.OTHER), r.getString(4), r.getString(5),
                            Labelled.parse(Output.class, r.getString(6), Output.TEMPORARY), usePerformers.getOrDefault(id, List.of()),
                            useDepartments.getOrDefault(id, List.of()), enumSet(Material.class, r.getString(7)),
                            Labelled.parse(Tristate.class, r.getString(8), Tristate.UNKNOWN), enumSet(Factor.class, r.getString(9)), r.getString(10), frameShare(r.getObject(11)));
                    uses.computeIfAbsent(uuid(r.getString(2)), k -> new ArrayList<>()).add(use);
                }
            }
            Map<UUID, List<UUID>> shotDepartments = links("SELECT shot_id, department_id FROM shot_department ORDER BY shot_id, position");
            List<Shot> shots = new ArrayList<>();
            try (ResultSet r = query("SELECT shot.id, shot.scene_id, shot.number, shot.description, shot.size, shot.angle, shot.movement, shot.lens, "
                    + "shot.duration_seconds, shot.notes FROM shot JOIN scene ON scene.id = shot.scene_id ORDER BY scene.position, shot.position")) {
                while (r.next()) {
                    UUID id = uuid(r.getString(1));
                    shots.add(new Shot(id, uuid(r.getString(2)), r.getString(3), r.getString(4), Labelled.parse(ShotSize.class, r.getString(5), null),
                            r.getString(6), r.getString(7), r.getString(8), r.getDouble(9), shotDepartments.getOrDefault(id, List.of()),
                            r.getString(10), uses.getOrDefault(id, List.of())));
                }
            }
            List<SignOff> signOffs = new ArrayList<>();
            try (ResultSet r = query("SELECT id, shot_id, rule_id, role, subject_id, signer, decision, note, signed_at, fingerprint, subject_name FROM sign_off "
                    + "WHERE shot_id IN (SELECT id FROM shot) ORDER BY signed_at, rowid")) {
                while (r.next()) {
                    Role role = Labelled.parse(Role.class, r.getString(4), null);
                    Decision decision = Labelled.parse(Decision.class, r.getString(7), null);
                    if (role == null || decision == null) continue; // written by a newer version; keep it in the file, skip it here
                    try {
                        signOffs.add(new SignOff(uuid(r.getString(1)), uuid(r.getString(2)), r.getString(3), role, uuidOrNull(r.getString(5)),
                                r.getString(6), decision, r.getString(8), Instant.parse(r.getString(9)), r.getString(10), r.getString(11)));
                    } catch (RuntimeException unreadable) {
                        // A row no Clearframe wrote (a bad id or time): it can count for nothing, and must not stop the file opening.
                        LOG.log(System.Logger.Level.WARNING, "Ignored an unreadable sign-off row in {0}: {1}", file.getFileName(), unreadable.getMessage());
                    }
                }
            }
            return new ProductionData(production, departments, cast, scenes, shots, signOffs, readPolicyJson().orElse(""),
                    loadScans(), loadConsents());
        });
    }

    private List<Scan> loadScans() throws SQLException {
        List<Scan> scans = new ArrayList<>();
        try (ResultSet r = query("SELECT id, cast_id, scanned_on, notice_given_on, business_reason FROM scan ORDER BY cast_id, position")) {
            while (r.next()) {
                scans.add(new Scan(uuid(r.getString(1)), uuid(r.getString(2)), dateOrNull(r.getString(3)), dateOrNull(r.getString(4)), r.getString(5)));
            }
        }
        return scans;
    }

    private List<Consent> loadConsents() throws SQLException {
        List<Consent> consents = new ArrayList<>();
        try (ResultSet r = query("SELECT id, cast_id, given_by, kind, production_id, scene_ids, shot_ids, techniques, purpose, description, "
                + "given_on, document_id, withdrawn_on, compensation FROM consent ORDER BY position")) {
            while (r.next()) {
                ConsentKind kind = Labelled.parse(ConsentKind.class, r.getString(4), null);
                if (kind == null) continue; // written by a newer version: kept in the file, covers nothing here
                consents.add(new Consent(uuid(r.getString(1)), uuidOrNull(r.getString(2)), r.getString(3), kind, uuid(r.getString(5)),
                        uuids(r.getString(6)), uuids(r.getString(7)), enumSet(Technique.class, r.getString(8)), r.getString(9),
                        r.getString(10), dateOrNull(r.getString(11)), uuidOrNull(r.getString(12)), dateOrNull(r.getString(13)), r.getString(14)));
            }
        }
        return consents;
    }

    /** What {@code info} prints, counted by SQLite without loading the production (fast at any size). */
    public record Counts(Production production, int scenes, int shots, int aiUses, int shotsWithAiUse, int departments, int cast) {}

    public Counts counts() throws StoreException {
        return read(() -> new Counts(loadProduction(), count("SELECT COUNT(*) FROM scene"), count("SELECT COUNT(*) FROM shot"),
                count("SELECT COUNT(*) FROM ai_use"), count("SELECT COUNT(DISTINCT shot_id) FROM ai_use"),
                count("SELECT COUNT(*) FROM department"), count("SELECT COUNT(*) FROM cast_member")));
    }

    private int count(String sql) throws SQLException {
        try (ResultSet r = query(sql)) {
            return r.getInt(1);
        }
    }

    private Production loadProduction() throws SQLException {
        try (ResultSet r = query("SELECT id, title, format, genre, studio, producer, director, principal_photography, notes FROM production")) {
            if (!r.next()) throw new SQLException("the production header row is missing");
            String start = r.getString(8);
            return new Production(uuid(r.getString(1)), r.getString(2), Labelled.parse(Format.class, r.getString(3), Format.FEATURE),
                    Labelled.parse(Genre.class, r.getString(4), Genre.FICTION), r.getString(5), r.getString(6), r.getString(7),
                    start == null || start.isBlank() ? null : LocalDate.parse(start), r.getString(9));
        }
    }

    public Optional<String> policyJson() throws StoreException {
        return read(this::readPolicyJson);
    }

    private Optional<String> readPolicyJson() throws SQLException {
        try (ResultSet r = query("SELECT json FROM policy WHERE id = 1")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    public Optional<ReferenceImage> referenceImage(UUID shotId) throws StoreException {
        return read(() -> {
        try (PreparedStatement p = db.prepareStatement("SELECT media_type, bytes FROM shot_image WHERE shot_id = ?")) {
            p.setString(1, shotId.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new ReferenceImage(r.getString(1), r.getBytes(2))) : Optional.empty();
            }
        }
        });
    }

    /** A shot's reference image, as stored in the production file. */
    public record ReferenceImage(String mediaType, byte[] bytes) {}

    // ---------------------------------------------------------------------------------------------- writing

    public void updateProduction(Production p) throws StoreException {
        write(() -> update("UPDATE production SET title = ?, format = ?, genre = ?, studio = ?, producer = ?, director = ?, "
                        + "principal_photography = ?, notes = ? WHERE id = ?", p.title(), p.format().name(), p.genre().name(), p.studio(),
                p.producer(), p.director(), p.principalPhotography() == null ? null : p.principalPhotography().toString(), p.notes(), p.id().toString()));
    }

    private void insertProduction(Production p) throws SQLException {
        update("INSERT INTO production (id, title, format, genre, studio, producer, director, principal_photography, notes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id().toString(), p.title(), p.format().name(), p.genre().name(), p.studio(),
                p.producer(), p.director(), p.principalPhotography() == null ? null : p.principalPhotography().toString(), p.notes());
    }

    /** Inserts or updates a department; a new one goes to the end of the list. */
    public void saveDepartment(Department d) throws StoreException {
        write(() -> writeDepartment(d));
    }

    private void writeDepartment(Department d) throws SQLException {
        int pos = positionOr(d.id(), "department", null, null);
        update("INSERT INTO department (id, position, name, head_name, email, colour) VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET name = excluded.name, head_name = excluded.head_name, email = excluded.email, colour = excluded.colour",
                d.id().toString(), pos, d.name(), d.headName(), d.email(), d.colour());
    }

    /** Puts a department at {@code index} in the list (undo of a delete puts it back where it was). */
    public void moveDepartment(UUID id, int index) throws StoreException {
        write(() -> reposition("department", null, null, id, index));
    }

    /** Puts a cast member at {@code index} in the list (undo of a delete puts them back where they were). */
    public void moveCastMember(UUID id, int index) throws StoreException {
        write(() -> reposition("cast_member", null, null, id, index));
    }

    public void deleteDepartment(UUID id) throws StoreException {
        write(() -> update("DELETE FROM department WHERE id = ?", id.toString()));
    }

    public void saveCastMember(CastMember m) throws StoreException {
        write(() -> writeCastMember(m));
    }

    private void writeCastMember(CastMember m) throws SQLException {
        int pos = positionOr(m.id(), "cast_member", null, null);
        update("INSERT INTO cast_member (id, position, performer, character, union_member, deceased, minor, representation) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET performer = excluded.performer, character = excluded.character, "
                            + "union_member = excluded.union_member, deceased = excluded.deceased, minor = excluded.minor, "
                            + "representation = excluded.representation",
                m.id().toString(), pos, m.performer(), m.character(), m.unionMember().name(), m.deceased() ? 1 : 0, m.minor() ? 1 : 0,
                m.representation().name());
    }

    // ------------------------------------------------------------------------- performer facts and consent

    /** Inserts or updates a scan of a cast member. */
    public void saveScan(Scan scan) throws StoreException {
        write(() -> writeScan(scan));
    }

    private void writeScan(Scan s) throws SQLException {
        int pos = positionOr(s.id(), "scan", "cast_id", s.castId());
        update("INSERT INTO scan (id, cast_id, position, scanned_on, notice_given_on, business_reason) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT(id) DO UPDATE SET cast_id = excluded.cast_id, scanned_on = excluded.scanned_on, "
                        + "notice_given_on = excluded.notice_given_on, business_reason = excluded.business_reason",
                s.id().toString(), s.castId().toString(), pos, dateText(s.scannedOn()), dateText(s.noticeGivenOn()), s.businessReason());
    }

    public void deleteScan(UUID id) throws StoreException {
        write(() -> update("DELETE FROM scan WHERE id = ?", id.toString()));
    }

    /**
     * Inserts or updates a consent record. A withdrawal, once recorded, cannot be taken back or redated (the V6
     * trigger refuses it and the whole edit is undone): a renewed consent is a new record.
     */
    public void saveConsent(Consent c) throws StoreException {
        write(() -> writeConsent(c));
    }

    private void writeConsent(Consent c) throws SQLException {
        int pos = positionOr(c.id(), "consent", null, null);
        update("INSERT INTO consent (id, position, cast_id, given_by, kind, production_id, scene_ids, shot_ids, techniques, purpose, "
                        + "description, given_on, document_id, withdrawn_on, compensation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT(id) DO UPDATE SET cast_id = excluded.cast_id, given_by = excluded.given_by, kind = excluded.kind, "
                        + "production_id = excluded.production_id, scene_ids = excluded.scene_ids, shot_ids = excluded.shot_ids, "
                        + "techniques = excluded.techniques, purpose = excluded.purpose, description = excluded.description, "
                        + "given_on = excluded.given_on, document_id = excluded.document_id, withdrawn_on = excluded.withdrawn_on, "
                        + "compensation = excluded.compensation",
                c.id().toString(), pos, c.castId() == null ? null : c.castId().toString(), c.givenBy(), c.kind().name(),
                c.productionId().toString(), ids(c.sceneIds()), ids(c.shotIds()), names(c.techniques()), c.purpose(), c.description(),
                dateText(c.givenOn()), c.documentId() == null ? null : c.documentId().toString(), dateText(c.withdrawnOn()), c.compensation());
    }

    /** Records that consent {@code id} was withdrawn on {@code on}. */
    public void withdrawConsent(UUID id, LocalDate on) throws StoreException {
        write(() -> {
            if (update("UPDATE consent SET withdrawn_on = ? WHERE id = ?", dateText(on), id.toString()) != 1) {
                throw new SQLException("no consent " + id);
            }
        });
    }

    /** Keeps {@code bytes} in the production as the signed document of consent {@code consentId}, in one transaction. */
    public ConsentDocument attachDocument(UUID consentId, String fileName, String mediaType, byte[] bytes) throws StoreException {
        return write(() -> {
            ConsentDocument doc = insertDocument(UUID.randomUUID(), fileName, mediaType, bytes, Instant.now());
            if (update("UPDATE consent SET document_id = ? WHERE id = ?", doc.id().toString(), consentId.toString()) != 1) {
                throw new SQLException("no consent " + consentId);
            }
            return doc;
        });
    }

    private ConsentDocument insertDocument(UUID id, String fileName, String mediaType, byte[] bytes, Instant at) throws SQLException {
        ConsentDocument doc = new ConsentDocument(id, fileName, mediaType, bytes.length, org.clearframe.Sha256.hex(bytes), at);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO consent_document (id, file_name, media_type, size, sha256, bytes, attached_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, doc.id().toString());
            p.setString(2, doc.fileName());
            p.setString(3, doc.mediaType());
            p.setLong(4, doc.size());
            p.setString(5, doc.sha256());
            p.setBytes(6, bytes);
            p.setString(7, at.toString());
            p.executeUpdate();
        }
        return doc;
    }

    /** The attached documents, without their bytes. */
    public List<ConsentDocument> documents() throws StoreException {
        return read(() -> {
            List<ConsentDocument> out = new ArrayList<>();
            try (ResultSet r = query("SELECT id, file_name, media_type, size, sha256, attached_at FROM consent_document ORDER BY attached_at, rowid")) {
                while (r.next()) {
                    out.add(new ConsentDocument(uuid(r.getString(1)), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                            Instant.parse(r.getString(6))));
                }
            }
            return out;
        });
    }

    /** The bytes of an attached document, exactly as attached. */
    public Optional<byte[]> documentBytes(UUID id) throws StoreException {
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT bytes FROM consent_document WHERE id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** Puts attached documents into a production as they were (an import); a document already present is left as it is. */
    public void restoreDocuments(List<ConsentDocument> docs, Map<UUID, byte[]> bytes) throws StoreException {
        write(() -> {
            for (ConsentDocument d : docs) {
                byte[] b = bytes.get(d.id());
                if (b == null) continue;
                PreparedStatement find = prepared("SELECT 1 FROM consent_document WHERE id = ?");
                find.setString(1, d.id().toString());
                try (ResultSet r = find.executeQuery()) {
                    if (r.next()) continue;
                }
                insertDocument(d.id(), d.fileName(), d.mediaType(), b, d.attachedAt());
            }
        });
    }

    private static String dateText(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate dateOrNull(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // not a date Clearframe wrote: read as not recorded, which the rules treat as missing
        }
    }

    private static String ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static List<UUID> uuids(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        List<UUID> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                out.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException ignored) {
                // not an id: it can widen no scope
            }
        }
        return out;
    }

    public void deleteCastMember(UUID id) throws StoreException {
        write(() -> update("DELETE FROM cast_member WHERE id = ?", id.toString()));
    }

    /** Inserts or updates a scene; a new one goes to the end of the script. */
    public void saveScene(Scene s) throws StoreException {
        write(() -> writeScene(s, positionOr(s.id(), "scene", null, null)));
    }

    /** Inserts a new scene at {@code index} in script order (moving later scenes down). */
    public void insertScene(Scene s, int index) throws StoreException {
        write(() -> {
            writeScene(s, Integer.MAX_VALUE);
            reposition("scene", null, null, s.id(), index);
        });
    }

    private void writeScene(Scene s, int pos) throws SQLException {
        update("INSERT INTO scene (id, position, number, int_ext, setting, time_of_day, synopsis, eighths, story_day, omitted) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET number = excluded.number, int_ext = excluded.int_ext, "
                        + "setting = excluded.setting, time_of_day = excluded.time_of_day, synopsis = excluded.synopsis, eighths = excluded.eighths, "
                        + "story_day = excluded.story_day, omitted = excluded.omitted",
                s.id().toString(), pos, s.number(), s.intExt().name(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), s.storyDay(), s.omitted() ? 1 : 0);
        replaceLinks("scene_cast", "scene_id", "cast_id", s.id(), s.castIds());
    }

    /** Deletes a scene with its shots and their AI uses. Their sign-offs stay in the history (see {@link #restoreScene}). */
    public void deleteScene(UUID id) throws StoreException {
        write(() -> update("DELETE FROM scene WHERE id = ?", id.toString()));
    }

    public void moveScene(UUID id, int index) throws StoreException {
        write(() -> reposition("scene", null, null, id, index));
    }

    /** Inserts or updates a shot with its AI uses (which it replaces whole). A new shot goes to the end of its scene. */
    public void saveShot(Shot shot) throws StoreException {
        write(() -> writeShot(shot, positionOr(shot.id(), "shot", "scene_id", shot.sceneId())));
    }

    /** Inserts a new shot at {@code index} within its scene. */
    public void insertShot(Shot shot, int index) throws StoreException {
        write(() -> {
            writeShot(shot, Integer.MAX_VALUE);
            reposition("shot", "scene_id", shot.sceneId(), shot.id(), index);
        });
    }

    /** Appends many shots in one transaction (imports, the benchmark generator). */
    public void insertShots(Collection<Shot> shots) throws StoreException {
        write(() -> {
            Map<UUID, Integer> next = new HashMap<>();
            for (Shot shot : shots) {
                int pos = next.computeIfAbsent(shot.sceneId(), scene -> {
                    try {
                        return positionOr(null, "shot", "scene_id", scene);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                writeShot(shot, pos);
                next.put(shot.sceneId(), pos + 1);
            }
        });
    }

    private void writeShot(Shot s, int pos) throws SQLException {
        boolean moved = false;
        PreparedStatement find = prepared("SELECT scene_id FROM shot WHERE id = ?");
        find.setString(1, s.id().toString());
        try (ResultSet r = find.executeQuery()) {
            if (r.next() && !r.getString(1).equals(s.sceneId().toString())) moved = true;
        }
        if (moved) pos = positionOr(null, "shot", "scene_id", s.sceneId());
        update("INSERT INTO shot (id, scene_id, position, number, description, size, angle, movement, lens, duration_seconds, notes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET scene_id = excluded.scene_id, "
                        + (moved ? "position = excluded.position, " : "")
                        + "number = excluded.number, description = excluded.description, size = excluded.size, angle = excluded.angle, "
                        + "movement = excluded.movement, lens = excluded.lens, duration_seconds = excluded.duration_seconds, notes = excluded.notes",
                s.id().toString(), s.sceneId().toString(), pos, s.number(), s.description(), s.size() == null ? null : s.size().name(),
                s.angle(), s.movement(), s.lens(), s.durationSeconds(), s.notes());
        replaceLinks("shot_department", "shot_id", "department_id", s.id(), s.departmentIds());
        update("DELETE FROM ai_use WHERE shot_id = ?", s.id().toString());
        int i = 0;
        for (AiUse u : s.aiUses()) {
            update("INSERT INTO ai_use (id, shot_id, position, technique, purpose, tool, output, uploads, vendor_trains, factors, notes, "
                            + "frame_share_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    u.id().toString(), s.id().toString(), i++, u.technique().name(), u.purpose(), u.tool(), u.output().name(),
                    names(u.uploads()), u.vendorTrains().name(), names(u.factors()), u.notes(), u.frameSharePercent());
            replaceLinks("ai_use_performer", "ai_use_id", "cast_id", u.id(), u.performerIds());
            replaceLinks("ai_use_department", "ai_use_id", "department_id", u.id(), u.departmentIds());
        }
    }

    /**
     * Deletes a shot with its AI uses (the caller has asked the producer first). Its sign-offs stay in the history,
     * unread while the shot is gone, and apply again if an undo brings the shot back under its id.
     */
    public void deleteShot(UUID id) throws StoreException {
        write(() -> update("DELETE FROM shot WHERE id = ?", id.toString()));
    }

    public void moveShot(UUID id, int index) throws StoreException {
        write(() -> {
            String scene;
            try (PreparedStatement p = db.prepareStatement("SELECT scene_id FROM shot WHERE id = ?")) {
                p.setString(1, id.toString());
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) throw new SQLException("no shot " + id);
                    scene = r.getString(1);
                }
            }
            reposition("shot", "scene_id", UUID.fromString(scene), id, index);
        });
    }

    public void setReferenceImage(UUID shotId, ReferenceImage image) throws StoreException {
        write(() -> {
            if (image == null) {
                update("DELETE FROM shot_image WHERE shot_id = ?", shotId.toString());
            } else {
                try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO shot_image (shot_id, media_type, bytes) VALUES (?, ?, ?)")) {
                    p.setString(1, shotId.toString());
                    p.setString(2, image.mediaType());
                    p.setBytes(3, image.bytes());
                    p.executeUpdate();
                }
            }
        });
    }

    /** Records a sign-off. Sign-offs are history: this never replaces or deletes an earlier one. */
    public void addSignOff(SignOff s) throws StoreException {
        write(() -> insertSignOff(s));
    }

    /** Records several sign-offs all-or-nothing (a department head's reply). Ones already present are skipped. */
    public int addSignOffs(Collection<SignOff> signOffs) throws StoreException {
        return write(() -> {
            int added = 0;
            for (SignOff s : signOffs) if (insertSignOffIfNew(s)) added++;
            return added;
        });
    }

    /** Records {@code s} unless a sign-off with its id is already in the history (which then stands as it is). */
    private boolean insertSignOffIfNew(SignOff s) throws SQLException {
        PreparedStatement p = prepared("SELECT 1 FROM sign_off WHERE id = ?");
        p.setString(1, s.id().toString());
        try (ResultSet r = p.executeQuery()) {
            if (r.next()) return false;
        }
        insertSignOff(s);
        return true;
    }

    /** The only statement that writes sign_off: the history is appended to, never updated or deleted (V4 guards it too). */
    private void insertSignOff(SignOff s) throws SQLException {
        update("INSERT INTO sign_off (id, shot_id, rule_id, role, subject_id, signer, decision, note, signed_at, fingerprint, subject_name) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id().toString(), s.shotId().toString(), s.ruleId(), s.role().name(), s.subjectId() == null ? null : s.subjectId().toString(),
                s.signer(), s.decision().name(), s.note(), s.signedAt().toString(), s.fingerprint(), s.subjectName());
        SignOffLog.append(db, s);
    }

    /**
     * Inserts or updates many rows in one transaction, all-or-nothing (a script re-import, a merge). Rows are
     * written in dependency order; new scenes and shots are appended after the existing ones.
     */
    public void saveAll(List<Department> departments, List<CastMember> cast, List<Scene> scenes, List<Shot> shots,
                        List<SignOff> signOffs) throws StoreException {
        write(() -> {
            for (Department d : departments) writeDepartment(d);
            for (CastMember m : cast) writeCastMember(m);
            for (Scene s : scenes) writeScene(s, positionOr(s.id(), "scene", null, null));
            for (Shot s : shots) writeShot(s, positionOr(s.id(), "shot", "scene_id", s.sceneId()));
            for (SignOff s : signOffs) insertSignOff(s);
        });
    }

    /**
     * Writes a whole production to a new file (import of an exchange file). Built under a temporary name and
     * moved into place only when complete, so a failure leaves no half-written production behind.
     */
    public static void createFrom(Path file, ProductionData data) throws ProjectFileException {
        createFrom(file, data, List.of(), Map.of());
    }

    /**
     * Like {@link #createFrom(Path, ProductionData)}, with the attached documents and their bytes. A consent whose
     * document did not come along keeps no reference to it (there is nothing to show), and says so by having none.
     */
    public static void createFrom(Path file, ProductionData data, List<ConsentDocument> documents, Map<UUID, byte[]> bytes)
            throws ProjectFileException {
        if (Files.exists(file)) {
            throw new ProjectFileException(Problem.UNWRITABLE, file, file.getFileName() + " already exists.");
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(temp);
            try (ProductionStore store = create(temp, data.production())) {
                store.write(() -> {
                    store.update("DELETE FROM department");
                    for (Department d : data.departments()) store.writeDepartment(d);
                    for (CastMember m : data.cast()) store.writeCastMember(m);
                    int pos = 0;
                    for (Scene s : data.scenes()) store.writeScene(s, pos++);
                    Map<UUID, Integer> next = new HashMap<>();
                    for (Shot s : data.shots()) store.writeShot(s, next.merge(s.sceneId(), 1, Integer::sum) - 1);
                    for (SignOff s : data.signOffs()) store.insertSignOff(s);
                    for (Scan s : data.scans()) store.writeScan(s);
                    Set<UUID> kept = new java.util.HashSet<>();
                    for (ConsentDocument d : documents) {
                        byte[] b = bytes.get(d.id());
                        if (b != null && kept.add(d.id())) store.insertDocument(d.id(), d.fileName(), d.mediaType(), b, d.attachedAt());
                    }
                    for (Consent c : data.consents()) {
                        store.writeConsent(c.documentId() == null || kept.contains(c.documentId()) ? c : c.withDocument(null));
                    }
                    if (!data.policyJson().isBlank()) {
                        store.update("INSERT INTO policy (id, source, json, loaded_at) VALUES (1, 'imported', ?, ?)",
                                data.policyJson(), Instant.now().toString());
                    }
                });
                store.checkpoint();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (StoreException | SQLException | IOException e) {
            deleteQuietly(temp);
            throw new ProjectFileException(Problem.UNWRITABLE, file, "Clearframe could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Stores the studio policy in force ({@code json} null to go back to the built-in default). */
    public void setPolicy(String source, String json) throws StoreException {
        write(() -> {
            update("DELETE FROM policy");
            if (json != null) {
                update("INSERT INTO policy (id, source, json, loaded_at) VALUES (1, ?, ?, ?)", source == null ? "" : source, json, Instant.now().toString());
            }
        });
    }

    /**
     * Puts back a deleted scene with its shots and sign-offs, exactly as they were (undo of a delete).
     * {@code shots} must be the scene's shots in order.
     */
    public void restoreScene(Scene scene, int index, List<Shot> shots, List<SignOff> signOffs) throws StoreException {
        write(() -> {
            writeScene(scene, Integer.MAX_VALUE);
            reposition("scene", null, null, scene.id(), index);
            int pos = 0;
            for (Shot shot : shots) writeShot(shot, pos++);
            for (SignOff s : signOffs) insertSignOffIfNew(s); // kept through the delete; older files may have lost them
        });
    }

    /** Puts back a deleted shot at {@code index} in its scene, with its sign-offs (undo of a delete). */
    public void restoreShot(Shot shot, int index, List<SignOff> signOffs) throws StoreException {
        write(() -> {
            writeShot(shot, Integer.MAX_VALUE);
            reposition("shot", "scene_id", shot.sceneId(), shot.id(), index);
            for (SignOff s : signOffs) insertSignOffIfNew(s); // kept through the delete; older files may have lost them
        });
    }

    /**
     * Writes a consistent copy of the production to {@code target} (Save a Copy As). SQLite's VACUUM INTO
     * copies what is committed, including what still sits in the write-ahead log, without closing this file.
     */
    public synchronized void copyTo(Path target) throws ProjectFileException {
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

    // ------------------------------------------------------------------------- scenes in script order (importer)

    /**
     * Saves cast members and scenes like {@link #saveAll}, then puts the scenes in {@code sceneOrder}, all in one
     * transaction: a revised script's new scenes go where the script has them rather than at the end.
     * Scenes {@code sceneOrder} does not name keep their relative order after the ones it names.
     */
    public void saveScenesInOrder(List<CastMember> cast, List<Scene> scenes, List<UUID> sceneOrder) throws StoreException {
        write(() -> {
            for (CastMember m : cast) writeCastMember(m);
            for (Scene s : scenes) writeScene(s, positionOr(s.id(), "scene", null, null));
            List<String> current = new ArrayList<>();
            try (ResultSet r = query("SELECT id FROM scene ORDER BY position, rowid")) {
                while (r.next()) current.add(r.getString(1));
            }
            List<String> order = new ArrayList<>();
            Set<String> present = new java.util.HashSet<>(current);
            for (UUID id : sceneOrder) if (present.remove(id.toString())) order.add(id.toString());
            for (String id : current) if (present.contains(id)) order.add(id);
            try (PreparedStatement p = db.prepareStatement("UPDATE scene SET position = ? WHERE id = ?")) {
                for (int i = 0; i < order.size(); i++) {
                    p.setInt(1, i);
                    p.setString(2, order.get(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    // ------------------------------------------------------------------- evidence: ProofRepository's hook

    /** The evidence behind the sign-offs (signed replies, proofs); see {@link ProofRepository}. */
    public ProofRepository proofs() {
        return new ProofRepository(this);
    }

    /** The hash-chained sign-off log as the file holds it; check it with {@link SignOffLog#verify}. */
    public SignOffLog.Log signOffLog() throws StoreException {
        return read(() -> SignOffLog.read(db));
    }

    <T> T readForProofs(ProofRepository.Sql<T> work) throws StoreException {
        return read(() -> work.run(db));
    }

    <T> T writeForProofs(ProofRepository.Sql<T> work) throws StoreException {
        return write(() -> work.run(db));
    }

    boolean hasSignOffForProofs(UUID id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM sign_off WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    void insertSignOffForProofs(SignOff s) throws SQLException {
        insertSignOff(s);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface VoidWork {
        void run() throws SQLException;
    }

    /** Edits made through this store's public methods, run together by {@link #inOneTransaction}. */
    @FunctionalInterface
    public interface Edits {
        void run() throws StoreException;
    }

    /**
     * Runs several of this store's edits as one transaction (an import, a reply, a delete and what it unlinks): all of
     * them are committed, or on failure none. Each edit's own transaction joins this one.
     */
    public void inOneTransaction(Edits edits) throws StoreException {
        try {
            inWrite(() -> {
                try {
                    edits.run();
                } catch (StoreException e) {
                    throw new EditFailed(e); // a runtime exception, so that inWrite rolls back
                }
            });
        } catch (EditFailed e) {
            throw e.cause;
        } catch (SQLException e) {
            throw new StoreException("Saving to " + file.getFileName() + " failed, and the change was undone: " + e.getMessage(), e);
        }
    }

    private static final class EditFailed extends RuntimeException {
        final StoreException cause;

        EditFailed(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Reads are serialised with writes: the connection is shared by the FX thread and background work. */
    private synchronized <T> T read(Work<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("Reading " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    private void write(VoidWork work) throws StoreException {
        write(() -> {
            work.run();
            return null;
        });
    }

    private <T> T write(Work<T> work) throws StoreException {
        try {
            return inWrite(work);
        } catch (SQLException e) {
            throw new StoreException("Saving to " + file.getFileName() + " failed, and the change was undone: " + e.getMessage(), e);
        }
    }

    private void inWrite(VoidWork work) throws SQLException {
        inWrite(() -> {
            work.run();
            return null;
        });
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

    private ResultSet query(String sql) throws SQLException {
        Statement s = db.createStatement();
        s.closeOnCompletion();
        return s.executeQuery(sql);
    }

    private int update(String sql, Object... args) throws SQLException {
        PreparedStatement p = prepared(sql);
        p.clearParameters();
        for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
        return p.executeUpdate();
    }

    /**
     * A prepared statement kept for the life of the file: preparing is most of the cost of a small write, and
     * an import writes tens of thousands of rows. Only the write path uses these, and it holds the store's lock.
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private Map<UUID, List<UUID>> links(String sql) throws SQLException {
        Map<UUID, List<UUID>> map = new LinkedHashMap<>();
        try (ResultSet r = query(sql)) {
            while (r.next()) map.computeIfAbsent(uuid(r.getString(1)), k -> new ArrayList<>()).add(uuid(r.getString(2)));
        }
        return map;
    }

    private void replaceLinks(String table, String ownerColumn, String targetColumn, UUID owner, List<UUID> targets) throws SQLException {
        update("DELETE FROM " + table + " WHERE " + ownerColumn + " = ?", owner.toString());
        int i = 0;
        for (UUID target : targets) {
            update("INSERT OR IGNORE INTO " + table + " (" + ownerColumn + ", " + targetColumn + ", position) VALUES (?, ?, ?)",
                    owner.toString(), target.toString(), i++);
        }
    }

    /** The row's current position, or for a new row the next free one (within {@code parent} when given). */
    private int positionOr(UUID id, String table, String parentColumn, UUID parent) throws SQLException {
        if (id != null) {
            PreparedStatement p = prepared("SELECT position FROM " + table + " WHERE id = ?");
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) return r.getInt(1);
            }
        }
        String where = parentColumn == null ? "" : " WHERE " + parentColumn + " = ?";
        PreparedStatement p = prepared("SELECT COALESCE(MAX(position), -1) + 1 FROM " + table + where);
        if (parentColumn != null) p.setString(1, parent.toString());
        try (ResultSet r = p.executeQuery()) {
            return r.getInt(1);
        }
    }

    /** Moves one row to {@code index} among its siblings and renumbers them 0..n-1. */
    private void reposition(String table, String parentColumn, UUID parent, UUID id, int index) throws SQLException {
        String where = parentColumn == null ? "" : " WHERE " + parentColumn + " = ?";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT id FROM " + table + where + " ORDER BY position, rowid")) {
            if (parentColumn != null) p.setString(1, parent.toString());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        if (!ids.remove(id.toString())) throw new SQLException("no row " + id + " in " + table);
        ids.add(Math.max(0, Math.min(index, ids.size())), id.toString());
        try (PreparedStatement p = db.prepareStatement("UPDATE " + table + " SET position = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                p.setInt(1, i);
                p.setString(2, ids.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, String csv) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) return set;
        Arrays.stream(csv.split(",")).map(n -> Labelled.parse(type, n, null)).filter(e -> e != null).forEach(set::add);
        return set;
    }

    private static UUID uuid(String s) {
        return UUID.fromString(s);
    }

    /** The AI share of the frame as stored; anything outside 0-100 (a hand-edited file) reads as not recorded. */
    private static Integer frameShare(Object value) {
        if (!(value instanceof Number n)) return null;
        long v = n.longValue();
        return v >= 0 && v <= 100 && n.doubleValue() == v ? (int) v : null;
    }

    private static UUID uuidOrNull(String s) {
        return s == null ? null : UUID.fromString(s);
    }

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
            entries.forEach(ProductionStore::deleteQuietly);
        } catch (IOException ignored) {
            // best effort, as below
        }
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing useful to tell the producer about a leftover temporary file
        }
    }
}
