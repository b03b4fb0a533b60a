package org.clearframe.ui;

import org.clearframe.model.Shot;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ShotNumbersTest {

    private static List<Shot> scene(String... numbers) {
        UUID scene = UUID.randomUUID();
        return Arrays.stream(numbers).map(n -> Shot.numbered(scene, n, "")).toList();
    }

    @Test
    void anInsertedShotSortsBetweenItsNeighbours() {
        assertEquals("2A", ShotNumbers.at(scene("1", "2", "3"), 2));
        assertEquals("2B", ShotNumbers.at(scene("1", "2", "2A", "3"), 3));
        assertEquals("4", ShotNumbers.at(scene("1", "2", "3"), 3), "at the end: the next whole number");
        assertEquals("1", ShotNumbers.at(scene(), 0));
        assertEquals("ZA", ShotNumbers.following("Z"));
        assertEquals("12", ShotNumbers.at(scene("1", "11B"), 2));
    }

    @Test
    void whereNoLetterFitsTheShotStillGetsAFreeNumber() {
        List<Shot> shots = scene("1", "1A", "2");
        String n = ShotNumbers.at(shots, 1);
        assertTrue(shots.stream().noneMatch(s -> s.number().equals(n)), n);
        assertEquals("3", ShotNumbers.at(scene("CU", "2"), 1), "a number that is not a number: the next whole one");
    }
}
