package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import org.clearframe.rules.DueDates.Urgency;

import java.util.List;
import java.util.Map;

/** The Due page: the chart of open signatures per shoot day over the list of what is overdue, due this week and later. */
public final class DueController implements PageController {

    /** A line of the tree: a bucket heading (level 0), a group heading (level 1), or a row (level 2). */
    record Line(String text, Urgency urgency, DueViewModel.Row row) {}

    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    @FXML private ComboBox<DueViewModel.Grouping> grouping;
    @FXML private Label summary, chartEmpty;
    @FXML private StackedBarChart<String, Number> chart;
    @FXML private CategoryAxis dayAxis;
    @FXML private NumberAxis countAxis;
    @FXML private TreeTableView<Line> tree;
    @FXML private TreeTableColumn<Line, String> whatColumn, dueColumn, shotColumn, dayColumn, ruleColumn;

    private final DueViewModel model;
    private final Navigator navigator;

    DueController(DueViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        grouping.getItems().setAll(DueViewModel.Grouping.values());
        grouping.valueProperty().bindBidirectional(model.groupingProperty());
        tree.setShowRoot(false);
        whatColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().text()));
        dueColumn.setCellValueFactory(c -> text(c.getValue().getValue(), r -> r.due().dueOn() == null ? "no date"
                : DueViewModel.date(r.due().dueOn()) + (r.due().basis() == org.clearframe.rules.DueDates.Basis.SET_ON_SHOT ? " (set)" : "")));
        shotColumn.setCellValueFactory(c -> text(c.getValue().getValue(), DueViewModel.Row::shotLabel));
        dayColumn.setCellValueFactory(c -> text(c.getValue().getValue(), r -> r.due().shootDay() == null ? "" : "Day " + r.due().shootDay()
                + (r.due().shootDate() == null ? "" : " · " + DueViewModel.date(r.due().shootDate()))));
        ruleColumn.setCellValueFactory(c -> text(c.getValue().getValue(), r -> r.flag() == null ? r.due().ruleId()
                : r.due().ruleId() + " · " + r.flag().rule().title()));
        ruleColumn.setCellFactory(c -> new javafx.scene.control.TreeTableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // cut short in a narrow window: the whole rule in the tooltip
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        tree.setRowFactory(t -> {
            TreeTableRow<Line> row = new TreeTableRow<>() {
                @Override protected void updateItem(Line item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean heading = !empty && item != null && item.row() == null;
                    pseudoClassStateChanged(GROUP, heading);
                    pseudoClassStateChanged(OVERDUE, !empty && item != null && item.urgency() == Urgency.OVERDUE);
                }
            };
            row.setOnMouseClicked(e -> {
                Line line = row.getItem();
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && line != null && line.row() != null) {
                    navigator.revealShot(line.row().shot().id());
                }
            });
            return row;
        });
        // at the window's narrowest the shoot day (also on the chart, and a grouping) gives its room to who signs and the rule
        tree.widthProperty().addListener((o, a, w) -> dayColumn.setVisible(w.doubleValue() >= 860));
        // hidden behind another page it only notes the change: its rows are worked out over every open signature, too
        // much to do after each edit elsewhere; shown() rebuilds it when it comes to the front
        model.addListener(o -> {
            if (tree.getScene() != null) rebuild();
        });
        rebuild();
    }

    private static ReadOnlyStringWrapper text(Line line, java.util.function.Function<DueViewModel.Row, String> of) {
        return new ReadOnlyStringWrapper(line.row() == null ? "" : of.apply(line.row()));
    }

    @Override
    public void shown() {
        // Edits rebuild the page as they happen (the model's listener); coming back to it only matters on a new day.
        // Not rebuilt again right after initialize: at 100,000 shots one build is seconds of the FX thread.
        if (!model.today().equals(builtFor)) rebuild();
    }

    /** The day the page was last built for ("overdue" and "this week" are measured from it). */
    private java.time.LocalDate builtFor;

    /**
     * How many signatures the page lists at first, group by group; the groups past it start closed, their count in the
     * heading. A large production has hundreds of thousands of open signatures, and a tree line for each would hold more
     * memory than the production itself; a group's lines are made when it is first opened.
     */
    static final int FIRST_LINES = 1_000;

    /** Groups the producer opened or closed, by bucket and name: kept as they were when the page is built again. */
    private final Map<String, Boolean> openedByHand = new java.util.HashMap<>();

    private void rebuild() {
        builtFor = model.today();
        summary.setText(model.summary());
        TreeItem<Line> root = new TreeItem<>(new Line("", null, null));
        boolean byPerson = model.groupingProperty().get() == DueViewModel.Grouping.BY_PERSON;
        int listed = 0;
        for (Urgency bucket : DueViewModel.BUCKETS) {
            int n = model.count(bucket);
            if (n == 0) continue;
            TreeItem<Line> head = new TreeItem<>(new Line(bucket.label() + "  (" + n + ")", bucket, null));
            head.setExpanded(bucket != Urgency.LATER || model.count(Urgency.OVERDUE) + model.count(Urgency.DUE_THIS_WEEK) == 0);
            for (Map.Entry<String, List<DueViewModel.Row>> g : model.groups(bucket).entrySet()) {
                String key = bucket + "/" + byPerson + "/" + g.getKey();
                boolean open = openedByHand.getOrDefault(key, head.isExpanded() && listed + g.getValue().size() <= FIRST_LINES);
                if (open && head.isExpanded()) listed += g.getValue().size();
                GroupItem group = new GroupItem(new Line(g.getKey() + "  (" + g.getValue().size() + ")", bucket, null), g.getValue(), byPerson);
                group.setExpanded(open);
                group.expandedProperty().addListener((o, was, now) -> openedByHand.put(key, now));
                head.getChildren().add(group);
            }
            root.getChildren().add(head);
        }
        tree.setRoot(root);
        fillChart();
    }

    /** A group heading whose signature lines are made the first time they are asked for (when it is opened). */
    private static final class GroupItem extends TreeItem<Line> {
        private List<DueViewModel.Row> rows;
        private final boolean byPerson;

        GroupItem(Line heading, List<DueViewModel.Row> rows, boolean byPerson) {
            super(heading);
            this.rows = rows;
            this.byPerson = byPerson;
        }

        @Override
        public boolean isLeaf() {
            return rows == null ? super.isLeaf() : rows.isEmpty();
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<Line>> getChildren() {
            if (rows != null) {
                List<DueViewModel.Row> made = rows;
                rows = null; // before adding: adding asks for the children again
                List<TreeItem<Line>> lines = new java.util.ArrayList<>(made.size());
                Urgency bucket = getValue().urgency();
                for (DueViewModel.Row r : made) {
                    // under a person, the role they sign as (or the performer it concerns); under a day, the person
                    lines.add(new TreeItem<>(new Line(byPerson ? r.due().who() : r.person(), bucket, r)));
                }
                super.getChildren().setAll(lines);
            }
            return super.getChildren();
        }
    }

    private void fillChart() {
        Map<Integer, Map<Urgency, Integer>> perDay = model.perShootDay();
        chart.getData().clear();
        List<String> days = perDay.keySet().stream().map(d -> "Day " + d).toList();
        dayAxis.getCategories().setAll(days);
        for (Urgency u : List.of(Urgency.OVERDUE, Urgency.DUE_THIS_WEEK, Urgency.LATER, Urgency.NO_DATE)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(u.label());
            perDay.forEach((day, counts) -> series.getData().add(new XYChart.Data<>("Day " + day, counts.getOrDefault(u, 0))));
            // a bucket with no bar stays out of the legend, but keeps its colour (the series' index picks the colour)
            if (perDay.values().stream().anyMatch(c -> c.containsKey(u)) || u != Urgency.NO_DATE) chart.getData().add(series);
        }
        boolean empty = perDay.isEmpty();
        chart.setVisible(!empty);
        chartEmpty.setVisible(empty);
    }
}
