package org.clearframe.cli;

import org.clearframe.importer.CalendarCsv;
import org.clearframe.importer.ImportException;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.ScheduleRepository;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calendar FILE [ACTION]}: the shoot calendar that due dates are computed from. With no action it lists the
 * calendar; each action is one edit, checked whole before it is saved in its own transaction.
 */
final class CalendarCommand implements Command {

    private static final String NONE = "none";
    private static final java.util.Set<String> ACTIONS = java.util.Set.of("--import", "--set", "--off", "--on", "--scene", "--due");

    @Override public String name() { return "calendar"; }
    @Override public String usage() { return "calendar FILE [--import DAYS.csv | --set DAY DATE|none | --off DATE | --on DATE | "
            + "--scene SCENE DAY|none | --due SCENE/SHOT DATE|none]"; }
    @Override public String summary() { return "list or edit the shoot calendar: day dates (from a day,date[,off] CSV or one by one), "
            + "days off, each scene's shoot day, a shot's due date set by hand"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || Arguments.isOption(args.get(0))) return usageError(err, "name the production file first.");
        Path file = Path.of(args.get(0));
        List<String> rest = args.subList(1, args.size());
        for (String a : rest) {
            if (Arguments.isOption(a) && !ACTIONS.contains(a)) return usageError(err, "unknown option '" + a + "'.");
        }
        try {
            if (rest.isEmpty()) {
                list(file, out);
                return OK;
            }
            String action = rest.get(0);
            int values = switch (action) {
                case "--import", "--off", "--on" -> 1;
                case "--set", "--scene", "--due" -> 2;
                default -> -1;
            };
            if (values < 0) return usageError(err, Arguments.isOption(action) ? "unknown option '" + action + "'." : "unexpected argument '" + action + "'.");
            if (rest.size() != values + 1) return usageError(err, action + " takes " + (values == 1 ? "one value" : "two values") + ".");
            for (String v : rest.subList(1, rest.size())) if (v.startsWith("--")) return usageError(err, action + " needs a value, not " + v + ".");
            String first = rest.get(1), second = values == 2 ? rest.get(2) : null;
            ProductionData data = Projects.read(file);
            ShootSchedule now;
            try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
                now = reader.schedule().schedule();
            }
            // Everything is checked on a read-only copy first: a refused edit never opens the production for writing.
            Edit edit = switch (action) {
                case "--import" -> {
                    ShootSchedule imported = CalendarCsv.read(Path.of(first));
                    yield new Edit(s -> s.replaceCalendar(imported.shootDays(), imported.daysOff()), "Imported "
                            + count(imported.shootDays().size(), "shoot day") + " and " + count(imported.daysOff().size(), "day off")
                            + " from " + Path.of(first).getFileName() + "; the calendar before was replaced.");
                }
                case "--set" -> {
                    int day = day(first);
                    LocalDate date = NONE.equalsIgnoreCase(second) ? null : date(second);
                    if (date != null) checkDay(now, day, date);
                    yield new Edit(s -> s.setShootDay(day, date),
                            date == null ? "Shoot day " + day + " removed from the calendar." : "Shoot day " + day + " is " + date + ".");
                }
                case "--off", "--on" -> {
                    LocalDate date = date(first);
                    boolean off = action.equals("--off");
                    if (off && now.isShootDate(date)) throw new Refused(date + " is a shoot day; move that day first.");
                    yield new Edit(s -> s.setDayOff(date, off), date + (off ? " is a day off." : " is not a day off."));
                }
                case "--scene" -> {
                    Scene scene = scene(data, first);
                    Integer day = NONE.equalsIgnoreCase(second) ? null : day(second);
                    yield new Edit(s -> s.setSceneDay(scene.id(), day), "Scene " + scene.number() + (day == null ? " has no shoot day." : " is shot on day " + day
                            + now.dateOf(day).map(d -> " (" + d + ")").orElse(" (no date in the calendar yet)") + "."));
                }
                case "--due" -> {
                    Shot shot = shot(data, first);
                    LocalDate date = NONE.equalsIgnoreCase(second) ? null : date(second);
                    yield new Edit(s -> s.setDueDate(shot.id(), date),
                            "Shot " + first + (date == null ? ": due date from the policy's lead times." : " is due by " + date + ", set by hand."));
                }
                default -> throw new IllegalStateException(action);
            };
            try (ProductionStore store = ProductionStore.open(file)) {
                edit.apply().to(store.schedule());
            }
            out.println(edit.done());
            return OK;
        } catch (Refused e) {
            return usageError(err, e.getMessage());
        } catch (ImportException | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void list(Path file, PrintStream out) throws ProjectFileException, StoreException {
        ProductionData data = Projects.read(file);
        ShootSchedule s;
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            s = store.schedule().schedule();
        }
        out.println("Shoot calendar of " + data.production().title() + ": " + count(s.shootDays().size(), "shoot day") + ", "
                + count(s.daysOff().size(), "day off") + ".");
        for (Map.Entry<Integer, LocalDate> e : s.shootDays().entrySet()) {
            List<String> scenes = data.scenes().stream().filter(sc -> e.getKey().equals(s.sceneDays().get(sc.id()))).map(Scene::number).toList();
            out.println("  Day " + e.getKey() + "  " + e.getValue() + " " + e.getValue().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)
                    + (scenes.isEmpty() ? "" : "  scenes " + String.join(", ", scenes)));
        }
        for (LocalDate d : s.daysOff()) out.println("  Off    " + d);
        List<Scene> unscheduled = data.scenes().stream().filter(sc -> !sc.omitted() && !s.sceneDays().containsKey(sc.id())).toList();
        if (!unscheduled.isEmpty()) {
            out.println("Scenes with no shoot day: " + String.join(", ", unscheduled.stream().map(Scene::number).toList()));
        }
        for (Shot shot : data.shots()) {
            LocalDate due = s.dueOverrides().get(shot.id());
            if (due != null) out.println("Shot " + label(data, shot) + " due by " + due + " (set by hand)");
        }
    }

    /** A day's date must keep the days in date order and be neither a day off nor another day's date. */
    private static void checkDay(ShootSchedule s, int day, LocalDate date) throws Refused {
        if (s.isDayOff(date)) throw new Refused(date + " is a day off; mark it --on first.");
        for (Map.Entry<Integer, LocalDate> e : s.shootDays().entrySet()) {
            if (e.getKey() == day) continue;
            if (e.getValue().equals(date)) throw new Refused(date + " is already shoot day " + e.getKey() + ".");
            if (e.getKey() < day && !e.getValue().isBefore(date)) throw new Refused("shoot day " + e.getKey() + " is on " + e.getValue()
                    + ", so day " + day + " cannot be on " + date + ": shoot days are numbered in date order.");
            if (e.getKey() > day && !e.getValue().isAfter(date)) throw new Refused("shoot day " + e.getKey() + " is on " + e.getValue()
                    + ", so day " + day + " cannot be on " + date + ": shoot days are numbered in date order.");
        }
    }

    private static Scene scene(ProductionData data, String number) throws Refused {
        List<Scene> found = data.scenes().stream().filter(s -> s.number().strip().equalsIgnoreCase(number.strip())).toList();
        if (found.size() == 1) return found.get(0);
        throw new Refused(found.isEmpty() ? "there is no scene " + number + "." : "more than one scene is numbered " + number + ".");
    }

    private static Shot shot(ProductionData data, String label) throws Refused {
        int slash = label.lastIndexOf('/');
        if (slash < 0) throw new Refused("name the shot as SCENE/SHOT, e.g. 12A/3.");
        Scene scene = scene(data, label.substring(0, slash));
        String number = label.substring(slash + 1).strip();
        List<Shot> found = data.shotsOf(scene.id()).stream().filter(s -> s.number().strip().equalsIgnoreCase(number)).toList();
        if (found.size() != 1) throw new Refused("scene " + scene.number() + " has no shot " + number + ".");
        return found.get(0);
    }

    private static String label(ProductionData data, Shot shot) {
        return data.scene(shot.sceneId()).map(Scene::number).orElse("?") + "/" + shot.number();
    }

    private static int day(String text) throws Refused {
        try {
            int day = Integer.parseInt(text.strip());
            if (day < 1 || day > 9999) throw new Refused("shoot days are numbered from 1 to 9999, not " + day + ".");
            return day;
        } catch (NumberFormatException e) {
            throw new Refused("'" + text + "' is not a shoot day number.");
        }
    }

    static LocalDate date(String text) throws Refused {
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 1900 || d.getYear() > 2200) throw new Refused(d + " is not a date a shoot falls on.");
            return d;
        } catch (DateTimeParseException e) {
            throw new Refused("'" + text + "' is not a date; write it as YYYY-MM-DD.");
        }
    }

    static String count(int n, String what) {
        return n + " " + (n == 1 ? what : what.endsWith("day off") ? what.replace("day off", "days off") : what + "s");
    }

    /** One checked edit of the calendar, and what to say when it is saved. */
    private record Edit(Write apply, String done) {}

    @FunctionalInterface
    private interface Write {
        void to(ScheduleRepository schedule) throws StoreException;
    }

    /** An edit that does not fit the calendar: exit 2 with the reason, nothing saved. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

}
