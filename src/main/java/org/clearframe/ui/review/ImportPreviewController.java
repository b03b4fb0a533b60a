package org.clearframe.ui.review;

import org.clearframe.rules.Wording;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import org.clearframe.exchange.ReplyImport;

import java.util.List;

/** Shows what a reply will do: new, declined, stale and already-signed decisions, and the signer's key. */
public final class ImportPreviewController {

    @FXML private Label signer, key, warnings, summary;
    @FXML private TitledPane newPane, declinedPane, stalePane, olderPane, alreadyPane;
    @FXML private ListView<String> newList, declinedList, staleList, olderList, alreadyList;

    void show(ReplyImport.Preview p) {
        signer.setText("Reply from " + p.signer() + " for \"" + p.reply().productionTitle() + "\", signed " + p.reply().createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        key.setText(p.keyLine());
        key.getStyleClass().add(switch (p.keyCheck()) {
            case NEW -> "key-new";
            case MATCHES -> "key-known";
            case CHANGED, KEY_OF_ANOTHER_HEAD, LOOKS_LIKE_ANOTHER -> "key-changed";
        });
        warnings.setText(String.join("\n", p.warnings()));
        warnings.setVisible(!p.warnings().isEmpty());
        warnings.setManaged(!p.warnings().isEmpty());
        fill(newPane, newList, "New sign-offs", p.newSignOffs());
        fill(declinedPane, declinedList, "Declined", p.declined());
        fill(stalePane, staleList, "Stale", p.stale());
        fill(olderPane, olderList, "Older than what is on record", p.older());
        fill(alreadyPane, alreadyList, "Already signed", p.alreadySigned());
        summary.setText(p.toRecord().isEmpty()
                ? "Nothing new to record: every decision in this reply is already in the production."
                : "Apply records " + Wording.count(p.toRecord().size(), "sign-off") + " in one step.");
    }

    private static void fill(TitledPane pane, ListView<String> list, String title, List<ReplyImport.Item> items) {
        pane.setText(title + " (" + items.size() + ")");
        list.getItems().setAll(items.stream().map(ReplyImport.Item::describe).toList());
        if (items.isEmpty()) pane.setExpanded(false);
    }
}
