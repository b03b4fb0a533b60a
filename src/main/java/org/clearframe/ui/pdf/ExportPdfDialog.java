package org.clearframe.ui.pdf;

import javafx.application.HostServices;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.ui.DialogService;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.View;
import org.clearframe.ui.ViewFactory;
import org.clearframe.rules.Flag;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * File > Export Breakdown PDF...: asks for paper, department, flagged-only and where to save, exports in the
 * background, then offers to open the PDF from a notification.
 */
public final class ExportPdfDialog {

    private static final System.Logger LOG = System.getLogger(ExportPdfDialog.class.getName());
    private static volatile HostServices hostServices;

    private ExportPdfDialog() {}

    /** Lets "Open" use the application's HostServices, the most reliable way to open a file in JavaFX. */
    public static void useHostServices(HostServices services) {
        hostServices = services;
    }

    /**
     * Shows the dialog over {@code owner} and returns its stage.
     *
     * @param flags          the policy's flags per shot, as the app's evaluator computed them
     * @param productionFile the open production file, for the cover's fingerprint and the default folder; may be null
     */
    public static Stage show(ViewFactory views, DialogService dialogs, UiTasks tasks, ProductionData data,
                             Map<UUID, List<Flag>> flags, Path productionFile) {
        ViewFactory.Loaded<ExportPdfController> view = views.with(Map.of(ExportPdfController.class,
                () -> new ExportPdfController(dialogs, tasks))).load(View.EXPORT_PDF);
        ExportPdfController controller = view.controller();
        Stage stage = dialogs.openWindow("Export Breakdown PDF", view.root(), true);
        controller.init(new ExportPdfModel(data, productionFile), data, flags, productionFile,
                summary -> notifyDone(stage.getOwner(), tasks, summary));
        // Closing the window mid-export cancels it, which removes the unfinished file.
        stage.setOnCloseRequest(e -> controller.cancelRunning());
        stage.show();
        return stage;
    }

    private static void notifyDone(Window owner, UiTasks tasks, ExportSummary summary) {
        Notifications note = Notifications.create()
                .title("Breakdown PDF exported")
                .text(summary.file().getFileName() + " \u2014 " + summary.pages() + (summary.pages() == 1 ? " page" : " pages"));
        if (owner != null) note.owner(owner);
        if (canOpen()) note.action(new Action("Open", e -> open(tasks, summary.file())));
        note.showInformation();
    }

    private static boolean canOpen() {
        return hostServices != null || (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN));
    }

    private static void open(UiTasks tasks, Path file) {
        HostServices services = hostServices;
        if (services != null) {
            services.showDocument(file.toUri().toString());
            return;
        }
        // AWT's Desktop must not be called on the FX thread (it can deadlock with the toolkit on some platforms).
        tasks.background("Opening " + file.getFileName(), () -> {
            Desktop.getDesktop().open(file.toFile());
            return null;
        }).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "Cannot open " + file, e)).start();
    }
}
