package org.clearframe.ui;

import org.clearframe.rules.Wording;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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

    public SignOffsViewModel(Session session) {
        this.session = session;
        grouping.addListener(o -> changed());
        openOnly.addListener(o -> changed());
        session.flagsRevisionProperty().addListener(o -> changed());
    }

    public ObjectProperty<Grouping> groupingProperty() { return grouping; }
    public BooleanProperty openOnlyProperty() { return openOnly; }

    /** The groups in name order, each with its rows in script order. */
    public Map<String, List<Row>> groups() {
        boolean byDepartment = grouping.get() == Grouping.BY_DEPARTMENT;
        Map<UUID, Scene> scenes = ProductionData.index(session.scenes(), Scene::id);
        Set<String> departments = session.departments().stream().map(Department::name).collect(Collectors.toSet());
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Shot shot : session.shots()) {
            for (Flag flag : session.flags(shot.id())) {
                if (flag.needsRecord()) {
                    String group = flag.rule() == PerformerChecks.CONSENT_NOT_COVERED ? "Consent" : "Cast";
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(group, scenes.get(shot.sceneId()), shot, flag, null));
                }
                for (RequiredSignature sig : flag.signatures()) {
                    if (openOnly.get() && !sig.state().open()) continue;
                    String group = byDepartment ? departmentOf(sig, departments) : sig.role().label();
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(group, scenes.get(shot.sceneId()), shot, flag, sig));
                }
            }
        }
        return groups;
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

    /** Fires when the list needs rebuilding: another grouping, the open-only switch, or changed flags. */
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
