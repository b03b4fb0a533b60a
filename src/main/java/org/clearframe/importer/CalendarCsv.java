package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;
import org.clearframe.model.ShootSchedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A shoot calendar from a spreadsheet: one row per day, {@code day,date[,off]}. A shoot day gives its number and date
 * ({@code 1,2027-03-01}); a day off gives no number, a date and {@code off} ({@code ,2027-03-06,off}). A first row whose
 * first cell is not a number is a header. The whole file is checked before anything is used: one bad row refuses it,
 * naming the row, so a calendar is never half imported.
 */
public final class CalendarCsv {

    /** More rows than any shoot has days (over 13 years of them): anything larger is not a calendar. */
    static final int MAX_ROWS = 5_000;
    private static final Set<String> OFF = Set.of("off", "yes", "y", "true", "1", "x", "day off");
    private static final Set<String> NOT_OFF = Set.of("", "no", "n", "false", "0", "shoot");

    private CalendarCsv() {}

    /** Reads {@code file} as a calendar: only shoot days and days off are set in the result. */
    public static ShootSchedule read(Path file) throws ImportException {
        String name = SourceText.name(file);
        return parse(SourceText.read(file, "shoot calendar", true), name, file);
    }

    static ShootSchedule parse(String text, String name, Path file) throws ImportException {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.FormatException e) {
            throw new ImportException(Problem.MALFORMED, file, name + " is not a readable CSV file (" + e.getMessage() + ").", e);
        }
        SortedMap<Integer, LocalDate> days = new TreeMap<>();
        TreeSet<LocalDate> off = new TreeSet<>();
        TreeMap<LocalDate, Integer> dayOfDate = new TreeMap<>();
        int used = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i).stream().map(String::strip).toList();
            int line = i + 1;
            if (row.stream().allMatch(String::isEmpty)) continue;
            if (used == 0 && days.isEmpty() && off.isEmpty() && isHeader(row)) continue;
            if (++used > MAX_ROWS) throw bad(file, name, line, "more than " + MAX_ROWS + " rows; a shoot calendar has one row per day");
            for (int c = 3; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) throw bad(file, name, line, "has more than three cells; write day,date and, for a day off, off");
            }
            String dayText = row.get(0);
            String dateText = row.size() > 1 ? row.get(1) : "";
            String offText = row.size() > 2 ? row.get(2).toLowerCase(Locale.ROOT) : "";
            LocalDate date = date(dateText, file, name, line);
            boolean isOff;
            if (OFF.contains(offText)) isOff = true;
            else if (NOT_OFF.contains(offText)) isOff = false;
            else throw bad(file, name, line, "\"" + shown(row.get(2)) + "\" in the third column; write off for a day off, or leave it empty");
            if (isOff) {
                if (!dayText.isEmpty()) throw bad(file, name, line, "is a day off but gives shoot day " + shown(dayText) + "; leave the day empty for a day off");
                if (dayOfDate.containsKey(date)) throw bad(file, name, line, date + " is shoot day " + dayOfDate.get(date) + " and cannot also be a day off");
                if (!off.add(date)) throw bad(file, name, line, date + " is listed as a day off twice");
                continue;
            }
            int day = day(dayText, file, name, line);
            if (days.containsKey(day)) throw bad(file, name, line, "shoot day " + day + " is listed twice");
            if (dayOfDate.containsKey(date)) throw bad(file, name, line, date + " is already shoot day " + dayOfDate.get(date));
            if (off.contains(date)) throw bad(file, name, line, date + " is a day off and cannot also be shoot day " + day);
            days.put(day, date);
            dayOfDate.put(date, day);
        }
        if (days.isEmpty() && off.isEmpty()) throw new ImportException(Problem.EMPTY, file, name + " lists no shoot day and no day off.");
        // Shoot days follow one another: a later day on an earlier date is a typing mistake, not a schedule.
        Integer previous = null;
        for (var e : days.entrySet()) {
            if (previous != null && !e.getValue().isAfter(days.get(previous))) {
                throw new ImportException(Problem.MALFORMED, file, name + ": shoot day " + e.getKey() + " (" + e.getValue() + ") is not after shoot day "
                        + previous + " (" + days.get(previous) + "). Shoot days are numbered in date order.");
            }
            previous = e.getKey();
        }
        return new ShootSchedule(days, off, null, null);
    }

    private static boolean isHeader(List<String> row) {
        return !row.get(0).isEmpty() && !row.get(0).chars().allMatch(Character::isDigit)
                && (row.size() < 2 || !looksLikeDate(row.get(1)));
    }

    private static boolean looksLikeDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static int day(String text, Path file, String name, int line) throws ImportException {
        if (text.isEmpty()) throw bad(file, name, line, "has a date but no shoot day; write the day's number, or off in the third column for a day off");
        if (text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(file, name, line, "\"" + shown(text) + "\" is not a shoot day number; write 1, 2, 3 and so on");
        }
        int day = Integer.parseInt(text);
        if (day < 1) throw bad(file, name, line, "shoot days are numbered from 1");
        return day;
    }

    private static LocalDate date(String text, Path file, String name, int line) throws ImportException {
        if (text.isEmpty()) throw bad(file, name, line, "has no date; write it as YYYY-MM-DD, e.g. 2027-03-01");
        try {
            if (text.length() != 10) throw new DateTimeParseException("not ten characters", text, 0);
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 1900 || d.getYear() > 2200) throw bad(file, name, line, d + " is not a date a shoot falls on");
            return d;
        } catch (DateTimeParseException e) {
            throw bad(file, name, line, "\"" + shown(text) + "\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01");
        }
    }

    private static ImportException bad(Path file, String name, int line, String problem) {
        return new ImportException(Problem.MALFORMED, file, name + ", row " + line + ": " + problem + ". Nothing was imported.");
    }

    /** A cell as it may be shown in a message: short, and without control or format characters. */
    private static String shown(String s) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .limit(40).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.codePointCount(0, s.length()) > 40 ? clean + "..." : clean;
    }
}
