package org.clearframe.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The shoot calendar and what hangs on it: the date of each shoot day (day 1, day 2, ...), the days off, the shoot day
 * each scene is scheduled on, and the due dates a producer set by hand on single shots. Due dates are computed from
 * this ({@code rules.DueDates}); nothing here is derived.
 */
public record ShootSchedule(SortedMap<Integer, LocalDate> shootDays, SortedSet<LocalDate> daysOff,
                            Map<UUID, Integer> sceneDays, Map<UUID, LocalDate> dueOverrides) {

    public static final ShootSchedule EMPTY = new ShootSchedule(null, null, null, null);

    public ShootSchedule {
        shootDays = shootDays == null ? new TreeMap<>() : new TreeMap<>(shootDays);
        daysOff = daysOff == null ? new TreeSet<>() : new TreeSet<>(daysOff);
        sceneDays = sceneDays == null ? Map.of() : Map.copyOf(sceneDays);
        dueOverrides = dueOverrides == null ? Map.of() : Map.copyOf(dueOverrides);
        shootDays = java.util.Collections.unmodifiableSortedMap(shootDays);
        daysOff = java.util.Collections.unmodifiableSortedSet(daysOff);
    }

    public Optional<LocalDate> dateOf(int day) {
        return Optional.ofNullable(shootDays.get(day));
    }

    /** The shoot day scene {@code sceneId} is scheduled on, if any. */
    public Optional<Integer> dayOf(UUID sceneId) {
        return Optional.ofNullable(sceneDays.get(sceneId));
    }

    /** The date of the scene's shoot day, when both the day and its date are known. */
    public Optional<LocalDate> shootDateOf(UUID sceneId) {
        return dayOf(sceneId).flatMap(this::dateOf);
    }

    public boolean isShootDate(LocalDate date) {
        return shootDays.containsValue(date);
    }

    public boolean isDayOff(LocalDate date) {
        return daysOff.contains(date);
    }

    public Set<LocalDate> shootDates() {
        return Set.copyOf(shootDays.values());
    }
}
