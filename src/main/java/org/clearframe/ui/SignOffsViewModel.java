package org.clearframe.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.PerformerChecks;
import org.clearframe.rules.RequiredSignature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Sign-offs page without its nodes: every required signature, grouped by the department whose head signs or by
 * role, open ones only if asked, and the summary line. Tested without a window.
 */
public final class SignOffsViewModel implements Observable {

    public enum Grouping {
        BY_DEPARTMENT("By department"), BY_ROLE("By role");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One required signature on one shot, or (signature null) a record the flag waits for, such as a consent that
     * covers the use: listed beside the signatures, since no signature closes it.
     */
    public record Row(String group, Scene scene, Shot shot, Flag flag, RequiredSignature signature) {}

    private final Session session;
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.BY_DEPARTMENT);
    private final BooleanProperty openOnly = new SimpleBooleanProperty(true);
    private final List<InvalidationListener> listeners = new ArrayList<>();
    private final List<Consumer<Set<UUID>>> recheckListeners = new ArrayList<>();
    /** Each shot's place in the script as of the last {@link #groups()}: rows of a group are kept in this order. */
    private final Map<UUID, Integer> order = new HashMap<>();

    public SignOffsViewModel(Session session) {
        this.session = session;
        grouping.addListener(o -> changed());
        openOnly.addListener(o -> changed());
        session.flagsRevisionProperty().addListener(o -> {
            // A re-check of a few shots changes only their rows; every shot re-checked changes the whole list.
            Session.Rechecked what = session.recheckedProperty().get();
            if (what == null || what.all() || recheckListeners.isEmpty()) changed();
            else for (Consumer<Set<UUID>> l : List.copyOf(recheckListeners)) l.accept(what.shots());
        });
    }

    public ObjectProperty<Grouping> groupingProperty() { return grouping; }
    public BooleanProperty openOnlyProperty() { return openOnly; }

    /** The groups in name order, each with its rows in script order. */
    public Map<String, List<Row>> groups() {
        readSignedContents();
        boolean byDepartment = grouping.get() == Grouping.BY_DEPARTMENT;
        Map<UUID, Scene> scenes = ProductionData.index(session.scenes(), Scene::id);
        Set<String> departments = departmentNames();
        Map<String, List<Row>> groups = new TreeMap<>();
        order.clear();
        int at = 0;
        for (Shot shot : session.shots()) {
            order.put(shot.id(), at++);
            if (!shot.hasAiUse()) continue;
            for (Row r : rowsOf(shot, scenes.get(shot.sceneId()), byDepartment, departments)) {
                groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }

    /** The rows one shot contributes now, each with its group; none when the shot is gone or uses no AI. */
    public List<Row> rowsOf(UUID shotId) {
        Shot shot = session.shot(shotId).orElse(null);
        if (shot == null || !shot.hasAiUse()) return List.of();
        Scene scene = null;
        for (Scene s : session.scenes()) if (s.id().equals(shot.sceneId())) scene = s;
        return rowsOf(shot, scene, grouping.get() == Grouping.BY_DEPARTMENT, departmentNames());
    }

    /** The shot's place in the script as of the last {@link #groups()}; a shot added since comes last. */
    public int order(UUID shotId) {
        return order.getOrDefault(shotId, Integer.MAX_VALUE);
    }

    private List<Row> rowsOf(Shot shot, Scene scene, boolean byDepartment, Set<String> departments) {
        List<Row> rows = new ArrayList<>();
        for (Flag flag : session.flags(shot.id())) {
            if (flag.needsRecord()) {
                String group = flag.rule() == PerformerChecks.CONSENT_NOT_COVERED ? "Consent" : "Cast";
                rows.add(new Row(group, scene, shot, flag, null));
            }
            for (RequiredSignature sig : flag.signatures()) {
                if (openOnly.get() && !sig.state().open()) continue;
                rows.add(new Row(byDepartment ? departmentOf(sig, departments) : sig.role().label(), scene, shot, flag, sig));
            }
        }
        return rows;
    }

    private Set<String> departmentNames() {
        return session.departments().stream().map(Department::name).collect(Collectors.toSet());
    }

    /**
     * The "why" of a row: the flag's reason, and for a stale signature what changed since it was signed. Signed plans
     * are read from the file once and kept (a signed plan never changes), so a row added by an edit reads only its own.
     */
    public String reason(Row row) {
        if (row.flag() == null) return "";
        if (row.signature() == null || row.signature().state() != org.clearframe.rules.SignatureState.STALE
                || row.signature().latest().isEmpty()) return row.flag().reason();
        org.clearframe.model.SignOff signed = row.signature().latest().get();
        if (!contents.containsKey(signed.fingerprint())) contents.putAll(SignedChanges.contents(session, List.of(signed)));
        String changes = SignedChanges.describe(signed, row.shot(), contents, names());
        return changes.isEmpty() ? row.flag().reason() : changes + "  ·  " + row.flag().reason();
    }

    private final java.util.Map<String, org.clearframe.rules.ShotContent> contents = new java.util.HashMap<>();

    /** Reads the signed plans of every stale signature in one go, before a whole list is drawn. */
    private void readSignedContents() {
        List<org.clearframe.model.SignOff> stale = new ArrayList<>();
        for (Shot shot : session.shots()) for (Flag f : session.flags(shot.id())) for (RequiredSignature sig : f.signatures()) {
            if (sig.state() == org.clearframe.rules.SignatureState.STALE) sig.latest().filter(x -> !contents.containsKey(x.fingerprint())).ifPresent(stale::add);
        }
        if (!stale.isEmpty()) contents.putAll(SignedChanges.contents(session, stale));
    }

    /** What a change list names: departments and cast (the shots themselves are not needed). */
    private ProductionData names() {
        return new ProductionData(session.production(), session.departments(), session.cast(), List.of(), List.of(), List.of(), "",
                List.of(), List.of());
    }

    /** The line above the list: what is open, stale and declined, or why nothing is evaluated. */
    public String summary() {
        if (!session.policyProblem().isEmpty()) {
            return "The studio policy stored in this production cannot be read: no flag is evaluated and nothing is cleared.";
        }
        FlagIndex.Summary s = session.flagSummaryProperty().get();
        return s.openBlocking() + " blocking and " + s.openAdvisory() + " advisory " + (s.openBlocking() + s.openAdvisory() == 1 ? "flag" : "flags") + " open · " + s.stale() + " stale · " + s.declined() + " declined";
    }

    /** The department whose head signs for the role; performers are grouped under "Cast". */
    private static String departmentOf(RequiredSignature sig, Set<String> departments) {
        String name = sig.role().department();
        return departments.contains(name) || name.equals("Cast") ? name : name + " (no such department here)";
    }

    /**
     * Calls {@code listener} with the shots whose flags were re-checked after an edit (their rows are {@link #rowsOf});
     * while one is registered, such a re-check no longer fires the rebuild listeners.
     */
    public void onShotsRechecked(Consumer<Set<UUID>> listener) {
        recheckListeners.add(listener);
    }

    /** Fires when the list needs rebuilding: another grouping, the open-only switch, or every shot re-checked. */
    @Override
    public void addListener(InvalidationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (InvalidationListener l : List.copyOf(listeners)) l.invalidated(this);
    }
}
