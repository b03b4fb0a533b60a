package org.clearframe.rules;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class WordingTest {

    @Test
    void oneOfAThingIsSingularAndEveryOtherCountIsPlural() {
        assertEquals("1 shot", Wording.count(1, "shot"));
        assertEquals("0 shots", Wording.count(0, "shot"));
        assertEquals("2 decisions", Wording.count(2, "decision"));
        assertEquals("1 sign-off", Wording.count(1, "sign-off"));
        assertEquals("3 sign-offs", Wording.count(3, "sign-off"));
        assertEquals("2 cast members", Wording.count(2, "cast member"));
        assertEquals("2 days off", Wording.count(2, "day off"));
        assertEquals("4 boxes", Wording.count(4, "box"));
        assertEquals("2 entries", Wording.count(2, "entry"));
        assertEquals("2 days", Wording.count(2, "day"));
        assertEquals("5 people", Wording.count(5, "person", "people"));
        assertEquals("1 person", Wording.count(1, "person", "people"));
    }

    @Test
    void timesFollowTheReadersLocaleAndZoneNotIso() {
        Instant when = Instant.parse("2026-03-03T14:05:00Z");
        String british = Wording.dateTime(when, Locale.UK, ZoneId.of("Europe/London"));
        String american = Wording.dateTime(when, Locale.US, ZoneId.of("America/New_York"));
        assertTrue(british.startsWith("3 Mar 2026"), british);
        assertTrue(british.contains("14:05"), british);
        assertTrue(american.startsWith("Mar 3, 2026"), american);
        assertTrue(american.contains("9:05"), american);
        assertFalse(british.contains("2026-03-03") || american.contains("2026-03-03"));
        assertEquals("3 Mar 2026", Wording.date(LocalDate.of(2026, 3, 3), Locale.UK));
        assertEquals("", Wording.date(null, Locale.UK));
    }
}
