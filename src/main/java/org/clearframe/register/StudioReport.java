package org.clearframe.register;

import org.clearframe.store.register.Register;
import org.clearframe.store.register.RegisterException;
import org.clearframe.store.register.RegisterReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the studio's AI contact reads across every production in the register: open blocking flags, signatures
 * overdue by shoot date, signatures waiting on the contact, and the findings no single production can show.
 */
public record StudioReport(LocalDate today, List<Line> productions, List<Person> people, List<Tool> tools, List<OlderPolicy> olderPolicies) {

    /** Signatures still open this many days before the shoot are reported as due soon. */
    public static final int DUE_SOON_DAYS = 14;

    public StudioReport {
        productions = List.copyOf(productions);
        people = List.copyOf(people);
        tools = List.copyOf(tools);
        olderPolicies = List.copyOf(olderPolicies);
    }

    public enum Due { NO_DATE, LATER, DUE_SOON, OVERDUE, CLEAR }

    public record Line(UUID id, String title, String owner, LocalDate shootDate, String policy, int openBlocking, int openFlags,
                       int studioWaiting, Due due) {}

    /** One matched person (normalised name, plus union or agency id when recorded) used for likeness in more than one production. */
    public record Person(String name, String memberId, List<Use> uses) {
        public Person { uses = List.copyOf(uses); }
    }

    public record Use(UUID productionId, String title, int count) {}

    /** A tool whose vendor may train on uploads, and the productions using it. */
    public record Tool(String tool, List<Use> uses) {
        public Tool { uses = List.copyOf(uses); }
    }

    public record OlderPolicy(UUID productionId, String title, String policy, String version, String newest) {}

    public static StudioReport read(String address, LocalDate today) throws RegisterException {
        try (Register register = Register.connect(address)) {
            return of(register.report(), today);
        }
    }

    static StudioReport of(RegisterReport.Facts facts, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        Map<String, String> newest = new LinkedHashMap<>();
        for (RegisterReport.ProductionLine p : facts.productions()) {
            newest.merge(p.policyName(), p.policyVersion(), (a, b) -> Versions.COMPARATOR.compare(a, b) >= 0 ? a : b);
            if (p.newerPolicy() != null) newest.merge(p.policyName(), p.newerPolicy(), (a, b) -> Versions.COMPARATOR.compare(a, b) >= 0 ? a : b);
        }
        List<OlderPolicy> older = new ArrayList<>();
        for (RegisterReport.ProductionLine p : facts.productions()) {
            lines.add(new Line(p.id(), p.title(), p.owner(), p.shootDate(), p.policyName() + " " + p.policyVersion(), p.openBlocking(), p.openFlags(),
                    p.studioWaiting(), due(p, today)));
            String top = newest.get(p.policyName());
            if (Versions.COMPARATOR.compare(p.policyVersion(), top) < 0) {
                older.add(new OlderPolicy(p.id(), p.title(), p.policyName(), p.policyVersion(), top));
            }
        }
        return new StudioReport(today, lines, people(facts.likeness()), tools(facts.training()), older);
    }

    private static Due due(RegisterReport.ProductionLine p, LocalDate today) {
        if (p.openFlags() == 0) return Due.CLEAR;
        if (p.shootDate() == null) return Due.NO_DATE;
        if (!p.shootDate().isAfter(today)) return Due.OVERDUE;
        if (!p.shootDate().isAfter(today.plusDays(DUE_SOON_DAYS))) return Due.DUE_SOON;
        return Due.LATER;
    }

    /**
     * People with the same normalised name are one person, unless both carry a union or agency id and the ids
     * differ; a row without an id joins the one person of its name (or each, when ids split the name).
     */
    static List<Person> people(List<RegisterReport.LikenessUse> rows) {
        Map<String, List<RegisterReport.LikenessUse>> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.computeIfAbsent(r.nameKey(), k -> new ArrayList<>()).add(r));
        List<Person> out = new ArrayList<>();
        for (List<RegisterReport.LikenessUse> same : byName.values()) {
            List<String> ids = same.stream().map(RegisterReport.LikenessUse::memberId).filter(Objects::nonNull).distinct().toList();
            List<String> groups = ids.isEmpty() ? java.util.Collections.singletonList(null) : ids;
            for (String id : groups) {
                List<Use> uses = same.stream().filter(r -> r.memberId() == null || r.memberId().equals(id))
                        .map(r -> new Use(r.productionId(), r.title(), r.uses())).toList();
                if (uses.stream().map(Use::productionId).distinct().count() > 1) out.add(new Person(same.get(0).name().strip(), id, uses));
            }
        }
        return out;
    }

    static List<Tool> tools(List<RegisterReport.TrainingTool> rows) {
        Map<String, List<RegisterReport.TrainingTool>> byTool = new LinkedHashMap<>();
        rows.forEach(r -> byTool.computeIfAbsent(r.toolKey(), k -> new ArrayList<>()).add(r));
        return byTool.values().stream().map(list -> new Tool(list.get(0).tool().isBlank() ? "(no tool named)" : list.get(0).tool(),
                list.stream().map(r -> new Use(r.productionId(), r.title(), r.uses())).toList())).toList();
    }

    /** Productions with at least one open blocking flag. */
    public List<Line> blocked() {
        return productions.stream().filter(l -> l.openBlocking() > 0).toList();
    }

    public List<Line> waitingOnStudio() {
        return productions.stream().filter(l -> l.studioWaiting() > 0).toList();
    }

    public List<Line> overdue() {
        return productions.stream().filter(l -> l.due() == Due.OVERDUE || l.due() == Due.DUE_SOON)
                .sorted(Comparator.comparing(Line::shootDate)).toList();
    }

    /** True when anything needs the studio's attention (the command line exits 1 then). */
    public boolean hasFindings() {
        return !blocked().isEmpty() || !waitingOnStudio().isEmpty() || !people.isEmpty() || !tools.isEmpty() || !olderPolicies.isEmpty();
    }
}
