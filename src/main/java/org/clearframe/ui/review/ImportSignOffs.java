package org.clearframe.ui.review;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.exchange.TrustStore;
import org.clearframe.store.ProductionStore;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Production > Import Sign-offs...: read and verify a reply off the FX thread, show what it will do, apply it on
 * Apply (off the FX thread again). A reply signed by a new key for a known head is refused with a loud warning; the
 * producer can re-pin only by choosing to, after comparing the fingerprint with the head.
 */
public final class ImportSignOffs {

    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
    static final String REPIN = "Re-pin Their Key...";
    static final String REFUSED = "This reply was not imported";

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

    /** What the background step hands the FX thread: the importer that verified the reply, the reply and its preview. */
    private record Checked(ReplyImport importer, Reply reply, ReplyImport.Preview preview) {}

    /**
     * The whole flow for {@code replyFile}. {@code applied} runs on the FX thread once the sign-offs are recorded;
     * nothing runs when the producer cancels, and a refusal is shown once.
     */
    public void start(ProductionStore store, Path replyFile, Consumer<ReplyImport.Preview> applied) {
        check(store, replyFile, new ReplyImport(trust), applied);
    }

    private void check(ProductionStore store, Path replyFile, ReplyImport importer, Consumer<ReplyImport.Preview> applied) {
        tasks.run("Checking " + replyFile.getFileName(), () -> {
            Reply reply = importer.read(replyFile);
            return new Checked(importer, reply, importer.preview(SignedRecord.load(store).data(), reply));
        }).onFailure(e -> {
            if (e instanceof ExchangeException x && x.problem() == ExchangeException.Problem.KEY_CHANGED) {
                if (dialogs.confirmWarning("This reply is signed with a key Clearframe does not know for this person", x.getMessage(), REPIN)) {
                    check(store, replyFile, importer.repinning(), applied);
                }
                return;
            }
            dialogs.showError(REFUSED, UiTasks.message(e));
        }).onSuccess(checked -> {
            if (dialogs.show(previewDialog(views, checked.preview())).filter(b -> b == APPLY).isEmpty()) return;
            tasks.run("Recording the sign-offs of " + replyFile.getFileName(),
                            () -> {
                                ReplyImport.Preview done = checked.importer().apply(store, checked.reply(), readBytes(replyFile));
                                // the package it answers (when this production recorded it) now shows it as replied
                                org.clearframe.exchange.SentPackages.link(store, checked.reply());
                                return done;
                            })
                    .onFailure(e -> dialogs.showError(REFUSED, UiTasks.message(e)))
                    .onSuccess(applied).start();
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
