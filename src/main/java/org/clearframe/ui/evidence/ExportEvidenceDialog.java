package org.clearframe.ui.evidence;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.clearframe.OutputFile;
import org.clearframe.evidence.Audience;
import org.clearframe.evidence.EvidencePack;
import org.clearframe.exchange.KeyRing;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.UiTasks;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * File > Export Evidence Pack...: whom the pack is for, then the pack written off the FX thread with progress and
 * Cancel (cancelling leaves no file), then a summary of what is inside and what is still open. Kept small and in
 * code: the UI is to be redesigned.
 */
public final class ExportEvidenceDialog {

    private ExportEvidenceDialog() {}

    /** Shows the dialog for writing the pack of the saved production {@code production} to {@code out}. */
    public static Stage show(DialogService dialogs, UiTasks tasks, Path production, Path out) {
        ComboBox<Audience> audience = new ComboBox<>();
        audience.getItems().setAll(Audience.values());
        audience.setValue(Audience.INSURER);
        audience.setConverter(new StringConverter<>() {
            @Override public String toString(Audience a) { return a == null ? "" : a.label(); }
            @Override public Audience fromString(String s) { return null; }
        });
        audience.setId("audience");
        Label status = new Label("The pack will be written to " + out.getFileName() + " and signed with your key.");
        status.setWrapText(true);
        status.setId("status");
        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        TextArea summary = new TextArea();
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.setPrefRowCount(14);
        summary.setId("summary");
        summary.setVisible(false);
        summary.setManaged(false);
        Button export = new Button("Export");
        export.setId("export");
        export.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        VBox root = new VBox(10, new HBox(8, new Label("Prepared for"), audience), status, progress, summary, new HBox(8, export, cancel));
        root.setPadding(new Insets(16));
        root.setPrefWidth(560);
        Stage stage = dialogs.openWindow("Export Evidence Pack", root, true);
        Task<EvidencePack.Summary>[] running = new Task[1];
        export.setOnAction(e -> {
            audience.setDisable(true);
            export.setDisable(true);
            progress.setVisible(true);
            Task<EvidencePack.Summary> task = new Task<>() {
                @Override protected EvidencePack.Summary call() throws Exception {
                    updateMessage("Writing " + out.getFileName() + "\u2026");
                    OutputFile.checkTarget(out, true, production);
                    return EvidencePack.write(production, out, audience.getValue(), KeyRing.forUser(), new ExportProgress() {
                        @Override public void progress(long done, long total) { updateProgress(done, total); }
                        @Override public boolean isCancelled() { return isCancelledTask(); }
                    });
                }
                private boolean isCancelledTask() { return isCancelled(); }
            };
            running[0] = task;
            progress.progressProperty().bind(task.progressProperty());
            status.textProperty().bind(task.messageProperty());
            task.stateProperty().addListener((o, was, now) -> {
                if (now != Worker.State.SUCCEEDED && now != Worker.State.FAILED && now != Worker.State.CANCELLED) return;
                status.textProperty().unbind();
                progress.progressProperty().unbind();
                progress.setVisible(false);
                running[0] = null;
                cancel.setText("Close");
                if (now == Worker.State.SUCCEEDED) {
                    status.setText("Wrote " + out.getFileName() + ".");
                    summary.setText(describe(task.getValue()));
                    summary.setVisible(true);
                    summary.setManaged(true);
                    stage.sizeToScene();
                } else {
                    Throwable t = task.getException();
                    status.setText(now == Worker.State.CANCELLED || t instanceof CancellationException
                            ? "Export cancelled; nothing was written."
                            : "The pack could not be written: " + (t == null || t.getMessage() == null ? "unknown error" : t.getMessage()));
                }
            });
            tasks.execute(task);
        });
        cancel.setOnAction(e -> {
            if (running[0] != null) running[0].cancel();
            else stage.close();
        });
        stage.setOnCloseRequest(e -> { if (running[0] != null) running[0].cancel(); });
        stage.show();
        return stage;
    }

    /** What is inside and what is still open, in plain words. */
    static String describe(EvidencePack.Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("Inside: ").append(String.join(", ", s.files())).append(".\n\n");
        b.append(s.shots()).append(" shots (").append(s.shotsWithAi()).append(" with AI use), ").append(s.aiUses()).append(" AI uses, ")
                .append(s.flags().flags()).append(" flags.\n");
        b.append(s.signOffsCounted()).append(" sign-offs counted, ").append(s.signOffsNotCounted()).append(" not counted; ")
                .append(s.replies()).append(" signed replies enclosed.\n");
        b.append("Audience disclosure needed for ").append(s.disclosureRequired()).append(" shots.\n");
        b.append("Signed with your key ").append(s.producerKeyFingerprint()).append(".\n\n");
        if (s.openItems().isEmpty()) {
            b.append("Nothing is open: every signature the policy asks for is given and current.");
        } else {
            b.append("Still open (").append(s.flags().openBlocking()).append(" blocking, ").append(s.flags().openAdvisory())
                    .append(" advisory flags):\n");
            s.openItems().stream().limit(200).forEach(i -> b.append("\u2022 ").append(i).append('\n'));
            if (s.openItems().size() > 200) b.append("\u2026 and ").append(s.openItems().size() - 200).append(" more, in the compliance statement.\n");
        }
        return b.toString();
    }
}
