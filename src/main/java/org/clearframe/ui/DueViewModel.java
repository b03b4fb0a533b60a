package org.clearframe.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShootSchedule;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.DueDates.Due;
import org.clearframe.rules.DueDates.Urgency;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Names;
import org.clearframe.rules.SigningDepartments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Due page without its nodes: every unsigned signature with the date it is due by (before its shot's shoot day,
 * by the rule's lead time, or as set on the shot), sorted into overdue, due this week, later and no shoot date; each
 * bucket grouped by the person who signs or by shoot day; and the open signatures per shoot day for the chart.
 */
public final class DueViewModel implements Observable {

    public enum Grouping {
        BY_PERSON("By person"), BY_SHOOT_DAY("By shoot day");

        private final String label;
        Grouping(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    /** The buckets of the page, in the order a producer deals with them. */
    public static final List<Urgency> BUCKETS = List.of(Urgency.OVERDUE, Urgency.DUE_THIS_WEEK, Urgency.LATER, Urgency.NO_DATE);

    /** One unsigned signature (or a record a flag waits for) with its due date and the person it waits on. */
    public record Row(Due due, Urgency urgency, Shot shot, Scene scene, Flag flag, String person) {
        /** "3/5" (scene/shot). */
        public String shotLabel() {
            return (scene == null ? "?" : scene.number()) + "/" + shot.number();
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final Session session;
    private final Supplier<LocalDate> today;
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.BY_PERSON);
    private final List<InvalidationListener> listeners = new ArrayList<>();
    private List<Row> rows;

    /** @param today the date "overdue" and "this week" are measured from (a test fixes it) */
    public DueViewModel(Session session, Supplier<LocalDate> today) {
        this.session = session;
        this.today = today;
        grouping.addListener(o -> changed(false));
        session.flagsRevisionProperty().addListener(o -> changed(true));
        session.scheduleProperty().addListener(o -> changed(true));
        session.departments().addListener((InvalidationListener) o -> changed(true));
        session.scenes().addListener((InvalidationListener) o -> changed(true));
    }

    public ObjectProperty<Grouping> groupingProperty() { return grouping; }

    public ShootSchedule schedule() {
        return session.schedule();
    }

    public LocalDate today() {
        return today.get();
    }

    /** Every open signature, soonest due first (no date last), then in script order. */
    public List<Row> rows() {
        if (rows == null) rows = build();
        return rows;
    }

    private List<Row> build() {
        ProductionData data = session.snapshot();
        Map<UUID, List<Flag>> flags = new HashMap<>(); // the shots with flags only: the others have nothing due
        for (Shot s : data.shots()) {
            List<Flag> of = session.flags(s.id());
            if (!of.isEmpty()) flags.put(s.id(), of);
        }
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        LocalDate now = today();
        List<Row> out = new ArrayList<>();
        // who signs for a role is looked up once per role, not per open signature (a large production has 100,000s)
        Map<org.clearframe.model.Role, String> heads = new java.util.EnumMap<>(org.clearframe.model.Role.class);
        Map<String, String> people = new HashMap<>(); // one copy of each performer's "Name (role)", not one per signature
        for (Due d : DueDates.all(data, flags, session.schedule())) {
            if (!d.open()) continue;
            Shot shot = shots.get(d.shotId());
            String person = person(d, data, heads);
            out.add(new Row(d, d.urgency(now), shot, scenes.get(shot.sceneId()), flagOf(flags.get(d.shotId()), d.ruleId()),
                    people.computeIfAbsent(person, p -> p)));
        }
        out.sort(Comparator.comparing((Row r) -> r.due().dueOn(), Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(out);
    }

    /** The shot's first flag under the rule (a shot has a handful of flags: no map of every flag is needed). */
    private static Flag flagOf(List<Flag> shotFlags, String ruleId) {
        for (Flag f : shotFlags) if (f.rule().id().equals(ruleId)) return f;
        return null;
    }

    /**
     * The person a signature waits on, as a producer would say it: the performer; the department head by name where the
     * production names one ("Ines Duarte, VFX"); else the role; the producer for a record only they can add.
     */
    static String person(Due d, ProductionData data) {
        return person(d, data, new java.util.EnumMap<>(org.clearframe.model.Role.class));
    }

    private static String person(Due d, ProductionData data, Map<org.clearframe.model.Role, String> heads) {
        if (d.role() == null) return "Producer (a record to add)";
        if (d.subjectName() != null && !d.subjectName().isBlank()) return d.subjectName() + " (" + d.role().label() + ")";
        return heads.computeIfAbsent(d.role(), role -> {
            for (Department dep : data.departments()) {
                if (SigningDepartments.signsFor(dep.name(), role) && !dep.headName().isBlank()) return dep.headName() + ", " + dep.name();
            }
            return role.label() + " (" + role.department() + ", no head named)";
        });
    }

    /** The rows of one bucket. */
    public List<Row> bucket(Urgency urgency) {
        return rows().stream().filter(r -> r.urgency() == urgency).toList();
    }

    public int count(Urgency urgency) {
        return (int) rows().stream().filter(r -> r.urgency() == urgency).count();
    }

    /** One bucket's rows grouped as chosen: by person (name order) or by shoot day (day order, no day last). */
    public Map<String, List<Row>> groups(Urgency urgency) {
        List<Row> inBucket = bucket(urgency);
        if (grouping.get() == Grouping.BY_PERSON) {
            Map<String, String> keys = new HashMap<>(); // each name normalised once, not at every comparison
            Map<String, List<Row>> byPerson = new TreeMap<>(Comparator.comparing((String n) -> keys.computeIfAbsent(n, Names::normalise))
                    .thenComparing(Comparator.naturalOrder()));
            for (Row r : inBucket) byPerson.computeIfAbsent(r.person(), k -> new ArrayList<>()).add(r);
            return byPerson;
        }
        Map<Integer, List<Row>> byDay = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Row r : inBucket) byDay.computeIfAbsent(r.due().shootDay(), k -> new ArrayList<>()).add(r);
        Map<String, List<Row>> out = new LinkedHashMap<>();
        byDay.forEach((day, list) -> out.put(dayLabel(day, session.schedule()), list));
        return out;
    }

    /** "Day 3 · Tue 12 May 2026", "Day 3 (no date)", or "No shoot day" for a scene not yet scheduled. */
    public static String dayLabel(Integer day, ShootSchedule schedule) {
        if (day == null) return "No shoot day";
        return schedule.dateOf(day).map(d -> "Day " + day + " · " + d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.getDefault()) + " " + DATE.format(d)).orElse("Day " + day + " (no date)");
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /**
     * Open signatures per shoot day, split by bucket, in day order: what the chart shows, so the producer sees where the
     * crunch is. Signatures whose scene has no shoot day are left out (they have no place on the shoot's time line).
     */
    public Map<Integer, Map<Urgency, Integer>> perShootDay() {
        Map<Integer, Map<Urgency, Integer>> out = new TreeMap<>();
        for (Row r : rows()) {
            Integer day = r.due().shootDay();
            if (day == null) continue;
            out.computeIfAbsent(day, k -> new EnumMap<>(Urgency.class)).merge(r.urgency(), 1, Integer::sum);
        }
        return out;
    }

    /** The line under the title. */
    public String summary() {
        if (!session.policyProblem().isEmpty()) {
            return "The studio policy stored in this production cannot be read: nothing is evaluated, so nothing shows as due.";
        }
        if (rows().isEmpty()) return "Nothing unsigned: every signature the policy asks for is given.";
        String s = plural(count(Urgency.OVERDUE), "signature") + " overdue · " + count(Urgency.DUE_THIS_WEEK) + " due this week · "
                + count(Urgency.LATER) + " later";
        int undated = count(Urgency.NO_DATE);
        if (undated > 0) s += " · " + undated + " with no shoot date (give their scenes a shoot day in Production)";
        return s + " · today is " + date(today());
    }

    static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** What the navigator shows beside "Due": signatures overdue or due this week. */
    public static int urgentCount(Session session, LocalDate today) {
        return session.urgentSignatures(today); // kept per shot by the session: the navigator asks after every edit
    }

    @Override
    public void addListener(InvalidationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        listeners.remove(listener);
    }

    private void changed(boolean data) {
        if (data) rows = null;
        for (InvalidationListener l : List.copyOf(listeners)) l.invalidated(this);
    }
}
