package org.clearframe.ui.review;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.ProductionData;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Production > Import Sign-offs...: read and verify a reply, show what it will do, apply it on Apply. A reply
 * signed by a new key for a known head is refused with a loud warning; the producer can re-pin only by choosing
 * to, after comparing the fingerprint with the head.
 */
public final class ImportSignOffs {

    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REPIN = new ButtonType("Re-pin Their Key...", ButtonBar.ButtonData.OTHER);

    private ImportSignOffs() {}

    /** Writes a reply the producer accepted: the open session's {@code apply}, in one transaction. */
    @FunctionalInterface
    public interface Applier {
        ReplyImport.Preview apply(ReplyImport importer, Reply reply, byte[] replyFile) throws ExchangeException, StoreException;
    }

    /**
     * The whole flow, asking for the reply file first. Returns what was applied, or empty when the producer
     * cancelled or the reply was refused (the refusal has been shown).
     */
    public static Optional<ReplyImport.Preview> show(Window owner, Supplier<ProductionData> now, Applier applier) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Sign-offs");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Clearframe reply", "*" + Reply.EXTENSION));
        java.io.File file = chooser.showOpenDialog(owner);
        return file == null ? Optional.empty() : show(owner, now, applier, file.toPath(), TrustStore.forUser());
    }

    /**
     * Reads and verifies the reply, previews it over {@code now} (the open production with its proven sign-offs), and
     * on Apply hands it to {@code applier}, which checks it again against the production as it then stands.
     */
    public static Optional<ReplyImport.Preview> show(Window owner, Supplier<ProductionData> now, Applier applier, Path replyFile,
                                                     TrustStore trust) {
        ReplyImport importer = new ReplyImport(trust);
        try {
            Reply reply = importer.read(replyFile);
            ReplyImport.Preview preview;
            try {
                preview = importer.preview(now.get(), reply);
            } catch (ExchangeException e) {
                if (e.problem() != ExchangeException.Problem.KEY_CHANGED || !confirmRepin(owner, e)) throw e;
                importer = importer.repinning();
                preview = importer.preview(now.get(), reply);
            }
            if (previewDialog(owner, preview).showAndWait().filter(b -> b == APPLY).isEmpty()) return Optional.empty();
            return Optional.of(applier.apply(importer, reply, readBytes(replyFile)));
        } catch (ExchangeException | StoreException e) {
            if (e instanceof ExchangeException x && x.problem() == ExchangeException.Problem.KEY_CHANGED) return Optional.empty();
            refused(owner, e.getMessage());
            return Optional.empty();
        }
    }

    /** The reply file as received, kept in the production as the proof of its sign-offs. */
    private static byte[] readBytes(Path replyFile) throws ExchangeException {
        try {
            return java.nio.file.Files.readAllBytes(replyFile);
        } catch (IOException e) {
            throw new ExchangeException(ExchangeException.Problem.IO, "Clearframe cannot read " + replyFile.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The preview dialog (not yet shown): Apply or Cancel. */
    public static Dialog<ButtonType> previewDialog(Window owner, ReplyImport.Preview preview) {
        FXMLLoader loader = new FXMLLoader(ImportSignOffs.class.getResource("/org/clearframe/ui/review/ImportPreview.fxml"));
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("ImportPreview.fxml is missing or broken in this build", e);
        }
        ImportPreviewController controller = loader.getController();
        controller.show(preview);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.getDialogPane().getStylesheets().add(org.clearframe.ui.Styles.STYLESHEET);
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Import Sign-offs");
        dialog.setHeaderText("What this reply will do");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(APPLY).setDisable(preview.changesNothing());
        return dialog;
    }

    /** The loud warning for a known head's new key. True only if the producer explicitly chose to re-pin. */
    static boolean confirmRepin(Window owner, ExchangeException keyChanged) {
        Alert alert = new Alert(Alert.AlertType.WARNING, keyChanged.getMessage(), REPIN, ButtonType.CANCEL);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Import Sign-offs");
        alert.setHeaderText("This reply is signed with a key Clearframe does not know for this person");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(REPIN)).setDefaultButton(false);
        return alert.showAndWait().filter(b -> b == REPIN).isPresent();
    }

    private static void refused(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Import Sign-offs");
        alert.setHeaderText("This reply was not imported");
        alert.showAndWait();
    }
}
