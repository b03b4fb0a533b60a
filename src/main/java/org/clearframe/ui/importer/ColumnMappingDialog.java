package org.clearframe.ui.importer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;
import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.ShotField;
import org.clearframe.importer.ShotList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lets the producer say which CSV column holds which shot field, starting from a guess made from the header
 * names, with the first rows of the file shown so the columns can be recognised by their contents.
 */
public final class ColumnMappingDialog {

    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    static final int PREVIEW_ROWS = 10;

    /** One choice in a field's list: a CSV column, or {@link #NOT_USED}. */
    record Column(int index, String label) {
        @Override public String toString() { return label; }
    }

    static final Column NOT_USED = new Column(-1, "(not in the file)");

    @FXML private Label intro;
    @FXML private GridPane fields;
    @FXML private Label problem;
    @FXML private Label previewLabel;
    @FXML private TableView<List<String>> preview;

    private final Map<ShotField, ComboBox<Column>> choices = new EnumMap<>(ShotField.class);

    private ColumnMappingDialog() {}

    /** The dialog starting from the guessed mapping; its result is present when the producer chose Import. */
    public static Dialog<ColumnMapping> create(ViewFactory views, ShotList shots) {
        return create(views, shots, ColumnMapping.guess(shots.header()));
    }

    static Dialog<ColumnMapping> create(ViewFactory views, ShotList shots, ColumnMapping initial) {
        ColumnMappingDialog view = new ColumnMappingDialog();
        Node content = views.load(View.COLUMN_MAPPING, view).root();
        view.fill(shots, initial);

        Dialog<ColumnMapping> dialog = new Dialog<>();
        dialog.setTitle("Import shot list");
        dialog.setHeaderText("Match the columns of " + shots.fileName());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(IMPORT);
        Runnable check = () -> {
            boolean usable = view.mapping().isUsable();
            ok.setDisable(!usable);
            view.problem.setText(usable ? "" : "Choose the column that holds the scene numbers: every shot belongs to a scene.");
        };
        view.choices.values().forEach(c -> c.valueProperty().addListener((o, a, b) -> check.run()));
        check.run();
        dialog.setResultConverter(button -> button == IMPORT ? view.mapping() : null);
        return dialog;
    }

    private void fill(ShotList shots, ColumnMapping initial) {
        intro.setText("Choose which column of " + shots.fileName() + " holds each field. Fields left out are not imported; "
                + "blank cells leave an existing shot's value as it is.");
        List<Column> columns = new ArrayList<>();
        columns.add(NOT_USED);
        for (int i = 0; i < shots.width(); i++) columns.add(new Column(i, columnName(i) + ": " + shots.header().get(i)));
        int row = 0;
        for (ShotField field : ShotField.values()) {
            Label label = new Label(field.label());
            if (field == ShotField.SCENE) label.getStyleClass().add("mapping-field-required");
            ComboBox<Column> box = new ComboBox<>();
            box.setId("mapping-" + field.name().toLowerCase(Locale.ROOT));
            box.getItems().setAll(columns);
            box.setValue(columns.get(initial.column(field).orElse(-1) + 1));
            label.setLabelFor(box);
            fields.addRow(row++, label, box);
            choices.put(field, box);
        }
        for (int i = 0; i < shots.width(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(columnName(i) + ": " + shots.header().get(i));
            column.setSortable(false);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(ShotList.cell(cell.getValue(), index)));
            preview.getColumns().add(column);
        }
        List<List<String>> first = shots.rows().subList(0, Math.min(PREVIEW_ROWS, shots.rows().size()));
        preview.getItems().setAll(first);
        previewLabel.setText(first.size() < shots.rows().size()
                ? "The first " + first.size() + " of " + shots.rows().size() + " rows:" : (first.size() == 1 ? "The only row:" : "All " + first.size() + " rows:"));
    }

    ColumnMapping mapping() {
        ColumnMapping m = ColumnMapping.none();
        for (Map.Entry<ShotField, ComboBox<Column>> e : choices.entrySet()) {
            Column c = e.getValue().getValue();
            if (c != null && c.index() >= 0) m = m.with(e.getKey(), c.index());
        }
        return m;
    }

    /** Spreadsheet column letters, so "C: Description" matches what the producer sees in Excel. */
    static String columnName(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) b.insert(0, (char) ('A' + (n - 1) % 26));
        return b.toString();
    }
}
