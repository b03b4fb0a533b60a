package org.clearframe.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.clearframe.model.Labelled;

import java.util.Arrays;
import java.util.Objects;

/** The stylesheet and the small bits of presentation shared by every view. */
public final class Styles {
    public static final String STYLESHEET = Objects.requireNonNull(Styles.class.getResource("clearframe.css")).toExternalForm();

    private Styles() {}

    /** Shows enum values by their label ("INT./EXT.") and parses labels back. */
    public static <E extends Enum<E> & Labelled> StringConverter<E> labels(Class<E> type) {
        return new StringConverter<>() {
            @Override public String toString(E value) {
                return value == null ? "" : value.label();
            }

            @Override public E fromString(String text) {
                return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(text)).findFirst().orElse(null);
            }
        };
    }

    public static <E extends Enum<E> & Labelled> void fill(ComboBox<E> box, Class<E> type) {
        box.getItems().setAll(type.getEnumConstants());
        box.setConverter(labels(type));
    }

    public static <E extends Enum<E> & Labelled> void fill(ChoiceBox<E> box, Class<E> type) {
        box.getItems().setAll(type.getEnumConstants());
        box.setConverter(labels(type));
    }
}
