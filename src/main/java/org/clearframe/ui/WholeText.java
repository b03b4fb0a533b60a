package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Keeps words whole: a label, button or check box that does not wrap never gets narrower than its text (layouts
 * wrap or scroll instead), and a table column never gets narrower than its header. Applied to every view as it is
 * loaded, so a new page gets it without remembering to.
 */
final class WholeText {
    private WholeText() {}

    /** Room a column header needs beside its text: the label's padding and the sort arrow. */
    private static final double HEADER_PADDING = 26;

    static <T extends Node> T keep(T node) {
        if (node instanceof Labeled labeled && !(node instanceof IndexedCell<?>)) {
            // one line: never narrower than its text; wrapped: never shorter than its lines
            if (!labeled.isWrapText() && labeled.getMinWidth() == Region.USE_COMPUTED_SIZE) labeled.setMinWidth(Region.USE_PREF_SIZE);
            if (labeled.isWrapText() && labeled.getMinHeight() == Region.USE_COMPUTED_SIZE) labeled.setMinHeight(Region.USE_PREF_SIZE);
            if (labeled.getGraphic() != null) keep(labeled.getGraphic());
        }
        if (node instanceof TableView<?> table) fitHeaders(table.getColumns());
        if (node instanceof TreeTableView<?> table) fitHeaders(table.getColumns());
        if (node instanceof org.controlsfx.control.CheckComboBox<?> box) DropDowns.wideEnough(box);
        if (node instanceof ColorPicker) return node; // its label is a swatch, sized by the picker
        // containers whose content becomes their child only once their skin exists
        if (node instanceof SplitPane split) split.getItems().forEach(WholeText::keep);
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) keep(scroll.getContent());
        if (node instanceof TitledPane titled && titled.getContent() != null) keep(titled.getContent());
        if (node instanceof TabPane tabs) tabs.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> keep(t.getContent()));
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) keep(child);
        }
        return node;
    }

    private static void fitHeaders(List<? extends TableColumnBase<?, ?>> columns) {
        for (TableColumnBase<?, ?> column : columns) {
            if (!column.getColumns().isEmpty()) {
                fitHeaders(column.getColumns());
                continue;
            }
            if (column.getText() == null || column.getText().isBlank()) continue;
            double needed = Math.ceil(textWidth(column.getText()) + HEADER_PADDING);
            if (column.getMinWidth() < needed) column.setMinWidth(needed);
            if (column.getPrefWidth() < needed) column.setPrefWidth(needed);
        }
    }

    /** The width of a header's text in the stylesheet's bold header font. */
    static double textWidth(String text) {
        return textWidth(text, 13);
    }

    /** The width of {@code text} in the stylesheet's bold font at {@code size} px. */
    static double textWidth(String text, double size) {
        Text t = new Text(text);
        t.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, size));
        return t.getLayoutBounds().getWidth();
    }
}
