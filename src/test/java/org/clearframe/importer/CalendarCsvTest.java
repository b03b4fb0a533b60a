package org.clearframe.importer;

import org.clearframe.model.ShootSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/** The shoot calendar from a spreadsheet: what it accepts, and each kind of bad file refused whole with the row named. */
class CalendarCsvTest {

    @TempDir Path dir;

    private ShootSchedule read(String text) throws ImportException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private ShootSchedule read(byte[] bytes) throws ImportException {
        Path file = dir.resolve("days.csv");
        try {
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return CalendarCsv.read(file);
    }

    private String refused(String text) {
        ImportException e = assertThrows(ImportException.class, () -> read(text), text);
        assertTrue(e.getMessage().startsWith("days.csv"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsDaysAndDaysOffWithOrWithoutAHeader() throws Exception {
        ShootSchedule s = read("Day,Date,Off\n1,2027-03-01\n2,2027-03-02\n,2027-03-03,off\n\n3,2027-03-04,\n");
        assertEquals(3, s.shootDays().size());
        assertEquals(LocalDate.of(2027, 3, 4), s.dateOf(3).orElseThrow());
        assertTrue(s.isDayOff(LocalDate.of(2027, 3, 3)));
        assertEquals(s, read("1;2027-03-01\r\n2;2027-03-02\r\n;2027-03-03;OFF\r\n3;2027-03-04\r\n"), "semicolons and CRLF as spreadsheets write them");
        assertEquals(s, read("\uFEFF1,2027-03-01\n2,2027-03-02\n,2027-03-03,yes\n3,2027-03-04\n"), "a byte order mark");
        assertTrue(read(",2027-12-25,off\n").shootDays().isEmpty(), "only days off is a calendar too");
    }

    @Test
    void everyMistakeIsRefusedNamingItsRow() {
        assertTrue(refused("1,2027-03-01\n2,2027-02-28\n").contains("not after shoot day 1"));
        assertTrue(refused("1,2027-03-01\n1,2027-03-02\n").contains("row 2: shoot day 1 is listed twice"));
        assertTrue(refused("1,2027-03-01\n2,2027-03-01\n").contains("already shoot day 1"));
        assertTrue(refused("1,2027-03-01\n,2027-03-01,off\n").contains("cannot also be a day off"));
        assertTrue(refused(",2027-03-01,off\n1,2027-03-01\n").contains("is a day off and cannot also be shoot day 1"));
        assertTrue(refused("4,2027-03-06,off\n").contains("leave the day empty"));
        assertTrue(refused("1,2027-03-01,maybe\n").contains("\"maybe\" in the third column"));
        assertTrue(refused("1,2027-02-29\n").contains("not a date"));
        assertTrue(refused("1,01/03/2027\n").contains("not a date; write it as YYYY-MM-DD"));
        assertTrue(refused("1,+99999-01-01\n").contains("not a date"));
        assertTrue(refused("1,0999-01-01\n").contains("not a date a shoot falls on"));
        assertTrue(refused("0,2027-03-01\n").contains("numbered from 1"));
        assertTrue(refused("99999999999999999999,2027-03-01\n").contains("not a shoot day number"));
        assertTrue(refused("1,2027-03-01,,extra\n").contains("more than three cells"));
        assertTrue(refused("1\n").contains("has no date"));
        assertTrue(refused("Day,Date\n").contains("lists no shoot day"));
        assertTrue(refused("1,\"2027-03-01\n").contains("not a readable CSV"));
        String control = refused("1\u202E,2027-03-01\n");
        assertFalse(control.contains("\u202E"), "a bidirectional control is not printed back: " + control);
    }

    @Test
    void binaryAndHugeFilesAreRefusedBeforeParsing() throws Exception {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0};
        assertThrows(ImportException.class, () -> read(zip));
        StringBuilder many = new StringBuilder();
        LocalDate d = LocalDate.of(1990, 1, 1);
        for (int i = 1; i <= CalendarCsv.MAX_ROWS + 1; i++, d = d.plusDays(1)) many.append(i).append(',').append(d).append('\n');
        String message = refused(many.toString());
        assertTrue(message.contains("more than " + CalendarCsv.MAX_ROWS + " rows"), message);
    }
}
