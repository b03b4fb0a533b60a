package org.clearframe.ui.studio;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.clearframe.register.StudioReport;

import java.util.Objects;
import java.util.function.Function;

/** Binds the Studio window's nodes to its {@link StudioViewModel}; holds no state of its own. */
public final class StudioController {

    private final StudioViewModel model;

    @FXML private TextField address;
    @FXML private Button refresh;
    @FXML private Label status;
    @FXML private TableView<StudioReport.Line> productions;
    @FXML private TableColumn<StudioReport.Line, Object> titleColumn, ownerColumn, shootColumn, blockingColumn, studioColumn, dueColumn;
    @FXML private TextArea findings;

    public StudioController(StudioViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @FXML
    private void initialize() {
        address.textProperty().bindBidirectional(model.addressProperty());
        status.textProperty().bind(model.statusProperty());
        findings.textProperty().bind(model.findingsProperty());
        refresh.disableProperty().bind(model.busyProperty());
        productions.setItems(model.productions());
        column(titleColumn, StudioReport.Line::title);
        column(ownerColumn, StudioReport.Line::owner);
        column(shootColumn, l -> l.shootDate() == null ? "" : l.shootDate());
        column(blockingColumn, StudioReport.Line::openBlocking);
        column(studioColumn, StudioReport.Line::studioWaiting);
        column(dueColumn, l -> switch (l.due()) {
            case OVERDUE -> "Overdue";
            case DUE_SOON -> "Due soon";
            case CLEAR -> "Clear";
            case NO_DATE -> "No shoot date";
            case LATER -> "";
        });
    }

    private static void column(TableColumn<StudioReport.Line, Object> column, Function<StudioReport.Line, Object> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @FXML
    private void refresh() {
        model.refresh();
    }
}
