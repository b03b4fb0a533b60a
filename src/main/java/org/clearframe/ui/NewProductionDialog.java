package org.clearframe.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.clearframe.model.Format;

import java.util.Optional;

/**
 * File > New asks what the production is before where to keep it: its title and format, and whether to start
 * empty or from the sample production as a template.
 */
final class NewProductionDialog {

    /** What the producer asked for; the file name is suggested from the title. */
    record Plan(String title, Format format, boolean fromSample) {
        /** A file name for the title, without characters a file system refuses. */
        String fileName() {
            String name = title.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
            if (name.startsWith(".")) name = name.substring(1).strip();
            return (name.isEmpty() ? "Untitled" : name) + ".clearframe";
        }
    }

    final TextField title = new TextField();
    final ComboBox<Format> format = new ComboBox<>();
    final RadioButton empty = new RadioButton("Start with an empty production");
    final RadioButton sample = new RadioButton("Start from the sample (Harbour Lights) as a template");
    private final Label titleError = new Label();
    private final FieldChecks checks = new FieldChecks();

    private NewProductionDialog() {}

    static Optional<Plan> ask(DialogService dialogs) {
        return dialogs.show(new NewProductionDialog().dialog());
    }

    Dialog<Plan> dialog() {
        title.setId("new-title");
        title.setPromptText("The production's working title");
        format.setId("new-format");
        Styles.fill(format, Format.class);
        format.setValue(Format.FEATURE);
        ToggleGroup start = new ToggleGroup();
        empty.setToggleGroup(start);
        sample.setToggleGroup(start);
        empty.setSelected(true);
        titleError.getStyleClass().add("field-error");
        checks.add(title, titleError, FieldChecks.required("Give the production a title"));

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(12);
        form.setVgap(9);
        form.addRow(0, new Label("Title"), new VBox(title, titleError));
        form.addRow(1, new Label("Format"), format);
        form.add(new VBox(6, empty, sample), 1, 2);
        title.setPrefColumnCount(28);

        Dialog<Plan> dialog = new Dialog<>();
        dialog.setTitle("New Production");
        dialog.setHeaderText("What is the production? You choose where to save it next.");
        dialog.getDialogPane().setContent(form);
        ButtonType next = new ButtonType("Choose Where to Save…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(next, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(next).disableProperty().bind(checks.invalidProperty());
        dialog.setResultConverter(b -> b == next ? new Plan(title.getText().strip(), format.getValue(), sample.isSelected()) : null);
        javafx.application.Platform.runLater(title::requestFocus);
        return dialog;
    }
}
