package org.clearframe.store;

import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.store.ProjectFileException.Problem;

/**
 * One production file, open: the door every caller outside this package goes through. Each public method here
 * is one transaction, committed before it returns, so a crash loses nothing that was shown as saved.
 *
 * <p>The work is done behind it: {@link ProductionFile} is the file (create, open, lock, upgrade, copies,
 * transactions, errors), and one repository per kind of row reads and writes that kind (departments, cast,
 * scenes, shots, AI uses, sign-offs, scans, consent, documents, policy, images). A new kind of row gets its own
 * repository, and its methods here open the transaction and delegate. This package is the only one that speaks SQL.
 */
public final class ProductionStore implements AutoCloseable {

    private final ProductionFile file;
    private final ProductionRepository production;
    private final DepartmentRepository departments;
    private final CastRepository cast;
    private final SceneRepository scenes;
    private final ShotRepository shots;
    private final SignOffRepository signOffs;
    private final ScanRepository scans;
    private final ConsentRepository consents;
    private final ConsentDocumentRepository documents;
    private final PolicyRepository policy;
    private final ReferenceImageRepository images;
    private final ScenePages pages;

    private ProductionStore(ProductionFile file) {
        this.file = file;
        Rows rows = new Rows(file);
        this.production = new ProductionRepository(rows);
        this.departments = new DepartmentRepository(rows);
        this.cast = new CastRepository(rows);
        this.scenes = new SceneRepository(rows);
        this.shots = new ShotRepository(rows, new AiUseRepository(rows));
        this.signOffs = new SignOffRepository(rows, file);
        this.scans = new ScanRepository(rows);
        this.consents = new ConsentRepository(rows);
        this.documents = new ConsentDocumentRepository(rows);
        this.policy = new PolicyRepository(rows);
        this.images = new ReferenceImageRepository(rows);
        this.pages = new ScenePages(rows, file);
    }

    // ------------------------------------------------------------------------------------ the file

    /** Creates a new production file (refusing to overwrite one) holding {@code production} and the default departments. */
    public static ProductionStore create(Path file, Production production) throws ProjectFileException {
        return new ProductionStore(ProductionFile.create(file, created -> {
            ProductionStore seeding = new ProductionStore(created);
            seeding.file.write(() -> {
                seeding.production.insert(production);
                for (Department d : Department.defaults()) seeding.departments.save(d);
            });
        }));
    }

    /**
     * Opens a production for editing, upgrading an older file format after keeping a backup of it.
     *
     * <p>The file is locked for this store alone before this returns: a second window or program that asks to
     * write is refused here, at open, rather than at its first edit. The file's schema is checked against
     * Clearframe's format before anything is written, so a refused file stays byte-for-byte as it was.
     */
    public static ProductionStore open(Path file) throws ProjectFileException {
        return new ProductionStore(ProductionFile.open(file));
    }

    /**
     * Opens a production to read only (check, info, the exports). The reader works on a private copy in a
     * temporary folder, taken consistently without locks (see {@link Snapshot}): it creates no file beside the
     * production, works in a read-only folder and while a writer holds the file, and sees every edit the writer
     * has committed. An older format is upgraded in the copy; the original is never written.
     */
    public static ProductionStore openReadOnly(Path file) throws ProjectFileException {
        return new ProductionStore(ProductionFile.openReadOnly(file, true));
    }

    /**
     * As {@link #openReadOnly}, for reading the production's counts ({@link #counts}) only: the schema is checked as
     * always, but the file is not read through page by page first (SQLite's quick check, the one step whose cost grows
     * with the file), since counting reads the pages it needs and SQLite refuses a damaged one it meets.
     */
    public static ProductionStore openToCount(Path file) throws ProjectFileException {
        return new ProductionStore(ProductionFile.openReadOnly(file, false));
    }

    /**
     * The SHA-256 of {@code file} when this program holds it open for writing, read through that store (hashing it
     * by path would release the store's lock); empty when it is not held here and may be read as any file.
     */
    public static Optional<String> sha256IfHeldHere(Path file) throws IOException {
        return ProductionFile.sha256IfHeldHere(file);
    }

    /**
     * The SHA-256 of the production file as it stands (everything committed is moved into it first), read
     * through the store's own handle: hashing the file by path here would release this store's lock.
     */
    public String fileSha256() throws StoreException {
        return file.sha256();
    }

    /**
     * Moves everything written so far from the write-ahead log into the file itself, so that the file on disk
     * (hashed for a PDF's fingerprint, or copied by hand) holds the production as it stands.
     */
    public void flush() throws StoreException {
        file.flush();
    }

    /**
     * Writes a consistent copy of the production to {@code target} (Save a Copy As). SQLite's VACUUM INTO
     * copies what is committed, including what still sits in the write-ahead log, without closing this file.
     */
    public void copyTo(Path target) throws ProjectFileException {
        file.copyTo(target);
    }

    public Path file() {
        return file.path();
    }

    public boolean isReadOnly() {
        return file.isReadOnly();
    }

    /** The schema version of the open file (after any upgrade). */
    public int formatVersion() throws StoreException {
        return file.formatVersion();
    }

    @Override
    public void close() {
        file.close();
    }

    // ------------------------------------------------------------------------------------ reading

    /** Loads the whole production in a handful of queries: a few per table, never one per row. */
    public ProductionData load() throws StoreException {
        return read(() -> new ProductionData(production.load(), departments.all(), cast.all(), scenes.all(), shots.all(),
                signOffs.ofPresentShots(), policy.json().orElse(""), scans.all(), consents.all()));
    }

    /**
     * What every shot's flags depend on besides the shot and its sign-offs: the production, departments, cast, policy,
     * scans and consents, without any scene, shot or sign-off. For readers that then go through the scenes a page at a
     * time ({@link #scenePage}).
     */
    public ProductionData facts() throws StoreException {
        return read(() -> new ProductionData(production.load(), departments.all(), cast.all(), List.of(), List.of(), List.of(),
                policy.json().orElse(""), scans.all(), consents.all()));
    }

    /**
     * A run of whole scenes in script order with their shots (AI uses included) and those shots' sign-offs, oldest
     * first, as {@link #load()} orders them. The sign-offs are rows, not yet proven: read them through exchange.
     */
    public record ScenePage(List<Scene> scenes, List<Shot> shots, List<SignOff> signOffs) {
        public ScenePage {
            scenes = List.copyOf(scenes);
            shots = List.copyOf(shots);
            signOffs = List.copyOf(signOffs);
        }
    }

    /** How many scenes the production has, omitted ones included. */
    public int sceneCount() throws StoreException {
        return read(pages::sceneCount);
    }

    /** Scenes {@code first} to {@code first + count - 1} in script order (fewer at the end), each whole: see {@link ScenePage}. */
    public ScenePage scenePage(int first, int count) throws StoreException {
        if (first < 0 || count < 1) throw new IllegalArgumentException("first " + first + ", count " + count);
        return read(() -> pages.page(first, count));
    }

    /** What {@code info} prints, counted by SQLite without loading the production (fast at any size). */
    public record Counts(Production production, int scenes, int shots, int aiUses, int shotsWithAiUse, int departments, int cast) {}

    /**
     * The counts of {@code file} ({@code info}): read where the file lies when nothing is writing it, which spares the
     * copy every other reader takes; from a copy ({@link #openToCount}) when a writer may be busy or the format is older.
     */
    public static Counts countsOf(Path file) throws ProjectFileException, StoreException {
        Optional<Counts> inPlace = ProductionFile.readInPlace(file, f -> new ProductionStore(f).counts());
        if (inPlace.isPresent()) return inPlace.get();
        try (ProductionStore store = openToCount(file)) {
            return store.counts();
        }
    }

    public Counts counts() throws StoreException {
        Rows rows = new Rows(file);
        return read(() -> new Counts(production.load(), rows.count("SELECT COUNT(*) FROM scene"), rows.count("SELECT COUNT(*) FROM shot"),
                rows.count("SELECT COUNT(*) FROM ai_use"), rows.count("SELECT COUNT(DISTINCT shot_id) FROM ai_use"),
                rows.count("SELECT COUNT(*) FROM department"), rows.count("SELECT COUNT(*) FROM cast_member")));
    }

    /** One shot as the window's first screen lists it, before the production is read whole. */
    public record ShotLine(UUID id, String scene, String number, String description, ShotSize size, int aiUses) {}

    /**
     * Shots {@code offset} to {@code offset + limit - 1} in script order (scene by scene), as {@link ShotLine}s:
     * one query, so opening a large production can show its first rows before the rest is read.
     */
    public List<ShotLine> shotLines(int offset, int limit) throws StoreException {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        return read(() -> shots.lines(offset, limit));
    }

    public Optional<String> policyJson() throws StoreException {
        return read(policy::json);
    }

    /** The ids of the shots that have a reference image. */
    public Set<UUID> shotsWithReferenceImages() throws StoreException {
        return read(images::shots);
    }

    public Optional<ReferenceImage> referenceImage(UUID shotId) throws StoreException {
        return read(() -> images.of(shotId));
    }

    /** The attached documents, without their bytes. */
    public List<ConsentDocument> documents() throws StoreException {
        return read(documents::all);
    }

    /** The bytes of an attached document, exactly as attached. */
    public Optional<byte[]> documentBytes(UUID id) throws StoreException {
        return read(() -> documents.bytes(id));
    }

    // ------------------------------------------------------------------------------------ the production, departments, cast

    public void updateProduction(Production p) throws StoreException {
        write(() -> production.update(p));
    }

    /** Inserts or updates a department; a new one goes to the end of the list. */
    public void saveDepartment(Department d) throws StoreException {
        write(() -> departments.save(d));
    }

    /** Puts a department at {@code index} in the list (undo of a delete puts it back where it was). */
    public void moveDepartment(UUID id, int index) throws StoreException {
        write(() -> departments.move(id, index));
    }

    /** Puts a cast member at {@code index} in the list (undo of a delete puts them back where they were). */
    public void moveCastMember(UUID id, int index) throws StoreException {
        write(() -> cast.move(id, index));
    }

    public void deleteDepartment(UUID id) throws StoreException {
        write(() -> departments.delete(id));
    }

    public void saveCastMember(CastMember m) throws StoreException {
        write(() -> cast.save(m));
    }

    public void deleteCastMember(UUID id) throws StoreException {
        write(() -> cast.delete(id));
    }

    // ------------------------------------------------------------------------------------ performer facts and consent

    /** Inserts or updates a scan of a cast member. */
    public void saveScan(Scan scan) throws StoreException {
        write(() -> scans.save(scan));
    }

    public void deleteScan(UUID id) throws StoreException {
        write(() -> scans.delete(id));
    }

    /**
     * Inserts or updates a consent record. A withdrawal, once recorded, cannot be taken back or redated (the V6
     * trigger refuses it and the whole edit is undone): a renewed consent is a new record.
     */
    public void saveConsent(Consent c) throws StoreException {
        write(() -> consents.save(c));
    }

    /** Records that consent {@code id} was withdrawn on {@code on}. */
    public void withdrawConsent(UUID id, LocalDate on) throws StoreException {
        write(() -> consents.withdraw(id, on));
    }

    /** Keeps {@code bytes} in the production as the signed document of consent {@code consentId}, in one transaction. */
    public ConsentDocument attachDocument(UUID consentId, String fileName, String mediaType, byte[] bytes) throws StoreException {
        return write(() -> {
            ConsentDocument doc = documents.insert(UUID.randomUUID(), fileName, mediaType, bytes, Instant.now());
            consents.setDocument(consentId, doc.id());
            return doc;
        });
    }

    /** Puts attached documents into a production as they were (an import); a document already present is left as it is. */
    public void restoreDocuments(List<ConsentDocument> docs, Map<UUID, byte[]> bytes) throws StoreException {
        write(() -> {
            for (ConsentDocument d : docs) {
                byte[] b = bytes.get(d.id());
                if (b == null || documents.exists(d.id())) continue;
                documents.insert(d.id(), d.fileName(), d.mediaType(), b, d.attachedAt());
            }
        });
    }

    // ------------------------------------------------------------------------------------ scenes and shots

    /** Inserts or updates a scene; a new one goes to the end of the script. */
    public void saveScene(Scene s) throws StoreException {
        write(() -> scenes.save(s));
    }

    /** Inserts a new scene at {@code index} in script order (moving later scenes down). */
    public void insertScene(Scene s, int index) throws StoreException {
        write(() -> scenes.insert(s, index));
    }

    /** Deletes a scene with its shots and their AI uses. Their sign-offs stay in the history (see {@link #restoreScene}). */
    public void deleteScene(UUID id) throws StoreException {
        write(() -> scenes.delete(id));
    }

    public void moveScene(UUID id, int index) throws StoreException {
        write(() -> scenes.move(id, index));
    }

    /** Inserts or updates a shot with its AI uses (which it replaces whole). A new shot goes to the end of its scene. */
    public void saveShot(Shot shot) throws StoreException {
        write(() -> shots.save(shot));
    }

    /** Inserts a new shot at {@code index} within its scene. */
    public void insertShot(Shot shot, int index) throws StoreException {
        write(() -> shots.insert(shot, index));
    }

    /** Appends many shots in one transaction (imports, the benchmark generator). */
    public void insertShots(Collection<Shot> shots) throws StoreException {
        write(() -> this.shots.append(shots));
    }

    /**
     * Deletes a shot with its AI uses (the caller has asked the producer first). Its sign-offs stay in the history,
     * unread while the shot is gone, and apply again if an undo brings the shot back under its id.
     */
    public void deleteShot(UUID id) throws StoreException {
        write(() -> shots.delete(id));
    }

    public void moveShot(UUID id, int index) throws StoreException {
        write(() -> shots.move(id, index));
    }

    public void setReferenceImage(UUID shotId, ReferenceImage image) throws StoreException {
        write(() -> images.set(shotId, image));
    }

    /**
     * Puts back a deleted scene with its shots and sign-offs, exactly as they were (undo of a delete).
     * {@code shots} must be the scene's shots in order.
     */
    public void restoreScene(Scene scene, int index, List<Shot> shots, List<SignOff> signOffs) throws StoreException {
        write(() -> {
            scenes.insert(scene, index);
            int pos = 0;
            for (Shot shot : shots) this.shots.write(shot, pos++);
            for (SignOff s : signOffs) this.signOffs.insertIfNew(s); // kept through the delete; older files may have lost them
        });
    }

    /** Puts back a deleted shot at {@code index} in its scene, with its sign-offs (undo of a delete). */
    public void restoreShot(Shot shot, int index, List<SignOff> signOffs) throws StoreException {
        write(() -> {
            shots.insert(shot, index);
            for (SignOff s : signOffs) this.signOffs.insertIfNew(s); // kept through the delete; older files may have lost them
        });
    }

    /** Saves many edited shots all-or-nothing (a bulk edit in the Shots page). */
    public void saveShots(Collection<Shot> edited) throws StoreException {
        write(() -> {
            for (Shot s : edited) shots.save(s);
        });
    }

    /** Deletes many shots all-or-nothing (a bulk delete); their sign-offs stay in the history as {@link #deleteShot} keeps them. */
    public void deleteShots(Collection<UUID> ids) throws StoreException {
        write(() -> {
            for (UUID id : ids) shots.delete(id);
        });
    }

    /**
     * Puts back deleted shots, each at its index within its scene, with their sign-offs, all-or-nothing (undo of a bulk
     * delete). {@code inOrder} must be in the order the production listed them, so each index is right when it is used.
     */
    public void restoreShots(List<Shot> inOrder, List<Integer> indexInScene, List<SignOff> signOffs) throws StoreException {
        write(() -> {
            for (int i = 0; i < inOrder.size(); i++) shots.insert(inOrder.get(i), indexInScene.get(i));
            for (SignOff s : signOffs) this.signOffs.insertIfNew(s);
        });
    }

    // ------------------------------------------------------------------------------------ sign-offs and policy

    /** Records a sign-off. Sign-offs are history: this never replaces or deletes an earlier one. */
    public void addSignOff(SignOff s) throws StoreException {
        write(() -> signOffs.insert(s));
    }

    /** Records several sign-offs all-or-nothing (a department head's reply). Ones already present are skipped. */
    public int addSignOffs(Collection<SignOff> signOffs) throws StoreException {
        return write(() -> {
            int added = 0;
            for (SignOff s : signOffs) if (this.signOffs.insertIfNew(s)) added++;
            return added;
        });
    }

    /** Stores the studio policy in force ({@code json} null to go back to the built-in default). */
    public void setPolicy(String source, String json) throws StoreException {
        write(() -> policy.set(source, json));
    }

    // ------------------------------------------------------------------------------------ many rows at once

    /**
     * Inserts or updates many rows in one transaction, all-or-nothing (a script re-import, a merge). Rows are
     * written in dependency order; new scenes and shots are appended after the existing ones.
     */
    public void saveAll(List<Department> departments, List<CastMember> cast, List<Scene> scenes, List<Shot> shots,
                        List<SignOff> signOffs) throws StoreException {
        write(() -> {
            for (Department d : departments) this.departments.save(d);
            for (CastMember m : cast) this.cast.save(m);
            for (Scene s : scenes) this.scenes.save(s);
            for (Shot s : shots) this.shots.save(s);
            for (SignOff s : signOffs) this.signOffs.insert(s);
        });
    }

    /**
     * Saves cast members and scenes like {@link #saveAll}, then puts the scenes in {@code sceneOrder}, all in one
     * transaction: a revised script's new scenes go where the script has them rather than at the end.
     * Scenes {@code sceneOrder} does not name keep their relative order after the ones it names.
     */
    public void saveScenesInOrder(List<CastMember> cast, List<Scene> scenes, List<UUID> sceneOrder) throws StoreException {
        write(() -> {
            for (CastMember m : cast) this.cast.save(m);
            for (Scene s : scenes) this.scenes.save(s);
            this.scenes.putInOrder(sceneOrder);
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
                store.file.wholeFileCache();
                store.file.write(() -> store.writeWhole(data, documents, bytes));
                store.file.checkpoint();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (StoreException | SQLException | IOException e) {
            ProductionFile.deleteQuietly(temp);
            throw new ProjectFileException(Problem.UNWRITABLE, file, "Clearframe could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Everything but the production's row, in dependency order, into a file that holds nothing yet. */
    private void writeWhole(ProductionData data, List<ConsentDocument> docs, Map<UUID, byte[]> bytes) throws SQLException {
        departments.deleteAll();
        for (Department d : data.departments()) departments.save(d);
        for (CastMember m : data.cast()) cast.save(m);
        // A row's first appearance is new to the file and is inserted without the look-ups and removals an edit needs;
        // an id that appears again is written as an edit would write it, as all of them once were.
        int pos = 0;
        Set<UUID> written = new HashSet<>();
        for (Scene s : data.scenes()) {
            if (written.add(s.id())) scenes.insertNew(s, pos++);
            else scenes.write(s, pos++);
        }
        Map<UUID, Integer> next = new HashMap<>();
        written.clear();
        for (Shot s : data.shots()) {
            int position = next.merge(s.sceneId(), 1, Integer::sum) - 1;
            if (written.add(s.id())) shots.insertNew(s, position);
            else shots.write(s, position);
        }
        for (SignOff s : data.signOffs()) signOffs.insert(s);
        for (Scan s : data.scans()) scans.save(s);
        Set<UUID> kept = new HashSet<>();
        for (ConsentDocument d : docs) {
            byte[] b = bytes.get(d.id());
            if (b != null && kept.add(d.id())) documents.insert(d.id(), d.fileName(), d.mediaType(), b, d.attachedAt());
        }
        for (Consent c : data.consents()) {
            consents.save(c.documentId() == null || kept.contains(c.documentId()) ? c : c.withDocument(null));
        }
        if (!data.policyJson().isBlank()) policy.set("imported", data.policyJson());
    }

    // ------------------------------------------------------------------------------------ the transaction boundary

    /** Runs {@code work} as one read: it sees no edit half done. */
    private <T> T read(ProductionFile.Work<T> work) throws StoreException {
        return file.read(work);
    }

    /** Runs {@code work} as one transaction, undone whole when any part fails; nested calls join the outer one. */
    private void write(ProductionFile.VoidWork work) throws StoreException {
        file.write(work);
    }

    private <T> T write(ProductionFile.Work<T> work) throws StoreException {
        return file.write(work);
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
            write(() -> {
                try {
                    edits.run();
                } catch (StoreException e) {
                    throw new EditFailed(e); // a runtime exception, so that the outer transaction rolls back
                }
            });
        } catch (EditFailed e) {
            throw e.cause;
        }
    }

    private static final class EditFailed extends RuntimeException {
        final StoreException cause;

        EditFailed(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    // ------------------------------------------------------------------------------------ evidence: ProofRepository's hook

    /** The evidence behind the sign-offs (signed replies, proofs); see {@link ProofRepository}. */
    public ProofRepository proofs() {
        return new ProofRepository(this);
    }

    /** The shoot calendar, scene shoot days, due dates set by hand and contact details (schema 8). */
    public ScheduleRepository schedule() {
        return new ScheduleRepository(this);
    }

    /** The packages shared and the replies linked to them, and the content sign-offs were given for (schema 8). */
    public PackageRepository packages() {
        return new PackageRepository(this);
    }

    /** The producer's withdrawals and reinstatements of imported sign-offs (schema 9): undo and redo of a reply import. */
    public WithdrawalRepository withdrawals() {
        return new WithdrawalRepository(this);
    }

    /** The hash-chained sign-off log as the file holds it; check it with {@link SignOffLog#verify}. */
    public SignOffLog.Log signOffLog() throws StoreException {
        return read(() -> SignOffLog.read(file.connection()));
    }

    <T> T readForProofs(ProofRepository.Sql<T> work) throws StoreException {
        return read(() -> work.run(file.connection()));
    }

    <T> T writeForProofs(ProofRepository.Sql<T> work) throws StoreException {
        return write(() -> work.run(file.connection()));
    }

    boolean hasSignOffForProofs(UUID id) throws SQLException {
        return signOffs.exists(id);
    }

    void insertSignOffForProofs(SignOff s) throws SQLException {
        signOffs.insert(s);
    }
}
