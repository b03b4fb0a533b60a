package org.clearframe.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;

/** Drop-down lists as wide as their longest item, however narrow the box that opens them. */
final class DropDowns {
    private DropDowns() {}

    /** Room beside an item's text in a check list: the check box, its gap and the list's padding and scroll bar. */
    private static final double CHECK_ROOM = 64;

    static <T> void wideEnough(CheckComboBox<T> box) {
        if (box.getProperties().putIfAbsent(DropDowns.class, true) != null) return; // once per box
        Runnable apply = () -> {
            for (Node n : box.lookupAll(".combo-box")) {
                if (!(n instanceof ComboBox<?> combo)) continue;
                if (combo.getSkin() == null) {
                    combo.skinProperty().addListener((o, was, skin) -> Platform.runLater(() -> fit(box, combo)));
                } else {
                    fit(box, combo);
                }
            }
        };
        box.skinProperty().addListener((o, was, skin) -> Platform.runLater(apply));
        box.getItems().addListener((ListChangeListener<T>) c -> apply.run());
        box.widthProperty().addListener((o, was, now) -> apply.run());
    }

    private static <T> void fit(CheckComboBox<T> box, ComboBox<?> combo) {
        if (!(combo.getSkin() instanceof ComboBoxListViewSkin<?> skin) || !(skin.getPopupContent() instanceof Region list)) return;
        double widest = 0;
        for (T item : box.getItems()) {
            String text = box.getConverter() == null ? String.valueOf(item) : box.getConverter().toString(item);
            widest = Math.max(widest, WholeText.textWidth(text));
        }
        list.setMinWidth(Math.max(box.getWidth(), Math.ceil(widest + CHECK_ROOM)));
    }
}
