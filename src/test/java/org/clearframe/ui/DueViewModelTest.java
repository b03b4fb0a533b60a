package org.clearframe.ui;

import org.clearframe.model.Department;
import org.clearframe.model.Scene;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.rules.DueDates.Urgency;
import org.clearframe.rules.LeadTime;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The Due page's model on a real production with a shoot calendar, days off, lead times and a fixed today, without a window. */
class DueViewModelTest {

    @TempDir Path dir;

    private static final LocalDate DAY_1 = LocalDate.of(2026, 12, 10);  // a Thursday
    private static final LocalDate DAY_2 = LocalDate.of(2026, 12, 21);  // a Monday
    private static final LocalDate OFF = LocalDate.of(2026, 12, 8);     // a Tuesday off before day 1
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);   // a Thursday

    @Test
    void signaturesAreDueByTheLeadTimeBeforeTheShootDayCountingDaysOff() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("due.clearframe"))) {
            p.session.saveDepartment(new Department(java.util.UUID.randomUUID(), "VFX", "Ines Duarte", "ines@example.com", "#3366cc"));
            Scene cannery = p.scene("3", "CANNERY");
            Scene pier = p.scene("4", "PIER");
            Scene office = p.scene("5", "OFFICE");
            Shot collapse = p.withGenerativeVfx(p.shot(cannery, "1", "The roof gives way"));
            Shot wave = p.withGenerativeVfx(p.shot(pier, "1", "A wave over the pier"));
            Shot rushed = p.withGenerativeVfx(p.shot(pier, "2", "Spray, needed early"));
            p.withGenerativeVfx(p.shot(office, "1", "Rain on the window"));
            p.session.setShootDay(1, DAY_1);
            p.session.setShootDay(2, DAY_2);
            p.session.setDayOff(OFF, true);
            p.session.setSceneDay(cannery.id(), 1);
            p.session.setSceneDay(pier.id(), 2);
            p.session.setDueDate(rushed.id(), LocalDate.of(2026, 12, 5));
            DueViewModel model = new DueViewModel(p.session, () -> TODAY);

            // Five working days before Thursday 10 December, skipping the weekend and Tuesday 8 off: Wednesday 2.
            List<DueViewModel.Row> cannerySigs = rows(model, collapse);
            assertFalse(cannerySigs.isEmpty(), "precondition: the generative VFX needs signatures");
            for (DueViewModel.Row r : cannerySigs) {
                assertEquals(Urgency.OVERDUE, r.urgency(), r.toString());
                assertEquals(1, r.due().shootDay());
                if (LeadTime.of(r.flag().rule()).equals(LeadTime.DEFAULT)) assertEquals(LocalDate.of(2026, 12, 2), r.due().dueOn());
            }
            for (DueViewModel.Row r : rows(model, wave)) {
                assertEquals(Urgency.LATER, r.urgency());
                if (LeadTime.of(r.flag().rule()).equals(LeadTime.DEFAULT)) assertEquals(LocalDate.of(2026, 12, 14), r.due().dueOn());
            }
            for (DueViewModel.Row r : rows(model, rushed)) {
                assertEquals(Urgency.DUE_THIS_WEEK, r.urgency(), "a due date set on the shot wins over the lead time");
                assertEquals(LocalDate.of(2026, 12, 5), r.due().dueOn());
            }
            assertEquals(model.rows().size(), DueViewModel.BUCKETS.stream().mapToInt(model::count).sum(), "each open signature in one bucket");
            assertTrue(model.count(Urgency.NO_DATE) > 0, "scene 5 has no shoot day");
            assertEquals(model.count(Urgency.OVERDUE) + model.count(Urgency.DUE_THIS_WEEK), DueViewModel.urgentCount(p.session, TODAY));
            assertTrue(model.summary().startsWith(model.count(Urgency.OVERDUE) + " signature"), model.summary());

            // Grouped by person: the VFX supervisor's signatures wait on the head the production names.
            assertTrue(model.groups(Urgency.OVERDUE).containsKey("Ines Duarte, VFX"), model.groups(Urgency.OVERDUE).keySet().toString());
            model.groupingProperty().set(DueViewModel.Grouping.BY_SHOOT_DAY);
            assertEquals(List.of(DueViewModel.dayLabel(1, p.session.schedule())), List.copyOf(model.groups(Urgency.OVERDUE).keySet()));
            assertTrue(model.groups(Urgency.OVERDUE).keySet().iterator().next().startsWith("Day 1 · "));
            assertEquals(List.of("No shoot day"), List.copyOf(model.groups(Urgency.NO_DATE).keySet()));

            // The chart: open signatures per shoot day, by bucket; unscheduled scenes are not on the shoot's time line.
            Map<Integer, Map<Urgency, Integer>> chart = model.perShootDay();
            assertEquals(List.of(1, 2), List.copyOf(chart.keySet()));
            assertEquals(cannerySigs.size(), chart.get(1).get(Urgency.OVERDUE));
            assertEquals(rows(model, wave).size(), chart.get(2).get(Urgency.LATER));
            assertEquals(rows(model, rushed).size(), chart.get(2).get(Urgency.DUE_THIS_WEEK));
        }
    }

    @Test
    void calendarEditsMoveDueDatesAreCheckedAndUndone() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("edits.clearframe"))) {
            Scene cannery = p.scene("3", "CANNERY");
            Shot collapse = p.withGenerativeVfx(p.shot(cannery, "1", "The roof gives way"));
            p.session.setShootDay(1, DAY_1);
            p.session.setShootDay(2, DAY_2);
            p.session.setDayOff(OFF, true);
            p.session.setSceneDay(cannery.id(), 1);
            DueViewModel model = new DueViewModel(p.session, () -> TODAY);
            AtomicInteger rebuilt = new AtomicInteger();
            model.addListener(o -> rebuilt.incrementAndGet());
            assertTrue(rows(model, collapse).stream().allMatch(r -> r.urgency() == Urgency.OVERDUE));

            // Working on Tuesday 8 after all: the fifth working day back is Thursday 3, today, so it is due this week.
            p.session.setDayOff(OFF, false);
            assertTrue(rebuilt.get() >= 1, "the page rebuilds when the calendar changes");
            rows(model, collapse).stream().filter(r -> LeadTime.of(r.flag().rule()).equals(LeadTime.DEFAULT))
                    .forEach(r -> assertEquals(TODAY, r.due().dueOn()));
            assertTrue(rows(model, collapse).stream().noneMatch(r -> r.urgency() == Urgency.OVERDUE && LeadTime.of(r.flag().rule()).equals(LeadTime.DEFAULT)));
            assertFalse(onDisk(p).isDayOff(OFF), "the edit is in the file");

            p.session.undo();
            assertTrue(onDisk(p).isDayOff(OFF), "undo puts the day off back in the file");
            assertTrue(rows(model, collapse).stream().allMatch(r -> r.urgency() == Urgency.OVERDUE));

            // Shoot days are numbered in date order, and a day off is no shoot day: refused, nothing written.
            ShootSchedule before = onDisk(p);
            assertThrows(IllegalArgumentException.class, () -> p.session.setShootDay(2, LocalDate.of(2026, 12, 9)));
            assertThrows(IllegalArgumentException.class, () -> p.session.setShootDay(3, OFF));
            assertThrows(IllegalArgumentException.class, () -> p.session.setDayOff(DAY_1, true));
            assertEquals(before, onDisk(p));
            assertEquals(before, p.session.schedule());

            // A whole calendar imported replaces the old one as one undo step.
            p.session.importCalendar(new ShootSchedule(new java.util.TreeMap<>(Map.of(1, LocalDate.of(2027, 1, 11))), null, null, null));
            assertEquals(Map.of(1, LocalDate.of(2027, 1, 11)), onDisk(p).shootDays());
            assertTrue(rows(model, collapse).stream().allMatch(r -> r.urgency() == Urgency.LATER));
            p.session.undo();
            assertEquals(before.shootDays(), onDisk(p).shootDays());
        }
    }

    private static List<DueViewModel.Row> rows(DueViewModel model, Shot shot) {
        return model.rows().stream().filter(r -> r.shot().id().equals(shot.id())).toList();
    }

    private static ShootSchedule onDisk(OpenProduction p) throws Exception {
        try (ProductionStore reader = ProductionStore.openReadOnly(p.file)) {
            return reader.schedule().schedule();
        }
    }
}
