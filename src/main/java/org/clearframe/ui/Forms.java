package org.clearframe.ui;

import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/**
 * Form fields save as the producer leaves them (Enter or moving focus), like a spreadsheet: there is no
 * Save button because every edit is already written to the production file.
 */
final class Forms {
    private Forms() {}

    static void onCommit(Runnable commit, TextInputControl... fields) {
        for (TextInputControl field : fields) {
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) commit.run();
            });
            if (field instanceof TextField text) text.setOnAction(e -> commit.run());
        }
    }

    static void onCommit(Runnable commit, ComboBoxBase<?>... boxes) {
        for (ComboBoxBase<?> box : boxes) box.setOnAction(e -> commit.run());
    }

    /**
     * Makes a text column editable in place: the typed text (never null) becomes an edited row through
     * {@code edit}, which {@code save} then checks and writes.
     */
    static <R> void editableText(javafx.scene.control.TableColumn<R, String> column,
                                 java.util.function.BiFunction<R, String, R> edit, java.util.function.Consumer<R> save) {
        column.setCellFactory(c -> new CommittingTextCell<>((row, text) -> save.accept(edit.apply(row, text))));
    }

    /** Parses a number typed by a person ("4.5", "4,5", "") into seconds; blank means 0. */
    static double seconds(String text) {
        String t = text == null ? "" : text.trim().replace(',', '.').replaceFirst("\\s*s(ec(onds?)?)?$", "");
        if (t.isEmpty()) return 0;
        double v = Double.parseDouble(t);
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException("not a duration");
        return v;
    }

    static String seconds(double value) {
        if (value == 0) return "";
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
