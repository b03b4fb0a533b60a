package org.clearframe.store;

import org.clearframe.model.Contact;
import org.clearframe.model.ShootSchedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The shoot calendar of an open production (V8): the date of each shoot day, the days off, each scene's shoot day, the
 * due dates set on single shots; and the contact details of cast and department heads. Every write is one transaction.
 */
public final class ScheduleRepository {

    private final ProductionStore store;

    ScheduleRepository(ProductionStore store) {
        this.store = store;
    }

    /** The schedule as the file holds it; rows a reader cannot read (not written by Clearframe) are left out. */
    public ShootSchedule schedule() throws StoreException {
        return store.readForProofs(c -> {
            SortedMap<Integer, LocalDate> days = new TreeMap<>();
            TreeSet<LocalDate> off = new TreeSet<>();
            Map<UUID, Integer> scenes = new HashMap<>();
            Map<UUID, LocalDate> due = new HashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT day, shoot_date FROM shoot_day ORDER BY day")) {
                    while (r.next()) {
                        LocalDate d = date(r.getString(2));
                        if (d != null) days.put(r.getInt(1), d);
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT off_date FROM day_off")) {
                    while (r.next()) {
                        LocalDate d = date(r.getString(1));
                        if (d != null) off.add(d);
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT scene_id, day FROM scene_shoot_day")) {
                    while (r.next()) {
                        UUID id = uuid(r.getString(1));
                        if (id != null) scenes.put(id, r.getInt(2));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT shot_id, due_on FROM shot_due_date")) {
                    while (r.next()) {
                        UUID id = uuid(r.getString(1));
                        LocalDate d = date(r.getString(2));
                        if (id != null && d != null) due.put(id, d);
                    }
                }
            }
            return new ShootSchedule(days, off, scenes, due);
        });
    }

    /** Replaces the whole calendar (shoot days and days off) with {@code days} and {@code daysOff}, all or nothing. */
    public void replaceCalendar(Map<Integer, LocalDate> days, Set<LocalDate> daysOff) throws StoreException {
        store.writeForProofs(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM shoot_day");
                s.execute("DELETE FROM day_off");
            }
            for (Map.Entry<Integer, LocalDate> e : new TreeMap<>(days).entrySet()) setDay(c, e.getKey(), e.getValue());
            for (LocalDate d : new TreeSet<>(daysOff)) setOff(c, d, true);
            return null;
        });
    }

    /** Sets the date of shoot day {@code day}; {@code null} removes the day from the calendar. */
    public void setShootDay(int day, LocalDate date) throws StoreException {
        store.writeForProofs(c -> {
            if (date == null) run(c, "DELETE FROM shoot_day WHERE day = ?", day);
            else setDay(c, day, date);
            return null;
        });
    }

    public void setDayOff(LocalDate date, boolean off) throws StoreException {
        store.writeForProofs(c -> {
            setOff(c, date, off);
            return null;
        });
    }

    /** Schedules a scene on shoot day {@code day}; {@code null} unschedules it. */
    public void setSceneDay(UUID sceneId, Integer day) throws StoreException {
        store.writeForProofs(c -> {
            if (day == null) run(c, "DELETE FROM scene_shoot_day WHERE scene_id = ?", sceneId.toString());
            else run(c, "INSERT INTO scene_shoot_day (scene_id, day) VALUES (?, ?) ON CONFLICT(scene_id) DO UPDATE SET day = excluded.day",
                    sceneId.toString(), day);
            return null;
        });
    }

    /** Sets a shot's due date by hand; {@code null} goes back to the one the lead times give. */
    public void setDueDate(UUID shotId, LocalDate due) throws StoreException {
        store.writeForProofs(c -> {
            if (due == null) run(c, "DELETE FROM shot_due_date WHERE shot_id = ?", shotId.toString());
            else run(c, "INSERT INTO shot_due_date (shot_id, due_on) VALUES (?, ?) ON CONFLICT(shot_id) DO UPDATE SET due_on = excluded.due_on",
                    shotId.toString(), due.toString());
            return null;
        });
    }

    /** Writes a whole schedule (import of a project file), replacing what is there. */
    public void replaceAll(ShootSchedule schedule) throws StoreException {
        store.writeForProofs(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"shoot_day", "day_off", "scene_shoot_day", "shot_due_date"}) s.execute("DELETE FROM " + table);
            }
            for (Map.Entry<Integer, LocalDate> e : schedule.shootDays().entrySet()) setDay(c, e.getKey(), e.getValue());
            for (LocalDate d : schedule.daysOff()) setOff(c, d, true);
            for (Map.Entry<UUID, Integer> e : schedule.sceneDays().entrySet()) {
                run(c, "INSERT INTO scene_shoot_day (scene_id, day) VALUES (?, ?)", e.getKey().toString(), e.getValue());
            }
            for (Map.Entry<UUID, LocalDate> e : schedule.dueOverrides().entrySet()) {
                run(c, "INSERT INTO shot_due_date (shot_id, due_on) VALUES (?, ?)", e.getKey().toString(), e.getValue().toString());
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ contacts

    /**
     * Contact details by owner id: every cast member and department with any recorded. A department head's e-mail is the
     * department's own {@code email} column (older files kept it there); the phone is in {@code contact}.
     */
    public Map<UUID, Contact> contacts() throws StoreException {
        return store.readForProofs(c -> {
            Map<UUID, String[]> raw = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT owner_id, email, phone FROM contact ORDER BY owner_id")) {
                    while (r.next()) {
                        UUID id = uuid(r.getString(1));
                        if (id != null) raw.put(id, new String[] {r.getString(2), r.getString(3)});
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT id, email FROM department ORDER BY position")) {
                    while (r.next()) {
                        UUID id = uuid(r.getString(1));
                        if (id == null) continue;
                        String[] row = raw.computeIfAbsent(id, k -> new String[] {"", ""});
                        row[0] = r.getString(2);
                    }
                }
            }
            Map<UUID, Contact> out = new LinkedHashMap<>();
            raw.forEach((id, row) -> {
                Contact contact = new Contact(id, row[0], row[1]);
                if (!contact.isEmpty()) out.put(id, contact);
            });
            return out;
        });
    }

    /** Records a cast member's or a department head's e-mail and phone (a department's e-mail goes on the department). */
    public void setContact(Contact contact) throws StoreException {
        store.writeForProofs(c -> {
            run(c, "UPDATE department SET email = ? WHERE id = ?", contact.email(), contact.ownerId().toString());
            run(c, "INSERT INTO contact (owner_id, email, phone) VALUES (?, ?, ?) ON CONFLICT(owner_id) DO UPDATE SET email = excluded.email, "
                    + "phone = excluded.phone", contact.ownerId().toString(), contact.email(), contact.phone());
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void setDay(Connection c, int day, LocalDate date) throws SQLException {
        run(c, "INSERT INTO shoot_day (day, shoot_date) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET shoot_date = excluded.shoot_date",
                day, date.toString());
    }

    private static void setOff(Connection c, LocalDate date, boolean off) throws SQLException {
        if (off) run(c, "INSERT OR IGNORE INTO day_off (off_date) VALUES (?)", date.toString());
        else run(c, "DELETE FROM day_off WHERE off_date = ?", date.toString());
    }

    static void run(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.executeUpdate();
        }
    }

    static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
