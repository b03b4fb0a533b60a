package org.clearframe.rules;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.ShootSchedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When each required signature is due: before its shot's shoot day (the shoot day of the shot's scene, dated by the
 * shoot calendar), by the rule's {@link LeadTime}, unless the producer set the shot's due date by hand. A flag that only
 * a record closes (a consent that covers the use) is due the same way, as one entry without a role.
 */
public final class DueDates {

    private DueDates() {}

    /** Where a due date came from. */
    public enum Basis { LEAD_TIME, SET_ON_SHOT, NONE }

    /** Where an unsigned signature stands against {@code today}. */
    public enum Urgency {
        SIGNED("Signed"), OVERDUE("Overdue"), DUE_THIS_WEEK("Due this week"), LATER("Later"), NO_DATE("No shoot date");

        private final String label;
        Urgency(String label) { this.label = label; }
        public String label() { return label; }
    }

    /**
     * One signature's due date. {@code role} is null for a flag only a record closes. {@code dueOn}, {@code shootDay} and
     * {@code shootDate} are null where the schedule does not say; {@code open} is whether it still needs someone.
     */
    public record Due(UUID shotId, String ruleId, Role role, UUID subjectId, String subjectName, boolean open,
                      Integer shootDay, LocalDate shootDate, LocalDate dueOn, LeadTime leadTime, Basis basis) {

        public Urgency urgency(LocalDate today) {
            if (!open) return Urgency.SIGNED;
            if (dueOn == null) return Urgency.NO_DATE;
            if (dueOn.isBefore(today)) return Urgency.OVERDUE;
            LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            return dueOn.isAfter(endOfWeek) ? Urgency.LATER : Urgency.DUE_THIS_WEEK;
        }

        /** Unsigned and due on or before {@code today + days} (overdue included). */
        public boolean dueWithin(LocalDate today, int days) {
            return open && dueOn != null && !dueOn.isAfter(today.plusDays(days));
        }

        /** "VFX supervisor" or "Affected performer: Zoë Niño"; "a record in the production" for a record-only flag. */
        public String who() {
            if (role == null) return "a record in the production";
            return subjectName == null || subjectName.isBlank() ? role.label() : role.label() + ": " + subjectName;
        }
    }

    /** The due date of one signature of {@code flag} on {@code shot}. */
    public static Due of(Shot shot, Flag flag, RequiredSignature signature, ShootSchedule schedule) {
        return due(shot, flag, signature.role(), signature.subjectId(), signature.subjectName(), signature.state().open(), schedule);
    }

    /** The due date of a flag only a record closes. */
    public static Due ofRecord(Shot shot, Flag flag, ShootSchedule schedule) {
        return due(shot, flag, null, null, "", flag.open(), schedule);
    }

    /** Every signature's due date (and every record-only flag's), in shot order then flag order. */
    public static List<Due> all(ProductionData data, Map<UUID, List<Flag>> flags, ShootSchedule schedule) {
        List<Due> out = new ArrayList<>();
        for (Shot shot : data.shots()) out.addAll(forShot(shot, flags.getOrDefault(shot.id(), List.of()), schedule));
        return out;
    }

    /** One shot's signatures' due dates (and its record-only flags'), in flag order: what {@link #all} lists for it. */
    public static List<Due> forShot(Shot shot, List<Flag> flags, ShootSchedule schedule) {
        List<Due> out = new ArrayList<>();
        for (Flag f : flags) {
            if (f.needsRecord()) out.add(ofRecord(shot, f, schedule));
            for (RequiredSignature s : f.signatures()) out.add(of(shot, f, s, schedule));
        }
        return out;
    }

    private static Due due(Shot shot, Flag flag, Role role, UUID subjectId, String subjectName, boolean open, ShootSchedule schedule) {
        Integer day = schedule.dayOf(shot.sceneId()).orElse(null);
        LocalDate shootDate = day == null ? null : schedule.dateOf(day).orElse(null);
        LeadTime lead = LeadTime.of(flag.rule());
        LocalDate set = schedule.dueOverrides().get(shot.id());
        if (set != null) return new Due(shot.id(), flag.rule().id(), role, subjectId, subjectName, open, day, shootDate, set, lead, Basis.SET_ON_SHOT);
        if (shootDate == null) return new Due(shot.id(), flag.rule().id(), role, subjectId, subjectName, open, day, null, null, lead, Basis.NONE);
        return new Due(shot.id(), flag.rule().id(), role, subjectId, subjectName, open, day, shootDate,
                lead.dueBefore(shootDate, schedule), lead, Basis.LEAD_TIME);
    }
}
