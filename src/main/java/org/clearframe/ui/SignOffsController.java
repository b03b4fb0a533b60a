package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import org.clearframe.rules.SignatureState;
import org.clearframe.ui.SignOffsViewModel.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Who has to sign what: every required signature, grouped by department or by role, open ones first. */
public final class SignOffsController implements PageController {


    /** A row of the tree: a group heading (flag null) or one of the view model's rows. */
    private static Row heading(String text) {
        return new Row(text, null, null, null, null);
    }

    @FXML private ComboBox<SignOffsViewModel.Grouping> grouping;
    @FXML private CheckBox openOnly;
    @FXML private Label summary;
    @FXML private TreeTableView<Row> tree;
    @FXML private TreeTableColumn<Row, String> whatColumn, shotColumn, ruleColumn, stateColumn, reasonColumn;

    private static final String NEEDS_RECORD = "NEEDS_RECORD";


    private final SignOffsViewModel model;
    private final Navigator navigator;

    SignOffsController(SignOffsViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        grouping.getItems().setAll(SignOffsViewModel.Grouping.values());
        grouping.valueProperty().bindBidirectional(model.groupingProperty());
        openOnly.selectedProperty().bindBidirectional(model.openOnlyProperty());
        model.addListener(o -> rebuild());
        model.onShotsRechecked(shots -> {
            if (root == null) rebuild(); else update(shots);
        });
        tree.setShowRoot(false);
        whatColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().flag() == null
                ? c.getValue().getValue().group() : c.getValue().getValue().signature() == null
                ? "Record " + c.getValue().getValue().flag().unresolved() : c.getValue().getValue().signature().who()));
        shotColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().shot() == null ? ""
                : c.getValue().getValue().scene().number() + "/" + c.getValue().getValue().shot().number()));
        ruleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().flag() == null ? ""
                : c.getValue().getValue().flag().rule().id()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().flag() == null ? ""
                : c.getValue().getValue().signature() == null ? NEEDS_RECORD : c.getValue().getValue().signature().state().name()));
        ruleColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty ? null : id);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null || row.flag() == null ? null : RuleHelp.tooltip(row.flag().rule()));
            }
        });
        stateColumn.setMinWidth(SignatureChip.widest());
        stateColumn.setCellFactory(c -> new TreeTableCell<>() {
            private final Label chip = new Label(); // one per cell, restyled as rows scroll past
            {
                chip.getStyleClass().addAll("sig-state", "sig-missing");
                chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null || state.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                String style;
                if (state.equals(NEEDS_RECORD)) {
                    chip.setText("○ Needs record");
                    style = "sig-missing";
                } else {
                    SignatureState s = SignatureState.valueOf(state);
                    chip.setText(SignatureChip.text(s));
                    style = "sig-" + s.name().toLowerCase().replace('_', '-');
                }
                chip.getStyleClass().set(1, style);
                if (getGraphic() != chip) setGraphic(chip);
            }
        });
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.reason(c.getValue().getValue())));
        reasonColumn.setCellFactory(c -> new TreeTableCell<>() {
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            { whole.setWrapText(true); whole.setMaxWidth(520); }
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                whole.setText(text == null ? "" : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : whole); // a change list is often longer than the column
            }
        });
        tree.setRowFactory(t -> {
            TreeTableRow<Row> row = new TreeTableRow<>() {
                @Override protected void updateItem(Row item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("group"), !empty && item != null && item.flag() == null);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null && row.getItem().shot() != null) {
                    navigator.revealShot(row.getItem().shot().id());
                }
            });
            return row;
        });
        rebuild();
    }

    @Override
    public void shown() {
        rebuild();
    }

    /** The tree as last built: its groups by name and each shot's rows (the view model knows the script order). */
    private TreeItem<Row> root;
    private final Map<String, TreeItem<Row>> groupItems = new TreeMap<>();
    private final Map<UUID, List<TreeItem<Row>>> itemsByShot = new HashMap<>();
    private final Map<TreeItem<Row>, String> groupNames = new java.util.IdentityHashMap<>();

    private void rebuild() {
        root = new TreeItem<>(heading(""));
        groupItems.clear();
        groupNames.clear();
        itemsByShot.clear();
        double[] widestId = {0};
        model.groups().forEach((name, rows) -> {
            TreeItem<Row> group = new TreeItem<>();
            List<TreeItem<Row>> items = new java.util.ArrayList<>(rows.size());
            for (Row r : rows) {
                TreeItem<Row> item = new TreeItem<>(r);
                items.add(item);
                itemsByShot.computeIfAbsent(r.shot().id(), k -> new java.util.ArrayList<>()).add(item);
            }
            group.setExpanded(true);
            group.getChildren().setAll(items);
            label(group, name);
            groupItems.put(name, group);
            groupNames.put(group, name);
            for (Row r : rows) if (r.flag() != null) widestId[0] = Math.max(widestId[0], WholeText.textWidth(r.flag().rule().id()));
            root.getChildren().add(group);
        });
        tree.setRoot(root);
        // rule ids are quoted to people: their column never cuts one
        ruleColumn.setMinWidth(Math.max(ruleColumn.getMinWidth(), Math.ceil(widestId[0] + 24)));
        summary.setText(model.summary());
    }

    /**
     * After a re-check of a few shots: takes out their rows and puts in their new ones, in script order, without
     * building the tree again (a shot added since the last build goes at the end of its groups).
     */
    private void update(java.util.Set<UUID> shots) {
        java.util.Set<TreeItem<Row>> touchedGroups = new java.util.HashSet<>();
        for (UUID id : shots) {
            for (TreeItem<Row> item : itemsByShot.getOrDefault(id, List.of())) {
                TreeItem<Row> group = item.getParent();
                if (group != null) {
                    group.getChildren().remove(item);
                    touchedGroups.add(group);
                }
            }
            itemsByShot.remove(id);
            int order = model.order(id);
            for (Row r : model.rowsOf(id)) {
                TreeItem<Row> item = new TreeItem<>(r);
                TreeItem<Row> group = groupItems.computeIfAbsent(r.group(), this::newGroup);
                group.getChildren().add(insertionPoint(group.getChildren(), order), item);
                itemsByShot.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(item);
                touchedGroups.add(group);
            }
        }
        for (TreeItem<Row> group : touchedGroups) {
            String name = groupNames.get(group);
            if (group.getChildren().isEmpty()) {
                root.getChildren().remove(group);
                groupItems.remove(name);
                groupNames.remove(group);
            } else {
                label(group, name);
            }
        }
        summary.setText(model.summary());
    }

    /** A new group, placed among the others in name order. */
    private TreeItem<Row> newGroup(String name) {
        TreeItem<Row> group = new TreeItem<>(heading(name));
        group.setExpanded(true);
        int at = 0;
        while (at < root.getChildren().size() && groupNames.get(root.getChildren().get(at)).compareTo(name) < 0) at++;
        root.getChildren().add(at, group);
        groupNames.put(group, name);
        return group;
    }

    /** After the last row of a shot that comes before {@code order} (rows are kept in script order). */
    private int insertionPoint(List<TreeItem<Row>> rows, int order) {
        int low = 0, high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (model.order(rows.get(mid).getValue().shot().id()) <= order) low = mid + 1; else high = mid;
        }
        return low;
    }

    private static void label(TreeItem<Row> group, String name) {
        group.setValue(heading(name + "  (" + group.getChildren().size() + ")"));
    }
}
