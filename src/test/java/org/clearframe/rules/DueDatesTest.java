package org.clearframe.rules;

import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.model.Role;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Due dates from the shoot calendar: working days skip weekends and days off but count shoot days, hours count calendar
 * days, a shot's own due date wins, and urgency is judged against a given today. The seeded properties check the
 * definition over generated calendars; each case names its seed ({@code new Gen(seed)} rebuilds it).
 */
class DueDatesTest {

    private static final LocalDate MON_1_MARCH = LocalDate.of(2027, 3, 1);

    private static ShootSchedule calendar(Map<Integer, LocalDate> days, Set<LocalDate> off, Map<UUID, Integer> scenes, Map<UUID, LocalDate> due) {
        return new ShootSchedule(new TreeMap<>(days), new TreeSet<>(off), scenes, due);
    }

    private static Rule rule(String id, LeadTime lead) {
        return new Rule(id, "t", "e", new Trigger(null, null, null, null, null, null, null, null, null, null, null), List.of(Role.DIRECTOR),
                Severity.BLOCKING, List.of(), lead);
    }

    private static Flag flag(Rule rule, Shot shot, SignatureState state) {
        return new Flag(rule, shot.id(), shot.aiUses().isEmpty() ? null : shot.aiUses().get(0), "why",
                List.of(new RequiredSignature(Role.DIRECTOR, null, "", state, null)));
    }

    @Test
    void workingDaysSkipWeekendsAndDaysOffButCountShootDays() {
        // A six-day shoot week: Saturday 6 March is shoot day 6, Wednesday 3 March is a day off.
        ShootSchedule s = calendar(Map.of(1, MON_1_MARCH, 6, LocalDate.of(2027, 3, 6), 7, LocalDate.of(2027, 3, 8)),
                Set.of(LocalDate.of(2027, 3, 3)), Map.of(), Map.of());
        LocalDate day7 = LocalDate.of(2027, 3, 8);
        // Back from Monday 8 March: Sat 6 (shoot), Fri 5, Thu 4, (Wed 3 off), Tue 2, Mon 1.
        assertEquals(LocalDate.of(2027, 3, 1), LeadTime.workingDays(5).dueBefore(day7, s));
        assertEquals(LocalDate.of(2027, 3, 6), LeadTime.workingDays(1).dueBefore(day7, s));
        // Without the day off and the Saturday shoot, Monday 8 March minus 5 working days is Monday 1 March too, but minus 4 is Tuesday.
        assertEquals(LocalDate.of(2027, 3, 2), LeadTime.workingDays(4).dueBefore(day7, ShootSchedule.EMPTY));
        assertEquals(LocalDate.of(2027, 3, 4), LeadTime.workingDays(3).dueBefore(day7, s));
    }

    @Test
    void hoursCountWholeCalendarDaysAndAreNeverDueOnTheShootDay() {
        assertEquals(LocalDate.of(2027, 2, 27), LeadTime.hours(48).dueBefore(MON_1_MARCH, ShootSchedule.EMPTY));
        assertEquals(LocalDate.of(2027, 2, 26), LeadTime.hours(49).dueBefore(MON_1_MARCH, ShootSchedule.EMPTY));
        assertEquals(LocalDate.of(2027, 2, 28), LeadTime.hours(1).dueBefore(MON_1_MARCH, ShootSchedule.EMPTY));
    }

    @Test
    void builtInLeadTimesFollowTheCatalogueAndAPolicysOwnWins() {
        assertEquals(LeadTime.hours(48), LeadTime.of(rule("SCAN-NOTICE", null)));
        assertEquals(LeadTime.workingDays(1), LeadTime.of(rule("CONSENT-NOT-COVERED", null)));
        assertEquals(LeadTime.workingDays(5), LeadTime.of(rule("VFX-GEN-FINAL", null)));
        assertEquals(LeadTime.workingDays(10), LeadTime.of(rule("SCAN-NOTICE", LeadTime.workingDays(10))));
        assertThrows(IllegalArgumentException.class, () -> LeadTime.workingDays(0));
        assertThrows(IllegalArgumentException.class, () -> LeadTime.hours(LeadTime.MAX_HOURS + 1));
    }

    @Test
    void urgencyAgainstTodayAndTheShotsOwnDueDate() {
        UUID scene = UUID.randomUUID();
        Shot shot = Shot.numbered(scene, "1", "x");
        ShootSchedule s = calendar(Map.of(1, MON_1_MARCH), Set.of(), Map.of(scene, 1), Map.of());
        Rule r = rule("VFX-GEN-FINAL", null);
        DueDates.Due due = DueDates.of(shot, flag(r, shot, SignatureState.MISSING), flag(r, shot, SignatureState.MISSING).signatures().get(0), s);
        assertEquals(LocalDate.of(2027, 2, 22), due.dueOn());
        assertEquals(DueDates.Basis.LEAD_TIME, due.basis());
        assertEquals(DueDates.Urgency.OVERDUE, due.urgency(LocalDate.of(2027, 2, 23)));
        assertEquals(DueDates.Urgency.DUE_THIS_WEEK, due.urgency(LocalDate.of(2027, 2, 22)));
        assertEquals(DueDates.Urgency.LATER, due.urgency(LocalDate.of(2027, 2, 16)), "on Tuesday, next Monday is next week");
        assertEquals(DueDates.Urgency.LATER, due.urgency(LocalDate.of(2027, 2, 21)), "on Sunday too");
        assertEquals(DueDates.Urgency.LATER, due.urgency(LocalDate.of(2027, 2, 14)));
        assertTrue(due.dueWithin(LocalDate.of(2027, 2, 20), 2));
        assertFalse(due.dueWithin(LocalDate.of(2027, 2, 20), 1));

        Flag signed = flag(r, shot, SignatureState.APPROVED);
        DueDates.Due done = DueDates.of(shot, signed, signed.signatures().get(0), s);
        assertEquals(DueDates.Urgency.SIGNED, done.urgency(LocalDate.of(2027, 3, 30)));
        assertFalse(done.dueWithin(LocalDate.of(2027, 3, 30), 100), "a signed signature is never due");

        ShootSchedule set = calendar(Map.of(1, MON_1_MARCH), Set.of(), Map.of(scene, 1), Map.of(shot.id(), LocalDate.of(2027, 1, 15)));
        DueDates.Due byHand = DueDates.of(shot, flag(r, shot, SignatureState.STALE), flag(r, shot, SignatureState.STALE).signatures().get(0), set);
        assertEquals(LocalDate.of(2027, 1, 15), byHand.dueOn());
        assertEquals(DueDates.Basis.SET_ON_SHOT, byHand.basis());

        ShootSchedule noDate = calendar(Map.of(), Set.of(), Map.of(scene, 4), Map.of());
        DueDates.Due none = DueDates.of(shot, flag(r, shot, SignatureState.MISSING), flag(r, shot, SignatureState.MISSING).signatures().get(0), noDate);
        assertNull(none.dueOn());
        assertEquals(4, none.shootDay());
        assertEquals(DueDates.Urgency.NO_DATE, none.urgency(MON_1_MARCH));
    }

    static LongStream seeds() {
        return Gen.seeds(0xD0E5L, 300);
    }

    /** A calendar of a few weeks from a random Monday, with random days off (never on a shoot day) and some Saturday shoots. */
    private static ShootSchedule randomCalendar(Gen g) {
        LocalDate start = LocalDate.of(2027, 1, 4).plusWeeks(g.between(0, 40));
        TreeMap<Integer, LocalDate> days = new TreeMap<>();
        TreeSet<LocalDate> off = new TreeSet<>();
        int day = 1;
        for (LocalDate d = start.minusWeeks(3); d.isBefore(start.plusWeeks(6)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!d.isBefore(start) && (!weekend || g.chance(0.2)) && !g.chance(0.1)) days.put(day++, d);
            else if (!weekend && g.chance(0.15)) off.add(d);
        }
        return new ShootSchedule(days, off, Map.of(), Map.of());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aWorkingDayLeadLeavesExactlyThatManyWorkingDaysBeforeTheShoot(long seed) {
        Gen g = new Gen(seed);
        ShootSchedule s = randomCalendar(g);
        if (s.shootDays().isEmpty()) return;
        LocalDate shoot = g.pick(List.copyOf(s.shootDays().values()));
        int n = g.between(1, 12);
        LocalDate due = LeadTime.workingDays(n).dueBefore(shoot, s);
        assertTrue(due.isBefore(shoot), "due before the shoot day");
        assertTrue(LeadTime.isWorkingDay(due, s), "due on a working day: " + due);
        int working = 0;
        for (LocalDate d = due; d.isBefore(shoot); d = d.plusDays(1)) if (LeadTime.isWorkingDay(d, s)) working++;
        assertEquals(n, working, "working days from the due date up to the shoot day");
        // More lead never gives a later date; a day off added never moves the due date later.
        assertFalse(LeadTime.workingDays(n + 1).dueBefore(shoot, s).isAfter(due));
        TreeSet<LocalDate> moreOff = new TreeSet<>(s.daysOff());
        LocalDate extra = due.plusDays(g.between(0, 3));
        if (!s.isShootDate(extra)) moreOff.add(extra);
        ShootSchedule withOff = new ShootSchedule(s.shootDays(), moreOff, Map.of(), Map.of());
        assertFalse(LeadTime.workingDays(n).dueBefore(shoot, withOff).isAfter(due), "a day off only ever pulls the due date earlier");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void urgencyPartitionsTheOpenSignaturesAndTheWindowIsMonotonic(long seed) {
        Gen g = new Gen(seed);
        ShootSchedule s = randomCalendar(g);
        if (s.shootDays().isEmpty()) return;
        UUID scene = UUID.randomUUID();
        int day = g.pick(List.copyOf(s.shootDays().keySet()));
        ShootSchedule scheduled = new ShootSchedule(s.shootDays(), s.daysOff(), Map.of(scene, day), Map.of());
        Shot shot = Shot.numbered(scene, "1", "x");
        Rule r = rule("R", g.chance(0.5) ? LeadTime.hours(g.between(1, 200)) : LeadTime.workingDays(g.between(1, 15)));
        Flag f = flag(r, shot, SignatureState.MISSING);
        DueDates.Due due = DueDates.of(shot, f, f.signatures().get(0), scheduled);
        LocalDate today = due.dueOn().plusDays(g.between(-20, 20));
        DueDates.Urgency u = due.urgency(today);
        assertEquals(due.dueOn().isBefore(today), u == DueDates.Urgency.OVERDUE);
        assertNotEquals(DueDates.Urgency.NO_DATE, u);
        int window = g.between(0, 30);
        if (due.dueWithin(today, window)) assertTrue(due.dueWithin(today, window + 1));
        assertEquals(!due.dueOn().isAfter(today.plusDays(window)), due.dueWithin(today, window));
        if (u == DueDates.Urgency.DUE_THIS_WEEK) assertTrue(due.dueWithin(today, 6));
    }
}
