package org.clearframe.ui.importer;

import org.clearframe.ui.ViewFactory;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.ShotField;
import org.clearframe.importer.ShotList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class ColumnMappingDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void startsFromTheGuessPreviewsRowsAndReturnsTheChosenMapping(FxRobot robot) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) rows.add(List.of("Sc " + i, String.valueOf(i), "Zoë Niño looks, row " + i, "50mm"));
        ShotList shots = new ShotList("dp-list.csv", List.of("Where", "Shot #", "What happens", "Lens"), rows);

        Dialog<ColumnMapping> dialog = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<ColumnMapping> d = ColumnMappingDialog.create(ViewFactory.forms(), shots, ColumnMapping.guess(shots.header()));
            new org.clearframe.ui.FxDialogService(() -> stage).prepare(d);
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<List<String>> preview = robot.lookup("#preview").query();
        assertEquals(4, preview.getColumns().size());
        assertEquals("C: What happens", preview.getColumns().get(2).getText());
        assertEquals(ColumnMappingDialog.PREVIEW_ROWS, preview.getItems().size(), "only the first rows are shown");
        assertTrue(robot.lookup("The first 10 of 12 rows:").tryQuery().isPresent());

        ComboBox<ColumnMappingDialog.Column> scene = robot.lookup("#mapping-scene").query();
        assertEquals(ColumnMappingDialog.NOT_USED, scene.getValue(), "\"Where\" is not a known header");
        assertEquals("B: Shot #", robot.lookup("#mapping-shot").<ComboBox<ColumnMappingDialog.Column>>query().getValue().label());
        Button importButton = robot.lookup("Import").query();
        assertTrue(importButton.isDisabled(), "no import without a scene column");

        // Chosen through the selection model: clicking into a ComboBox popup is unreliable under headless Monocle.
        ComboBox<ColumnMappingDialog.Column> description = robot.lookup("#mapping-description").query();
        robot.interact(() -> {
            scene.getSelectionModel().select(1);
            description.getSelectionModel().select(3);
        });
        assertFalse(importButton.isDisabled());

        robot.clickOn("Import");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Map.of(ShotField.SCENE, 0, ShotField.SHOT, 1, ShotField.DESCRIPTION, 2, ShotField.LENS, 3), dialog.getResult().columns());
    }

    @Test
    void columnLettersFollowSpreadsheets() {
        assertEquals("A", ColumnMappingDialog.columnName(0));
        assertEquals("Z", ColumnMappingDialog.columnName(25));
        assertEquals("AA", ColumnMappingDialog.columnName(26));
        assertEquals("AB", ColumnMappingDialog.columnName(27));
    }
}
