package org.clearframe.ui;

import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.Flag;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The due dates of the open signatures, kept shot by shot as shots are re-checked, so that the navigator's count of
 * what is overdue or due this week is read off a handful of dates instead of working out every shot's due dates
 * after each edit. The dates do not depend on today, so the count stays right as days pass.
 */
final class DueTally {

    private final Map<UUID, List<LocalDate>> byShot = new HashMap<>();
    private final TreeMap<LocalDate, Integer> dates = new TreeMap<>();

    /** Takes a shot's open due dates again ({@code shot} null: the shot is gone). */
    void update(UUID shotId, Shot shot, List<Flag> flags, ShootSchedule schedule) {
        List<LocalDate> old = byShot.remove(shotId);
        if (old != null) for (LocalDate d : old) dates.computeIfPresent(d, (k, n) -> n == 1 ? null : n - 1);
        if (shot == null || flags.isEmpty()) return;
        List<LocalDate> open = new ArrayList<>();
        for (DueDates.Due d : DueDates.forShot(shot, flags, schedule)) if (d.open() && d.dueOn() != null) open.add(d.dueOn());
        if (open.isEmpty()) return;
        byShot.put(shotId, open);
        for (LocalDate d : open) dates.merge(d, 1, Integer::sum);
    }

    /** Open signatures overdue or due this week (by Sunday), as the Due page buckets them. */
    int urgent(LocalDate today) {
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        int n = 0;
        for (int count : dates.headMap(endOfWeek, true).values()) n += count;
        return n;
    }
}
