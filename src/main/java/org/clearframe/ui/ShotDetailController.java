package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The selected shot's form: its fields, departments, reference image and planned AI uses. */
public final class ShotDetailController {

    private static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

    @FXML private VBox root, form;
    @FXML private Label heading, empty, durationError;
    @FXML private TextField number, angle, movement, lens, duration;
    @FXML private TextArea description, notes;
    @FXML private ComboBox<ShotSize> size;
    @FXML private CheckComboBox<Department> departments;
    @FXML private ListView<AiUse> aiUses;
    @FXML private Button editUseButton, removeUseButton, removeImageButton;
    @FXML private ImageView image;
    @FXML private Label imageHint, flagSummary;
    @FXML private VBox flagsBox, consentBox;

    private final ValidationSupport validation = new ValidationSupport();
    private Shot shot;
    /** The shot whose picture is being shown, so a picture decoded too late for it is dropped. */
    private UUID imageFor;
    private boolean loading;

    private final ShotDetailViewModel model;
    private final Session session;
    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;

    ShotDetailController(ShotDetailViewModel model, Session session, DialogService dialogs, UiTasks tasks, ViewFactory views) {
        this.model = model;
        this.session = session;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
    }

    @FXML
    private void initialize() {
        Styles.fill(size, ShotSize.class);
        departments.setConverter(new StringConverter<>() {
            @Override public String toString(Department d) { return d == null ? "" : d.name(); }
            @Override public Department fromString(String s) { return null; }
        });
        departments.getItems().setAll(session.departments());
        session.departments().addListener((javafx.collections.ListChangeListener<Department>) c -> {
            departments.getItems().setAll(session.departments());
            checkDepartmentsOf(shot); // only the list changed: the rest of the pane stays as it is
        });
        departments.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<Department>) c -> commit());
        validation.registerValidator(number, Validator.createEmptyValidator("A shot needs a number, like 1, 1A or 2"));
        Forms.onCommit(this::commit, number, description, angle, movement, lens, duration, notes);
        Forms.onCommit(this::commit, size);
        aiUses.setCellFactory(list -> new AiUseCell());
        aiUses.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) editUse();
        });
        var none = aiUses.getSelectionModel().selectedItemProperty().isNull();
        editUseButton.disableProperty().bind(none);
        removeUseButton.disableProperty().bind(none);
        session.flagsRevisionProperty().addListener((o, a, b) -> {
            if (shot != null) {
                showFlags(shot);
                showConsent(shot);
            }
        });
        show(null);
    }

    /** Ticks the shot's departments in the list, without committing anything (as when the shot is first shown). */
    private void checkDepartmentsOf(Shot s) {
        if (s == null) return;
        boolean was = loading;
        loading = true;
        departments.getCheckModel().clearChecks();
        for (Department d : departments.getItems()) if (s.departmentIds().contains(d.id())) departments.getCheckModel().check(d);
        loading = was;
    }

    Shot shown() {
        return shot;
    }

    void show(Shot next) {
        shot = next;
        loading = true;
        boolean has = next != null;
        form.setVisible(has);
        form.setManaged(has);
        empty.setVisible(!has);
        empty.setManaged(!has);
        if (has) {
            heading.setText(model.heading(next));
            number.setText(next.number());
            description.setText(next.description());
            size.setValue(next.size());
            angle.setText(next.angle());
            movement.setText(next.movement());
            lens.setText(next.lens());
            duration.setText(Forms.seconds(next.durationSeconds()));
            durationError.setText(FieldChecks.RESERVED);
            notes.setText(next.notes());
            checkDepartmentsOf(next);
            AiUse selectedUse = aiUses.getSelectionModel().getSelectedItem();
            aiUses.getItems().setAll(next.aiUses());
            if (selectedUse != null) next.aiUses().stream().filter(u -> u.id().equals(selectedUse.id())).findFirst()
                    .ifPresent(u -> aiUses.getSelectionModel().select(u));
            loadImage(next.id());
            showFlags(next);
            showConsent(next);
        }
        loading = false;
    }

    private void commit() {
        if (loading || shot == null) return;
        if (number.getText().isBlank()) return; // the field shows why; keep the last good value in the file
        double seconds;
        try {
            seconds = Forms.seconds(duration.getText());
            durationError.setText(FieldChecks.RESERVED);
        } catch (NumberFormatException e) {
            durationError.setText("Seconds, like 4 or 4.5");
            return;
        }
        List<UUID> depts = departments.getCheckModel().getCheckedItems().stream().map(Department::id).toList();
        Shot edited = shot.edit().number(number.getText().strip()).description(description.getText().strip()).size(size.getValue())
                .angle(angle.getText().strip()).movement(movement.getText().strip()).lens(lens.getText().strip())
                .durationSeconds(seconds).departmentIds(depts).notes(notes.getText()).build();
        if (edited.equals(shot)) return;
        Shot before = shot;
        shot = edited; // so a second commit from the same gesture compares against the saved value
        if (!model.save(edited)) show(before);
    }

    // ------------------------------------------------------------------------------------------ AI uses

    @FXML
    void addUse() {
        if (shot == null) return;
        AiUseDialog.show(views, dialogs, session, null).ifPresent(use -> {
            if (model.addUse(shot, use)) aiUses.getSelectionModel().select(use);
        });
    }

    @FXML
    void editUse() {
        AiUse use = aiUses.getSelectionModel().getSelectedItem();
        if (shot == null || use == null) return;
        AiUseDialog.show(views, dialogs, session, use).ifPresent(edited -> model.replaceUse(shot, edited));
    }

    @FXML
    void removeUse() {
        AiUse use = aiUses.getSelectionModel().getSelectedItem();
        if (shot == null || use == null) return;
        model.removeUse(shot, use.id());
    }

    // ------------------------------------------------------------------------------------------- flags

    /** One card per flag: the rule, why it applies, where it comes from, and each signature with a Sign button. */
    private void showFlags(Shot s) {
        List<org.clearframe.rules.Flag> flags = model.flags(s);
        flagSummary.setText(model.flagSummary(s));
        flagsBox.getChildren().clear();
        if (flags.isEmpty()) {
            Label none = new Label(model.noFlags(s));
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            flagsBox.getChildren().add(none);
            return;
        }
        for (org.clearframe.rules.Flag flag : flags) flagsBox.getChildren().add(flagCard(s, flag));
    }

    /** Each person the shot's AI uses reproduce or alter, and whether the consent on record covers each use. */
    private void showConsent(Shot s) {
        consentBox.getChildren().clear();
        List<ShotDetailViewModel.ConsentLine> coverage = model.consent(s);
        if (coverage.isEmpty()) {
            Label none = new Label("No AI use on this shot reproduces or alters a person.");
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            consentBox.getChildren().add(none);
            return;
        }
        for (ShotDetailViewModel.ConsentLine c : coverage) {
            Label line = new Label(c.text());
            line.setWrapText(true);
            line.getStyleClass().addAll("consent-line", c.covered() ? "consent-covered" : "consent-gap");
            consentBox.getChildren().add(line);
        }
    }

    private VBox flagCard(Shot s, org.clearframe.rules.Flag flag) {
        Label id = new Label(flag.rule().id());
        id.getStyleClass().add("flag-id");
        id.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        id.setTooltip(RuleHelp.tooltip(flag.rule()));
        Label severity = new Label(flag.rule().severity().label().toUpperCase(Locale.ROOT));
        severity.getStyleClass().addAll("badge", flag.blocking() ? "badge-blocking" : "badge-advisory");
        severity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(8, id, gap, severity);
        Label title = new Label(flag.rule().title());
        title.getStyleClass().add("flag-title");
        title.setWrapText(true);
        Label reason = new Label(flag.reason());
        reason.setWrapText(true);
        reason.getStyleClass().add("flag-reason");
        Label source = new Label("Source: " + flag.rule().sources().stream().map(x -> x.document().isBlank() ? x.label() : x.document())
                .collect(java.util.stream.Collectors.joining("; ")));
        source.setWrapText(true);
        source.getStyleClass().add("flag-source");
        javafx.scene.control.Tooltip.install(title, new javafx.scene.control.Tooltip(flag.rule().explanation()));
        VBox card = new VBox(5, top, title, reason, source);
        if (flag.needsRecord()) {
            Label needs = new Label("Needs " + flag.unresolved() + ". No signature closes this: record it in the production.");
            needs.setWrapText(true);
            needs.getStyleClass().addAll("flag-reason", "consent-gap");
            card.getChildren().add(needs);
        }
        for (org.clearframe.rules.RequiredSignature sig : flag.signatures()) card.getChildren().add(signatureRow(s, flag, sig));
        card.getStyleClass().addAll("flag-card", flag.open() ? "flag-open" : "flag-closed");
        return card;
    }

    private HBox signatureRow(Shot s, org.clearframe.rules.Flag flag, org.clearframe.rules.RequiredSignature sig) {
        Label state = SignatureChip.of(sig.state());
        Label who = new Label(sig.who());
        who.setWrapText(true);
        VBox whoBox = new VBox(1, who);
        sig.latest().ifPresent(latest -> {
            Label by = new Label(model.signedBy(latest));
            by.getStyleClass().add("hint");
            by.setWrapText(true);
            whoBox.getChildren().add(by);
            if (sig.state() == org.clearframe.rules.SignatureState.STALE) {
                String changes = model.changesSince(latest, s);
                if (!changes.isEmpty()) {
                    Label changed = new Label(changes);
                    changed.getStyleClass().add("stale-changes");
                    changed.setWrapText(true);
                    whoBox.getChildren().add(changed);
                }
            }
        });
        HBox.setHgrow(whoBox, javafx.scene.layout.Priority.ALWAYS);
        Button sign = new Button(sig.state().open() ? "Sign…" : "Re-sign…");
        sign.getStyleClass().add("small");
        sign.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sign.setOnAction(e -> SignOffDialog.show(views, dialogs, session, s, flag, sig).ifPresent(signOff ->
                model.sign(signOff)));
        HBox row = new HBox(8, state, whoBox, sign);
        row.getStyleClass().add("signature-row");
        return row;
    }

    // -------------------------------------------------------------------------------------------- image

    /**
     * Shows the shot's reference image. The bytes come from the session (one indexed read); decoding up to 8 MB of
     * JPEG runs off the FX thread, and a picture that arrives after the producer moved on is dropped.
     */
    private void loadImage(UUID shotId) {
        imageFor = shotId;
        java.util.Optional<ReferenceImage> stored = model.referenceImage(shotId);
        removeImageButton.setDisable(stored.isEmpty());
        imageHint.setVisible(stored.isEmpty());
        imageHint.setManaged(stored.isEmpty());
        image.setImage(null);
        if (stored.isEmpty()) return;
        byte[] bytes = stored.get().bytes();
        tasks.background("Loading the reference image", () -> new Image(new ByteArrayInputStream(bytes)))
                .onSuccess(decoded -> {
                    if (shotId.equals(imageFor)) image.setImage(decoded);
                })
                .onFailure(e -> { }) // logged by the task runner; the image box stays empty
                .start();
    }

    @FXML
    void chooseImage() {
        if (shot == null) return;
        java.util.Optional<Path> chosen = dialogs.chooseOpen(FileKind.REFERENCE_IMAGE, "Reference Image for Shot " + shot.number());
        if (chosen.isEmpty()) return;
        Path file = chosen.get();
        UUID id = shot.id();
        tasks.run("Reading " + file.getFileName(), () -> {
            if (Files.size(file) > MAX_IMAGE_BYTES) throw new IllegalArgumentException("The image is larger than 8 MB; use a smaller frame grab.");
            byte[] bytes = Files.readAllBytes(file);
            if (new Image(new ByteArrayInputStream(bytes)).isError()) throw new IllegalArgumentException(file.getFileName() + " is not a readable image.");
            String type = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
            return new ReferenceImage(type, bytes);
        }).failureTitle("Could not use that image").onSuccess(picture -> {
            if (model.setReferenceImage(id, picture) && shot != null && shot.id().equals(id)) loadImage(id);
        }).start();
    }

    @FXML
    void removeImage() {
        if (shot == null) return;
        UUID id = shot.id();
        if (model.setReferenceImage(id, null)) loadImage(id);
    }

    /** One AI use: technique in bold, then purpose, tool and whether it reaches the final cut. */
    private static final class AiUseCell extends ListCell<AiUse> {
        @Override protected void updateItem(AiUse use, boolean empty) {
            super.updateItem(use, empty);
            if (empty || use == null) {
                setGraphic(null);
                return;
            }
            Label technique = new Label(use.technique().label());
            technique.getStyleClass().add("use-technique");
            Label output = new Label(use.output() == Output.FINAL ? "FINAL" : "TEMP");
            output.getStyleClass().addAll("badge", use.output() == Output.FINAL ? "badge-final" : "badge-temp");
            HBox top = new HBox(8, technique, output);
            Label detail = new Label(use.purpose() + (use.tool().isBlank() ? "" : "  ·  " + use.tool()));
            detail.getStyleClass().add("use-detail");
            detail.setWrapText(true);
            setPrefWidth(0); // wrap to the list's width instead of widening it
            setGraphic(new VBox(2, top, detail));
        }
    }
}
