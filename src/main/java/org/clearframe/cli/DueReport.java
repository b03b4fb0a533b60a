package org.clearframe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The due dates {@code check} reports: each signature's (and each record-only flag's) due date and where it stands
 * against today, counted for the summary, and the {@code --due-within} gate. Kept apart from CheckCommand so check's
 * own output code stays as it was.
 */
final class DueReport {

    private final ShootSchedule schedule;
    private final ProducerFacts facts;
    private final LocalDate today;
    private final Map<DueDates.Urgency, Integer> counts = new EnumMap<>(DueDates.Urgency.class);
    private final List<DueDates.Due> all;

    DueReport(ProductionData data, Map<UUID, List<Flag>> flags, ProducerFacts facts, LocalDate today) {
        this.facts = facts;
        this.schedule = facts.schedule();
        this.today = today;
        this.all = DueDates.all(data, flags, schedule);
        for (DueDates.Urgency u : DueDates.Urgency.values()) counts.put(u, 0);
        for (DueDates.Due d : all) counts.merge(d.urgency(today), 1, Integer::sum);
    }

    /** For a stale signature: what changed since it was signed, as one line (empty when the content signed was not kept). */
    java.util.Optional<String> changeLine(RequiredSignature s, Shot shot, ProductionData data) {
        if (s.state() != org.clearframe.rules.SignatureState.STALE || s.latestOrNull() == null) return java.util.Optional.empty();
        return facts.changesSince(s.latestOrNull(), shot, data).filter(c -> !c.isEmpty()).map(c -> String.join("; ", c));
    }

    /** {@code changes}: for a stale signature whose signed content is kept, the changes since, field by field; else null. */
    void putChanges(ObjectNode sig, RequiredSignature s, Shot shot, ProductionData data) {
        if (s.state() != org.clearframe.rules.SignatureState.STALE || s.latestOrNull() == null) {
            sig.putNull("changes");
            return;
        }
        var changes = facts.changesSince(s.latestOrNull(), shot, data);
        if (changes.isEmpty()) sig.putNull("changes");
        else changes.get().forEach(sig.putArray("changes")::add);
    }

    DueDates.Due of(Shot shot, Flag flag, RequiredSignature s) {
        return DueDates.of(shot, flag, s, schedule);
    }

    DueDates.Due ofRecord(Shot shot, Flag flag) {
        return DueDates.ofRecord(shot, flag, schedule);
    }

    /** How many open signatures are due on or before today + {@code days} (overdue ones included). */
    long dueWithin(int days) {
        return all.stream().filter(d -> d.dueWithin(today, days)).count();
    }

    int count(DueDates.Urgency u) {
        return counts.get(u);
    }

    /** ", due 2027-03-01 (overdue)" for an open signature with a due date; "" otherwise. */
    String text(DueDates.Due d) {
        if (!d.open() || d.dueOn() == null) return "";
        return ", due " + d.dueOn() + " (" + d.urgency(today).label().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    String summaryLine() {
        return "Due dates (today " + today + "): " + count(DueDates.Urgency.OVERDUE) + " overdue, " + count(DueDates.Urgency.DUE_THIS_WEEK)
                + " due this week, " + count(DueDates.Urgency.LATER) + " later, " + count(DueDates.Urgency.NO_DATE) + " with no shoot date.";
    }

    /** The {@code due} object of one signature or record-only flag in check --json. */
    void put(ObjectNode parent, DueDates.Due d) {
        ObjectNode o = parent.putObject("due");
        if (d.dueOn() == null) o.putNull("dueOn");
        else o.put("dueOn", d.dueOn().toString());
        if (d.shootDay() == null) o.putNull("shootDay");
        else o.put("shootDay", d.shootDay());
        if (d.shootDate() == null) o.putNull("shootDate");
        else o.put("shootDate", d.shootDate().toString());
        o.put("leadTime", d.leadTime().describe());
        o.put("basis", d.basis().name());
        o.put("urgency", d.urgency(today).name());
        o.put("overdue", d.urgency(today) == DueDates.Urgency.OVERDUE);
    }

    /** The summary's due counts and the top-level {@code today}. */
    void putSummary(ObjectNode root, ObjectNode summary, Integer dueWithinDays) {
        root.put("today", today.toString());
        summary.put("overdue", count(DueDates.Urgency.OVERDUE));
        summary.put("dueThisWeek", count(DueDates.Urgency.DUE_THIS_WEEK));
        summary.put("dueLater", count(DueDates.Urgency.LATER));
        summary.put("noDueDate", count(DueDates.Urgency.NO_DATE));
        if (dueWithinDays == null) summary.putNull("dueWithin");
        else {
            ObjectNode w = summary.putObject("dueWithin");
            w.put("days", dueWithinDays);
            w.put("open", dueWithin(dueWithinDays));
        }
    }
}
