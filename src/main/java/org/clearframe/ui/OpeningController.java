package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.clearframe.rules.Wording;
import org.clearframe.store.ProductionStore.ShotLine;

import java.util.Optional;
import java.util.UUID;

/**
 * The first screen of a production being opened: its counts and first shots, which scroll and select, and a progress
 * bar while the whole production is read. Nothing here edits; the production's pages take over once it is read.
 */
final class OpeningController {

    @FXML private Label title, counts, progressText;
    @FXML private ProgressBar progress;
    @FXML private TableView<ShotLine> table;
    @FXML private TableColumn<ShotLine, String> sceneColumn, numberColumn, sizeColumn, descriptionColumn;
    @FXML private TableColumn<ShotLine, Integer> aiColumn;

    private final ProductionOpening.FirstLook look;

    OpeningController(ProductionOpening.FirstLook look) {
        this.look = look;
    }

    @FXML
    private void initialize() {
        var c = look.counts();
        title.setText(c.production().title());
        counts.setText(Wording.count(c.scenes(), "scene") + " · " + Wording.count(c.shots(), "shot") + " · "
                + c.shotsWithAiUse() + " with AI use");
        progressText.setText((look.complete() ? "" : "Showing the first " + look.shots().size() + " shots. ")
                + "Reading the whole production; editing starts when it is read…");
        sceneColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().scene()));
        numberColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().number()));
        sizeColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().size() == null ? "" : d.getValue().size().label()));
        aiColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().aiUses()));
        descriptionColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().description()));
        table.getItems().setAll(look.shots());
    }

    TableView<ShotLine> table() {
        return table;
    }

    /** The shot the producer selected while waiting, to select again on the Shots page. */
    Optional<UUID> selectedShot() {
        ShotLine line = table.getSelectionModel().getSelectedItem();
        return line == null ? Optional.empty() : Optional.of(line.id());
    }
}
