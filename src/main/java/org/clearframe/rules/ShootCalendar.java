package org.clearframe.rules;

import org.clearframe.model.ShootSchedule;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What keeps a shoot calendar sound: days numbered in date order, one date per day, no shoot day on a day off. */
public final class ShootCalendar {

    private ShootCalendar() {}

    /** Why shoot day {@code day} cannot fall on {@code date} in {@code schedule}, if it cannot. */
    public static Optional<String> problemWith(ShootSchedule schedule, int day, LocalDate date) {
        if (day < 1 || day > 9999) return Optional.of("Shoot days are numbered from 1 to 9999, not " + day + ".");
        if (schedule.isDayOff(date)) return Optional.of(date + " is a day off; make it a working day first.");
        for (Map.Entry<Integer, LocalDate> e : schedule.shootDays().entrySet()) {
            int other = e.getKey();
            if (other == day) continue;
            if (e.getValue().equals(date)) return Optional.of(date + " is already shoot day " + other + ".");
            boolean outOfOrder = other < day ? !e.getValue().isBefore(date) : !e.getValue().isAfter(date);
            if (outOfOrder) return Optional.of("Shoot day " + other + " is on " + e.getValue() + ", so day " + day + " cannot be on "
                    + date + ": shoot days are numbered in date order.");
        }
        return Optional.empty();
    }

    /** The next day number after the last one in the calendar (1 for an empty calendar). */
    public static int nextDay(ShootSchedule schedule) {
        return schedule.shootDays().isEmpty() ? 1 : schedule.shootDays().lastKey() + 1;
    }
}
