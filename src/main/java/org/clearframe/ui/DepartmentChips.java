package org.clearframe.ui;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.clearframe.model.Department;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A shot's departments as coloured dots and names on one line, for a table row of fixed height: the names that fit
 * the column whole, then a dot alone for each of the others, whose names (with all the others) are in the tooltip.
 * A name is never cut short. The chips are made once and reused as the table scrolls: showing another shot changes
 * texts and colours only, so the chips are not styled again.
 */
final class DepartmentChips extends Region {

    private static final double GAP = 8, DOT_GAP = 4;

    private final List<Label> chips = new ArrayList<>();
    private final Tooltip names = new Tooltip();
    private int used;
    private boolean tooltipInstalled;

    DepartmentChips() {
        getStyleClass().add("department-chips");
    }

    /** Shows {@code departments} in their order; an empty list shows nothing. */
    void show(List<Department> departments) {
        while (chips.size() < departments.size()) {
            Label chip = new Label("", new Circle(4));
            chip.getStyleClass().add("department-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chips.add(chip);
            getChildren().add(chip);
        }
        for (int i = 0; i < departments.size(); i++) {
            Department d = departments.get(i);
            Label chip = chips.get(i);
            chip.setText(d.name());
            Circle dot = (Circle) chip.getGraphic();
            Color colour = ShotsController.colour(d.colour());
            if (!colour.equals(dot.getFill())) dot.setFill(colour);
        }
        for (int i = 0; i < chips.size(); i++) {
            boolean visible = i < departments.size();
            if (chips.get(i).isVisible() != visible) chips.get(i).setVisible(visible);
        }
        used = departments.size();
        names.setText(departments.stream().map(Department::name).collect(Collectors.joining("\n")));
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = snappedLeftInset() + snappedRightInset();
        for (int i = 0; i < used; i++) w += named(chips.get(i)) + (i > 0 ? GAP : 0);
        return w;
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = used == 0 ? 0 : chips.get(0).prefHeight(-1);
        return snappedTopInset() + snappedBottomInset() + h;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset(), top = snappedTopInset();
        double room = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double[] widths = new double[used];
        for (int i = 0; i < used; i++) widths[i] = named(chips.get(i));
        double dot = used == 0 ? 0 : ((Circle) chips.get(0).getGraphic()).getRadius() * 2;
        // the most names that fit whole, with a dot for each department after them
        int named = used;
        while (named > 0) {
            double w = 0;
            for (int i = 0; i < named; i++) w += widths[i] + (i > 0 ? GAP : 0);
            int dots = used - named;
            if (dots > 0) w += (named > 0 ? GAP : 0) + dots * dot + (dots - 1) * DOT_GAP;
            if (w <= room) break;
            named--;
        }
        double x = left;
        for (int i = 0; i < used; i++) {
            Label chip = chips.get(i);
            ContentDisplay display = i < named ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY;
            if (chip.getContentDisplay() != display) chip.setContentDisplay(display);
            double w = i < named ? Math.max(widths[i], chip.prefWidth(-1)) : dot;
            layoutInArea(chip, x, top, w, height, 0, HPos.LEFT, VPos.CENTER);
            x += w + (i < named ? GAP : DOT_GAP);
        }
        boolean hidden = named < used;
        if (hidden != tooltipInstalled) {
            if (hidden) Tooltip.install(this, names);
            else Tooltip.uninstall(this, names);
            tooltipInstalled = hidden;
        }
    }

    /** The chip's width with its name, whether or not it shows it now (a dot alone measures the name as its skin would). */
    private static double named(Label chip) {
        if (chip.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) return chip.prefWidth(-1);
        MEASURE.setFont(chip.getFont());
        MEASURE.setText(chip.getText());
        Node dot = chip.getGraphic();
        return chip.snappedLeftInset() + dot.prefWidth(-1) + chip.getGraphicTextGap() + Math.ceil(MEASURE.getLayoutBounds().getWidth())
                + chip.snappedRightInset() + 1;
    }

    /** Measures names off-screen (only on the FX thread, like every layout). */
    private static final Text MEASURE = new Text();
}
