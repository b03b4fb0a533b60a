package org.clearframe.ui;

import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/** The Due page on the real window: first page on opening, buckets, grouping, the chart and the navigator's count. */
@ExtendWith(ApplicationExtension.class)
class DuePageTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage, new ScriptedDialogs());
    }

    @Test
    void opensOnWhatIsOverdueAndLaterWithTheChartPerShootDay(FxRobot robot) throws Exception {
        ProductionBuilder b = ProductionBuilder.titled("Pier").head("VFX", "Ines Duarte", "ines@example.com");
        b.scene("1", IntExt.EXT, "PIER", "NIGHT").shot("1", "A wave over the pier", use(Technique.GENERATIVE_VFX).fin().department("VFX"));
        Scene pier = b.lastScene();
        b.scene("2", IntExt.INT, "OFFICE", "DAY").shot("1", "Rain on the window", use(Technique.GENERATIVE_VFX).fin().department("VFX"));
        Scene office = b.lastScene();
        Path file = b.write(dir.resolve("pier.clearframe"));
        LocalDate today = LocalDate.now();
        try (ProductionStore store = ProductionStore.open(file)) { // the calendar as `clearframe calendar` writes it
            store.schedule().setShootDay(1, today.plusDays(1));
            store.schedule().setShootDay(2, today.plusDays(60));
            store.schedule().setSceneDay(pier.id(), 1);
            store.schedule().setSceneDay(office.id(), 2);
        }

        UiTestSupport.openAndWait(robot, main, file);
        UiTestSupport.waitUntil(() -> robot.lookup(".due-tree").tryQuery().isPresent());
        TreeTableView<DueController.Line> tree = robot.lookup(".due-tree").queryAs(TreeTableView.class);
        // Tomorrow's shoot is past every lead time: overdue; day 2, two months out, is later.
        assertEquals(List.of("Overdue", "Later"), buckets(tree));
        TreeItem<DueController.Line> overdue = tree.getRoot().getChildren().get(0);
        assertTrue(overdue.getChildren().stream().anyMatch(g -> g.getValue().text().startsWith("Ines Duarte, VFX  (")),
                "grouped by the person who signs");
        int overdueCount = overdue.getChildren().stream().mapToInt(g -> g.getChildren().size()).sum();
        assertTrue(overdueCount > 0);

        StackedBarChart<String, Number> chart = robot.lookup(".due-chart").queryAs(StackedBarChart.class);
        assertTrue(chart.isVisible());
        assertEquals(List.of("Day 1", "Day 2"), ((CategoryAxis) chart.getXAxis()).getCategories());
        assertEquals(overdueCount, chart.getData().get(0).getData().get(0).getYValue().intValue(), "day 1's overdue bar");

        assertEquals(Integer.toString(overdueCount), dueCount(robot).getText(), "the navigator counts what is overdue or due this week");
        assertTrue(dueCount(robot).getStyleClass().contains("nav-alert"));

        ComboBox<DueViewModel.Grouping> grouping = robot.lookup(".page-header .combo-box").queryAs(ComboBox.class);
        robot.interact(() -> grouping.setValue(DueViewModel.Grouping.BY_SHOOT_DAY));
        assertTrue(tree.getRoot().getChildren().get(0).getChildren().get(0).getValue().text().startsWith("Day 1 · "));

        // Moving day 1 a month out takes it out of the overdue bucket, on the page and in the navigator.
        robot.interact(() -> UiTestSupport.attempt(() -> main.session().setShootDay(1, today.plusDays(30))));
        assertEquals(List.of("Later"), buckets(tree));
        assertEquals("", dueCount(robot).getText());
    }

    @Test
    void aLargeProductionListsTheFirstGroupsAndCountsTheRestUntilOpened(FxRobot robot) throws Exception {
        Path file = ProductionBuilder.from(org.clearframe.bench.SyntheticProduction.generate(3_000, 5)).write(dir.resolve("large.clearframe"));
        UiTestSupport.openAndWait(robot, main, file);
        UiTestSupport.waitUntil(() -> robot.lookup(".due-tree").tryQuery().isPresent());
        TreeTableView<DueController.Line> tree = robot.lookup(".due-tree").queryAs(TreeTableView.class);
        List<TreeItem<DueController.Line>> groups = fx(() -> tree.getRoot().getChildren().stream()
                .filter(TreeItem::isExpanded).flatMap(bucket -> bucket.getChildren().stream()).toList());
        List<TreeItem<DueController.Line>> open = groups.stream().filter(TreeItem::isExpanded).toList();
        List<TreeItem<DueController.Line>> closed = groups.stream().filter(g -> !g.isExpanded()).toList();
        int listed = open.stream().mapToInt(g -> g.getChildren().size()).sum();
        assertTrue(listed > 0 && listed <= DueController.FIRST_LINES, "the first groups are open, " + listed + " lines");
        assertFalse(closed.isEmpty(), "the groups past the first lines start closed");
        assertEquals(groups.size() + listed + tree.getRoot().getChildren().size(), fx(tree::getExpandedItemCount),
                "the tree lists the buckets, the groups and the open groups' lines only");

        // opening a group lists every signature its heading counts, and it stays open when the page is built again
        TreeItem<DueController.Line> later = closed.get(closed.size() - 1);
        String heading = later.getValue().text();
        int counted = Integer.parseInt(heading.replaceFirst(".*\\((\\d+)\\)$", "$1"));
        robot.interact(() -> later.setExpanded(true));
        assertEquals(counted, later.getChildren().size());
        assertTrue(later.getChildren().stream().allMatch(line -> line.getValue().row() != null && line.isLeaf()));
        TreeItem<DueController.Line> first = open.get(0);
        robot.interact(() -> first.setExpanded(false));

        robot.interact(() -> UiTestSupport.attempt(() -> main.session().setShootDay(1, LocalDate.now().plusDays(90)))); // the page is built again
        List<TreeItem<DueController.Line>> rebuilt = fx(() -> tree.getRoot().getChildren().stream()
                .flatMap(bucket -> bucket.getChildren().stream()).toList());
        assertNotSame(groups.get(0), rebuilt.get(0), "built again");
        assertTrue(rebuilt.stream().filter(g -> g.getValue().text().equals(heading)).findFirst().orElseThrow().isExpanded(), "still open");
        assertFalse(rebuilt.stream().filter(g -> g.getValue().text().equals(first.getValue().text())).findFirst().orElseThrow().isExpanded(),
                "still closed");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get();
    }

    /** The count beside "Due" in the navigator. */
    private static Label dueCount(FxRobot robot) {
        Label name = robot.lookup(".navigator .nav-name").queryAllAs(Label.class).stream().filter(l -> l.getText().equals("Due")).findFirst().orElseThrow();
        return (Label) name.getParent().lookup(".nav-count");
    }

    private static List<String> buckets(TreeTableView<DueController.Line> tree) {
        return tree.getRoot().getChildren().stream().map(i -> i.getValue().text().replaceFirst("  \\(\\d+\\)$", "")).toList();
    }
}
