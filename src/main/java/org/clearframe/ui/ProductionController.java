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

    private final Session session;
    private final DialogService dialogs;

    ProductionController(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
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
