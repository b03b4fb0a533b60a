package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;

import java.util.Optional;

/** Records one person's decision on one flag of one shot, bound to the shot's AI plan as it is now. */
public final class SignOffDialog {

    @FXML private Label rule, reason, who;
    @FXML private TextField signer;
    @FXML private ComboBox<Decision> decision;
    @FXML private TextArea note;
    @FXML private Label signerError, noteError, signedOnError;
    /** The day the person signed (a paper form may come back days later); today by default, never in the future. */
    @FXML private javafx.scene.control.DatePicker signedOn;

    private final FieldChecks checks = new FieldChecks();

    static Optional<SignOff> show(ViewFactory views, DialogService dialogs, Session session, Shot shot, Flag flag, RequiredSignature signature) {
        ViewFactory.Loaded<SignOffDialog> view = views.load(View.SIGN_OFF_DIALOG);
        SignOffDialog form = view.controller();
        form.fill(session, flag, signature);
        Dialog<SignOff> dialog = new Dialog<>();
        dialog.setTitle("Record Sign-off");
        dialog.setHeaderText(signature.who() + " — " + flag.rule().title());
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.checks.invalidProperty().or(form.badDate));
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? SignOffs.sign(shot, flag, signature, form.signer.getText().strip(), form.decision.getValue(),
                        form.note.getText().strip(), signedAt(form.signedOn.getValue(), java.time.Clock.systemDefaultZone()))
                : null);
        return dialogs.show(dialog);
    }

    private void fill(Session session, Flag flag, RequiredSignature signature) {
        rule.setText(flag.rule().id() + " · " + flag.rule().severity().label());
        reason.setText(flag.reason());
        who.setText(signature.who());
        Styles.fill(decision, Decision.class);
        decision.setValue(Decision.APPROVED);
        signer.setText(suggestedSigner(session, signature));
        checks.add(signer, signerError, FieldChecks.required("Name the person who signs"));
        checks.add(note, noteError, text -> decision.getValue() == Decision.APPROVED_WITH_CONDITIONS && text.isBlank()
                ? "Write down the conditions" : null);
        decision.valueProperty().addListener((o, a, b) -> checks.refresh());
        signedOn.setValue(java.time.LocalDate.now());
        signedOn.valueProperty().addListener((o, a, b) -> checkDate());
        checkDate();
    }

    private final javafx.beans.property.BooleanProperty badDate = new javafx.beans.property.SimpleBooleanProperty();

    private void checkDate() {
        java.time.LocalDate day = signedOn.getValue();
        String reason = day == null ? "Pick the day it was signed" : day.isAfter(java.time.LocalDate.now()) ? "A signature cannot be dated in the future" : null;
        signedOnError.setText(reason == null ? FieldChecks.RESERVED : reason);
        badDate.set(reason != null);
    }

    /**
     * The moment recorded for a signature given on {@code day}: now when it is today, else midday of that day
     * (the form says which day, not the hour). Never later than now, so a back-dated entry cannot outrank a newer one.
     */
    static java.time.Instant signedAt(java.time.LocalDate day, java.time.Clock clock) {
        java.time.Instant now = clock.instant();
        if (day == null || !day.isBefore(java.time.LocalDate.now(clock))) return now;
        java.time.Instant midday = day.atTime(12, 0).atZone(clock.getZone()).toInstant();
        return midday.isAfter(now) ? now : midday;
    }

    /** The performer for person roles, else the head of the department that usually holds the role. */
    private static String suggestedSigner(Session session, RequiredSignature signature) {
        if (signature.role().perPerson()) return signature.subjectName() == null ? "" : signature.subjectName();
        return session.departments().stream().filter(d -> d.name().equals(signature.role().department()))
                .map(Department::headName).findFirst().orElse("");
    }
}
