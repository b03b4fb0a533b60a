package org.clearframe.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks for dialog fields: each field has a label beside it that says what is wrong, and {@link #invalid}
 * keeps the dialog's OK button off until every field is right. (ControlsFX's decorations wrap the scene's
 * root, which clashes with Dialog, so dialogs use this instead.)
 */
final class FieldChecks {

    /** Returns null when the text is fine, else the reason in plain words. */
    interface Check extends Function<String, String> {}

    private record Entry(TextInputControl field, Label message, Check check) {}

    /** Holds a message's line open while there is nothing to say. */
    static final String RESERVED = "\u00A0";

    private final List<Entry> entries = new ArrayList<>();
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper();

    void add(TextInputControl field, Label message, Check check) {
        entries.add(new Entry(field, message, check));
        message.getStyleClass().add("field-error");
        field.textProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    static Check required(String reason) {
        return text -> text == null || text.isBlank() ? reason : null;
    }

    ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    void refresh() {
        boolean bad = false;
        for (Entry e : entries) {
            String reason = e.check().apply(e.field().getText());
            // The line under the field is kept when empty, so fields below do not jump while the producer types.
            e.message().setText(reason == null ? RESERVED : reason);
            e.message().setVisible(reason != null);
            bad |= reason != null;
        }
        invalid.set(bad);
    }
}
