package org.clearframe.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.exchange.SharePackage;
import org.clearframe.importer.CsvExport;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ShotListImport;
import org.clearframe.model.Department;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Policy;
import org.clearframe.ui.importer.ColumnMappingDialog;
import org.clearframe.ui.importer.ScriptRevisionDialog;
import org.clearframe.ui.review.ImportSignOffs;
import org.clearframe.ui.review.ReviewWindow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The menu commands that hand work to the services (import, export, policy, sharing). Services compute previews
 * over a snapshot taken on the FX thread (slow ones through {@link MainController#run}); the session alone writes
 * what the producer accepts, in one transaction and one undoable step.
 */
final class ProductionActions {

    private final MainController main;

    ProductionActions(MainController main) {
        this.main = main;
    }

    private Session session() {
        return main.session();
    }

    private static FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        return chooser;
    }

    // ----------------------------------------------------------------------------------------- scripts

    /** With a production open, a revised script updates it (after a preview); otherwise it becomes a new one. */
    void importScript() {
        Path script = MainController.toPath(chooser("Import Script", "Screenplays (Fountain, Final Draft)",
                "*.fountain", "*.spmd", "*.txt", "*.fdx").showOpenDialog(main.window()));
        if (script == null) return;
        if (session() == null) {
            FileChooser save = MainController.chooser("Save the New Production");
            save.setInitialFileName(script.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".clearframe");
            Path out = MainController.toPath(save.showSaveDialog(main.window()));
            if (out == null) return;
            main.run("Importing " + script.getFileName(), "Could not import " + script.getFileName(),
                    () -> ScriptImport.importNew(script, out), data -> main.openFile(out));
            return;
        }
        Session s = session();
        var now = s.snapshot(); // taken here: background work never reads the observable lists
        main.run("Reading " + script.getFileName(), "Could not import " + script.getFileName(),
                () -> ScriptImport.preview(now, script), revision -> {
                    if (revision.isEmpty()) {
                        info("Nothing to change", script.getFileName() + " matches the production's scenes.");
                        return;
                    }
                    ScriptRevisionDialog.show(main.window(), revision).ifPresent(chosen ->
                            Dialogs.attempt(main.window(), "Could not apply the revised script", () -> s.apply(chosen)));
                });
    }

    void importShots() {
        if (session() == null) return;
        Path csv = MainController.toPath(chooser("Import Shot List", "Spreadsheets (CSV)", "*.csv", "*.txt").showOpenDialog(main.window()));
        if (csv == null) return;
        Session s = session();
        main.run("Reading " + csv.getFileName(), "Could not read " + csv.getFileName(), () -> ShotListImport.read(csv), list ->
                ColumnMappingDialog.show(main.window(), list).ifPresent(mapping -> {
                    var preview = ShotListImport.preview(s.snapshot(), list, mapping);
                    if (preview.isEmpty()) {
                        info("Nothing to import", "Every shot in " + csv.getFileName() + " is already in the production.");
                        return;
                    }
                    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, String.join("\n", preview.lines()), ButtonType.OK, ButtonType.CANCEL);
                    Dialogs.prepare(confirm, main.window(), preview.summary());
                    if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
                        Dialogs.attempt(main.window(), "Could not import the shots", () -> s.apply(preview));
                    }
                }));
    }

    // ----------------------------------------------------------------------------------------- exports

    void exportCsv() {
        if (session() == null) return;
        FileChooser save = chooser("Export Shot List", "Spreadsheets (CSV)", "*.csv");
        save.setInitialFileName(baseName() + " shots.csv");
        Path out = MainController.toPath(save.showSaveDialog(main.window()));
        if (out == null) return;
        var data = session().snapshot();
        main.run("Exporting " + out.getFileName(), "Could not export the shot list",
                () -> { CsvExport.write(data, out); return null; }, done -> main.status("Exported " + out.getFileName()));
    }

    /** The breakdown PDF, with the flags the app already holds for each shot. */
    void exportPdf() {
        Session s = session();
        if (s == null) return;
        java.util.Map<java.util.UUID, java.util.List<org.clearframe.rules.Flag>> flags = new java.util.LinkedHashMap<>();
        for (var shot : s.shots()) flags.put(shot.id(), s.flags(shot.id()));
        // the PDF's cover carries the file's fingerprint, so the file must hold every edit first
        if (!Dialogs.attempt(main.window(), "Could not prepare the export", s::flush)) return;
        org.clearframe.ui.pdf.ExportPdfDialog.show(main.window(), s.snapshot(), flags, s.file());
    }

    /** The evidence pack, written from the saved file (so every edit is in it and the file's fingerprint is the one signed). */
    void exportEvidence() {
        Session s = session();
        if (s == null) return;
        if (!Dialogs.attempt(main.window(), "Could not prepare the evidence pack", s::flush)) return;
        FileChooser save = chooser("Export Evidence Pack", "Evidence pack (*.zip)", "*.zip");
        save.setInitialFileName(baseName() + " evidence.zip");
        Path out = MainController.toPath(save.showSaveDialog(main.window()));
        if (out == null) return;
        org.clearframe.ui.evidence.ExportEvidenceDialog.show(main.window(), s.file(), out);
    }

    void exportJson() {
        if (session() == null) return;
        FileChooser save = chooser("Export Production as JSON", "Clearframe JSON (*.json)", "*.json");
        save.setInitialFileName(baseName() + ".json");
        Path out = MainController.toPath(save.showSaveDialog(main.window()));
        if (out == null) return;
        Session s = session();
        main.run("Exporting " + out.getFileName(), "Could not export the production",
                () -> { s.exportJson(out); return null; }, done -> main.status("Exported " + out.getFileName()));
    }

    void importJson() {
        Path json = MainController.toPath(chooser("Import Production from JSON", "Clearframe JSON (*.json)", "*.json").showOpenDialog(main.window()));
        if (json == null) return;
        FileChooser save = MainController.chooser("Save the Imported Production");
        save.setInitialFileName(json.getFileName().toString().replaceFirst("\\.json$", "") + ".clearframe");
        Path out = MainController.toPath(save.showSaveDialog(main.window()));
        if (out == null) return;
        main.run("Importing " + json.getFileName(), "Could not import " + json.getFileName(),
                () -> ProjectJson.importTo(json, out), data -> main.openFile(out));
    }

    // ------------------------------------------------------------------------------------------ policy

    void loadPolicy() {
        if (session() == null) return;
        Path file = MainController.toPath(chooser("Load Studio Policy", "Policy files (*.json)", "*.json").showOpenDialog(main.window()));
        if (file == null) return;
        Dialogs.attempt(main.window(), "The policy was not loaded", () -> {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            Policy policy = Policy.parse(json, file.getFileName().toString()); // refuses a bad file before anything changes
            session().setPolicy(file.getFileName().toString(), json);
            main.status("Policy in force: " + policy.name() + " (" + policy.rules().size() + " rules)");
            main.select(Page.POLICY);
        });
    }

    void useDefaultPolicy() {
        if (session() == null) return;
        // The default is the newest built-in version; a production already under a built-in one upgrades from Production > Policy.
        if (BuiltInPolicies.identify(session().policy()).isPresent()) return;
        if (Dialogs.confirm(main.window(), "Go back to the built-in policy?",
                "The studio policy stored in this production is replaced by Clearframe's default (" + BuiltInPolicies.latest().version()
                        + "). Flags are re-evaluated.", "Use Default")) {
            Dialogs.attempt(main.window(), "Could not change the policy",
                    () -> session().setPolicy(BuiltInPolicies.SOURCE, BuiltInPolicies.latest().json()));
        }
    }

    // ----------------------------------------------------------------------------------------- sharing

    void shareWithDepartment() {
        if (session() == null) return;
        var names = session().departments().stream().map(Department::name).toList();
        ChoiceDialog<String> pick = new ChoiceDialog<>(names.contains("VFX") ? "VFX" : names.get(0), names);
        pick.initOwner(main.window());
        pick.setTitle("Send to Department");
        pick.setHeaderText("Which department's head will review and sign?");
        pick.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        pick.showAndWait().ifPresent(department -> {
            FileChooser save = chooser("Save Share Package", "Clearframe share packages (*.cfshare)", "*" + SharePackage.EXTENSION);
            save.setInitialFileName(baseName() + " - " + department.replaceAll("[/\\\\:]", "-") + SharePackage.EXTENSION);
            Path out = MainController.toPath(save.showSaveDialog(main.window()));
            if (out == null) return;
            var data = session().snapshot();
            main.run("Writing " + out.getFileName(), "Could not write the share package", () -> {
                SharePackage.build(data, SharePackage.forDepartment(data, department)).write(out);
                return null;
            }, done -> info("Package ready", "Send " + out.getFileName() + " to the head of " + department
                    + ". They open it in Clearframe (Share > Review a Package), sign their part and send back a reply file."));
        });
    }

    void reviewPackage() {
        Path file = MainController.toPath(chooser("Review a Package", "Clearframe share packages (*.cfshare)", "*" + SharePackage.EXTENSION)
                .showOpenDialog(main.window()));
        if (file == null) return;
        Dialogs.attempt(main.window(), "Could not open the package", () -> ReviewWindow.show(main.window(), file));
    }

    void importReply() {
        if (session() == null) return;
        Session s = session();
        ImportSignOffs.show(main.window(), s::snapshot, s::apply);
    }

    /**
     * Production > Attest Earlier Sign-offs: lists the sign-offs recorded before proofs were kept and, only if the
     * producer confirms, vouches for them with the producer's own key. They then count, labelled as attested.
     */
    void attestEarlierSignOffs() {
        if (session() == null) return;
        var earlier = session().ignoredSignOffs().stream().filter(i -> i.why() != org.clearframe.exchange.SignedRecord.Why.NO_VALID_PROOF).toList();
        if (earlier.isEmpty()) {
            info("Nothing to attest", "Every sign-off in this production counts already, or has no valid proof (and is never attested).");
            return;
        }
        StringBuilder text = new StringBuilder("These sign-offs do not count yet: they were recorded before Clearframe kept proofs, or "
                + "their proof was made with a key you do not trust (a colleague's, or the sample's). Attesting signs each with your "
                + "own key: you vouch that it was given; it will show as attested by you, not signed by the person.\n");
        earlier.stream().limit(30).forEach(i -> text.append("\n• ").append(i.signOff().signer().isBlank() ? "(no name)" : i.signOff().signer())
                .append(": ").append(i.signOff().role().label()).append(", ").append(i.signOff().ruleId()).append(", ")
                .append(i.signOff().decision().label()).append(" (").append(i.signOff().signedAt()).append(")"));
        if (earlier.size() > 30) text.append("\n… and ").append(earlier.size() - 30).append(" more");
        ButtonType attest = new ButtonType("Attest " + earlier.size(), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text.toString(), attest, ButtonType.CANCEL);
        Dialogs.prepare(confirm, main.window(), "Attest " + earlier.size() + " earlier sign-off" + (earlier.size() == 1 ? "" : "s") + "?");
        if (confirm.showAndWait().filter(b -> b == attest).isEmpty()) return;
        Dialogs.attempt(main.window(), "Could not attest the earlier sign-offs", () -> session().attestEarlierSignOffs());
    }

    private String baseName() {
        return session().file().getFileName().toString().replaceFirst("\\.clearframe$", "");
    }

    private void info(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        Dialogs.prepare(alert, main.window(), header);
        alert.showAndWait();
    }
}
