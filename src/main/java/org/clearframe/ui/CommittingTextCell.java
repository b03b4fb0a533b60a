package org.clearframe.ui;

import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A table cell edited in place that keeps what was typed however the edit ends: Enter, Tab, a click on another
 * row or control, scrolling the cell away, or closing the window. Only Escape throws the typing away.
 *
 * <p>JavaFX's own {@code TextFieldTableCell} cancels the edit when focus leaves it (JDK-8089514, open since
 * 2011), so a producer who types a shot description and clicks the next row loses it without a word. A lost
 * edit is exactly what Clearframe promises never happens, hence this cell.
 */
final class CommittingTextCell<R> extends TableCell<R, String> {

    private final BiConsumer<R, String> save;
    private final TextField field = new TextField();
    private R row;
    private String original = "";
    private boolean discard;
    private boolean fromEditor;

    /** {@code save} receives the row as it was when editing began and the typed text, only when it changed. */
    CommittingTextCell(BiConsumer<R, String> save) {
        this.save = save;
        field.getStyleClass().add("cell-editor");
        field.setOnAction(e -> endFromEditor());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                discard = true;
                endFromEditor();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) endFromEditor();
        });
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) return;
        row = getTableRow() == null ? null : getTableRow().getItem();
        original = Objects.requireNonNullElse(getItem(), "");
        discard = false;
        field.setText(original);
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    /**
     * Every way an edit ends comes through here: Enter, focus moving on, the table starting another edit or
     * reusing this cell while scrolling. All of them keep the typed text, except Escape.
     */
    @Override
    public void cancelEdit() {
        if (!isEditing()) return;
        boolean keep = !discard;
        String typed = field.getText();
        R edited = row;
        super.cancelEdit();
        show(getItem(), isEmpty());
        if (!keep || edited == null || typed.equals(original)) return;
        // The table also ends edits while laying out reused cells, when the list must not change underfoot.
        if (fromEditor) save.accept(edited, typed);
        else Platform.runLater(() -> save.accept(edited, typed));
    }

    private void endFromEditor() {
        fromEditor = true;
        try {
            cancelEdit();
        } finally {
            fromEditor = false;
        }
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (!isEditing()) show(item, empty);
    }

    private void show(String item, boolean empty) {
        setGraphic(null);
        setText(empty ? null : item);
    }
}
