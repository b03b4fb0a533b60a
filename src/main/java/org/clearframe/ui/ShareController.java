package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.SentPackage;
import org.clearframe.rules.PackageStates;
import org.clearframe.ui.review.ImportSignOffs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The Share page: send a package to a department's head, import their reply, and see where every package stands. */
public final class ShareController implements PageController {

    @FXML private Label summary;
    @FXML private Button mailButton;
    @FXML private TableView<ShareViewModel.PackageRow> table;
    @FXML private TableColumn<ShareViewModel.PackageRow, String> sentColumn, toColumn, stateColumn, answeredColumn, fileColumn, whyColumn;

    private final ShareViewModel model;
    private final Session session;
    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;
    private final MailApp mail;

    ShareController(ShareViewModel model, Session session, DialogService dialogs, UiTasks tasks, ViewFactory views, MailApp mail) {
        this.model = model;
        this.session = session;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
        this.mail = mail;
    }

    @FXML
    private void initialize() {
        sentColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sentAt()));
        toColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sent().audience()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().standing().state().name()));
        stateColumn.setCellFactory(c -> new StateCell());
        answeredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().answered()));
        answeredColumn.setCellFactory(c -> new FullTextCell());
        fileColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sent().fileName()));
        whyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().standing().why()));
        // a narrow window cuts long names and reasons short: the whole text is in the cell's tooltip
        for (TableColumn<ShareViewModel.PackageRow, String> column : List.of(toColumn, fileColumn, whyColumn)) column.setCellFactory(c -> new FullTextCell());
        // at the window's narrowest, the file name (also in the package's mail) gives its room to who and why
        table.widthProperty().addListener((o, a, w) -> fileColumn.setVisible(w.doubleValue() >= 900));
        mailButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        session.packages().addListener((ListChangeListener<SentPackage>) c -> refresh());
        session.flagsRevisionProperty().addListener(o -> refresh()); // an edit can expire a package
        refresh();
    }

    @Override
    public void shown() {
        refresh();
    }

    private void refresh() {
        List<ShareViewModel.PackageRow> rows = model.packages();
        table.getItems().setAll(rows);
        long waiting = rows.stream().filter(r -> r.standing().state() == PackageStates.State.SENT
                || r.standing().state() == PackageStates.State.PARTLY_REPLIED).count();
        summary.setText(rows.isEmpty() ? "Every package you share is recorded here: to whom, when, what it asked and whether it came back."
                : DueViewModel.plural(rows.size(), "package") + " shared · " + waiting + " waiting for a reply");
    }

    /** Share > Send to Department: pick a department (with its open count and head), refuse an empty package, save, record. */
    @FXML
    public void shareWithDepartment() {
        List<ShareViewModel.DepartmentChoice> choices = model.departments();
        if (choices.isEmpty()) {
            dialogs.showInfo("No department to send to", "No department's head signs for any role in this production's policy.");
            return;
        }
        ShareViewModel.DepartmentChoice first = choices.stream().filter(c -> c.open() > 0).findFirst().orElse(choices.get(0));
        dialogs.choose("Send to Department", "Which department's head will review and sign?", choices, first).ifPresent(choice ->
                tasks.run("Preparing the package for " + choice.department(), () -> model.prepare(choice.department()))
                        .failureTitle("Could not prepare the package")
                        .onSuccess(this::save).start());
    }

    /** Send to Performer: the same flow for one cast member (their consent and likeness), e.g. through their agent. */
    @FXML
    void shareWithPerformer() {
        List<ShareViewModel.PerformerChoice> choices = model.performers();
        if (choices.isEmpty()) {
            dialogs.showInfo("No performer to send to", "Add the cast on the Cast page first.");
            return;
        }
        ShareViewModel.PerformerChoice first = choices.stream().filter(c -> c.open() > 0).findFirst().orElse(choices.get(0));
        dialogs.choose("Send to Performer", "Which performer will review and sign?", choices, first).ifPresent(choice ->
                tasks.run("Preparing the package for " + choice.performer(), () -> model.preparePerformer(choice.performer()))
                        .failureTitle("Could not prepare the package")
                        .onSuccess(this::save).start());
    }

    private void save(ShareViewModel.Prepared prepared) {
        if (prepared.refusal().isPresent()) {
            dialogs.showError("Nothing to send to " + prepared.audience(), prepared.refusal().get());
            return;
        }
        String base = session.file().getFileName().toString().replaceFirst("\\.clearframe$", "");
        dialogs.chooseSave(FileKind.SHARE_PACKAGE, Path.of(base + " - " + prepared.audience().replaceAll("[/\\\\:]", "-") + SharePackage.EXTENSION))
                .ifPresent(target -> {
                    Path file = withExtension(target);
                    try {
                        org.clearframe.OutputFile.checkTarget(file, true, session.file());
                    } catch (org.clearframe.OutputFile.Refused e) {
                        dialogs.showError("Choose another name", e.getMessage());
                        return;
                    }
                    SentPackage[] sent = new SentPackage[1];
                    if (dialogs.attempt("Could not share the package", () -> sent[0] = model.share(prepared, file, KeyRing.forUser()))) {
                        offerMail(sent[0]);
                    }
                });
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SharePackage.EXTENSION) ? file : file.resolveSibling(name + SharePackage.EXTENSION);
    }

    private void offerMail(SentPackage sent) {
        String to = model.emailOf(sent);
        String where = model.fileOf(sent).map(Path::toString).orElse(sent.fileName());
        if (dialogs.confirm("Package shared with " + sent.audience(), "Recorded on the Share page. Send " + where + " to "
                + (to.isBlank() ? (sent.audienceKind() == SentPackage.AudienceKind.PERFORMER ? sent.audience() + " (no e-mail recorded in Cast)"
                : "the head of " + sent.audience() + " (no e-mail recorded in Departments)") : to)
                + ". They open it in Clearframe (Share > Review a Package), sign their part and send back a reply file.", "Open in Mail App")) {
            compose(sent);
        }
    }

    @FXML
    void openInMail() {
        ShareViewModel.PackageRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) compose(row.sent());
    }

    /** Opens the mail app off the FX thread; where the desktop has none, says where the file is instead. */
    private void compose(SentPackage sent) {
        MailApp.Message message = model.message(sent);
        String where = model.fileOf(sent).map(Path::toString).orElse(sent.fileName());
        tasks.background("Opening your mail app", () -> mail.compose(message))
                .failureTitle("Could not open your mail app")
                .onSuccess(opened -> {
                    if (!opened) dialogs.showInfo("No mail app to open", "This desktop offers no mail app Clearframe can open. Attach "
                            + where + " to a message to " + (message.to().isBlank() ? "the head of " + sent.audience() : message.to()) + ".");
                }).start();
    }

    /** Share > Import Reply: verified, previewed and merged as Production > Import Sign-offs does, then linked to its package. */
    @FXML
    void importReply() {
        dialogs.chooseOpen(FileKind.REPLY).ifPresent(file ->
                new ImportSignOffs(dialogs, tasks, views, TrustStore.forUser()).start(session::snapshot, session::apply, file,
                        applied -> { }));
    }

    /** Text that may be cut short, whole in a tooltip. */
    private static final class FullTextCell extends TableCell<ShareViewModel.PackageRow, String> {
        @Override protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
        }
    }

    /** A package's state as a chip, coloured as the sign-off states are. */
    private static final class StateCell extends TableCell<ShareViewModel.PackageRow, String> {
        @Override protected void updateItem(String state, boolean empty) {
            super.updateItem(state, empty);
            setText(null);
            if (empty || state == null) {
                setGraphic(null);
                return;
            }
            PackageStates.State s = PackageStates.State.valueOf(state);
            Label chip = new Label(s.label());
            chip.getStyleClass().addAll("sig-state", "package-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            setGraphic(chip);
        }
    }
}
