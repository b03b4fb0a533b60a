package org.clearframe.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks what a window shows and lists what a person could not read: a label, button, menu or chip whose text is
 * cut (its skin shows an ellipsis or less than the text), and a control that lies partly outside the window.
 * Cells of long tables and lists are left out (a long description may be cut there by design) unless
 * {@code cellsToo} names their style class; what scrolls is checked for truncation but not for bounds.
 */
final class LayoutCheck {
    private LayoutCheck() {}

    /** The problems in {@code scene} as "what: why" lines; empty when everything can be read. */
    static List<String> problems(Scene scene, String... cellsToo) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), scene, false, List.of(cellsToo), problems);
        return problems;
    }

    private static void walk(Node node, Scene scene, boolean scrolls, List<String> cellsToo, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        // a colour picker's label is a swatch by design
        if (node instanceof Labeled labeled && !(node.getParent() instanceof javafx.scene.control.ColorPicker) && (!(node instanceof IndexedCell<?>) || cellsToo.stream().anyMatch(c -> node.getStyleClass().contains(c)))) {
            String why = truncated(labeled);
            if (why != null) problems.add(describe(labeled) + ": " + why);
        }
        if (!scrolls && node.isManaged() && !(node instanceof Text)) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0
                    && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1)) {
                problems.add(describe(node) + ": outside the window (" + round(b) + " in " + scene.getWidth() + "x" + scene.getHeight() + ")");
            }
        }
        if (node instanceof Parent parent) {
            // what scrolls (a scroll pane, a list's rows, a table's columns with their headers) may lie outside
            boolean inner = scrolls || node instanceof ScrollPane || node instanceof VirtualFlow<?>
                    || node instanceof javafx.scene.control.skin.TableHeaderRow;
            for (Node child : parent.getChildrenUnmodifiable()) walk(child, scene, inner, cellsToo, problems);
        }
    }

    /** Why the labeled's text is not shown whole, or null when it is. */
    static String truncated(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getSkin() == null) return null;
        String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        Text shown = shownText(labeled);
        if (shown == null) {
            // a menu bar's button draws its text with a labeled of its own, which is checked in its place
            if (labeled.getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof Labeled)) return null;
            if (labeled.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) return null;
            return "its text is not shown";
        }
        String got = shown.getText() == null ? "" : shown.getText();
        if (got.equals(expected)) return null;
        // A wrapping label may show the text on several lines; only a cut one differs from the text.
        if (got.replaceAll("\\s+", " ").strip().equals(expected.replaceAll("\\s+", " ").strip())) return null;
        return "shows \"" + got + "\" of \"" + expected + "\"";
    }

    /** The skin's text node (a LabeledText, style class "text") directly under the labeled. */
    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) return t;
        }
        // a titled pane draws its title inside its title bar
        if (labeled instanceof javafx.scene.control.TitledPane) {
            Node title = labeled.lookup(".title");
            if (title instanceof Parent bar) {
                for (Node child : bar.getChildrenUnmodifiable()) if (child instanceof Text t) return t;
            }
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        if (node instanceof Labeled l && l.getText() != null) path.append(" \"").append(l.getText()).append('"');
        if (node.getId() != null) path.append(" #").append(node.getId());
        Node up = node.getParent();
        for (int i = 0; i < 3 && up != null; i++, up = up.getParent()) {
            path.append(" < ").append(up.getClass().getSimpleName()).append(up.getId() == null ? "" : "#" + up.getId());
        }
        return path.toString();
    }

    private static String round(Bounds b) {
        return String.format("%.0f,%.0f %.0fx%.0f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
