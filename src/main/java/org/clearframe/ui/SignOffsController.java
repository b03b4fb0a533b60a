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
            @Override protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null || state.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                if (state.equals(NEEDS_RECORD)) {
                    setGraphic(SignatureChip.needsRecord());
                    return;
                }
                SignatureState s = SignatureState.valueOf(state);
                setGraphic(SignatureChip.of(s));
            }
        });
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().flag() == null ? ""
                : c.getValue().getValue().flag().reason()));
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

    private void rebuild() {
        TreeItem<Row> root = new TreeItem<>(heading(""));
        double[] widestId = {0};
        model.groups().forEach((name, rows) -> {
            TreeItem<Row> group = new TreeItem<>(heading(name + "  (" + rows.size() + ")"));
            group.setExpanded(true);
            for (Row r : rows) {
                group.getChildren().add(new TreeItem<>(r));
                if (r.flag() != null) widestId[0] = Math.max(widestId[0], WholeText.textWidth(r.flag().rule().id()));
            }
            root.getChildren().add(group);
        });
        tree.setRoot(root);
        // rule ids are quoted to people: their column never cuts one
        ruleColumn.setMinWidth(Math.max(ruleColumn.getMinWidth(), Math.ceil(widestId[0] + 24)));
        summary.setText(model.summary());
    }
}
