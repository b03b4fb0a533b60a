package org.clearframe.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.Contact;
import org.clearframe.model.SentPackage;
import org.clearframe.model.ShootSchedule;
import org.clearframe.rules.ShootCalendar;
import javafx.collections.ObservableMap;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.Scan;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.Policy;
import org.clearframe.rules.ShotStatus;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import javafx.collections.ListChangeListener;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SentPackages;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.importer.ShotListPreview;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An open production: the store and the observable state every view shows. Each edit is written to the
 * store first (its own transaction) and only then applied to the lists, so the screen never shows what the
 * file does not hold. Edits are recorded for undo.
 */
public final class Session implements AutoCloseable {

    private final ProductionStore store;
    private final ObjectProperty<Production> production = new SimpleObjectProperty<>();
    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private final ObservableList<CastMember> cast = FXCollections.observableArrayList();
    private final BatchedList<Scene> scenes = new BatchedList<>();
    private final BatchedList<Shot> shots = new BatchedList<>();
    private final ObservableList<SignOff> signOffs = FXCollections.observableArrayList();
    private final ObservableList<Scan> scans = FXCollections.observableArrayList();
    private final ObservableList<Consent> consents = FXCollections.observableArrayList();
    private final UndoStack undo = new UndoStack();
    private String policyJson;
    /** Why each shown sign-off counts, and the sign-offs in the file that do not; kept current as sign-offs are added. */
    private final Map<UUID, SignedRecord.Proven> proven = new HashMap<>();
    private final List<SignedRecord.Ignored> ignored = new ArrayList<>();
    private FlagIndex flags;
    /** Kept in step with the lists by their listeners, so an edit finds a shot and its sign-offs without a scan. */
    private final Map<UUID, Shot> shotById = new HashMap<>();
    private final Map<UUID, List<SignOff>> signOffsByShot = new HashMap<>();
    /** Counts the pages show per row, kept as shots come and go rather than counted over every shot per edit. */
    private final Map<UUID, Integer> shotsPerScene = new HashMap<>();
    private final Map<UUID, Integer> shotsPerDepartment = new HashMap<>();
    private final Map<UUID, Integer> aiUsesPerPerformer = new HashMap<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper shotsWithAiUse = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Rechecked> rechecked = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<FlagIndex.Summary> flagSummary = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper flagsRevision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper policyProblem = new javafx.beans.property.ReadOnlyStringWrapper("");

    /** Only sign-offs with a valid proof are shown and counted; the rest are listed by {@link #ignoredSignOffs()}. */
    public Session(ProductionStore store, SignedRecord record) {
        this(store, record.data());
        proven.putAll(record.proven());
        ignored.addAll(record.ignored());
    }

    private Session(ProductionStore store, ProductionData data) {
        this.store = store;
        shots.addListener(this::indexShots);
        signOffs.addListener(this::indexSignOffs);
        this.policyJson = data.policyJson();
        production.set(data.production());
        departments.setAll(data.departments());
        cast.setAll(data.cast());
        scenes.setAll(data.scenes());
        shots.setAll(data.shots());
        signOffs.setAll(data.signOffs());
        scans.setAll(data.scans());
        consents.setAll(data.consents());
        flags = flagIndex(data);
        flagSummary.set(flags.summary());
        countAllConsentGaps();
    }

    /** Opens a production file for writing: the session holds it (and its lock) until closed. */
    public static Session open(Path file) throws org.clearframe.store.ProjectFileException, StoreException {
        return holding(ProductionStore.open(file), store -> { });
    }

    /**
     * The session over a store already opened for writing (a file's first look opened it, see ProductionOpening): reads
     * the whole production from it; the store is closed again if that fails.
     */
    public static Session over(ProductionStore opened) throws StoreException {
        return holding(opened, store -> { });
    }

    /**
     * A copy of the sample, opened under the producer's title and format (File > New from the sample). Only the header
     * is read before the retitle; the whole file is read once, by the session.
     */
    public static Session openRetitled(Path file, String title, org.clearframe.model.Format format)
            throws org.clearframe.store.ProjectFileException, StoreException {
        return holding(ProductionStore.open(file), store -> {
            Production sample = store.counts().production();
            store.updateProduction(new Production(sample.id(), title, format, sample.genre(), sample.studio(), sample.producer(),
                    sample.director(), sample.principalPhotography(), sample.notes()));
        });
    }

    /** A new production file, recording the policy it is planned under so that a later Clearframe does not change it silently. */
    public static Session create(Path file, Production production) throws org.clearframe.store.ProjectFileException, StoreException {
        return holding(ProductionStore.create(file, production),
                store -> store.setPolicy(BuiltInPolicies.SOURCE, BuiltInPolicies.latest().json()));
    }

    /** A first step on a just-opened store, before the session reads it. */
    private interface FirstStep {
        void run(ProductionStore store) throws StoreException;
    }

    /** The session over {@code store} after {@code first}; the store is closed again (its lock let go) if either fails. */
    private static Session holding(ProductionStore store, FirstStep first) throws StoreException {
        try {
            first.run(store);
            return new Session(store, SignedRecord.load(store));
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Stands in for a stored policy that does not read: no rule, so no flag, and {@link #status} never says clear. */
    private static final Policy UNREADABLE = new Policy("Unreadable studio policy", "", Policy.SCHEMA_VERSION, List.of());

    /**
     * The flags under the policy in force. A stored policy that does not read is not replaced by the built-in one
     * (which might clear what the studio's blocks): the banner says why, and no shot shows as clear.
     */
    private FlagIndex flagIndex(ProductionData data) {
        try {
            FlagIndex index = new FlagIndex(Assessment.of(data), data);
            policyProblem.set("");
            return index;
        } catch (PolicyUnreadable e) {
            policyProblem.set(e.getMessage());
            return new FlagIndex(UNREADABLE, data);
        }
    }

    /** Empty, or why the stored studio policy cannot be used (the main window shows it as a banner). */
    public javafx.beans.property.ReadOnlyStringProperty policyProblemProperty() {
        return policyProblem.getReadOnlyProperty();
    }

    public String policyProblem() {
        return policyProblem.get();
    }

    public Path file() {
        return store.file();
    }

    /** Moves every committed edit into the file itself, so that it can be hashed or copied by hand. */
    public void flush() throws StoreException {
        store.flush();
    }

    /** Save a Copy As: a consistent copy of the production as committed. */
    public void copyTo(Path target) throws org.clearframe.store.ProjectFileException {
        store.copyTo(target);
    }

    /** Writes the production, as the file holds it, to {@code out}; safe off the FX thread (reads only the file). */
    public void exportJson(Path out) throws org.clearframe.exchange.ExchangeException {
        org.clearframe.exchange.ProjectJson.export(store, out);
    }

    public ObjectProperty<Production> productionProperty() { return production; }
    public Production production() { return production.get(); }
    public ObservableList<Department> departments() { return departments; }
    public ObservableList<CastMember> cast() { return cast; }
    public ObservableList<Scene> scenes() { return scenes; }
    public ObservableList<Shot> shots() { return shots; }
    public ObservableList<SignOff> signOffs() { return signOffs; }
    public ObservableList<Scan> scans() { return scans; }
    public ObservableList<Consent> consents() { return consents; }

    /**
     * The whole production as it stands now, for previews, exports and shares: a copy, taken on the FX thread and
     * then safe to hand to background work (which must not read the observable lists). Not for use per edit.
     */
    public ProductionData snapshot() {
        return new ProductionData(production.get(), departments, cast, scenes, shots, signOffs, policyJson, scans, consents);
    }

    /** Which shots' flags may have changed in the last re-check; {@code all} after a policy or genre change. */
    public record Rechecked(java.util.Set<UUID> shots, boolean all) {
        public boolean touches(UUID shotId) {
            return all || shots.contains(shotId);
        }
    }

    /** Re-evaluates one shot from its own inputs after it or its sign-offs changed, then tells the views. */
    private void shotChanged(UUID id) {
        recheck(id);
        published(new Rechecked(java.util.Set.of(id), false));
    }

    private void recheck(UUID id) {
        Shot shot = shotById.get(id);
        if (shot == null) flags.forget(id);
        else flags.recheck(shot, signOffsByShot.getOrDefault(id, List.of()));
        countConsentGaps(id, shot);
    }

    /** Uses of a person on screen that the consent on record does not cover, by shot: kept as shots are re-checked. */
    private final Map<UUID, Integer> consentGapsByShot = new HashMap<>();
    private int consentGaps;
    /** The cast and consents the gaps were counted against; dropped whenever they (or the production) change. */
    private ProductionData coverageFacts;

    private void countConsentGaps(UUID id, Shot shot) {
        int gaps = 0;
        if (shot != null && shot.hasAiUse()) {
            if (coverageFacts == null) coverageFacts = facts();
            for (ConsentCoverage.Coverage c : ConsentCoverage.of(coverageFacts, shot)) if (!c.covered()) gaps++;
        }
        Integer old = gaps == 0 ? consentGapsByShot.remove(id) : consentGapsByShot.put(id, gaps);
        consentGaps += gaps - (old == null ? 0 : old);
    }

    private void countAllConsentGaps() {
        consentGapsByShot.clear();
        consentGaps = 0;
        coverageFacts = null;
        for (Shot s : shots) countConsentGaps(s.id(), s);
    }

    /** Each person the shot's AI uses reproduce or alter, and whether the consent on record covers each use. */
    public List<ConsentCoverage.Coverage> consentCoverage(Shot shot) {
        if (coverageFacts == null) coverageFacts = facts();
        return ConsentCoverage.of(coverageFacts, shot); // the cast and consents only: no copy of every shot
    }

    /**
     * How many uses of a person on screen the consent on record does not cover (the Consent page lists them): counted
     * per shot as shots are re-checked, never over the whole production per edit.
     */
    public int consentGaps() {
        return consentGaps;
    }

    private void shotsChanged(java.util.Collection<UUID> ids) {
        for (UUID id : ids) recheck(id);
        published(new Rechecked(java.util.Set.copyOf(ids), false));
    }

    /** After a change to what flags depend on beyond the shots (cast, scans, consents): only the shots naming these people. */
    private void castChanged(UUID... castIds) {
        flags.useFacts(facts());
        coverageFacts = null;
        java.util.Set<UUID> people = new java.util.HashSet<>(java.util.Arrays.asList(castIds));
        people.remove(null);
        List<UUID> touched = new ArrayList<>();
        for (Shot s : shots) {
            if (!s.hasAiUse()) continue;
            for (org.clearframe.model.AiUse u : s.aiUses()) {
                if (u.performerIds().stream().anyMatch(people::contains)) {
                    touched.add(s.id());
                    break;
                }
            }
        }
        shotsChanged(touched);
    }

    /** Every shot again (a new policy or genre): the one re-check whose cost grows with the production. */
    private void everyShotChanged() {
        flags.rebuild(snapshot());
        countAllConsentGaps();
        published(new Rechecked(java.util.Set.of(), true));
    }

    private void published(Rechecked what) {
        flagSummary.set(flags.summary());
        rechecked.set(what);
        flagsRevision.set(flagsRevision.get() + 1);
    }

    /** The production details, cast, scans and consents: what flags depend on besides shots and sign-offs. */
    private ProductionData facts() {
        return new ProductionData(production.get(), departments, cast, List.of(), List.of(), List.of(), policyJson, scans, consents);
    }

    // ------------------------------------------------------------------------------------------------ flags

    public List<Flag> flags(UUID shotId) {
        return flags.flags(shotId);
    }

    public ShotStatus status(Shot shot) {
        if (!policyProblem.get().isEmpty() && shot.hasAiUse()) return ShotStatus.NEEDS_SIGNOFF; // unknown is not clear
        return flags.status(shot);
    }

    public Policy policy() {
        return flags.policy();
    }

    /** Open blocking and advisory flags, stale and declined sign-offs, across the production. */
    public javafx.beans.property.ReadOnlyObjectProperty<FlagIndex.Summary> flagSummaryProperty() {
        return flagSummary.getReadOnlyProperty();
    }

    /** The shots the last re-check touched, so that views update those rows only. */
    public javafx.beans.property.ReadOnlyObjectProperty<Rechecked> recheckedProperty() {
        return rechecked.getReadOnlyProperty();
    }

    /** How many shots have an AI use, kept as shots change rather than counted again. */
    public javafx.beans.property.ReadOnlyIntegerProperty shotsWithAiUseProperty() {
        return shotsWithAiUse.getReadOnlyProperty();
    }

    public Optional<Shot> shot(UUID id) {
        return Optional.ofNullable(shotById.get(id));
    }

    /** The shot's sign-offs that count, in the order recorded. */
    public List<SignOff> signOffsOf(UUID shotId) {
        return signOffsByShot.getOrDefault(shotId, List.of());
    }

    /** Goes up by one each time any flag may have changed; views refresh on it. */
    public javafx.beans.property.ReadOnlyIntegerProperty flagsRevisionProperty() {
        return flagsRevision.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------ undo

    public void undo() throws Exception { undo.undo(); }
    public void redo() throws Exception { undo.redo(); }
    public ReadOnlyStringProperty undoNameProperty() { return undo.undoNameProperty(); }
    public ReadOnlyStringProperty redoNameProperty() { return undo.redoNameProperty(); }

    private void record(String name, UndoStack.Step undoStep, UndoStack.Step redoStep) {
        undo.push(new UndoStack.Edit(name, undoStep, redoStep));
    }

    // ------------------------------------------------------------------------------------------ production

    public void updateProduction(Production next) throws StoreException {
        Production before = production.get();
        if (before.equals(next)) return;
        writeProduction(next);
        record("Edit production details", () -> writeProduction(before), () -> writeProduction(next));
    }

    private void writeProduction(Production p) throws StoreException {
        boolean genreChanged = production.get() != null && production.get().genre() != p.genre();
        store.updateProduction(p);
        production.set(p);
        if (genreChanged) everyShotChanged();
    }

    // ----------------------------------------------------------------------------------------- departments

    public void saveDepartment(Department d) throws StoreException {
        Department before = find(departments, d.id(), Department::id);
        if (d.equals(before)) return;
        writeDepartment(d);
        if (before == null) {
            record("Add department", () -> removeDepartment(d.id()), () -> writeDepartment(d));
        } else {
            record("Edit department " + before.name(), () -> writeDepartment(before), () -> writeDepartment(d));
        }
    }

    private void writeDepartment(Department d) throws StoreException {
        store.saveDepartment(d);
        replaceOrAdd(departments, d, Department::id);
    }

    /** Deletes a department; the shots and AI uses that named it lose the link, and undo gives it back. */
    public void deleteDepartment(Department d) throws StoreException {
        int index = departments.indexOf(d);
        List<Shot> touched = removeDepartment(d.id());
        record("Delete department " + d.name(), () -> {
            store.inOneTransaction(() -> {
                store.saveDepartment(d);
                store.moveDepartment(d.id(), index);
                store.saveAll(List.of(), List.of(), List.of(), touched, List.of());
            });
            departments.add(Math.min(index, departments.size()), d);
            replaceAll(touched);
        }, () -> removeDepartment(d.id()));
    }

    /** Asked of every shot on a delete: plain loops, since a stream per shot costs more than the test itself. */
    private static boolean namesDepartment(Shot s, UUID id) {
        if (s.departmentIds().contains(id)) return true;
        for (org.clearframe.model.AiUse u : s.aiUses()) if (u.departmentIds().contains(id)) return true;
        return false;
    }

    /**
     * The file drops the links by cascade; the same is done here in memory, shot by shot, rather than read back.
     * Returns the shots as they were before (what undo puts back), found in the same one pass over the shots.
     */
    private List<Shot> removeDepartment(UUID id) throws StoreException {
        store.deleteDepartment(id);
        departments.removeIf(x -> x.id().equals(id));
        List<Shot> touched = new ArrayList<>();
        List<Shot> unlinked = new ArrayList<>();
        for (Shot s : shots) {
            if (!namesDepartment(s, id)) continue;
            touched.add(s);
            unlinked.add(s.edit().departmentIds(without(s.departmentIds(), id))
                    .aiUses(s.aiUses().stream().map(u -> linked(u, u.performerIds(), without(u.departmentIds(), id))).toList()).build());
        }
        replaceAll(unlinked); // departments raise no flag: nothing to re-check
        return touched;
    }

    // ------------------------------------------------------------------------------------------------ cast

    public void saveCastMember(CastMember m) throws StoreException {
        CastMember before = find(cast, m.id(), CastMember::id);
        if (m.equals(before)) return;
        writeCastMember(m);
        if (before == null) {
            record("Add cast member", () -> removeCastMember(m.id()), () -> writeCastMember(m));
        } else {
            record("Edit cast member " + before.performer(), () -> writeCastMember(before), () -> writeCastMember(m));
        }
    }

    private void writeCastMember(CastMember m) throws StoreException {
        store.saveCastMember(m);
        replaceOrAdd(cast, m, CastMember::id);
        castChanged(m.id()); // a performer's union status or death changes which rules apply to their shots
    }

    public void deleteCastMember(CastMember m) throws StoreException {
        int index = cast.indexOf(m);
        List<Scan> theirScans = scans.stream().filter(s -> s.castId().equals(m.id())).toList();
        List<Scene> inScenes = scenes.stream().filter(s -> s.castIds().contains(m.id())).toList();
        List<Shot> touched = removeCastMember(m.id());
        record("Delete cast member " + m.performer(), () -> {
            store.inOneTransaction(() -> {
                store.saveCastMember(m);
                store.moveCastMember(m.id(), index);
                for (Scan s : theirScans) store.saveScan(s); // deleting the row took its scans with it
                store.saveAll(List.of(), List.of(), inScenes, touched, List.of());
            });
            cast.add(Math.min(index, cast.size()), m);
            scans.addAll(theirScans);
            Map<UUID, Scene> back = ProductionData.index(inScenes, Scene::id);
            Map<Integer, Scene> relinked = new java.util.TreeMap<>();
            for (int i = 0; i < scenes.size(); i++) if (back.containsKey(scenes.get(i).id())) relinked.put(i, back.get(scenes.get(i).id()));
            scenes.replace(relinked);
            replaceAll(touched);
            castChanged(m.id());
        }, () -> removeCastMember(m.id()));
    }

    private static boolean namesPerformer(Shot s, UUID id) {
        for (org.clearframe.model.AiUse u : s.aiUses()) if (u.performerIds().contains(id)) return true;
        return false;
    }

    /**
     * The file drops scans and links by cascade; the same is done here in memory rather than read back. Returns the
     * shots that named the person, as they were before (what undo puts back).
     */
    private List<Shot> removeCastMember(UUID id) throws StoreException {
        store.deleteCastMember(id);
        cast.removeIf(x -> x.id().equals(id));
        scans.removeIf(x -> x.castId().equals(id));
        Map<Integer, Scene> relinked = new java.util.TreeMap<>();
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            if (s.castIds().contains(id)) relinked.put(i, withCast(s, without(s.castIds(), id)));
        }
        scenes.replace(relinked);
        List<Shot> touched = new ArrayList<>();
        List<Shot> unlinked = new ArrayList<>();
        for (Shot s : shots) {
            if (!namesPerformer(s, id)) continue;
            touched.add(s);
            unlinked.add(s.withAiUses(s.aiUses().stream().map(u -> linked(u, without(u.performerIds(), id), u.departmentIds())).toList()));
        }
        replaceAll(unlinked);
        flags.useFacts(facts());
        coverageFacts = null;
        shotsChanged(unlinked.stream().map(Shot::id).toList());
        return touched;
    }

    // ------------------------------------------------------------------------------- scans and consent

    /** Records or corrects a scan of a cast member (undoable, like any edit of the cast). */
    public void saveScan(Scan scan) throws StoreException {
        Scan before = find(scans, scan.id(), Scan::id);
        if (scan.equals(before)) return;
        writeScan(scan);
        if (before == null) record("Record scan", () -> removeScan(scan.id()), () -> writeScan(scan));
        else record("Edit scan", () -> writeScan(before), () -> writeScan(scan));
    }

    public void deleteScan(Scan scan) throws StoreException {
        removeScan(scan.id());
        record("Delete scan", () -> writeScan(scan), () -> removeScan(scan.id()));
    }

    private void writeScan(Scan s) throws StoreException {
        Scan before = find(scans, s.id(), Scan::id);
        store.saveScan(s);
        replaceOrAdd(scans, s, Scan::id);
        castChanged(s.castId(), before == null ? null : before.castId());
    }

    private void removeScan(UUID id) throws StoreException {
        Scan before = find(scans, id, Scan::id);
        store.deleteScan(id);
        scans.removeIf(x -> x.id().equals(id));
        castChanged(before == null ? null : before.castId());
    }

    /**
     * Records or corrects a consent. Not on the undo stack: a consent record is evidence of what a person agreed to,
     * corrected by editing it again (a withdrawal cannot be undone at all).
     */
    public void saveConsent(Consent c) throws StoreException {
        Consent before = find(consents, c.id(), Consent::id);
        store.saveConsent(c);
        replaceOrAdd(consents, c, Consent::id);
        castChanged(c.castId(), before == null ? null : before.castId());
    }

    /** Records that a consent was withdrawn on {@code on}; this stands for good. */
    public void withdrawConsent(Consent c, java.time.LocalDate on) throws StoreException {
        store.withdrawConsent(c.id(), on);
        replaceOrAdd(consents, c.withdraw(on), Consent::id);
        castChanged(c.castId());
    }

    /** Keeps the signed document in the production and attaches it to the consent, in one transaction. */
    public void attachDocument(Consent c, String fileName, String mediaType, byte[] bytes) throws StoreException {
        org.clearframe.model.ConsentDocument doc = store.attachDocument(c.id(), fileName, mediaType, bytes);
        replaceOrAdd(consents, c.withDocument(doc.id()), Consent::id);
    }

    // ---------------------------------------------------------------------------------------------- scenes

    public void addScene(Scene s, int index) throws StoreException {
        insertScene(s, index);
        record("Add scene " + s.number(), () -> removeScene(s.id()), () -> insertScene(s, index));
    }

    private void insertScene(Scene s, int index) throws StoreException {
        store.insertScene(s, index);
        scenes.add(Math.min(index, scenes.size()), s);
    }

    public void saveScene(Scene s) throws StoreException {
        Scene before = find(scenes, s.id(), Scene::id);
        if (s.equals(before)) return;
        writeScene(s);
        record("Edit scene " + s.number(), () -> writeScene(before), () -> writeScene(s));
    }

    private void writeScene(Scene s) throws StoreException {
        store.saveScene(s);
        replaceOrAdd(scenes, s, Scene::id);
    }

    /** Deletes a scene with its shots and their sign-offs; undo restores all of it in place. */
    public void deleteScene(Scene s) throws StoreException {
        int index = scenes.indexOf(s);
        List<Shot> itsShots = shotsOf(s.id());
        List<SignOff> itsSignOffs = new ArrayList<>();
        for (Shot x : itsShots) itsSignOffs.addAll(signOffsOf(x.id()));
        removeScene(s.id());
        record("Delete scene " + s.number(), () -> {
            store.restoreScene(s, index, itsShots, itsSignOffs);
            scenes.add(index, s);
            shots.addAll(itsShots);
            signOffs.addAll(itsSignOffs);
            sortShots();
            shotsChanged(itsShots.stream().map(Shot::id).toList());
        }, () -> removeScene(s.id()));
    }

    private void removeScene(UUID id) throws StoreException {
        store.deleteScene(id);
        scenes.removeIf(x -> x.id().equals(id));
        java.util.Set<UUID> gone = new java.util.HashSet<>();
        for (Shot x : shots) if (x.sceneId().equals(id)) gone.add(x.id());
        shots.removeIf(x -> x.sceneId().equals(id));
        signOffs.removeIf(x -> gone.contains(x.shotId()));
        shotsChanged(gone);
    }

    public void moveScene(Scene s, int index) throws StoreException {
        int from = scenes.indexOf(s);
        if (from < 0 || index < 0 || index >= scenes.size() || from == index) return;
        placeScene(s, index);
        record("Move scene " + s.number(), () -> placeScene(s, from), () -> placeScene(s, index));
    }

    private void placeScene(Scene s, int index) throws StoreException {
        store.moveScene(s.id(), index);
        scenes.remove(s);
        scenes.add(index, s);
        sortShots();
    }

    // ----------------------------------------------------------------------------------------------- shots

    /** Adds a shot at {@code index} within its scene. */
    public void addShot(Shot shot, int index) throws StoreException {
        insertShot(shot, index, List.of());
        record("Add shot " + shot.number(), () -> removeShot(shot.id()), () -> insertShot(shot, index, List.of()));
    }

    private void insertShot(Shot shot, int index, List<SignOff> itsSignOffs) throws StoreException {
        if (itsSignOffs.isEmpty()) store.insertShot(shot, index); else store.restoreShot(shot, index, itsSignOffs);
        shots.add(positionInScene(shot.sceneId(), index), shot);
        signOffs.addAll(itsSignOffs);
        shotChanged(shot.id());
    }

    /** Where the {@code index}th shot of a scene goes in the list of all shots (clamped to the scene's end). */
    private int positionInScene(UUID sceneId, int index) {
        int first = -1, count = 0;
        for (int i = 0; i < shots.size(); i++) {
            if (!shots.get(i).sceneId().equals(sceneId)) {
                if (first >= 0) break; // a scene's shots are contiguous
                continue;
            }
            if (first < 0) first = i;
            count++;
        }
        if (first < 0) return insertionPointForScene(sceneId);
        return first + Math.max(0, Math.min(index, count));
    }

    private int insertionPointForScene(UUID sceneId) {
        Map<UUID, Integer> order = sceneOrder();
        int mine = order.getOrDefault(sceneId, Integer.MAX_VALUE);
        for (int i = 0; i < shots.size(); i++) {
            if (order.getOrDefault(shots.get(i).sceneId(), Integer.MAX_VALUE) > mine) return i;
        }
        return shots.size();
    }

    public void saveShot(Shot shot) throws StoreException {
        Shot before = shotById.get(shot.id());
        if (shot.equals(before)) return;
        writeShot(shot);
        record("Edit shot " + shot.number(), () -> writeShot(before), () -> writeShot(shot));
    }

    private void writeShot(Shot shot) throws StoreException {
        Shot before = shotById.get(shot.id());
        store.saveShot(shot);
        if (before != null && !before.sceneId().equals(shot.sceneId())) {
            shots.remove(indexOf(before));
            shots.add(positionInScene(shot.sceneId(), Integer.MAX_VALUE), shot);
        } else if (before != null) {
            shots.set(indexOf(before), shot);
        } else {
            shots.add(shot);
        }
        shotChanged(shot.id());
    }

    /** Deletes shots (after the caller has asked); undo restores them with their sign-offs. */
    public void deleteShots(List<Shot> doomed) throws StoreException {
        List<Shot> ordered = doomed.stream().sorted(Comparator.comparingInt(this::indexOf)).toList();
        Map<UUID, Integer> indexInScene = new HashMap<>();
        for (Shot s : ordered) indexInScene.put(s.id(), indexOf(s) - positionInScene(s.sceneId(), 0));
        Map<UUID, List<SignOff>> theirSignOffs = new HashMap<>();
        for (Shot s : ordered) theirSignOffs.put(s.id(), signOffsOf(s.id()));
        for (Shot s : ordered.reversed()) removeShot(s.id());
        String name = ordered.size() == 1 ? "Delete shot " + ordered.get(0).number() : "Delete " + ordered.size() + " shots";
        record(name, () -> {
            for (Shot s : ordered) insertShot(s, indexInScene.get(s.id()), theirSignOffs.get(s.id()));
        }, () -> {
            for (Shot s : ordered.reversed()) removeShot(s.id());
        });
    }

    private void removeShot(UUID id) throws StoreException {
        Shot gone = shotById.get(id);
        store.deleteShot(id);
        if (gone != null) shots.remove(indexOf(gone));
        List<SignOff> itsSignOffs = signOffsByShot.getOrDefault(id, List.of());
        if (!itsSignOffs.isEmpty()) signOffs.removeAll(java.util.Set.copyOf(itsSignOffs));
        shotChanged(id);
    }

    /** Moves a shot up or down within its scene. */
    public void moveShot(Shot shot, int indexInScene) throws StoreException {
        List<Shot> siblings = shotsOf(shot.sceneId());
        int from = siblings.indexOf(shot);
        if (from < 0 || indexInScene < 0 || indexInScene >= siblings.size() || from == indexInScene) return;
        placeShot(shot, indexInScene);
        record("Move shot " + shot.number(), () -> placeShot(shot, from), () -> placeShot(shot, indexInScene));
    }

    private void placeShot(Shot shot, int indexInScene) throws StoreException {
        store.moveShot(shot.id(), indexInScene);
        List<Shot> siblings = new ArrayList<>(shotsOf(shot.sceneId()));
        int first = positionInScene(shot.sceneId(), 0);
        siblings.remove(shot);
        siblings.add(indexInScene, shot);
        for (int i = 0; i < siblings.size(); i++) shots.set(first + i, siblings.get(i));
    }

    public List<Shot> shotsOf(UUID sceneId) {
        int first = positionInScene(sceneId, 0);
        List<Shot> out = new ArrayList<>();
        for (int i = first; i < shots.size() && shots.get(i).sceneId().equals(sceneId); i++) out.add(shots.get(i));
        return out;
    }

    /** The next free shot number in a scene: one past the highest leading number. */
    public String nextShotNumber(UUID sceneId) {
        int max = 0;
        for (Shot s : shotsOf(sceneId)) {
            String digits = s.number().replaceAll("^(\\d+).*$", "$1");
            if (digits.matches("\\d+")) max = Math.max(max, Integer.parseInt(digits));
        }
        return Integer.toString(max + 1);
    }

    public java.util.Optional<org.clearframe.model.ReferenceImage> referenceImage(UUID shotId) throws StoreException {
        return store.referenceImage(shotId);
    }

    /** Sets or (with null) removes a shot's reference image; undo puts the previous one back. */
    public void setReferenceImage(UUID shotId, org.clearframe.model.ReferenceImage image) throws StoreException {
        org.clearframe.model.ReferenceImage before = store.referenceImage(shotId).orElse(null);
        store.setReferenceImage(shotId, image);
        record(image == null ? "Remove reference image" : "Set reference image",
                () -> store.setReferenceImage(shotId, before), () -> store.setReferenceImage(shotId, image));
    }

    // ------------------------------------------------------------------------------------------- imports

    /**
     * Applies a previewed script revision (computed by {@code ScriptImport.preview} over a {@link #snapshot}) in one
     * transaction, updates the lists in place and records one undoable step: undo takes out the scenes and cast it
     * added and puts back the scenes it changed or omitted, in their old order.
     */
    public void apply(ScriptRevision revision) throws StoreException {
        if (revision.isEmpty()) return;
        List<Scene> written = new ArrayList<>(revision.added());
        for (ScriptRevision.Change c : revision.changed()) written.add(c.after());
        written.addAll(revision.omitted());
        Map<UUID, Scene> byId = ProductionData.index(scenes, Scene::id);
        List<Scene> originals = new ArrayList<>();
        for (Scene s : written) if (byId.containsKey(s.id())) originals.add(byId.get(s.id()));
        List<UUID> oldOrder = scenes.stream().map(Scene::id).toList();
        List<UUID> added = revision.added().stream().map(Scene::id).toList();
        List<UUID> newCast = revision.newCast().stream().map(CastMember::id).toList();
        Step redo = () -> {
            store.saveScenesInOrder(revision.newCast(), written, revision.sceneOrder());
            cast.addAll(revision.newCast());
            placeScenes(written, List.of(), revision.sceneOrder());
            flags.useFacts(facts());
            coverageFacts = null;
        };
        redo.run();
        record("Import script " + revision.scriptName(), () -> {
            store.inOneTransaction(() -> {
                for (UUID id : added) store.deleteScene(id);
                for (UUID id : newCast) store.deleteCastMember(id);
                store.saveScenesInOrder(List.of(), originals, oldOrder);
            });
            java.util.Set<UUID> gone = java.util.Set.copyOf(newCast);
            cast.removeIf(m -> gone.contains(m.id()));
            placeScenes(originals, added, oldOrder);
            flags.useFacts(facts());
            coverageFacts = null;
        }, redo);
    }

    /** Puts {@code saved} into the scene list, drops {@code removed}, and orders it as the store does. */
    private void placeScenes(List<Scene> saved, List<UUID> removed, List<UUID> order) {
        Map<UUID, Scene> byId = new java.util.LinkedHashMap<>();
        for (Scene s : scenes) byId.put(s.id(), s);
        for (UUID id : removed) byId.remove(id);
        for (Scene s : saved) byId.put(s.id(), s);
        List<Scene> next = new ArrayList<>();
        for (UUID id : order) {
            Scene s = byId.remove(id);
            if (s != null) next.add(s);
        }
        next.addAll(byId.values()); // scenes the order does not name keep their relative order after it
        scenes.setAll(next);
        sortShots();
    }

    /**
     * Applies a previewed shot-list import (computed by {@code ShotListImport.preview} over a {@link #snapshot}) in one
     * transaction, updates the lists in place and records one undoable step: undo removes the shots and scenes it
     * added and puts back the shots it changed.
     */
    public void apply(ShotListPreview preview) throws StoreException {
        if (preview.isEmpty()) return;
        List<Shot> written = new ArrayList<>(preview.newShots());
        for (ShotListPreview.ShotChange c : preview.updated()) written.add(c.after());
        List<Shot> befores = preview.updated().stream().map(ShotListPreview.ShotChange::before).toList();
        List<UUID> newShots = preview.newShots().stream().map(Shot::id).toList();
        List<UUID> newScenes = preview.newScenes().stream().map(Scene::id).toList();
        Step redo = () -> {
            store.saveAll(List.of(), List.of(), preview.newScenes(), written, List.of());
            scenes.addAll(preview.newScenes());
            replaceAll(preview.updated().stream().map(ShotListPreview.ShotChange::after).toList());
            appendToScenes(preview.newShots());
            shotsChanged(written.stream().map(Shot::id).toList());
        };
        redo.run();
        record("Import shot list " + preview.fileName(), () -> {
            store.inOneTransaction(() -> {
                for (UUID id : newShots) store.deleteShot(id);
                store.saveAll(List.of(), List.of(), List.of(), befores, List.of());
                for (UUID id : newScenes) store.deleteScene(id);
            });
            java.util.Set<UUID> goneShots = java.util.Set.copyOf(newShots);
            shots.removeIf(s -> goneShots.contains(s.id()));
            java.util.Set<UUID> goneScenes = java.util.Set.copyOf(newScenes);
            scenes.removeIf(s -> goneScenes.contains(s.id()));
            replaceAll(befores);
            shotsChanged(written.stream().map(Shot::id).toList());
        }, redo);
    }

    /** Adds new shots at the end of their scenes, as the store places them, in one change of the list. */
    private void appendToScenes(List<Shot> added) {
        if (added.isEmpty()) return;
        Map<UUID, List<Shot>> byScene = new java.util.LinkedHashMap<>();
        for (Shot s : added) byScene.computeIfAbsent(s.sceneId(), k -> new ArrayList<>()).add(s);
        List<Shot> next = new ArrayList<>(shots.size() + added.size());
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            next.add(s);
            boolean lastOfScene = i + 1 == shots.size() || !shots.get(i + 1).sceneId().equals(s.sceneId());
            if (lastOfScene) {
                List<Shot> more = byScene.remove(s.sceneId());
                if (more != null) next.addAll(more);
            }
        }
        for (List<Shot> rest : byScene.values()) next.addAll(rest); // scenes that had no shots yet
        shots.setAll(next);
        sortShots();
    }

    /**
     * Applies a verified reply, checked again against the production as it stands, in one transaction: its sign-offs
     * and their proof are kept, and the ones that hold are added to the lists (the rest of the file is not read again).
     * Not undoable: the sign-off history only grows (the file refuses to delete from it), as with {@link #addSignOff}.
     */
    public ReplyImport.Preview apply(ReplyImport importer, Reply reply, byte[] replyFile) throws ExchangeException, StoreException {
        ProductionData now = snapshot();
        ReplyImport.Preview[] applied = new ReplyImport.Preview[1];
        try {
            store.inOneTransaction(() -> {
                try {
                    applied[0] = importer.apply(store, now, reply, replyFile);
                    // the package it answers (when this production recorded it) now shows it as replied
                    SentPackages.link(store, reply);
                } catch (ExchangeException e) {
                    throw new StoreException(e.getMessage(), e);
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof ExchangeException x) throw x;
            throw e;
        }
        addProven(applied[0].toRecord());
        reloadPackages(); // the package the reply answers now shows it as replied
        return applied[0];
    }

    // ------------------------------------------------------------------------------------------- sign-offs

    /**
     * Records a sign-off the producer enters in the app, attested with the producer's own key (it is the producer's
     * word, not the person's signature). Sign-offs are history, so undo of this is not offered: a newer one supersedes it.
     */
    public void addSignOff(SignOff s) throws StoreException, ExchangeException {
        Attestations.record(store, production().id(), List.of(s), KeyRing.forUser());
        addProven(List.of(s)); // what is shown as signed is what the file can prove
    }

    /** Checks sign-offs just written against the file's evidence; the ones that hold are shown and counted. */
    private void addProven(List<SignOff> written) throws StoreException {
        if (written.isEmpty()) return;
        SignedRecord checked = SignedRecord.prove(store, production(), written);
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        for (SignOff s : written) ids.add(s.id());
        ignored.removeIf(i -> ids.contains(i.signOff().id()));
        ignored.addAll(checked.ignored());
        proven.putAll(checked.proven());
        java.util.Set<UUID> shown = new java.util.HashSet<>();
        for (SignOff s : signOffs) if (ids.contains(s.id())) shown.add(s.id());
        List<SignOff> fresh = checked.data().signOffs().stream().filter(s -> !shown.contains(s.id()) && shotById.containsKey(s.shotId())).toList();
        signOffs.addAll(fresh);
        shotsChanged(written.stream().map(SignOff::shotId).distinct().toList());
    }

    /** Sign-offs in the file that are not counted (no valid proof, or recorded before proofs were kept), as last read. */
    public List<SignedRecord.Ignored> ignoredSignOffs() {
        return List.copyOf(ignored);
    }

    /** Why a counted sign-off is believed (a head's signed reply, or the producer's attestation), if known. */
    public java.util.Optional<SignedRecord.Proven> proof(UUID signOffId) {
        return java.util.Optional.ofNullable(proven.get(signOffId));
    }

    /** Attests, with the producer's key, the sign-offs recorded before proofs were kept; returns them. */
    public List<SignOff> attestEarlierSignOffs() throws StoreException, ExchangeException {
        List<SignOff> done = Attestations.attestEarlier(store, KeyRing.forUser());
        addProven(done);
        return done;
    }

    public String policyJson() {
        return policyJson;
    }

    /** Puts a studio policy in force ({@code json} null for the built-in default); every flag is re-evaluated. */
    public void setPolicy(String source, String json) throws StoreException {
        store.setPolicy(source, json);
        policyJson = json == null ? "" : json;
        flags = flagIndex(snapshot());
        published(new Rechecked(java.util.Set.of(), true));
    }

    /**
     * Moves the production to a newer built-in policy, as one undoable step: undo puts back exactly the policy text
     * it was under (none, for a production from before policies were versioned). Sign-offs are untouched.
     */
    public void upgradePolicy(BuiltInPolicies.BuiltIn target) throws StoreException {
        String before = policyJson;
        String after = target.json();
        if (before.equals(after)) return;
        setPolicy(BuiltInPolicies.SOURCE, after);
        record("Upgrade policy to " + target.version(),
                () -> setPolicy(before.isBlank() ? null : BuiltInPolicies.SOURCE, before.isBlank() ? null : before),
                () -> setPolicy(BuiltInPolicies.SOURCE, after));
    }

    /** The production read again from the file through the verifying loader, to compare with what is shown (tests). */
    SignedRecord readBack() throws StoreException {
        return SignedRecord.load(store);
    }

    /**
     * The plan each of {@code fingerprints} was signed for, where the file keeps it (and it still hashes to its
     * fingerprint): what a stale sign-off's change list is worked out from. Missing for sign-offs from before it was kept.
     */
    public Map<String, org.clearframe.rules.ShotContent> signedContents(java.util.Collection<String> fingerprints) throws StoreException {
        return store.packages().signedContents(fingerprints);
    }

    // ------------------------------------------------------------------------------------------- bulk work

    /**
     * Saves edits to many shots (the Shots page's bulk edit) in one transaction, recorded as ONE undo step named
     * {@code name}: undo puts every shot back as it was, again in one transaction. Shots that did not change are
     * left out; a bulk edit does not move shots between scenes.
     */
    public void applyBulk(String name, List<Shot> edited) throws StoreException {
        List<Shot> before = new ArrayList<>();
        List<Shot> after = new ArrayList<>();
        for (Shot s : edited) {
            Shot was = find(shots, s.id(), Shot::id);
            if (was == null) throw new IllegalArgumentException("shot " + s.number() + " is no longer in the production");
            if (!was.sceneId().equals(s.sceneId())) throw new IllegalArgumentException("a bulk edit does not move shots between scenes");
            if (was.equals(s)) continue;
            before.add(was);
            after.add(s);
        }
        if (after.isEmpty()) return;
        writeBulk(after);
        record(name, () -> writeBulk(before), () -> writeBulk(after));
    }

    private void writeBulk(List<Shot> rows) throws StoreException {
        store.saveShots(rows);
        for (Shot s : rows) replaceOrAdd(shots, s, Shot::id);
        bulkChanged(rows.stream().map(Shot::id).toList());
    }

    /**
     * Deletes many shots (after the caller has asked once) in one transaction, as ONE undo step; undo restores them
     * in place with their sign-offs, again in one transaction.
     */
    public void deleteBulk(List<Shot> doomed) throws StoreException {
        List<Shot> ordered = doomed.stream().filter(shots::contains).sorted(Comparator.comparingInt(shots::indexOf)).toList();
        if (ordered.isEmpty()) return;
        List<Integer> indexes = new ArrayList<>();
        for (Shot s : ordered) indexes.add(shotsOf(s.sceneId()).indexOf(s));
        java.util.Set<UUID> ids = new java.util.HashSet<>(ordered.stream().map(Shot::id).toList());
        List<SignOff> theirSignOffs = signOffs.stream().filter(x -> ids.contains(x.shotId())).toList();
        removeBulk(ids);
        String name = ordered.size() == 1 ? "Delete shot " + ordered.get(0).number() : "Delete " + ordered.size() + " shots";
        record(name, () -> {
            store.restoreShots(ordered, indexes, theirSignOffs);
            for (int i = 0; i < ordered.size(); i++) placeInList(ordered.get(i), indexes.get(i));
            signOffs.addAll(theirSignOffs);
            bulkChanged(ids);
        }, () -> removeBulk(ids));
    }

    private void removeBulk(java.util.Set<UUID> ids) throws StoreException {
        store.deleteShots(ids);
        shots.removeIf(x -> ids.contains(x.id()));
        signOffs.removeIf(x -> ids.contains(x.shotId()));
        bulkChanged(ids);
    }

    /** Puts a shot back into the shown list at {@code index} within its scene, as the file now has it. */
    private void placeInList(Shot shot, int index) {
        List<Shot> siblings = shotsOf(shot.sceneId());
        int clamped = Math.max(0, Math.min(index, siblings.size()));
        int at = clamped < siblings.size() ? shots.indexOf(siblings.get(clamped))
                : siblings.isEmpty() ? insertionPointForScene(shot.sceneId()) : shots.indexOf(siblings.get(siblings.size() - 1)) + 1;
        shots.add(at, shot);
    }

    /** Re-checks the flags of the shots a bulk change touched from one snapshot, then tells the views once. */
    private void bulkChanged(java.util.Collection<UUID> ids) {
        ProductionData now = snapshot();
        for (UUID id : ids) flags.update(now, id);
        flagSummary.set(flags.summary());
        flagsRevision.set(flagsRevision.get() + 1);
    }

    // ------------------------------------------------------- shoot calendar, contacts, packages shared (schema 8)

    /** Read from the store the first time a page asks; each edit below writes its own transaction first. */
    private final ObjectProperty<ShootSchedule> schedule = new SimpleObjectProperty<>();
    private final ObservableMap<UUID, Contact> contacts = FXCollections.observableHashMap();
    private final ObservableList<SentPackage> packages = FXCollections.observableArrayList();

    private void readProducerRecords() {
        if (schedule.get() != null) return;
        try {
            contacts.putAll(store.schedule().contacts());
            packages.setAll(store.packages().all());
            schedule.set(store.schedule().schedule());
        } catch (StoreException e) {
            throw new IllegalStateException("Could not read the shoot calendar: " + e.getMessage(), e);
        }
    }

    /** The shoot calendar (day dates, days off, scenes' shoot days, due dates set by hand); replaced on each edit. */
    public javafx.beans.property.ReadOnlyObjectProperty<ShootSchedule> scheduleProperty() {
        readProducerRecords();
        return schedule;
    }

    public ShootSchedule schedule() {
        return scheduleProperty().get();
    }

    /** E-mail and phone by cast member or department id (a department's e-mail is also its own column). */
    public javafx.collections.ObservableMap<UUID, Contact> contacts() {
        readProducerRecords();
        return contacts;
    }

    /** Every package shared from this production, oldest first, with the replies linked to it. */
    public ObservableList<SentPackage> packages() {
        readProducerRecords();
        return packages;
    }

    /** Dates shoot day {@code day} ({@code null} takes it off the calendar); refused when it breaks the calendar's order. */
    public void setShootDay(int day, java.time.LocalDate date) throws StoreException {
        ShootSchedule before = schedule();
        java.time.LocalDate was = before.shootDays().get(day);
        if (Objects.equals(was, date)) return;
        java.util.Optional<String> problem = date == null ? java.util.Optional.empty() : ShootCalendar.problemWith(before, day, date);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        writeShootDay(day, date);
        record(date == null ? "Remove shoot day " + day : "Date shoot day " + day, () -> writeShootDay(day, was), () -> writeShootDay(day, date));
    }

    private void writeShootDay(int day, java.time.LocalDate date) throws StoreException {
        store.schedule().setShootDay(day, date);
        schedule.set(store.schedule().schedule());
    }

    /** Marks {@code date} as a day off (or a working day again); a shoot day cannot be a day off. */
    public void setDayOff(java.time.LocalDate date, boolean off) throws StoreException {
        if (schedule().isDayOff(date) == off) return;
        if (off && schedule().isShootDate(date)) throw new IllegalArgumentException(date + " is a shoot day; move that day first.");
        writeDayOff(date, off);
        record(off ? "Add day off" : "Remove day off", () -> writeDayOff(date, !off), () -> writeDayOff(date, off));
    }

    private void writeDayOff(java.time.LocalDate date, boolean off) throws StoreException {
        store.schedule().setDayOff(date, off);
        schedule.set(store.schedule().schedule());
    }

    /** Schedules a scene on shoot day {@code day} ({@code null} unschedules it). */
    public void setSceneDay(UUID sceneId, Integer day) throws StoreException {
        Integer was = schedule().sceneDays().get(sceneId);
        if (Objects.equals(was, day)) return;
        writeSceneDay(sceneId, day);
        record("Schedule scene", () -> writeSceneDay(sceneId, was), () -> writeSceneDay(sceneId, day));
    }

    private void writeSceneDay(UUID sceneId, Integer day) throws StoreException {
        store.schedule().setSceneDay(sceneId, day);
        schedule.set(store.schedule().schedule());
    }

    /** Sets a shot's due date by hand ({@code null} goes back to the one the lead times give). */
    public void setDueDate(UUID shotId, java.time.LocalDate due) throws StoreException {
        java.time.LocalDate was = schedule().dueOverrides().get(shotId);
        if (Objects.equals(was, due)) return;
        writeDueDate(shotId, due);
        record(due == null ? "Clear due date" : "Set due date", () -> writeDueDate(shotId, was), () -> writeDueDate(shotId, due));
    }

    private void writeDueDate(UUID shotId, java.time.LocalDate due) throws StoreException {
        store.schedule().setDueDate(shotId, due);
        schedule.set(store.schedule().schedule());
    }

    /** Replaces the day dates and days off with an imported calendar (one transaction, one undo step). */
    public void importCalendar(ShootSchedule imported) throws StoreException {
        ShootSchedule before = schedule();
        writeCalendar(imported.shootDays(), imported.daysOff());
        record("Import shoot calendar", () -> writeCalendar(before.shootDays(), before.daysOff()),
                () -> writeCalendar(imported.shootDays(), imported.daysOff()));
    }

    private void writeCalendar(Map<Integer, java.time.LocalDate> days, java.util.Set<java.time.LocalDate> off) throws StoreException {
        store.schedule().replaceCalendar(days, off);
        schedule.set(store.schedule().schedule());
    }

    /** Records a cast member's or a department head's e-mail and phone; a department's e-mail is its own column too. */
    public void setContact(Contact contact) throws StoreException {
        Contact before = contacts().getOrDefault(contact.ownerId(), new Contact(contact.ownerId(), "", ""));
        if (before.equals(contact)) return;
        writeContact(contact);
        record("Edit contact details", () -> writeContact(before), () -> writeContact(contact));
    }

    private void writeContact(Contact contact) throws StoreException {
        store.schedule().setContact(contact);
        if (contact.isEmpty()) contacts.remove(contact.ownerId()); else contacts.put(contact.ownerId(), contact);
        Department d = find(departments, contact.ownerId(), Department::id);
        if (d != null && !d.email().equals(contact.email())) {
            replaceOrAdd(departments, new Department(d.id(), d.name(), d.headName(), contact.email(), d.colour()), Department::id);
        }
    }

    /**
     * Writes a sealed package to {@code target} and records it, both or neither ({@link SentPackages#writeAndRecord}).
     * Not undoable: what was sent stays sent.
     */
    public SentPackage share(org.clearframe.exchange.SharePackage pkg, Path target) throws StoreException, ExchangeException {
        SentPackage sent = SentPackages.writeAndRecord(store, pkg, target);
        packages().add(sent);
        return sent;
    }

    /** Reads the packages again after a reply was linked to one (reply import; tests link through the store). */
    void reloadPackages() throws StoreException {
        readProducerRecords();
        packages.setAll(store.packages().all());
    }

    @Override
    public void close() {
        store.close();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private void indexShots(ListChangeListener.Change<? extends Shot> c) {
        int ai = shotsWithAiUse.get();
        while (c.next()) {
            for (Shot s : c.getRemoved()) {
                if (!shotById.remove(s.id(), s)) continue;
                if (s.hasAiUse()) ai--;
                count(s, -1);
            }
        }
        c.reset();
        while (c.next()) {
            for (Shot s : c.getAddedSubList()) {
                Shot was = shotById.put(s.id(), s);
                if (was != null) {
                    if (was.hasAiUse()) ai--;
                    count(was, -1);
                }
                if (s.hasAiUse()) ai++;
                count(s, 1);
            }
        }
        shotsWithAiUse.set(ai);
    }

    private void count(Shot s, int sign) {
        shotsPerScene.merge(s.sceneId(), sign, Integer::sum);
        java.util.Set<UUID> departmentsOf = new java.util.HashSet<>(s.departmentIds());
        for (org.clearframe.model.AiUse u : s.aiUses()) {
            departmentsOf.addAll(u.departmentIds());
            for (UUID p : u.performerIds()) aiUsesPerPerformer.merge(p, sign, Integer::sum);
        }
        for (UUID d : departmentsOf) shotsPerDepartment.merge(d, sign, Integer::sum);
    }

    /** How many shots a scene has. */
    public int shotCountOfScene(UUID sceneId) {
        return shotsPerScene.getOrDefault(sceneId, 0);
    }

    /** How many shots involve a department, directly or through one of their AI uses. */
    public int shotCountOfDepartment(UUID departmentId) {
        return shotsPerDepartment.getOrDefault(departmentId, 0);
    }

    /** How many AI uses name a performer. */
    public int aiUseCountOf(UUID castId) {
        return aiUsesPerPerformer.getOrDefault(castId, 0);
    }

    private void indexSignOffs(ListChangeListener.Change<? extends SignOff> c) {
        while (c.next()) {
            for (SignOff s : c.getRemoved()) {
                List<SignOff> of = signOffsByShot.get(s.shotId());
                if (of == null) continue;
                List<SignOff> rest = new ArrayList<>(of);
                rest.remove(s);
                if (rest.isEmpty()) signOffsByShot.remove(s.shotId()); else signOffsByShot.put(s.shotId(), List.copyOf(rest));
            }
        }
        c.reset();
        while (c.next()) {
            for (SignOff s : c.getAddedSubList()) {
                List<SignOff> rest = new ArrayList<>(signOffsByShot.getOrDefault(s.shotId(), List.of()));
                rest.add(s);
                signOffsByShot.put(s.shotId(), List.copyOf(rest));
            }
        }
    }

    /** Puts each shot in place of the one with its id (same position), in one pass. */
    private void replaceAll(List<Shot> changed) {
        if (changed.isEmpty()) return;
        if (changed.size() == 1) {
            Shot now = shotById.get(changed.get(0).id());
            if (now != null) shots.set(indexOf(now), changed.get(0));
            return;
        }
        Map<UUID, Shot> byId = ProductionData.index(changed, Shot::id);
        Map<Integer, Shot> at = new java.util.TreeMap<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot next = byId.get(shots.get(i).id());
            if (next != null) at.put(i, next);
        }
        shots.replace(at);
    }

    /** The shot's position, by identity (the list holds the very record the index does). */
    private int indexOf(Shot shot) {
        for (int i = 0; i < shots.size(); i++) if (shots.get(i) == shot) return i;
        return shots.indexOf(shot);
    }

    private static List<UUID> without(List<UUID> ids, UUID gone) {
        return ids.stream().filter(x -> !x.equals(gone)).toList();
    }

    private static org.clearframe.model.AiUse linked(org.clearframe.model.AiUse u, List<UUID> performers, List<UUID> departments) {
        return new org.clearframe.model.AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), performers, departments, u.uploads(),
                u.vendorTrains(), u.factors(), u.notes(), u.frameSharePercent());
    }

    /** An undo step that writes through the store (and so may fail with its exception only). */
    @FunctionalInterface
    private interface Step extends UndoStack.Step {
        @Override
        void run() throws StoreException;
    }

    private static Scene withCast(Scene s, List<UUID> castIds) {
        return new Scene(s.id(), s.number(), s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(), s.storyDay(), castIds, s.omitted());
    }

    private Map<UUID, Integer> sceneOrder() {
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < scenes.size(); i++) order.put(scenes.get(i).id(), i);
        return order;
    }

    private void sortShots() {
        Map<UUID, Integer> order = sceneOrder();
        List<Shot> sorted = new ArrayList<>(shots);
        sorted.sort(Comparator.comparingInt(s -> order.getOrDefault(s.sceneId(), Integer.MAX_VALUE))); // stable: keeps shot order
        if (!sorted.equals(shots)) shots.setAll(sorted);
    }

    private static <T> T find(List<T> rows, UUID id, java.util.function.Function<T, UUID> key) {
        for (T row : rows) if (Objects.equals(key.apply(row), id)) return row;
        return null;
    }

    private static <T> void replaceOrAdd(List<T> rows, T row, java.util.function.Function<T, UUID> key) {
        UUID id = key.apply(row);
        for (int i = 0; i < rows.size(); i++) {
            if (key.apply(rows.get(i)).equals(id)) {
                rows.set(i, row);
                return;
            }
        }
        rows.add(row);
    }
}
