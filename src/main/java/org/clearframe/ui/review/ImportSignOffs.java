package org.clearframe.ui.review;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.ProductionData;
import org.clearframe.store.StoreException;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Production > Import Sign-offs...: read and verify a reply off the FX thread against a snapshot of the open
 * production, show what it will do, and on Apply hand it to the open session, which checks it again against the
 * production as it then stands and records it in one transaction. A reply signed by a new key for a known head is
 * refused with a loud warning; the producer can re-pin only by choosing to, after comparing the fingerprint with the head.
 */
public final class ImportSignOffs {

    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
    static final String REPIN = "Re-pin Their Key...";
    static final String REFUSED = "This reply was not imported";

    /** Writes a reply the producer accepted: the open session's {@code apply}, in one transaction, on the FX thread. */
    @FunctionalInterface
    public interface Applier {
        ReplyImport.Preview apply(ReplyImport importer, Reply reply, byte[] replyFile) throws ExchangeException, StoreException;
    }

    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;
    private final TrustStore trust;

    public ImportSignOffs(DialogService dialogs, UiTasks tasks, ViewFactory views, TrustStore trust) {
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
        this.trust = trust;
    }

    /** What the background step hands the FX thread: the importer that verified the reply, the reply, its bytes and preview. */
    private record Checked(ReplyImport importer, Reply reply, byte[] bytes, ReplyImport.Preview preview) {}

    /**
     * The whole flow for {@code replyFile}, on the FX thread. {@code now} is taken here (background work never reads
     * the session's lists); {@code applied} runs once the sign-offs are recorded; nothing runs when the producer
     * cancels, and a refusal is shown once. No store is handed out: only {@code applier} writes.
     */
    public void start(Supplier<ProductionData> now, Applier applier, Path replyFile, Consumer<ReplyImport.Preview> applied) {
        check(now.get(), applier, replyFile, new ReplyImport(trust), applied);
    }

    private void check(ProductionData snapshot, Applier applier, Path replyFile, ReplyImport importer,
                       Consumer<ReplyImport.Preview> applied) {
        tasks.run("Checking " + replyFile.getFileName(), () -> {
            byte[] bytes = readBytes(replyFile);
            Reply reply = importer.read(replyFile);
            return new Checked(importer, reply, bytes, importer.preview(snapshot, reply));
        }).onFailure(e -> {
            if (e instanceof ExchangeException x && x.problem() == ExchangeException.Problem.KEY_CHANGED) {
                if (dialogs.confirmWarning("This reply is signed with a key Clearframe does not know for this person", x.getMessage(), REPIN)) {
                    check(snapshot, applier, replyFile, importer.repinning(), applied);
                }
                return;
            }
            dialogs.showError(REFUSED, UiTasks.message(e));
        }).onSuccess(checked -> {
            if (dialogs.show(previewDialog(views, checked.preview())).filter(b -> b == APPLY).isEmpty()) return;
            ReplyImport.Preview done;
            try {
                // on the FX thread: the session updates its lists in place; it verifies the reply again before writing
                done = applier.apply(checked.importer(), checked.reply(), checked.bytes());
            } catch (ExchangeException | StoreException e) {
                dialogs.showError(REFUSED, UiTasks.message(e));
                return;
            }
            applied.accept(done);
        }).start();
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
    public static Dialog<ButtonType> previewDialog(ViewFactory views, ReplyImport.Preview preview) {
        ViewFactory.Loaded<ImportPreviewController> view = views.load(View.IMPORT_PREVIEW);
        view.controller().show(preview);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Import Sign-offs");
        dialog.setHeaderText("What this reply will do");
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(APPLY).setDisable(preview.changesNothing());
        return dialog;
    }
}
