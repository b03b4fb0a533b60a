package org.clearframe.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.clearframe.model.Contact;
import org.clearframe.model.Department;
import org.clearframe.model.ShootSchedule;
import org.clearframe.rules.ShootCalendar;
import org.clearframe.store.StoreException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.ui.SessionState.find;
import static org.clearframe.ui.SessionState.replaceOrAdd;

/**
 * Edits of the shoot calendar (day dates, days off, each scene's day, due dates set by hand) and of the contact
 * details of cast and department heads. Both are read from the store the first time a page asks; each edit writes
 * its own transaction first.
 */
final class ScheduleEditor {

    private final SessionState state;
    private final ObjectProperty<ShootSchedule> schedule = new SimpleObjectProperty<>();
    private final ObservableMap<UUID, Contact> contacts = FXCollections.observableHashMap();

    ScheduleEditor(SessionState state) {
        this.state = state;
    }

    private void read() {
        if (schedule.get() != null) return;
        try {
            contacts.putAll(state.store.schedule().contacts());
            reread();
        } catch (StoreException e) {
            throw new IllegalStateException("Could not read the shoot calendar: " + e.getMessage(), e);
        }
    }

    /** The calendar as the file now has it, after an edit; due dates follow it. */
    private void reread() throws StoreException {
        ShootSchedule now = state.store.schedule().schedule();
        state.flags.scheduleChanged(); // before the views hear of it, so that they count against the new calendar
        schedule.set(now);
    }

    ObjectProperty<ShootSchedule> scheduleProperty() {
        read();
        return schedule;
    }

    ShootSchedule schedule() {
        return scheduleProperty().get();
    }

    ObservableMap<UUID, Contact> contacts() {
        read();
        return contacts;
    }

    /** Dates shoot day {@code day} ({@code null} takes it off the calendar); refused when it breaks the calendar's order. */
    void setShootDay(int day, LocalDate date) throws StoreException {
        ShootSchedule before = schedule();
        LocalDate was = before.shootDays().get(day);
        if (Objects.equals(was, date)) return;
        Optional<String> problem = date == null ? Optional.empty() : ShootCalendar.problemWith(before, day, date);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        writeShootDay(day, date);
        state.record(date == null ? "Remove shoot day " + day : "Date shoot day " + day, () -> writeShootDay(day, was), () -> writeShootDay(day, date));
    }

    private void writeShootDay(int day, LocalDate date) throws StoreException {
        state.store.schedule().setShootDay(day, date);
        reread();
    }

    /** Marks {@code date} as a day off (or a working day again); a shoot day cannot be a day off. */
    void setDayOff(LocalDate date, boolean off) throws StoreException {
        if (schedule().isDayOff(date) == off) return;
        if (off && schedule().isShootDate(date)) throw new IllegalArgumentException(date + " is a shoot day; move that day first.");
        writeDayOff(date, off);
        state.record(off ? "Add day off" : "Remove day off", () -> writeDayOff(date, !off), () -> writeDayOff(date, off));
    }

    private void writeDayOff(LocalDate date, boolean off) throws StoreException {
        state.store.schedule().setDayOff(date, off);
        reread();
    }

    /** Schedules a scene on shoot day {@code day} ({@code null} unschedules it). */
    void setSceneDay(UUID sceneId, Integer day) throws StoreException {
        Integer was = schedule().sceneDays().get(sceneId);
        if (Objects.equals(was, day)) return;
        writeSceneDay(sceneId, day);
        state.record("Schedule scene", () -> writeSceneDay(sceneId, was), () -> writeSceneDay(sceneId, day));
    }

    private void writeSceneDay(UUID sceneId, Integer day) throws StoreException {
        state.store.schedule().setSceneDay(sceneId, day);
        reread();
    }

    /** Sets a shot's due date by hand ({@code null} goes back to the one the lead times give). */
    void setDueDate(UUID shotId, LocalDate due) throws StoreException {
        LocalDate was = schedule().dueOverrides().get(shotId);
        if (Objects.equals(was, due)) return;
        writeDueDate(shotId, due);
        state.record(due == null ? "Clear due date" : "Set due date", () -> writeDueDate(shotId, was), () -> writeDueDate(shotId, due));
    }

    private void writeDueDate(UUID shotId, LocalDate due) throws StoreException {
        state.store.schedule().setDueDate(shotId, due);
        reread();
    }

    /** Replaces the day dates and days off with an imported calendar (one transaction, one undo step). */
    void importCalendar(ShootSchedule imported) throws StoreException {
        ShootSchedule before = schedule();
        writeCalendar(imported.shootDays(), imported.daysOff());
        state.record("Import shoot calendar", () -> writeCalendar(before.shootDays(), before.daysOff()),
                () -> writeCalendar(imported.shootDays(), imported.daysOff()));
    }

    private void writeCalendar(Map<Integer, LocalDate> days, Set<LocalDate> off) throws StoreException {
        state.store.schedule().replaceCalendar(days, off);
        reread();
    }

    /** Records a cast member's or a department head's e-mail and phone; a department's e-mail is its own column too. */
    void setContact(Contact contact) throws StoreException {
        Contact before = contacts().getOrDefault(contact.ownerId(), new Contact(contact.ownerId(), "", ""));
        if (before.equals(contact)) return;
        writeContact(contact);
        state.record("Edit contact details", () -> writeContact(before), () -> writeContact(contact));
    }

    private void writeContact(Contact contact) throws StoreException {
        state.store.schedule().setContact(contact);
        if (contact.isEmpty()) contacts.remove(contact.ownerId()); else contacts.put(contact.ownerId(), contact);
        Department d = find(state.departments, contact.ownerId(), Department::id);
        if (d != null && !d.email().equals(contact.email())) {
            replaceOrAdd(state.departments, new Department(d.id(), d.name(), d.headName(), contact.email(), d.colour()), Department::id);
        }
    }
}
