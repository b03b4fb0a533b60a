package org.clearframe.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.Contact;
import org.clearframe.model.Department;
import org.clearframe.model.Format;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.SentPackage;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policy;
import org.clearframe.rules.ShotContent;
import org.clearframe.rules.ShotStatus;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An open production: the one writer while it is open, and the observable state every view shows. Each edit is
 * written to the store first (its own transaction) and only then applied to the lists, so the screen never shows
 * what the file does not hold; edits are recorded for undo. The work is done by one editor per kind of record
 * ({@link ShotEditor}, {@link SceneEditor}, {@link PeopleEditor}, {@link ScheduleEditor}, {@link SignOffEditor},
 * {@link ProductionEditor}, {@link ImportEditor}), which share this session's {@link SessionState}: its store,
 * lists, index, flags and undo stack. Views and controllers reach them only through here.
 */
public final class Session implements AutoCloseable {

    private final SessionState state;
    private final ProductionEditor productionEditor;
    private final PeopleEditor people;
    private final SceneEditor sceneEditor;
    private final ShotEditor shotEditor;
    private final ScheduleEditor scheduleEditor;
    private final SignOffEditor signOffEditor;
    private final ImportEditor imports;

    /** Only sign-offs with a valid proof are shown and counted; the rest are listed by {@link #ignoredSignOffs()}. */
    public Session(ProductionStore store, SignedRecord record) {
        state = new SessionState(store, SharedValues.of(record.data()));
        productionEditor = new ProductionEditor(state);
        people = new PeopleEditor(state);
        sceneEditor = new SceneEditor(state);
        shotEditor = new ShotEditor(state);
        scheduleEditor = new ScheduleEditor(state);
        state.schedule = scheduleEditor::schedule;
        signOffEditor = new SignOffEditor(state, record);
        imports = new ImportEditor(state, signOffEditor);
    }

    /** Opens a production file for writing: the session holds it (and its lock) until closed. */
    public static Session open(Path file) throws ProjectFileException, StoreException {
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
    public static Session openRetitled(Path file, String title, Format format) throws ProjectFileException, StoreException {
        return holding(ProductionStore.open(file), store -> {
            Production sample = store.counts().production();
            store.updateProduction(new Production(sample.id(), title, format, sample.genre(), sample.studio(), sample.producer(),
                    sample.director(), sample.principalPhotography(), sample.notes()));
        });
    }

    /** A new production file, recording the policy it is planned under so that a later Clearframe does not change it silently. */
    public static Session create(Path file, Production production) throws ProjectFileException, StoreException {
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

    // ------------------------------------------------------------------------------------------- the file

    public Path file() {
        return state.store.file();
    }

    /** Moves every committed edit into the file itself, so that it can be hashed or copied by hand. */
    public void flush() throws StoreException {
        state.store.flush();
    }

    /** Save a Copy As: a consistent copy of the production as committed. */
    public void copyTo(Path target) throws ProjectFileException {
        state.store.copyTo(target);
    }

    /** Writes the production, as the file holds it, to {@code out}; safe off the FX thread (reads only the file). */
    public void exportJson(Path out) throws ExchangeException {
        ProjectJson.export(state.store, out);
    }

    /** The production read again from the file through the verifying loader, to compare with what is shown (tests). */
    SignedRecord readBack() throws StoreException {
        return SignedRecord.load(state.store);
    }

    @Override
    public void close() {
        state.store.close();
    }

    // ------------------------------------------------------------------------------------------ what views show

    public ObjectProperty<Production> productionProperty() { return state.production; }
    public Production production() { return state.production.get(); }
    public ObservableList<Department> departments() { return state.departments; }
    public ObservableList<CastMember> cast() { return state.cast; }
    public ObservableList<Scene> scenes() { return state.scenes; }
    public ObservableList<Shot> shots() { return state.shots; }
    public ObservableList<SignOff> signOffs() { return state.signOffs; }
    public ObservableList<Scan> scans() { return state.scans; }
    public ObservableList<Consent> consents() { return state.consents; }

    /**
     * The whole production as it stands now, for previews, exports and shares: a copy, taken on the FX thread and
     * then safe to hand to background work (which must not read the observable lists). Not for use per edit.
     */
    public ProductionData snapshot() {
        return state.snapshot();
    }

    public Optional<Shot> shot(UUID id) {
        return Optional.ofNullable(state.index.shot(id));
    }

    /** The shot's sign-offs that count, in the order recorded. */
    public List<SignOff> signOffsOf(UUID shotId) {
        return state.index.signOffsOf(shotId);
    }

    public List<Shot> shotsOf(UUID sceneId) {
        return state.order.shotsOf(sceneId);
    }

    /** How many shots a scene has. */
    public int shotCountOfScene(UUID sceneId) {
        return state.index.shotCountOfScene(sceneId);
    }

    /** How many shots involve a department, directly or through one of their AI uses. */
    public int shotCountOfDepartment(UUID departmentId) {
        return state.index.shotCountOfDepartment(departmentId);
    }

    /** How many AI uses name a performer. */
    public int aiUseCountOf(UUID castId) {
        return state.index.aiUseCountOf(castId);
    }

    /** How many shots have an AI use, kept as shots change rather than counted again. */
    public ReadOnlyIntegerProperty shotsWithAiUseProperty() {
        return state.index.shotsWithAiUseProperty();
    }

    // ------------------------------------------------------------------------------------------------ flags

    /** Which shots' flags may have changed in the last re-check; {@code all} after a policy or genre change. */
    public record Rechecked(Set<UUID> shots, boolean all) {
        public boolean touches(UUID shotId) {
            return all || shots.contains(shotId);
        }
    }

    public List<Flag> flags(UUID shotId) {
        return state.flags.index().flags(shotId);
    }

    public ShotStatus status(Shot shot) {
        if (!policyProblem().isEmpty() && shot.hasAiUse()) return ShotStatus.NEEDS_SIGNOFF; // unknown is not clear
        return state.flags.index().status(shot);
    }

    public Policy policy() {
        return state.flags.index().policy();
    }

    public String policyJson() {
        return state.policyJson;
    }

    /** Empty, or why the stored studio policy cannot be used (the main window shows it as a banner). */
    public ReadOnlyStringProperty policyProblemProperty() {
        return state.flags.policyProblemProperty();
    }

    public String policyProblem() {
        return state.flags.policyProblemProperty().get();
    }

    /** Open blocking and advisory flags, stale and declined sign-offs, across the production. */
    public ReadOnlyObjectProperty<FlagIndex.Summary> flagSummaryProperty() {
        return state.flags.summaryProperty();
    }

    /** The shots the last re-check touched, so that views update those rows only. */
    public ReadOnlyObjectProperty<Rechecked> recheckedProperty() {
        return state.flags.recheckedProperty();
    }

    /** Goes up by one each time any flag may have changed; views refresh on it. */
    public ReadOnlyIntegerProperty flagsRevisionProperty() {
        return state.flags.revisionProperty();
    }

    /** Each person the shot's AI uses reproduce or alter, and whether the consent on record covers each use. */
    public List<ConsentCoverage.Coverage> consentCoverage(Shot shot) {
        return state.flags.consentCoverage(shot);
    }

    /** How many uses of a person on screen the consent on record does not cover, counted per shot as shots are re-checked. */
    public int consentGaps() {
        return state.flags.consentGaps();
    }

    /** Open signatures overdue or due this week against {@code today}: kept as shots are re-checked, not counted over every shot. */
    public int urgentSignatures(LocalDate today) {
        return state.flags.urgentSignatures(today);
    }

    // ------------------------------------------------------------------------------------------------ undo

    public void undo() throws Exception { state.undo.undo(); }
    public void redo() throws Exception { state.undo.redo(); }
    public ReadOnlyStringProperty undoNameProperty() { return state.undo.undoNameProperty(); }
    public ReadOnlyStringProperty redoNameProperty() { return state.undo.redoNameProperty(); }

    // ------------------------------------------------------------------------------- production and policy

    public void updateProduction(Production next) throws StoreException { productionEditor.updateProduction(next); }

    /** Puts a studio policy in force ({@code json} null for the built-in default); every flag is re-evaluated. */
    public void setPolicy(String source, String json) throws StoreException { productionEditor.setPolicy(source, json); }

    /** Moves the production to a newer built-in policy, as one undoable step. */
    public void upgradePolicy(BuiltInPolicies.BuiltIn target) throws StoreException { productionEditor.upgradePolicy(target); }

    // ----------------------------------------------------------------------------------------------- people

    public void saveDepartment(Department d) throws StoreException { people.saveDepartment(d); }

    /** Deletes a department; the shots and AI uses that named it lose the link, and undo gives it back. */
    public void deleteDepartment(Department d) throws StoreException { people.deleteDepartment(d); }

    public void saveCastMember(CastMember m) throws StoreException { people.saveCastMember(m); }

    public void deleteCastMember(CastMember m) throws StoreException { people.deleteCastMember(m); }

    /** Records or corrects a scan of a cast member (undoable, like any edit of the cast). */
    public void saveScan(Scan scan) throws StoreException { people.saveScan(scan); }

    public void deleteScan(Scan scan) throws StoreException { people.deleteScan(scan); }

    /** Records or corrects a consent; not undoable (a consent record is evidence, corrected by editing it again). */
    public void saveConsent(Consent c) throws StoreException { people.saveConsent(c); }

    /** Records that a consent was withdrawn on {@code on}; this stands for good. */
    public void withdrawConsent(Consent c, LocalDate on) throws StoreException { people.withdrawConsent(c, on); }

    /** Keeps the signed document in the production and attaches it to the consent, in one transaction. */
    public void attachDocument(Consent c, String fileName, String mediaType, byte[] bytes) throws StoreException {
        people.attachDocument(c, fileName, mediaType, bytes);
    }

    // ---------------------------------------------------------------------------------------------- scenes

    public void addScene(Scene s, int index) throws StoreException { sceneEditor.addScene(s, index); }

    public void saveScene(Scene s) throws StoreException { sceneEditor.saveScene(s); }

    /** Deletes a scene with its shots and their sign-offs; undo restores all of it in place. */
    public void deleteScene(Scene s) throws StoreException { sceneEditor.deleteScene(s); }

    public void moveScene(Scene s, int index) throws StoreException { sceneEditor.moveScene(s, index); }

    // ----------------------------------------------------------------------------------------------- shots

    /** Adds a shot at {@code index} within its scene. */
    public void addShot(Shot shot, int index) throws StoreException { shotEditor.addShot(shot, index); }

    public void saveShot(Shot shot) throws StoreException { shotEditor.saveShot(shot); }

    /** Deletes shots (after the caller has asked); undo restores them with their sign-offs. */
    public void deleteShots(List<Shot> doomed) throws StoreException { shotEditor.deleteShots(doomed); }

    /** Moves a shot up or down within its scene. */
    public void moveShot(Shot shot, int indexInScene) throws StoreException { shotEditor.moveShot(shot, indexInScene); }

    /** The next free shot number in a scene: one past the highest leading number. */
    public String nextShotNumber(UUID sceneId) { return shotEditor.nextShotNumber(sceneId); }

    public Optional<ReferenceImage> referenceImage(UUID shotId) throws StoreException { return shotEditor.referenceImage(shotId); }

    /** Sets or (with null) removes a shot's reference image; undo puts the previous one back. */
    public void setReferenceImage(UUID shotId, ReferenceImage image) throws StoreException { shotEditor.setReferenceImage(shotId, image); }

    /** Saves edits to many shots in one transaction, as ONE undo step named {@code name}; does not move shots between scenes. */
    public void applyBulk(String name, List<Shot> edited) throws StoreException { shotEditor.applyBulk(name, edited); }

    /** Deletes many shots (after the caller has asked once) in one transaction, as ONE undo step. */
    public void deleteBulk(List<Shot> doomed) throws StoreException { shotEditor.deleteBulk(doomed); }

    // --------------------------------------------------------------------------------------------- imports

    /**
     * Applies a previewed script revision (computed by {@code ScriptImport.preview} over a {@link #snapshot}) in one
     * transaction, updates the lists in place and records one undoable step.
     */
    public void apply(ScriptRevision revision) throws StoreException { imports.apply(revision); }

    /**
     * Applies a previewed shot-list import (computed by {@code ShotListImport.preview} over a {@link #snapshot}) in one
     * transaction, updates the lists in place and records one undoable step.
     */
    public void apply(ShotListPreview preview) throws StoreException { imports.apply(preview); }

    /** Applies a verified reply in one transaction; the sign-offs that hold are added to the lists. Not undoable. */
    public ReplyImport.Preview apply(ReplyImport importer, Reply reply, byte[] replyFile) throws ExchangeException, StoreException {
        return imports.apply(importer, reply, replyFile);
    }

    // ------------------------------------------------------------------------------------------- sign-offs

    /** Records a sign-off the producer enters, attested with the producer's own key; not undoable (a newer one supersedes it). */
    public void addSignOff(SignOff s) throws StoreException, ExchangeException { signOffEditor.addSignOff(s); }

    /** Sign-offs in the file that are not counted (no valid proof, or recorded before proofs were kept), as last read. */
    public List<SignedRecord.Ignored> ignoredSignOffs() { return signOffEditor.ignoredSignOffs(); }

    /** Why a counted sign-off is believed (a head's signed reply, or the producer's attestation), if known. */
    public Optional<SignedRecord.Proven> proof(UUID signOffId) { return signOffEditor.proof(signOffId); }

    /** Attests, with the producer's key, the sign-offs recorded before proofs were kept; returns them. */
    public List<SignOff> attestEarlierSignOffs() throws StoreException, ExchangeException { return signOffEditor.attestEarlierSignOffs(); }

    /**
     * The plan each of {@code fingerprints} was signed for, where the file keeps it (and it still hashes to its
     * fingerprint): what a stale sign-off's change list is worked out from. Missing for sign-offs from before it was kept.
     */
    public Map<String, ShotContent> signedContents(Collection<String> fingerprints) throws StoreException {
        return signOffEditor.signedContents(fingerprints);
    }

    /** Every package shared from this production, oldest first, with the replies linked to it. */
    public ObservableList<SentPackage> packages() { return signOffEditor.packages(); }

    /** Writes a sealed package to {@code target} and records it, both or neither. Not undoable: what was sent stays sent. */
    public SentPackage share(SharePackage pkg, Path target) throws StoreException, ExchangeException { return signOffEditor.share(pkg, target); }

    /** Reads the packages again after a reply was linked to one (reply import; tests link through the store). */
    void reloadPackages() throws StoreException { signOffEditor.reloadPackages(); }

    // ------------------------------------------------------------------------- shoot calendar and contacts

    /** The shoot calendar (day dates, days off, scenes' shoot days, due dates set by hand); replaced on each edit. */
    public ReadOnlyObjectProperty<ShootSchedule> scheduleProperty() { return scheduleEditor.scheduleProperty(); }

    public ShootSchedule schedule() { return scheduleEditor.schedule(); }

    /** E-mail and phone by cast member or department id (a department's e-mail is also its own column). */
    public ObservableMap<UUID, Contact> contacts() { return scheduleEditor.contacts(); }

    /** Dates shoot day {@code day} ({@code null} takes it off the calendar); refused when it breaks the calendar's order. */
    public void setShootDay(int day, LocalDate date) throws StoreException { scheduleEditor.setShootDay(day, date); }

    /** Marks {@code date} as a day off (or a working day again); a shoot day cannot be a day off. */
    public void setDayOff(LocalDate date, boolean off) throws StoreException { scheduleEditor.setDayOff(date, off); }

    /** Schedules a scene on shoot day {@code day} ({@code null} unschedules it). */
    public void setSceneDay(UUID sceneId, Integer day) throws StoreException { scheduleEditor.setSceneDay(sceneId, day); }

    /** Sets a shot's due date by hand ({@code null} goes back to the one the lead times give). */
    public void setDueDate(UUID shotId, LocalDate due) throws StoreException { scheduleEditor.setDueDate(shotId, due); }

    /** Replaces the day dates and days off with an imported calendar (one transaction, one undo step). */
    public void importCalendar(ShootSchedule imported) throws StoreException { scheduleEditor.importCalendar(imported); }

    /** Records a cast member's or a department head's e-mail and phone; a department's e-mail is its own column too. */
    public void setContact(Contact contact) throws StoreException { scheduleEditor.setContact(contact); }
}
