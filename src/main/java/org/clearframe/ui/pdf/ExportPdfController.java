package org.clearframe.ui.pdf;

import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Flag;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.FileKind;
import org.clearframe.ui.Styles;
import org.clearframe.ui.UiTasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** The export dialog: the choices, then a progress bar with Cancel while the export runs in the background. */
public final class ExportPdfController {

    @FXML private GridPane form;
    @FXML private VBox working;
    @FXML private ComboBox<PaperSize> paper;
    @FXML private ComboBox<String> department;
    @FXML private CheckBox flaggedOnly;
    @FXML private TextField output;
    @FXML private Button choose;
    @FXML private Label problem;
    @FXML private Label status;
    @FXML private ProgressBar progress;
    @FXML private Button cancel;
    @FXML private Button export;

    private final DialogService dialogs;
    private final UiTasks tasks;
    private ExportPdfModel model;
    private ProductionData data;
    private Map<UUID, List<Flag>> flags;
    private Path productionFile;
    private Consumer<ExportSummary> onDone;
    private ExportPdfTask task;

    ExportPdfController(DialogService dialogs, UiTasks tasks) {
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    void init(ExportPdfModel model, ProductionData data, Map<UUID, List<Flag>> flags, Path productionFile,
              Consumer<ExportSummary> onDone) {
        this.model = model;
        this.data = data;
        this.flags = flags;
        this.productionFile = productionFile;
        this.onDone = onDone;

        Styles.fill(paper, PaperSize.class);
        paper.valueProperty().bindBidirectional(model.paperProperty());
        department.setItems(model.departments());
        department.valueProperty().bindBidirectional(model.departmentProperty());
        flaggedOnly.selectedProperty().bindBidirectional(model.flaggedOnlyProperty());
        output.textProperty().bindBidirectional(model.outputProperty());
        export.disableProperty().bind(model.readyProperty().not());
    }

    @FXML
    private void choose() {
        dialogs.chooseSave(FileKind.BREAKDOWN_PDF, model.outputPath().toAbsolutePath())
                .ifPresent(picked -> model.outputProperty().set(picked.toString()));
    }

    @FXML
    private void export() {
        if (task != null) return;
        showProblem(null);
        task = new ExportPdfTask(data, flags, model::options, productionFile, model.outputPath());
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        showWorking(true);
        task.stateProperty().addListener((obs, was, now) -> finished(now));
        tasks.execute(task);
    }

    private void finished(Worker.State state) {
        switch (state) {
            case SUCCEEDED -> {
                ExportSummary summary = task.getValue();
                task = null;
                close();
                onDone.accept(summary);
            }
            case FAILED, CANCELLED -> {
                Throwable e = task.getException();
                task = null;
                showWorking(false);
                if (state == Worker.State.CANCELLED || e instanceof CancellationException) {
                    showProblem("Export cancelled; nothing was written.");
                } else {
                    showProblem(e == null || e.getMessage() == null ? "The export failed." : e.getMessage());
                }
            }
            default -> { }
        }
    }

    @FXML
    private void cancel() {
        if (task != null) {
            task.stop();
            cancel.setDisable(true);
        } else {
            close();
        }
    }

    void cancelRunning() {
        if (task != null) task.stop();
    }

    private void showWorking(boolean running) {
        form.setVisible(!running);
        working.setVisible(running);
        export.setVisible(!running);
        cancel.setDisable(false);
        if (!running) {
            progress.progressProperty().unbind();
            status.textProperty().unbind();
        }
    }

    private void showProblem(String message) {
        boolean show = message != null;
        problem.setText(show ? message : "");
        problem.setVisible(show);
        problem.setManaged(show);
        if (output.getScene() != null && output.getScene().getWindow() instanceof Stage stage) stage.sizeToScene();
    }

    private void close() {
        ((Stage) export.getScene().getWindow()).close();
    }
}
