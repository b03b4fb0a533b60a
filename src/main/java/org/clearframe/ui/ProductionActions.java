package org.clearframe.ui;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.TrustStore;
import org.clearframe.importer.CsvExport;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ShotListImport;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Policy;
import org.clearframe.ui.importer.ColumnMappingDialog;
import org.clearframe.ui.importer.ScriptRevisionDialog;
import org.clearframe.ui.review.ImportSignOffs;
import org.clearframe.ui.review.ReviewWindow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The menu commands that hand work to the services (import, export, policy, sharing). Services compute previews
 * over a snapshot taken on the FX thread (slow ones off it, through {@link UiTasks}); the session alone writes what
 * the producer accepts, in one transaction and one undoable step.
 */
final class ProductionActions {

    private final ProductionFiles files;
    private final Navigator navigator;
    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;
    private final Consumer<String> status;

    ProductionActions(ProductionFiles files, Navigator navigator, DialogService dialogs, UiTasks tasks, ViewFactory views,
                      Consumer<String> status) {
        this.files = files;
        this.navigator = navigator;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
        this.status = status;
    }

    private Session session() {
        return files.current().orElse(null);
    }

    // ----------------------------------------------------------------------------------------- scripts

    /** With a production open, a revised script updates it (after a preview); otherwise it becomes a new one. */
    void importScript() {
        Optional<Path> chosen = dialogs.chooseOpen(FileKind.SCRIPT);
        if (chosen.isEmpty()) return;
        Path script = chosen.get();
        if (session() == null) {
            Optional<Path> out = dialogs.chooseSave(FileKind.NEW_PRODUCTION_FROM_SCRIPT,
                    Path.of(script.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".clearframe"));
            if (out.isEmpty()) return;
            tasks.run("Importing " + script.getFileName(), () -> ScriptImport.importNew(script, out.get()))
                    .failureTitle("Could not import " + script.getFileName())
                    .onSuccess(data -> files.openFile(out.get())).start();
            return;
        }
        Session s = session();
        var now = s.snapshot(); // taken here: background work never reads the observable lists
        tasks.run("Reading " + script.getFileName(), () -> ScriptImport.preview(now, script))
                .failureTitle("Could not import " + script.getFileName())
                .onSuccess(revision -> {
                    if (revision.isEmpty()) {
                        dialogs.showInfo("Nothing to change", script.getFileName() + " matches the production's scenes.");
                        return;
                    }
                    dialogs.show(ScriptRevisionDialog.create(views, revision)).ifPresent(accepted ->
                            dialogs.attempt("Could not apply the revised script", () -> s.apply(accepted)));
                }).start();
    }

    void importShots() {
        if (session() == null) return;
        Optional<Path> chosen = dialogs.chooseOpen(FileKind.SHOT_LIST);
        if (chosen.isEmpty()) return;
        Path csv = chosen.get();
        Session s = session();
        tasks.run("Reading " + csv.getFileName(), () -> ShotListImport.read(csv))
                .failureTitle("Could not read " + csv.getFileName())
                .onSuccess(list -> dialogs.show(ColumnMappingDialog.create(views, list)).ifPresent(mapping -> {
                    var preview = ShotListImport.preview(s.snapshot(), list, mapping);
                    if (preview.isEmpty()) {
                        dialogs.showInfo("Nothing to import", "Every shot in " + csv.getFileName() + " is already in the production.");
                        return;
                    }
                    if (dialogs.confirm(preview.summary(), String.join("\n", preview.lines()), "Import")) {
                        dialogs.attempt("Could not import the shots", () -> s.apply(preview));
                    }
                })).start();
    }

    // ----------------------------------------------------------------------------------------- exports

    void exportCsv() {
        if (session() == null) return;
        Optional<Path> out = dialogs.chooseSave(FileKind.SHOT_LIST_EXPORT, Path.of(baseName() + " shots.csv"));
        if (out.isEmpty()) return;
        var data = session().snapshot();
        tasks.run("Exporting " + out.get().getFileName(), () -> { CsvExport.write(data, out.get()); return null; })
                .failureTitle("Could not export the shot list")
                .onSuccess(done -> status.accept("Exported " + out.get().getFileName())).start();
    }

    /** The breakdown PDF, with the flags the app already holds for each shot. */
    void exportPdf() {
        Session s = session();
        if (s == null) return;
        java.util.Map<java.util.UUID, java.util.List<org.clearframe.rules.Flag>> flags = new java.util.LinkedHashMap<>();
        for (var shot : s.shots()) flags.put(shot.id(), s.flags(shot.id()));
        // the PDF's cover carries the file's fingerprint, so the file must hold every edit first
        if (!dialogs.attempt("Could not prepare the export", s::flush)) return;
        org.clearframe.ui.pdf.ExportPdfDialog.show(views, dialogs, tasks, s.snapshot(), flags, s.file());
    }

    /** The evidence pack, written from the saved file (so every edit is in it and the file's fingerprint is the one signed). */
    void exportEvidence() {
        Session s = session();
        if (s == null) return;
        if (!dialogs.attempt("Could not prepare the evidence pack", s::flush)) return;
        dialogs.chooseSave(FileKind.EVIDENCE_PACK, Path.of(baseName() + " evidence.zip")).ifPresent(out ->
                org.clearframe.ui.evidence.ExportEvidenceDialog.show(dialogs, tasks, s.file(), out));
    }

    void exportJson() {
        if (session() == null) return;
        Optional<Path> out = dialogs.chooseSave(FileKind.JSON_EXPORT, Path.of(baseName() + ".json"));
        if (out.isEmpty()) return;
        Session s = session();
        tasks.run("Exporting " + out.get().getFileName(), () -> { s.exportJson(out.get()); return null; })
                .failureTitle("Could not export the production")
                .onSuccess(done -> status.accept("Exported " + out.get().getFileName())).start();
    }

    void importJson() {
        Optional<Path> json = dialogs.chooseOpen(FileKind.JSON_IMPORT);
        if (json.isEmpty()) return;
        Optional<Path> out = dialogs.chooseSave(FileKind.IMPORTED_PRODUCTION,
                Path.of(json.get().getFileName().toString().replaceFirst("\\.json$", "") + ".clearframe"));
        if (out.isEmpty()) return;
        tasks.run("Importing " + json.get().getFileName(), () -> ProjectJson.importTo(json.get(), out.get()))
                .failureTitle("Could not import " + json.get().getFileName())
                .onSuccess(data -> files.openFile(out.get())).start();
    }

    // ------------------------------------------------------------------------------------------ policy

    void loadPolicy() {
        if (session() == null) return;
        Optional<Path> chosen = dialogs.chooseOpen(FileKind.POLICY);
        if (chosen.isEmpty()) return;
        Path file = chosen.get();
        dialogs.attempt("The policy was not loaded", () -> {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            Policy policy = Policy.parse(json, file.getFileName().toString()); // refuses a bad file before anything changes
            session().setPolicy(file.getFileName().toString(), json);
            status.accept("Policy in force: " + policy.name() + " (" + Wording.count(policy.rules().size(), "rule") + ")");
            navigator.show(Page.POLICY);
        });
    }

    void useDefaultPolicy() {
        if (session() == null) return;
        // The default is the newest built-in version; a production already under a built-in one upgrades from Production > Policy.
        if (BuiltInPolicies.identify(session().policy()).isPresent()) return;
        if (dialogs.confirm("Go back to the built-in policy?",
                "The studio policy stored in this production is replaced by Clearframe's default (" + BuiltInPolicies.latest().version()
                        + "). Flags are re-evaluated.", "Use Default")) {
            dialogs.attempt("Could not change the policy",
                    () -> session().setPolicy(BuiltInPolicies.SOURCE, BuiltInPolicies.latest().json()));
        }
    }

    // ----------------------------------------------------------------------------------------- sharing

    void reviewPackage() {
        dialogs.chooseOpen(FileKind.PACKAGE_TO_REVIEW).ifPresent(file ->
                dialogs.attempt("Could not open the package", () -> ReviewWindow.show(views, dialogs, file)));
    }

    void importReply() {
        Session s = session();
        if (s == null) return;
        dialogs.chooseOpen(FileKind.REPLY).ifPresent(file ->
                new ImportSignOffs(dialogs, tasks, views, TrustStore.forUser()).start(s::snapshot, s::apply, file,
                        applied -> status.accept(ReplyImport.reinstatement(applied).orElse("Imported the sign-offs of " + file.getFileName()))));
    }

    /**
     * Production > Attest Earlier Sign-offs: lists the sign-offs recorded before proofs were kept and, only if the
     * producer confirms, vouches for them with the producer's own key. They then count, labelled as attested.
     */
    void attestEarlierSignOffs() {
        if (session() == null) return;
        // what attesting can make count: not a row without a valid proof, nor one the producer withdrew (redo brings that back)
        var earlier = session().ignoredSignOffs().stream().filter(i -> i.why() == org.clearframe.exchange.SignedRecord.Why.BEFORE_PROOFS
                || i.why() == org.clearframe.exchange.SignedRecord.Why.UNTRUSTED_KEY).toList();
        if (earlier.isEmpty()) {
            dialogs.showInfo("Nothing to attest", "Every sign-off in this production counts already, or has no valid proof (and is never attested).");
            return;
        }
        StringBuilder text = new StringBuilder("These sign-offs do not count yet: they were recorded before Clearframe kept proofs, or "
                + "their proof was made with a key you do not trust (a colleague's, or the sample's). Attesting signs each with your "
                + "own key: you vouch that it was given; it will show as attested by you, not signed by the person.\n");
        earlier.stream().limit(30).forEach(i -> text.append("\n• ").append(i.signOff().signer().isBlank() ? "(no name)" : i.signOff().signer())
                .append(": ").append(i.signOff().role().label()).append(", ").append(i.signOff().ruleId()).append(", ")
                .append(i.signOff().decision().label()).append(" (").append(Wording.dateTime(i.signOff().signedAt())).append(")"));
        if (earlier.size() > 30) text.append("\n… and ").append(earlier.size() - 30).append(" more");
        if (!dialogs.confirm("Attest " + Wording.count(earlier.size(), "earlier sign-off") + "?", text.toString(),
                "Attest " + earlier.size())) return;
        dialogs.attempt("Could not attest the earlier sign-offs", () -> session().attestEarlierSignOffs());
    }

    private String baseName() {
        return session().file().getFileName().toString().replaceFirst("\\.clearframe$", "");
    }
}
