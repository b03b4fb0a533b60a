package org.clearframe.ui.review;

import org.clearframe.rules.Wording;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.model.Decision;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.FileKind;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The review window: the package's questions on the left, what the head reads on the right, their answer below. */
public final class ReviewController {

    private static final System.Logger LOG = System.getLogger(ReviewController.class.getName());

    @FXML private Label title;
    @FXML private TableView<ReviewModel.Row> table;
    @FXML private TableColumn<ReviewModel.Row, String> shotColumn, ruleColumn, whoColumn, stateColumn, decisionColumn;
    @FXML private TextArea details;
    @FXML private ChoiceBox<Decision> decision;
    @FXML private TextField note, signer;
    @FXML private Label status, keyLabel;
    @FXML private Button returnButton, approveSelected, declineSelected, approveAll, declineAll;
    @FXML private TextField bulkNote;

    private final DialogService dialogs;
    private ReviewModel model;
    private KeyRing keys;
    private ReviewModel.Row bound;
    private Function<Window, Optional<Path>> chooseTarget = this::askForTarget;
    private Path lastWritten;
    private String producerLine = "";
    private final javafx.beans.property.StringProperty saved = new javafx.beans.property.SimpleStringProperty("");

    ReviewController(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    void init(ReviewModel model, KeyRing keys) {
        this.model = model;
        this.keys = keys;
        title.setText(model.title());
        table.setItems(model.rows());
        shotColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().shot()));
        ruleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rule()));
        whoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().who()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        decisionColumn.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(
                () -> c.getValue().decisionProperty().get() == null ? "" : c.getValue().decisionProperty().get().label(),
                c.getValue().decisionProperty()));

        decision.getItems().setAll(null, Decision.APPROVED, Decision.APPROVED_WITH_CONDITIONS, Decision.DECLINED);
        decision.setConverter(new StringConverter<>() {
            @Override public String toString(Decision d) { return d == null ? "Not decided" : d.label(); }
            @Override public Decision fromString(String s) { return null; }
        });
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> bindTo(row));
        var noneSelected = table.getSelectionModel().selectedItemProperty().isNull();
        approveSelected.disableProperty().bind(noneSelected);
        declineSelected.disableProperty().bind(noneSelected);
        approveAll.setDisable(model.rows().isEmpty());
        declineAll.setDisable(model.rows().isEmpty());
        signer.textProperty().bindBidirectional(model.signerProperty());
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.problemBinding().get().isEmpty() ? saved.get() : model.problemBinding().get(), model.problemBinding(), saved));
        returnButton.disableProperty().bind(model.problemBinding().isNotEmpty());
        try {
            keyLabel.setText("Your key: " + keys.fingerprint());
        } catch (ExchangeException e) {
            keyLabel.setText("Your signing key cannot be read: " + e.getMessage());
        }
        if (!model.rows().isEmpty()) table.getSelectionModel().selectFirst();
        else bindTo(null);
    }

    /** Shows how the package's producer signature stands; an unsigned package's warning is styled as one. */
    void showProducer(String line, boolean warning) {
        producerLine = line;
        keyLabel.setText(keyLabel.getText() + "   ·   " + line);
        keyLabel.setWrapText(true);
        if (warning) keyLabel.getStyleClass().add("key-changed");
    }

    String producerLine() {
        return producerLine;
    }

    /** The decision and note fields edit the selected row. */
    private void bindTo(ReviewModel.Row row) {
        if (bound != null) {
            decision.valueProperty().unbindBidirectional(bound.decisionProperty());
            note.textProperty().unbindBidirectional(bound.noteProperty());
        }
        bound = row;
        decision.setDisable(row == null);
        note.setDisable(row == null);
        if (row == null) {
            details.setText("");
            return;
        }
        decision.valueProperty().bindBidirectional(row.decisionProperty());
        note.textProperty().bindBidirectional(row.noteProperty());
        details.setText(model.details(row));
    }

    @FXML void approveSelected() { decide(java.util.List.copyOf(table.getSelectionModel().getSelectedItems()), Decision.APPROVED); }
    @FXML void declineSelected() { decide(java.util.List.copyOf(table.getSelectionModel().getSelectedItems()), Decision.DECLINED); }
    @FXML void approveAll() { decide(model.rows(), Decision.APPROVED); }
    @FXML void declineAll() { decide(model.rows(), Decision.DECLINED); }

    /** One decision and the one note on many rows; the row being edited below shows it at once. */
    private void decide(java.util.List<ReviewModel.Row> rows, Decision d) {
        int n = model.decideAll(rows.stream().filter(java.util.Objects::nonNull).toList(), d, bulkNote.getText());
        saved.set("");
        table.refresh();
        LOG.log(System.Logger.Level.DEBUG, "{0} on {1} rows", d, n);
    }

    /** Lets a test (or a caller with its own save dialog) pick where the reply goes. */
    void setTargetChooser(Function<Window, Optional<Path>> chooser) {
        this.chooseTarget = chooser;
    }

    Path lastWritten() {
        return lastWritten;
    }

    @FXML
    void returnSignOffs() {
        Window window = table.getScene().getWindow();
        Optional<Path> target = chooseTarget.apply(window);
        if (target.isEmpty()) return;
        try {
            Reply reply = model.sign(keys.keyPair());
            reply.write(target.get());
            lastWritten = target.get();
            LOG.log(System.Logger.Level.INFO, "Wrote {0} decisions to {1}", reply.decisions().size(), target.get());
            saved.set("Saved " + target.get().getFileName() + " (" + Wording.count(reply.decisions().size(), "decision") + "). Send it to the producer.");
        } catch (ExchangeException e) {
            dialogs.showError("The sign-offs could not be returned", e.getMessage());
        }
    }

    private Optional<Path> askForTarget(Window window) {
        String who = model.signerProperty().get().isBlank() ? "" : "-" + model.signerProperty().get().strip().replaceAll("[^\\p{L}\\p{N}]+", "-");
        return dialogs.chooseSave(FileKind.REPLY_TO_RETURN,
                Path.of(model.pkg().production().title().replaceAll("[^\\p{L}\\p{N}]+", "-") + who + Reply.EXTENSION));
    }
}
