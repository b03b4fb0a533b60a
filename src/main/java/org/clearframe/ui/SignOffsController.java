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
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignatureState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Who has to sign what: every required signature, grouped by department or by role, open ones first. */
public final class SignOffsController implements PageController {

    /**
     * A group heading (flag null), one required signature on one shot, or (signature null) a record the flag waits
     * for, such as a consent that covers the use: listed beside the signatures, since no signature closes it.
     */
    record Row(String group, Scene scene, Shot shot, Flag flag, RequiredSignature signature) {}

    @FXML private ComboBox<String> grouping;
    @FXML private CheckBox openOnly;
    @FXML private Label summary;
    @FXML private TreeTableView<Row> tree;
    @FXML private TreeTableColumn<Row, String> whatColumn, shotColumn, ruleColumn, stateColumn, reasonColumn;

    private static final String NEEDS_RECORD = "NEEDS_RECORD";


    private final Session session;
    private final Navigator navigator;

    SignOffsController(Session session, Navigator navigator) {
        this.session = session;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        grouping.getItems().setAll("By department", "By role");
        grouping.setValue("By department");
        openOnly.setSelected(true);
        grouping.valueProperty().addListener((o, a, b) -> rebuild());
        openOnly.selectedProperty().addListener((o, a, b) -> rebuild());
        session.flagsRevisionProperty().addListener((o, a, b) -> rebuild());
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
        stateColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null || state.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                if (state.equals(NEEDS_RECORD)) {
                    Label chip = new Label("Needs record");
                    chip.getStyleClass().addAll("sig-state", "sig-missing");
                    setGraphic(chip);
                    return;
                }
                SignatureState s = SignatureState.valueOf(state);
                Label chip = new Label(s.label().replaceFirst(":.*", ""));
                chip.getStyleClass().addAll("sig-state", "sig-" + s.name().toLowerCase().replace('_', '-'));
                setGraphic(chip);
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
        boolean byDepartment = "By department".equals(grouping.getValue());
        Map<UUID, Scene> scenes = ProductionData.index(session.scenes(), Scene::id);
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Shot shot : session.shots()) {
            for (Flag flag : session.flags(shot.id())) {
                if (flag.needsRecord()) {
                    String group = flag.rule() == org.clearframe.rules.PerformerChecks.CONSENT_NOT_COVERED ? "Consent" : "Cast";
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(group, scenes.get(shot.sceneId()), shot, flag, null));
                }
                for (RequiredSignature sig : flag.signatures()) {
                    if (openOnly.isSelected() && !sig.state().open()) continue;
                    String group = byDepartment ? departmentOf(sig) : sig.role().label();
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(group, scenes.get(shot.sceneId()), shot, flag, sig));
                }
            }
        }
        TreeItem<Row> root = new TreeItem<>(new Row("", null, null, null, null));
        groups.forEach((name, rows) -> {
            TreeItem<Row> group = new TreeItem<>(new Row(name + "  (" + rows.size() + ")", null, null, null, null));
            group.setExpanded(true);
            for (Row r : rows) group.getChildren().add(new TreeItem<>(r));
            root.getChildren().add(group);
        });
        tree.setRoot(root);
        FlagIndex.Summary s = session.flagSummaryProperty().get();
        if (!session.policyProblem().isEmpty()) {
            summary.setText("The studio policy stored in this production cannot be read: no flag is evaluated and nothing is cleared.");
            return;
        }
        summary.setText(s.openBlocking() + " blocking and " + s.openAdvisory() + " advisory flags open · " + s.stale() + " stale · " + s.declined() + " declined");
    }

    /** The department whose head signs for the role; performers are grouped under "Cast". */
    private String departmentOf(RequiredSignature sig) {
        String name = sig.role().department();
        boolean exists = session.departments().stream().map(Department::name).anyMatch(name::equals);
        return exists || name.equals("Cast") ? name : name + " (no such department here)";
    }
}
