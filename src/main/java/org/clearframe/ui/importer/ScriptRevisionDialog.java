package org.clearframe.ui.importer;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.model.CastMember;
import org.clearframe.model.Scene;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Shows what re-importing a revised script would change (added, changed and omitted scenes) and lets the
 * producer apply it or not. The dialog only decides; the caller applies the revision, off the FX thread.
 */
public final class ScriptRevisionDialog {

    static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    @FXML private Label summary;
    @FXML private TitledPane addedPane;
    @FXML private TitledPane changedPane;
    @FXML private TitledPane omittedPane;
    @FXML private ListView<String> added;
    @FXML private ListView<String> changed;
    @FXML private ListView<String> omitted;
    @FXML private Label newCast;

    private ScriptRevisionDialog() {}

    /** The dialog (shown through the DialogService); its result is present when the producer chose Apply. */
    public static Dialog<ScriptRevision> create(ViewFactory views, ScriptRevision revision) {
        ScriptRevisionDialog view = new ScriptRevisionDialog();
        Node content = views.load(View.SCRIPT_REVISION, view).root();
        view.fill(revision);

        Dialog<ScriptRevision> dialog = new Dialog<>();
        dialog.setTitle("Re-import " + revision.scriptName());
        dialog.setHeaderText("Changes from " + revision.scriptName());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        Button apply = (Button) dialog.getDialogPane().lookupButton(APPLY);
        apply.setDisable(revision.isEmpty());
        dialog.setResultConverter(button -> button == APPLY ? revision : null);
        return dialog;
    }

    private void fill(ScriptRevision revision) {
        summary.setText(revision.summary());
        added.getItems().setAll(revision.added().stream().map(ScriptRevisionDialog::line).toList());
        changed.getItems().setAll(revision.changed().stream()
                .map(c -> line(c.after()) + "   \u2014 " + String.join(", ", c.what())).toList());
        omitted.getItems().setAll(revision.omitted().stream().map(ScriptRevisionDialog::line).toList());
        title(addedPane, "Added", revision.added());
        title(changedPane, "Changed", revision.changed());
        title(omittedPane, "Omitted", revision.omitted());
        newCast.setText(revision.newCast().isEmpty() ? ""
                : "New cast members (performer to be cast): "
                  + revision.newCast().stream().map(CastMember::character).collect(Collectors.joining(", ")));
        newCast.setManaged(!revision.newCast().isEmpty());
    }

    private static void title(TitledPane pane, String name, List<?> items) {
        pane.setText(name + " (" + items.size() + ")");
    }

    private static String line(Scene s) {
        return s.heading() + "   " + Scene.pages(s.eighths());
    }
}
