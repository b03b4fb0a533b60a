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
import java.util.HashMap;
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

    private Session session;
    private MainController main;

    @Override
    public void bind(Session session, MainController main) {
        this.session = session;
        this.main = main;
        grouping.getItems().setAll("By department", "By role");
        grouping.setValue("By department");
        openOnly.setSelected(true);
        grouping.valueProperty().addListener((o, a, b) -> rebuild());
        openOnly.selectedProperty().addListener((o, a, b) -> rebuild());
        session.flagsRevisionProperty().addListener((o, a, b) -> {
            Session.Rechecked what = session.recheckedProperty().get();
            if (what == null || what.all() || root == null) rebuild(); else update(what.shots());
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
        stateColumn.setCellFactory(c -> new TreeTableCell<>() {
            private final Label chip = new Label(); // one per cell, restyled as rows scroll past
            {
                chip.getStyleClass().addAll("sig-state", "sig-missing");
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
                    chip.setText("Needs record");
                    style = "sig-missing";
                } else {
                    SignatureState s = SignatureState.valueOf(state);
                    chip.setText(s.label().replaceFirst(":.*", ""));
                    style = "sig-" + s.name().toLowerCase().replace('_', '-');
                }
                chip.getStyleClass().set(1, style);
                if (getGraphic() != chip) setGraphic(chip);
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
                    ShotsController shots = main.page(Page.SHOTS);
                    shots.reveal(row.getItem().shot().id());
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

    /** The tree as last built: its groups by name, each shot's rows, and the shot order the rows follow. */
    private TreeItem<Row> root;
    private final Map<String, TreeItem<Row>> groupItems = new TreeMap<>();
    private final Map<UUID, List<TreeItem<Row>>> itemsByShot = new HashMap<>();
    private final Map<UUID, Integer> shotOrder = new HashMap<>();
    private final Map<TreeItem<Row>, String> groupNames = new java.util.IdentityHashMap<>();

    /** The rows one shot contributes, each with the group it goes under. */
    private List<Row> rowsOf(Shot shot, Scene scene, boolean byDepartment) {
        List<Row> rows = new ArrayList<>();
        for (Flag flag : session.flags(shot.id())) {
            if (flag.needsRecord()) {
                String group = flag.rule() == org.clearframe.rules.PerformerChecks.CONSENT_NOT_COVERED ? "Consent" : "Cast";
                rows.add(new Row(group, scene, shot, flag, null));
            }
            for (RequiredSignature sig : flag.signatures()) {
                if (openOnly.isSelected() && !sig.state().open()) continue;
                rows.add(new Row(byDepartment ? departmentOf(sig) : sig.role().label(), scene, shot, flag, sig));
            }
        }
        return rows;
    }

    private void rebuild() {
        boolean byDepartment = "By department".equals(grouping.getValue());
        Map<UUID, Scene> scenes = ProductionData.index(session.scenes(), Scene::id);
        Map<String, List<TreeItem<Row>>> groups = new TreeMap<>();
        groupItems.clear();
        groupNames.clear();
        itemsByShot.clear();
        shotOrder.clear();
        int at = 0;
        for (Shot shot : session.shots()) {
            shotOrder.put(shot.id(), at++);
            if (!shot.hasAiUse()) continue;
            for (Row r : rowsOf(shot, scenes.get(shot.sceneId()), byDepartment)) {
                TreeItem<Row> item = new TreeItem<>(r);
                groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(item);
                itemsByShot.computeIfAbsent(shot.id(), k -> new ArrayList<>()).add(item);
            }
        }
        root = new TreeItem<>(new Row("", null, null, null, null));
        groups.forEach((name, items) -> {
            TreeItem<Row> group = new TreeItem<>();
            group.setExpanded(true);
            group.getChildren().setAll(items);
            label(group, name);
            groupItems.put(name, group);
            groupNames.put(group, name);
            root.getChildren().add(group);
        });
        tree.setRoot(root);
        showSummary();
    }

    /**
     * After a re-check of a few shots: takes out their rows and puts in their new ones, in shot order, without building
     * the tree again (a shot added since the last build goes at the end of its groups).
     */
    private void update(java.util.Set<UUID> shots) {
        boolean byDepartment = "By department".equals(grouping.getValue());
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
            Shot shot = session.shot(id).orElse(null);
            if (shot == null || !shot.hasAiUse()) continue;
            Scene scene = session.scenes().stream().filter(x -> x.id().equals(shot.sceneId())).findFirst().orElse(null);
            for (Row r : rowsOf(shot, scene, byDepartment)) {
                TreeItem<Row> item = new TreeItem<>(r);
                TreeItem<Row> group = groupItems.computeIfAbsent(r.group(), this::newGroup);
                int order = shotOrder.getOrDefault(id, Integer.MAX_VALUE);
                group.getChildren().add(insertionPoint(group.getChildren(), order), item);
                itemsByShot.computeIfAbsent(id, k -> new ArrayList<>()).add(item);
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
        showSummary();
    }

    /** A new group, placed among the others in name order. */
    private TreeItem<Row> newGroup(String name) {
        TreeItem<Row> group = new TreeItem<>(new Row(name, null, null, null, null));
        group.setExpanded(true);
        int at = 0;
        while (at < root.getChildren().size() && groupNames.get(root.getChildren().get(at)).compareTo(name) < 0) at++;
        root.getChildren().add(at, group);
        groupNames.put(group, name);
        return group;
    }

    /** After the last row of a shot that comes before {@code order} (rows are kept in shot order). */
    private int insertionPoint(List<TreeItem<Row>> rows, int order) {
        int low = 0, high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (shotOrder.getOrDefault(rows.get(mid).getValue().shot().id(), Integer.MAX_VALUE) <= order) low = mid + 1; else high = mid;
        }
        return low;
    }

    private static void label(TreeItem<Row> group, String name) {
        group.setValue(new Row(name + "  (" + group.getChildren().size() + ")", null, null, null, null));
    }

    private void showSummary() {
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
