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
import org.clearframe.exchange.SentPackages;
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
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.Policy;
import org.clearframe.rules.ShotStatus;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
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
    private final ObservableList<Scene> scenes = FXCollections.observableArrayList();
    private final ObservableList<Shot> shots = FXCollections.observableArrayList();
    private final ObservableList<SignOff> signOffs = FXCollections.observableArrayList();
    private final ObservableList<Scan> scans = FXCollections.observableArrayList();
    private final ObservableList<Consent> consents = FXCollections.observableArrayList();
    private final UndoStack undo = new UndoStack();
    private String policyJson;
    private SignedRecord record;
    private FlagIndex flags;
    private final javafx.beans.property.ReadOnlyObjectWrapper<FlagIndex.Summary> flagSummary = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper flagsRevision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper policyProblem = new javafx.beans.property.ReadOnlyStringWrapper("");

    /** Only sign-offs with a valid proof are shown and counted; the rest are listed by {@link #ignoredSignOffs()}. */
    public Session(ProductionStore store, SignedRecord record) {
        this(store, record.data());
        this.record = record;
    }

    private Session(ProductionStore store, ProductionData data) {
        this.store = store;
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
    }

    /** Stands in for a stored policy that does not read: no rule, so no flag, and {@link #status} never says clear. */
    private static final Policy UNREADABLE = new Policy("Unreadable studio policy", "", Policy.SCHEMA_VERSION, List.of());

    /**
     * The flags under the policy in force. A stored policy that does not read is not replaced by the built-in one
     * (which might clear what the studio's blocks): the banner says why, and no shot shows as clear.
     */
    private FlagIndex flagIndex(ProductionData data) {
        try {
            FlagIndex index = new FlagIndex(Assessment.of(data));
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

    public ProductionStore store() {
        return store;
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

    /** The whole production as it stands now, for rules, exports and shares. */
    public ProductionData snapshot() {
        return new ProductionData(production.get(), departments, cast, scenes, shots, signOffs, policyJson, scans, consents);
    }

    /**
     * Re-evaluates the flags of one shot after it or its sign-offs changed (every shot when {@code id} is
     * null, e.g. after a cast change), then tells the views.
     */
    private void shotChanged(UUID id) {
        ProductionData now = snapshot();
        if (id == null) flags.rebuild(now); else flags.update(now, id);
        flagSummary.set(flags.summary());
        flagsRevision.set(flagsRevision.get() + 1);
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
        if (genreChanged) shotChanged(null);
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
        List<Shot> touched = shots.stream().filter(s -> s.departmentIds().contains(d.id())
                || s.aiUses().stream().anyMatch(u -> u.departmentIds().contains(d.id()))).toList();
        removeDepartment(d.id());
        record("Delete department " + d.name(), () -> {
            writeDepartment(d);
            store.saveAll(List.of(), List.of(), List.of(), touched, List.of());
            touched.forEach(s -> replaceOrAdd(shots, s, Shot::id));
            shotChanged(null);
        }, () -> removeDepartment(d.id()));
    }

    private void removeDepartment(UUID id) throws StoreException {
        store.deleteDepartment(id);
        departments.removeIf(x -> x.id().equals(id));
        relinkShots(s -> s.departmentIds().contains(id) || s.aiUses().stream().anyMatch(u -> u.departmentIds().contains(id)));
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
        shotChanged(null); // a performer's union status or death changes which rules apply
    }

    public void deleteCastMember(CastMember m) throws StoreException {
        List<Scan> theirScans = scans.stream().filter(s -> s.castId().equals(m.id())).toList();
        List<Scene> inScenes = scenes.stream().filter(s -> s.castIds().contains(m.id())).toList();
        List<Shot> touched = shots.stream().filter(s -> s.aiUses().stream().anyMatch(u -> u.performerIds().contains(m.id()))).toList();
        removeCastMember(m.id());
        record("Delete cast member " + m.performer(), () -> {
            writeCastMember(m);
            for (Scan s : theirScans) writeScan(s); // deleting the row took its scans with it
            store.saveAll(List.of(), List.of(), inScenes, touched, List.of());
            inScenes.forEach(s -> replaceOrAdd(scenes, s, Scene::id));
            touched.forEach(s -> replaceOrAdd(shots, s, Shot::id));
            shotChanged(null);
        }, () -> removeCastMember(m.id()));
    }

    private void removeCastMember(UUID id) throws StoreException {
        store.deleteCastMember(id);
        cast.removeIf(x -> x.id().equals(id));
        scans.removeIf(x -> x.castId().equals(id));
        reloadScenes();
        relinkShots(s -> s.aiUses().stream().anyMatch(u -> u.performerIds().contains(id)));
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
        store.saveScan(s);
        replaceOrAdd(scans, s, Scan::id);
        shotChanged(null);
    }

    private void removeScan(UUID id) throws StoreException {
        store.deleteScan(id);
        scans.removeIf(x -> x.id().equals(id));
        shotChanged(null);
    }

    /**
     * Records or corrects a consent. Not on the undo stack: a consent record is evidence of what a person agreed to,
     * corrected by editing it again (a withdrawal cannot be undone at all).
     */
    public void saveConsent(Consent c) throws StoreException {
        store.saveConsent(c);
        replaceOrAdd(consents, c, Consent::id);
        shotChanged(null);
    }

    /** Records that a consent was withdrawn on {@code on}; this stands for good. */
    public void withdrawConsent(Consent c, java.time.LocalDate on) throws StoreException {
        store.withdrawConsent(c.id(), on);
        replaceOrAdd(consents, c.withdraw(on), Consent::id);
        shotChanged(null);
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
        List<Shot> itsShots = shots.stream().filter(x -> x.sceneId().equals(s.id())).toList();
        List<UUID> ids = itsShots.stream().map(Shot::id).toList();
        List<SignOff> itsSignOffs = signOffs.stream().filter(x -> ids.contains(x.shotId())).toList();
        removeScene(s.id());
        record("Delete scene " + s.number(), () -> {
            store.restoreScene(s, index, itsShots, itsSignOffs);
            scenes.add(index, s);
            shots.addAll(itsShots);
            signOffs.addAll(itsSignOffs);
            sortShots();
            shotChanged(null);
        }, () -> removeScene(s.id()));
    }

    private void removeScene(UUID id) throws StoreException {
        store.deleteScene(id);
        scenes.removeIf(x -> x.id().equals(id));
        List<UUID> gone = shots.stream().filter(x -> x.sceneId().equals(id)).map(Shot::id).toList();
        shots.removeIf(x -> x.sceneId().equals(id));
        signOffs.removeIf(x -> gone.contains(x.shotId()));
        shotChanged(null);
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
        List<Shot> siblings = shotsOf(shot.sceneId());
        int clamped = Math.max(0, Math.min(index, siblings.size()));
        int at = clamped < siblings.size() ? shots.indexOf(siblings.get(clamped))
                : siblings.isEmpty() ? insertionPointForScene(shot.sceneId()) : shots.indexOf(siblings.get(siblings.size() - 1)) + 1;
        shots.add(at, shot);
        signOffs.addAll(itsSignOffs);
        shotChanged(shot.id());
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
        Shot before = find(shots, shot.id(), Shot::id);
        if (shot.equals(before)) return;
        writeShot(shot);
        record("Edit shot " + shot.number(), () -> writeShot(before), () -> writeShot(shot));
    }

    private void writeShot(Shot shot) throws StoreException {
        Shot before = find(shots, shot.id(), Shot::id);
        store.saveShot(shot);
        if (before != null && !before.sceneId().equals(shot.sceneId())) {
            shots.remove(before);
            shots.add(insertionPointForScene(shot.sceneId()), shot);
            sortShots();
        } else {
            replaceOrAdd(shots, shot, Shot::id);
        }
        shotChanged(shot.id());
    }

    /** Deletes shots (after the caller has asked); undo restores them with their sign-offs. */
    public void deleteShots(List<Shot> doomed) throws StoreException {
        List<Shot> ordered = doomed.stream().sorted(Comparator.comparingInt(shots::indexOf)).toList();
        Map<UUID, Integer> indexInScene = new HashMap<>();
        for (Shot s : ordered) indexInScene.put(s.id(), shotsOf(s.sceneId()).indexOf(s));
        Map<UUID, List<SignOff>> theirSignOffs = new HashMap<>();
        for (Shot s : ordered) theirSignOffs.put(s.id(), signOffs.stream().filter(x -> x.shotId().equals(s.id())).toList());
        for (Shot s : ordered) removeShot(s.id());
        String name = ordered.size() == 1 ? "Delete shot " + ordered.get(0).number() : "Delete " + ordered.size() + " shots";
        record(name, () -> {
            for (Shot s : ordered) insertShot(s, indexInScene.get(s.id()), theirSignOffs.get(s.id()));
        }, () -> {
            for (Shot s : ordered) removeShot(s.id());
        });
    }

    private void removeShot(UUID id) throws StoreException {
        store.deleteShot(id);
        shots.removeIf(x -> x.id().equals(id));
        signOffs.removeIf(x -> x.shotId().equals(id));
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
        int first = shots.indexOf(siblings.get(0));
        siblings.remove(shot);
        siblings.add(indexInScene, shot);
        for (int i = 0; i < siblings.size(); i++) shots.set(first + i, siblings.get(i));
    }

    public List<Shot> shotsOf(UUID sceneId) {
        return shots.stream().filter(s -> s.sceneId().equals(sceneId)).toList();
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

    // ------------------------------------------------------------------------------------------- sign-offs

    /**
     * Records a sign-off the producer enters in the app, attested with the producer's own key (it is the producer's
     * word, not the person's signature). Sign-offs are history, so undo of this is not offered: a newer one supersedes it.
     */
    public void addSignOff(SignOff s) throws StoreException, ExchangeException {
        Attestations.record(store, production().id(), List.of(s), KeyRing.forUser());
        // Read back through the verifying loader: what is shown as signed is what the file can prove.
        record = SignedRecord.load(store);
        signOffs.setAll(record.data().signOffs());
        shotChanged(s.shotId());
    }

    /** Sign-offs in the file that are not counted (no valid proof, or recorded before proofs were kept), as last read. */
    public List<SignedRecord.Ignored> ignoredSignOffs() {
        return record == null ? List.of() : record.ignored();
    }

    /** Why a counted sign-off is believed (a head's signed reply, or the producer's attestation), if known. */
    public java.util.Optional<SignedRecord.Proven> proof(UUID signOffId) {
        return record == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(record.proven().get(signOffId));
    }

    /** Attests, with the producer's key, the sign-offs recorded before proofs were kept; returns them. */
    public List<SignOff> attestEarlierSignOffs() throws StoreException, ExchangeException {
        List<SignOff> done = Attestations.attestEarlier(store, KeyRing.forUser());
        reloadSignOffs();
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
        shotChanged(null);
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

    /** Applies sign-offs that were written to the store outside this session (an imported reply). */
    public void reloadSignOffs() throws StoreException {
        record = SignedRecord.load(store);
        signOffs.setAll(record.data().signOffs());
        shotChanged(null);
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

    /** Reads the packages again after a reply was linked to one outside this session (reply import). */
    public void reloadPackages() throws StoreException {
        readProducerRecords();
        packages.setAll(store.packages().all());
    }

    @Override
    public void close() {
        store.close();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private void relinkShots(java.util.function.Predicate<Shot> affected) throws StoreException {
        // The store dropped link rows by cascade; reload so the in-memory shots match the file exactly.
        ProductionData fresh = SignedRecord.planOnly(store);
        Map<UUID, Shot> byId = ProductionData.index(fresh.shots(), Shot::id);
        for (int i = 0; i < shots.size(); i++) {
            if (affected.test(shots.get(i))) shots.set(i, byId.get(shots.get(i).id()));
        }
        shotChanged(null);
    }

    private void reloadScenes() throws StoreException {
        Map<UUID, Scene> byId = ProductionData.index(SignedRecord.planOnly(store).scenes(), Scene::id);
        for (int i = 0; i < scenes.size(); i++) scenes.set(i, byId.get(scenes.get(i).id()));
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
