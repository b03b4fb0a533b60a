package org.clearframe.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.clearframe.model.CastMember;
import org.clearframe.model.Scan;

import java.util.Optional;
import java.util.UUID;

/** Records a replica scan of a cast member: the scan day, the day notice was given, and the business reason. */
final class ScanDialog {

    private ScanDialog() {}

    static Optional<Scan> show(DialogService dialogs, CastMember member, Scan scan) {
        DatePicker scannedOn = new DatePicker(scan == null ? null : scan.scannedOn());
        DatePicker noticeOn = new DatePicker(scan == null ? null : scan.noticeGivenOn());
        TextField reason = new TextField(scan == null ? "" : scan.businessReason());
        reason.setPrefColumnCount(36);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Scan day"), scannedOn);
        grid.addRow(1, new Label("Notice given on"), noticeOn);
        grid.addRow(2, new Label("Business reason"), reason);
        Label hint = new Label("The performer must be told at least 48 hours before (two days or more here). From 1 July 2026 "
                + "the SAG-AFTRA terms ask for the business reason before the scan.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        grid.add(hint, 0, 3, 2, 1);
        Dialog<Scan> dialog = new Dialog<>();
        dialog.setTitle("Record Scan");
        dialog.setHeaderText("Replica scan of " + member.display());
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(scannedOn.valueProperty().isNull());
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Scan(scan == null ? UUID.randomUUID() : scan.id(), member.id(), scannedOn.getValue(), noticeOn.getValue(), reason.getText().strip())
                : null);
        return dialogs.show(dialog);
    }
}
