package org.clearframe.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import org.clearframe.model.CastMember;
import org.clearframe.model.Representation;
import org.clearframe.rules.PerformerChecks;
import org.clearframe.model.Tristate;


/** The cast: who plays whom, and the facts that decide whose consent an AI use needs. */
public final class CastController implements PageController {

    @FXML private TableView<CastMember> table;
    @FXML private TableColumn<CastMember, String> performer, character, email, phone;
    @FXML private TableColumn<CastMember, Tristate> union;
    @FXML private TableColumn<CastMember, Boolean> deceased, minor;
    @FXML private TableColumn<CastMember, Representation> representation;
    @FXML private TableColumn<CastMember, String> scans;
    @FXML private TableColumn<CastMember, Number> scenes, aiUses;
    @FXML private Button scanButton;
    @FXML private Button deleteButton;


    private final Session session;
    private final DialogService dialogs;

    CastController(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        table.setItems(session.cast());
        table.setEditable(true);
        performer.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().performer()));
        character.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().character()));
        Forms.editableText(performer, (m, v) -> new CastMember(m.id(), v.strip(), m.character(), m.unionMember(), m.deceased(),
                m.minor(), m.representation()), this::save);
        Forms.editableText(character, (m, v) -> new CastMember(m.id(), m.performer(), v.strip(), m.unionMember(), m.deceased(),
                m.minor(), m.representation()), this::save);
        // How to reach the performer (or whoever the share goes to for them): kept apart from the cast row, in the contact table.
        email.setCellValueFactory(c -> new ReadOnlyStringWrapper(contact(c.getValue()).email()));
        phone.setCellValueFactory(c -> new ReadOnlyStringWrapper(contact(c.getValue()).phone()));
        email.setCellFactory(c -> new CommittingTextCell<>((m, v) -> saveContact(new org.clearframe.model.Contact(m.id(), v, contact(m).phone()))));
        phone.setCellFactory(c -> new CommittingTextCell<>((m, v) -> saveContact(new org.clearframe.model.Contact(m.id(), contact(m).email(), v))));
        session.contacts().addListener((javafx.collections.MapChangeListener<java.util.UUID, org.clearframe.model.Contact>) c -> table.refresh());
        union.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().unionMember()));
        union.setCellFactory(ComboBoxTableCell.forTableColumn(Styles.labels(Tristate.class), Tristate.values()));
        union.setOnEditCommit(e -> save(new CastMember(e.getRowValue().id(), e.getRowValue().performer(), e.getRowValue().character(),
                e.getNewValue(), e.getRowValue().deceased(), e.getRowValue().minor(), e.getRowValue().representation())));
        deceased.setCellValueFactory(c -> {
            CastMember m = c.getValue();
            SimpleBooleanProperty value = new SimpleBooleanProperty(m.deceased());
            value.addListener((o, was, now) -> save(new CastMember(m.id(), m.performer(), m.character(), m.unionMember(), now,
                    m.minor(), m.representation())));
            return value;
        });
        deceased.setCellFactory(CheckBoxTableCell.forTableColumn(deceased));
        minor.setCellValueFactory(c -> {
            CastMember m = c.getValue();
            SimpleBooleanProperty value = new SimpleBooleanProperty(m.minor());
            value.addListener((o, was, now) -> save(m.withFacts(now, m.representation())));
            return value;
        });
        minor.setCellFactory(CheckBoxTableCell.forTableColumn(minor));
        representation.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().representation()));
        representation.setCellFactory(ComboBoxTableCell.forTableColumn(Styles.labels(Representation.class), Representation.values()));
        representation.setOnEditCommit(e -> save(e.getRowValue().withFacts(e.getRowValue().minor(), e.getNewValue())));
        scans.setCellValueFactory(c -> new ReadOnlyStringWrapper(scanSummary(c.getValue())));
        session.scans().addListener((ListChangeListener<Object>) c -> table.refresh());
        scanButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        scenes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(session.scenes().stream().filter(s -> s.castIds().contains(c.getValue().id())).count()));
        aiUses.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((long) session.aiUseCountOf(c.getValue().id())));
        session.shots().addListener((ListChangeListener<Object>) c -> table.refresh());
        session.scenes().addListener((ListChangeListener<Object>) c -> table.refresh());
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) delete();
        });
    }

    private void save(CastMember m) {
        if (m.performer().isBlank() && m.character().isBlank()) {
            dialogs.showError("Name the performer or the character", "A cast member needs at least one of the two names.");
            table.refresh();
            return;
        }
        if (!dialogs.attempt("Could not save the cast member", () -> session.saveCastMember(m))) table.refresh();
    }

    @FXML
    void add() {
        CastMember m = CastMember.of("New performer", "", Tristate.UNKNOWN);
        if (dialogs.attempt("Could not add a cast member", () -> session.saveCastMember(m))) {
            table.getSelectionModel().select(m);
            table.scrollTo(m);
            table.edit(table.getSelectionModel().getSelectedIndex(), performer);
        }
    }

    /** "3 Nov 2026 (notice 29 Oct)", one per scan, or "" when none is recorded. */
    private String scanSummary(CastMember m) {
        return session.scans().stream().filter(s -> s.castId().equals(m.id()))
                .map(s -> (s.scannedOn() == null ? "undated" : s.scannedOn().toString())
                        + (PerformerChecks.noticeMet(s) ? "" : " (short notice)")
                        + (PerformerChecks.needsBusinessReason(s) ? " (no reason)" : ""))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Records a replica scan of the selected cast member: its date, when notice was given, and the business reason. */
    @FXML
    void recordScan() {
        CastMember m = table.getSelectionModel().getSelectedItem();
        if (m == null) return;
        ScanDialog.show(dialogs, m, null).ifPresent(scan ->
                dialogs.attempt("Could not record the scan", () -> session.saveScan(scan)));
    }

    @FXML
    void delete() {
        CastMember m = table.getSelectionModel().getSelectedItem();
        if (m == null) return;
        if (dialogs.confirm("Remove " + m.display() + " from the cast?",
                "Scenes and AI uses that name them will no longer do so. You can undo this with Edit > Undo.", "Remove")) {
            dialogs.attempt("Could not remove the cast member", () -> session.deleteCastMember(m));
        }
    }

    private org.clearframe.model.Contact contact(CastMember m) {
        return session.contacts().getOrDefault(m.id(), new org.clearframe.model.Contact(m.id(), "", ""));
    }

    private void saveContact(org.clearframe.model.Contact c) {
        dialogs.attempt("Could not save the contact details", () -> session.setContact(c));
    }
}
