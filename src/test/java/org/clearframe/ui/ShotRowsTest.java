package org.clearframe.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.Department;
import org.clearframe.model.Shot;
import org.clearframe.rules.ShotStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a producer reads in a row of the Shots table, which is drawn by cells reused as the table scrolls: the sign-off
 * state with the open signatures on hover, the department chips (never a name cut short; the rest as dots named on
 * hover), the AI uses; and that a reused cell never shows the shot it showed before.
 */
@ExtendWith(ApplicationExtension.class)
class ShotRowsTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @Test
    void aFlaggedRowShowsItsStateChipsAndUses_andHoveringNamesWhoMustSign(FxRobot robot) throws Exception {
        Path file = dir.resolve("Harbour Lights.clearframe");
        MainController.copySample(file);
        UiTestSupport.openAndWait(robot, main, file);
        TableView<Shot> table = shotsTable(robot);
        Session session = main.session();
        Shot elena = session.shots().stream().filter(s -> s.description().startsWith("Young Elena")).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(elena));
        WaitForAsyncUtils.waitForFxEvents();

        Label badge = (Label) cell(table, elena, "statusColumn").getGraphic();
        assertEquals(ShotStatus.NEEDS_SIGNOFF, session.status(elena));
        assertEquals("●  Needs sign-off", badge.getText());
        assertEquals(Color.web("#E08A00"), badge.getTextFill(), "drawn in the warning colour");
        assertEquals(FontWeight.BOLD, weight(badge));
        TableCell<?, ?> uses = cell(table, elena, "aiColumn");
        assertEquals(elena.aiUses().stream().map(u -> u.technique().label()).distinct().collect(Collectors.joining(", ")), uses.getText());
        assertEquals(Color.web("#00695C"), uses.getTextFill(), "a planned AI use stands out in the accent colour");
        assertEquals(FontWeight.BOLD, weight(uses));

        // the chips: every department by name and colour when the column is wide enough
        robot.interact(() -> column(table, "departmentsColumn").setPrefWidth(400));
        WaitForAsyncUtils.waitForFxEvents();
        List<Department> departments = elena.departmentIds().stream()
                .map(id -> session.departments().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow()).toList();
        assertTrue(departments.size() >= 2, "the sample's de-ageing shot involves several departments");
        List<Label> chips = chips(table, elena);
        assertEquals(departments.stream().map(Department::name).toList(), chips.stream().map(Label::getText).toList());
        for (int i = 0; i < chips.size(); i++) {
            assertEquals(ShotsController.colour(departments.get(i).colour()), ((Circle) chips.get(i).getGraphic()).getFill());
            assertEquals(ContentDisplay.LEFT, chips.get(i).getContentDisplay(), "named: " + chips.get(i).getText());
        }
        assertNull(tooltipOf(chips.get(0).getParent()), "nothing left out, so nothing to hover for");

        // too narrow for them all: the names that fit whole, a dot for each other, all of them named on hover
        robot.interact(() -> column(table, "departmentsColumn").setPrefWidth(90));
        WaitForAsyncUtils.waitForFxEvents();
        chips = chips(table, elena);
        assertEquals(ContentDisplay.LEFT, chips.get(0).getContentDisplay(), "the first name still fits");
        assertEquals(ContentDisplay.GRAPHIC_ONLY, chips.get(chips.size() - 1).getContentDisplay(), "the last is a dot");
        for (Label chip : chips) {
            assertNull(LayoutCheck.truncated(chip), "no name is cut short");
            assertTrue(chip.getWidth() >= chip.prefWidth(-1) - 0.5, chip.getText() + " is laid out whole");
        }
        Node strip = chips.get(0).getParent();
        assertEquals(departments.stream().map(Department::name).collect(Collectors.joining("\n")), tooltipOf(strip).getText());
        assertEquals(departments.stream().map(Department::name).collect(Collectors.joining("\n")), hover(robot, chips.get(0)));

        // the sign-off cell's tooltip says who must still sign
        assertEquals(StatusCell.openRoles(session.flags(elena.id())), hover(robot, cell(table, elena, "statusColumn")));
        assertTrue(hover(robot, cell(table, elena, "statusColumn")).startsWith("Waiting on:\nDEAGE-PERFORMER"));

        // a row with no AI use has no sign-off tooltip
        Shot plain = session.shots().stream().filter(s -> !s.hasAiUse()).findFirst().orElseThrow();
        Label none = (Label) cell(table, plain, "statusColumn").getGraphic();
        assertEquals("–  No AI use", none.getText());
        boolean selected = cell(table, plain, "statusColumn").getTableRow().isSelected();
        assertEquals(colour(ShotStatus.NO_AI, selected), none.getTextFill(), "greyed (darker on the selected row)");
        assertEquals(FontWeight.NORMAL, weight(none));
        assertNull(cell(table, plain, "statusColumn").getTooltip());
        assertEquals(FontWeight.NORMAL, weight(cell(table, plain, "aiColumn")), "no AI use, nothing bold");

        // a department renamed: the chips in view say the new name at once
        Department first = departments.get(0);
        robot.interact(() -> UiTestSupport.attempt(() -> session.saveDepartment(
                new Department(first.id(), "Digital Makeup", first.headName(), first.email(), first.colour()))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Digital Makeup", chips(table, elena).get(0).getText());
    }

    @Test
    void everyRowIsOneHeightAndReusedCellsShowOnlyTheirOwnShotAsTheTableScrolls(FxRobot robot) throws Exception {
        Path file = dir.resolve("many.clearframe");
        SyntheticProduction.write(file, SyntheticProduction.generate(2_000, 3));
        UiTestSupport.openAndWait(robot, main, file);
        TableView<Shot> table = shotsTable(robot);
        Session session = main.session();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        List<String> wrong = new ArrayList<>();
        Set<Double> heights = new java.util.TreeSet<>();
        int checkedRows = 0;
        for (int step = 0; step < 120; step++) {
            double delta = step < 90 ? -120 : 200; // down far enough to reuse every cell several times, then back up
            robot.interact(() -> flow.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false, false, false,
                    0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
            WaitForAsyncUtils.waitForFxEvents();
            for (TableRow<Shot> row : rows(table)) {
                Shot shot = row.getItem();
                heights.add(row.getHeight());
                checkedRows++;
                Label badge = (Label) rowCell(row, "statusColumn").getGraphic();
                ShotStatus expected = session.status(shot);
                if (!badge.getText().equals(StatusCell.glyph(expected) + "  " + expected.label())) wrong.add(shot.number() + ": status " + badge.getText());
                if (!badge.getTextFill().equals(colour(expected, row.isSelected()))) wrong.add(shot.number() + ": status colour " + badge.getTextFill());
                boolean bold = weight(rowCell(row, "aiColumn")) == FontWeight.BOLD;
                if (bold != shot.hasAiUse()) wrong.add(shot.number() + ": AI use bold " + bold);
                boolean tip = rowCell(row, "statusColumn").getTooltip() != null;
                if (tip != !session.flags(shot.id()).isEmpty()) wrong.add(shot.number() + ": status tooltip " + tip);
                List<String> names = visibleChips(rowCell(row, "departmentsColumn")).stream().map(Label::getText).toList();
                List<String> own = shot.departmentIds().stream().map(id -> session.departments().stream()
                        .filter(d -> d.id().equals(id)).findFirst().orElseThrow().name()).toList();
                if (!names.equals(own)) wrong.add(shot.number() + ": chips " + names + " for " + own);
                if (!String.valueOf(rowCell(row, "descriptionColumn").getText()).equals(shot.description())) wrong.add(shot.number() + ": description");
            }
        }
        assertTrue(checkedRows > 1_000, "rows checked: " + checkedRows);
        assertEquals(List.of(), wrong);
        assertEquals(Set.of(34.0), heights, "every row one height, so the table never measures rows");
        assertTrue(table.getFixedCellSize() > 0);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private TableView<Shot> shotsTable(FxRobot robot) {
        robot.interact(() -> main.select(Page.SHOTS));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked") TableView<Shot> table = robot.lookup(".shots-table").queryAs(TableView.class);
        return table;
    }

    private static javafx.scene.control.TableColumn<Shot, ?> column(TableView<Shot> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<TableRow<Shot>> rows(TableView<Shot> table) {
        List<TableRow<Shot>> rows = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            TableRow<Shot> row = (TableRow<Shot>) n;
            if (row.isVisible() && !row.isEmpty() && row.getItem() != null && row.getParent() != null && inView(table, row)) rows.add(row);
        }
        return rows;
    }

    private static boolean inView(TableView<Shot> table, Node row) {
        Bounds b = row.localToScene(row.getLayoutBounds());
        Bounds t = table.localToScene(table.getLayoutBounds());
        return b.getMinY() >= t.getMinY() && b.getMaxY() <= t.getMaxY();
    }

    private static TableCell<?, ?> rowCell(TableRow<Shot> row, String columnId) {
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())) return cell;
        }
        throw new AssertionError("no " + columnId + " cell in row " + row.getIndex());
    }

    private static TableCell<?, ?> cell(TableView<Shot> table, Shot shot, String columnId) {
        UUID id = shot.id();
        for (TableRow<Shot> row : rows(table)) if (row.getItem().id().equals(id)) return rowCell(row, columnId);
        throw new AssertionError("shot " + shot.number() + " is not in view");
    }

    private static List<Label> chips(TableView<Shot> table, Shot shot) {
        return visibleChips(cell(table, shot, "departmentsColumn"));
    }

    private static List<Label> visibleChips(IndexedCell<?> cell) {
        return cell.lookupAll(".department-chip").stream().filter(Node::isVisible).map(Label.class::cast).toList();
    }

    /** The colours of clearframe.css for each state. */
    private static Color colour(ShotStatus status, boolean selectedRow) {
        return switch (status) {
            case NO_AI -> Color.web(selectedRow ? "#7D8A91" : "#A0AAB0");
            case CLEAR -> Color.web("#2E7D32");
            case NEEDS_SIGNOFF -> Color.web("#E08A00");
            case STALE -> Color.web("#7E57C2");
            case DECLINED -> Color.web("#C62828");
        };
    }

    private static FontWeight weight(javafx.scene.control.Labeled labeled) {
        return FontWeight.findByName(labeled.getFont().getStyle().split(" ")[0]) == FontWeight.BOLD ? FontWeight.BOLD : FontWeight.NORMAL;
    }

    private static Tooltip tooltipOf(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t : null;
    }

    /**
     * Rests the pointer on {@code node} and returns the text of the tooltip that opens. The mouse moves are delivered
     * to the node as the toolkit delivers them (the headless robot's moves do not reach the tooltip's handlers).
     */
    private static String hover(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds b = node.getLayoutBounds();
            javafx.geometry.Point2D screen = node.localToScreen(b.getCenterX(), b.getCenterY());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                    b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(), javafx.scene.input.MouseButton.NONE, 0,
                    false, false, false, false, false, false, false, false, false, false, null));
        });
        UiTestSupport.waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip t && t.isShowing()));
        String text = Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing()).map(w -> ((Tooltip) w).getText())
                .findFirst().orElseThrow();
        robot.interact(() -> javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_EXITED,
                0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null)));
        UiTestSupport.waitUntil(() -> Window.getWindows().stream().noneMatch(w -> w instanceof Tooltip t && t.isShowing()));
        return text;
    }
}
