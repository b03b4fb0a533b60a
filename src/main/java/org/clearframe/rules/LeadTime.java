package org.clearframe.rules;

import org.clearframe.model.ShootSchedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * How long before a shot's shoot day a rule's signatures are due: a number of working days, or a notice period in hours
 * (48 hours' notice before a scan). A policy rule may give its own ({@code "leadTime"}); one that does not gets
 * {@link #defaultFor}.
 *
 * <p>Working days: a shoot day is always one; otherwise Monday to Friday, except the calendar's days off. Hours count
 * whole calendar days, as the scan-notice check does (Clearframe records dates, not times): 48 hours is due two days
 * before the shoot day. A signature is always due before its shoot day, never on it.
 */
public record LeadTime(Kind kind, int amount) {

    public enum Kind { WORKING_DAYS, HOURS }

    /** Longest lead time a policy may give: a year of working days, or of hours in days. */
    public static final int MAX_WORKING_DAYS = 260;
    public static final int MAX_HOURS = 366 * 24;

    /** Five working days: the lead time of any rule that gives none. */
    public static final LeadTime DEFAULT = workingDays(5);

    /**
     * Lead times for Clearframe's own rule ids where the policy gives none: a scan needs 48 hours' notice (SAG-AFTRA), and
     * a performer's consent is needed before their material is processed, which starts on the shoot day, so it is due by
     * the working day before.
     */
    private static final Map<String, LeadTime> BUILT_IN = Map.of(
            "SCAN-NOTICE", hours(48),
            "REPLICA-EMPLOYMENT", hours(48),
            "CONSENT-NOT-COVERED", workingDays(1),
            "UPLOAD-LIKENESS", workingDays(1),
            "MINOR-REPLICA", workingDays(1));

    public LeadTime {
        if (kind == null) throw new IllegalArgumentException("a lead time is in working days or hours");
        int max = kind == Kind.WORKING_DAYS ? MAX_WORKING_DAYS : MAX_HOURS;
        if (amount < 1 || amount > max) {
            throw new IllegalArgumentException("a lead time runs from 1 to " + max + (kind == Kind.WORKING_DAYS ? " working days" : " hours"));
        }
    }

    public static LeadTime workingDays(int n) {
        return new LeadTime(Kind.WORKING_DAYS, n);
    }

    public static LeadTime hours(int n) {
        return new LeadTime(Kind.HOURS, n);
    }

    /** The rule's own lead time, else Clearframe's for that rule id, else {@link #DEFAULT}. */
    public static LeadTime of(Rule rule) {
        return rule.leadTime() != null ? rule.leadTime() : defaultFor(rule.id());
    }

    public static LeadTime defaultFor(String ruleId) {
        return BUILT_IN.getOrDefault(ruleId, DEFAULT);
    }

    /** The last day a signature can be given for a shot shot on {@code shootDate}. */
    public LocalDate dueBefore(LocalDate shootDate, ShootSchedule schedule) {
        if (kind == Kind.HOURS) return shootDate.minusDays(Math.max(1, (amount + 23) / 24));
        LocalDate day = shootDate;
        int found = 0;
        // Days off are finite and at most two days in seven are weekend, so this ends within amount * 3.5 days plus the days off.
        while (found < amount) {
            day = day.minusDays(1);
            if (isWorkingDay(day, schedule)) found++;
        }
        return day;
    }

    public static boolean isWorkingDay(LocalDate day, ShootSchedule schedule) {
        if (schedule.isDayOff(day)) return false;
        if (schedule.isShootDate(day)) return true;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** "5 working days", "48 hours". */
    public String describe() {
        return amount + (kind == Kind.WORKING_DAYS ? (amount == 1 ? " working day" : " working days") : (amount == 1 ? " hour" : " hours"));
    }
}
