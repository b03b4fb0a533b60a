package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.importer.CalendarCsv;
import org.clearframe.importer.ImportException;
import org.clearframe.model.ShootSchedule;
import org.clearframe.rules.LeadTime;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * The shoot-calendar CSV on any bytes. Only {@link ImportException} may escape. Invariants of what it accepts: at least
 * one day; shoot days numbered from 1 in strictly increasing date order; no date both a shoot day and a day off; and a
 * due date can be computed before every shoot day with the longest lead time a policy may give.
 */
class CalendarCsvFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void calendar(byte[] input) {
        Path file = FuzzFiles.write("days.csv", input);
        ShootSchedule s;
        try {
            s = CalendarCsv.read(file);
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        if (s.shootDays().isEmpty() && s.daysOff().isEmpty()) throw new AssertionError("an empty calendar was accepted");
        LocalDate previous = null;
        for (Map.Entry<Integer, LocalDate> e : s.shootDays().entrySet()) {
            if (e.getKey() < 1) throw new AssertionError("shoot day " + e.getKey());
            if (previous != null && !e.getValue().isAfter(previous)) throw new AssertionError("days out of date order at day " + e.getKey());
            if (s.isDayOff(e.getValue())) throw new AssertionError(e.getValue() + " is both a shoot day and a day off");
            previous = e.getValue();
            LocalDate due = LeadTime.workingDays(LeadTime.MAX_WORKING_DAYS).dueBefore(e.getValue(), s);
            if (!due.isBefore(e.getValue())) throw new AssertionError("due on or after the shoot day");
        }
    }
}
