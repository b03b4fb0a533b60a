package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.Production;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** The production's header: title, format, studio and the people who answer for it. */
public final class ProductionController implements PageController {

    @FXML private TextField title, studio, producer, director;
    @FXML private ComboBox<Format> format;
    @FXML private ComboBox<Genre> genre;
    @FXML private DatePicker principalPhotography;
    @FXML private TextArea notes;

    private final ValidationSupport validation = new ValidationSupport();
    private boolean loading;

    /** One dated shoot day and the scenes scheduled on it. */
    record CalendarDay(int day, java.time.LocalDate date, String scenes) {}

    @FXML private javafx.scene.control.TableView<CalendarDay> calendar;
    @FXML private javafx.scene.control.TableColumn<CalendarDay, String> dayColumn, dateColumn, scenesColumn;
    @FXML private javafx.scene.control.Spinner<Integer> dayField, sceneDayField;
    @FXML private DatePicker dateField, offField;
    @FXML private ComboBox<org.clearframe.model.Scene> sceneField;
    @FXML private javafx.scene.control.Button removeDayButton, removeOffButton;
    @FXML private javafx.scene.control.Label daysOff;

    private final Session session;
    private final DialogService dialogs;
    private final UiTasks tasks;

    ProductionController(Session session, DialogService dialogs, UiTasks tasks) {
        this.session = session;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    @FXML
    private void initialize() {
        Styles.fill(format, Format.class);
        Styles.fill(genre, Genre.class);
        validation.registerValidator(title, Validator.createEmptyValidator("A production needs a title"));
        load(session.production());
        session.productionProperty().addListener((o, a, b) -> load(b));
        Forms.onCommit(this::commit, title, studio, producer, director, notes);
        Forms.onCommit(this::commit, format, genre, principalPhotography);
        initCalendar();
    }

    // ------------------------------------------------------------------------------------- shoot calendar

    private void initCalendar() {
        dayField.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 9999, 1));
        sceneDayField.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 9999, 1));
        dayColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(Integer.toString(c.getValue().day())));
        dateColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(DueViewModel.dayLabel(c.getValue().day(),
                session.schedule()).replaceFirst("^Day \\d+ · ", "")));
        scenesColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().scenes()));
        sceneField.setItems(session.scenes());
        sceneField.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(org.clearframe.model.Scene s) { return s == null ? "" : s.number() + "  " + s.set(); }
            @Override public org.clearframe.model.Scene fromString(String text) { return null; }
        });
        sceneField.valueProperty().addListener((o, a, scene) -> {
            if (scene != null) session.schedule().dayOf(scene.id()).ifPresent(d -> sceneDayField.getValueFactory().setValue(d));
        });
        calendar.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d == null) return;
            dayField.getValueFactory().setValue(d.day());
            dateField.setValue(d.date());
        });
        removeDayButton.disableProperty().bind(calendar.getSelectionModel().selectedItemProperty().isNull());
        session.scheduleProperty().addListener((o, a, b) -> showCalendar());
        session.scenes().addListener((javafx.beans.InvalidationListener) o -> showCalendar());
        showCalendar();
    }

    private void showCalendar() {
        org.clearframe.model.ShootSchedule s = session.schedule();
        java.util.List<CalendarDay> days = new java.util.ArrayList<>();
        s.shootDays().forEach((day, date) -> days.add(new CalendarDay(day, date, String.join(", ", session.scenes().stream()
                .filter(sc -> day.equals(s.sceneDays().get(sc.id()))).map(org.clearframe.model.Scene::number).toList()))));
        calendar.getItems().setAll(days);
        daysOff.setText(s.daysOff().isEmpty() ? "none" : String.join(", ", s.daysOff().stream().map(DueViewModel::date).toList()));
        dayField.getValueFactory().setValue(org.clearframe.rules.ShootCalendar.nextDay(s));
    }

    @FXML
    void setDate() {
        Integer day = dayField.getValue();
        java.time.LocalDate date = dateField.getValue();
        if (day == null || date == null) {
            dialogs.showError("Choose a day and a date", "Give the shoot day's number and the date it is shot on.");
            return;
        }
        dialogs.attempt("Could not date shoot day " + day, () -> session.setShootDay(day, date));
    }

    @FXML
    void removeDay() {
        CalendarDay d = calendar.getSelectionModel().getSelectedItem();
        if (d != null) dialogs.attempt("Could not remove shoot day " + d.day(), () -> session.setShootDay(d.day(), null));
    }

    @FXML
    void addDayOff() {
        if (offField.getValue() != null) dialogs.attempt("Could not add the day off", () -> session.setDayOff(offField.getValue(), true));
    }

    @FXML
    void removeDayOff() {
        if (offField.getValue() != null) dialogs.attempt("Could not remove the day off", () -> session.setDayOff(offField.getValue(), false));
    }

    @FXML
    void scheduleScene() {
        org.clearframe.model.Scene scene = sceneField.getValue();
        if (scene == null) {
            dialogs.showError("Choose a scene", "Pick the scene to put on a shoot day.");
            return;
        }
        dialogs.attempt("Could not schedule scene " + scene.number(), () -> session.setSceneDay(scene.id(), sceneDayField.getValue()));
    }

    @FXML
    void unscheduleScene() {
        org.clearframe.model.Scene scene = sceneField.getValue();
        if (scene != null) dialogs.attempt("Could not unschedule scene " + scene.number(), () -> session.setSceneDay(scene.id(), null));
    }

    /** Reads a day,date[,off] CSV (the command line's reader) off the FX thread; the session replaces the calendar, one undo step. */
    @FXML
    void importDays() {
        dialogs.chooseOpen(FileKind.SHOOT_CALENDAR).ifPresent(csv ->
                tasks.run("Reading " + csv.getFileName(), () -> org.clearframe.importer.CalendarCsv.read(csv))
                        .failureTitle("Could not import " + csv.getFileName())
                        .onSuccess(imported -> {
                            String what = DueViewModel.plural(imported.shootDays().size(), "shoot day") + " and "
                                    + imported.daysOff().size() + (imported.daysOff().size() == 1 ? " day off" : " days off");
                            if (session.schedule().shootDays().isEmpty() && session.schedule().daysOff().isEmpty()
                                    || dialogs.confirm("Replace the shoot calendar?", "The " + what + " in " + csv.getFileName()
                                    + " replace the calendar's days and days off (scenes keep their shoot day). Edit > Undo puts it back.", "Replace")) {
                                dialogs.attempt("Could not import " + csv.getFileName(), () -> session.importCalendar(imported));
                            }
                        }).start());
    }

    private void load(Production p) {
        loading = true;
        title.setText(p.title());
        format.setValue(p.format());
        genre.setValue(p.genre());
        studio.setText(p.studio());
        producer.setText(p.producer());
        director.setText(p.director());
        principalPhotography.setValue(p.principalPhotography());
        notes.setText(p.notes());
        loading = false;
    }

    private void commit() {
        if (loading || title.getText().isBlank()) return;
        Production p = session.production();
        Production next = new Production(p.id(), title.getText().strip(), format.getValue(), genre.getValue(), studio.getText().strip(),
                producer.getText().strip(), director.getText().strip(), principalPhotography.getValue(), notes.getText());
        dialogs.attempt("Could not save the production details", () -> session.updateProduction(next));
    }
}
