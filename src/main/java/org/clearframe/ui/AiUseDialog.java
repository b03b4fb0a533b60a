package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Labelled;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.controlsfx.control.CheckComboBox;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Adds or edits one planned AI use: what it is, who and what it touches, and what goes into the tool. */
public final class AiUseDialog {

    @FXML private ComboBox<Technique> technique;
    @FXML private ComboBox<Output> output;
    @FXML private ComboBox<Tristate> vendorTrains;
    @FXML private TextField purpose, tool, frameShare;
    @FXML private TextArea notes;
    @FXML private CheckComboBox<CastMember> performers;
    @FXML private CheckComboBox<Department> departments;
    @FXML private VBox uploads, factors;
    @FXML private javafx.scene.control.Label purposeError, frameShareError;

    private final FieldChecks checks = new FieldChecks();
    private final Map<Material, CheckBox> uploadBoxes = new EnumMap<>(Material.class);
    private final Map<Factor, CheckBox> factorBoxes = new EnumMap<>(Factor.class);

    static Optional<AiUse> show(ViewFactory views, DialogService dialogs, Session session, AiUse use) {
        ViewFactory.Loaded<AiUseDialog> view = views.load(View.AI_USE_DIALOG);
        AiUseDialog form = view.controller();
        form.fill(session, use);
        form.validate();
        Dialog<AiUse> dialog = new Dialog<>();
        dialog.setTitle(use == null ? "Add AI Use" : "Edit AI Use");
        dialog.setHeaderText(use == null ? "Plan a use of generative AI on this shot" : use.technique().label());
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.checks.invalidProperty());
        dialog.setResultConverter(b -> b == ButtonType.OK ? form.result(use) : null);
        dialog.setResizable(true);
        return dialogs.show(dialog);
    }

    private void fill(Session session, AiUse use) {
        Styles.fill(technique, Technique.class);
        Styles.fill(output, Output.class);
        Styles.fill(vendorTrains, Tristate.class);
        performers.getItems().setAll(session.cast());
        performers.setConverter(named(CastMember::display));
        departments.getItems().setAll(session.departments());
        departments.setConverter(named(Department::name));
        for (Material m : Material.values()) uploadBoxes.put(m, box(m, uploads));
        AiUse u = use != null ? use : AiUse.of(Technique.GENERATIVE_VFX, "", "", Output.TEMPORARY);
        for (Factor f : Factor.values()) {
            // Whether a use lies inside the consent given is computed from consent records now (Consent page), not ticked.
            // A tick from an earlier version stays, shown but fixed, as a note until a consent record covers the use.
            if (f == Factor.BEYOND_CONSENT_SCOPE && !u.has(f)) continue;
            CheckBox box = box(f, factors);
            if (f == Factor.BEYOND_CONSENT_SCOPE) {
                box.setText("(ticked in an earlier version) " + f.label() + ": record the consent that covers it on the Consent page");
                box.setDisable(true);
            }
            factorBoxes.put(f, box);
        }
        technique.setValue(u.technique());
        output.setValue(u.output());
        vendorTrains.setValue(u.vendorTrains());
        purpose.setText(u.purpose());
        tool.setText(u.tool());
        notes.setText(u.notes());
        frameShare.setText(u.frameSharePercent() == null ? "" : u.frameSharePercent().toString());
        for (CastMember m : session.cast()) if (u.performerIds().contains(m.id())) performers.getCheckModel().check(m);
        for (Department d : session.departments()) if (u.departmentIds().contains(d.id())) departments.getCheckModel().check(d);
        u.uploads().forEach(m -> uploadBoxes.get(m).setSelected(true));
        u.factors().forEach(f -> factorBoxes.get(f).setSelected(true));
    }

    private void validate() {
        checks.add(purpose, purposeError, FieldChecks.required("Say in plain words what the AI is used for"));
        checks.add(frameShare, frameShareError, text -> text.isBlank() || percent(text) != null ? null : "A whole number from 0 to 100, or empty");
    }

    /** The AI share of the frame as typed ("40", "40%"), or null when empty or not a percentage. */
    static Integer percent(String text) {
        String t = text.strip();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
        if (!t.matches("\\d{1,3}")) return null;
        int v = Integer.parseInt(t);
        return v <= 100 ? v : null;
    }

    private static CheckBox box(Labelled value, VBox into) {
        CheckBox box = new CheckBox(value.label());
        box.setWrapText(true);
        into.getChildren().add(box);
        return box;
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    private AiUse result(AiUse original) {
        Set<Material> up = EnumSet.noneOf(Material.class);
        uploadBoxes.forEach((m, b) -> { if (b.isSelected()) up.add(m); });
        Set<Factor> fs = EnumSet.noneOf(Factor.class);
        factorBoxes.forEach((f, b) -> { if (b.isSelected()) fs.add(f); });
        return new AiUse(original == null ? UUID.randomUUID() : original.id(), technique.getValue(), purpose.getText().strip(),
                tool.getText().strip(), output.getValue(),
                performers.getCheckModel().getCheckedItems().stream().map(CastMember::id).toList(),
                departments.getCheckModel().getCheckedItems().stream().map(Department::id).toList(),
                up, vendorTrains.getValue(), fs, notes.getText(), percent(frameShare.getText()));
    }
}
