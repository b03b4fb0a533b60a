package org.clearframe.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.controlsfx.control.CheckComboBox;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Records or edits one consent as the signed document gives it: whose likeness or voice, who gave it, what kind,
 * the scenes, shots and techniques it names, the purpose and the description as written, the date and the pay.
 * A new consent is for this production; an edit keeps the production it was given for.
 */
final class ConsentDialog {

    final ComboBox<CastMember> person = new ComboBox<>();
    final TextField givenBy = new TextField();
    final ComboBox<ConsentKind> kind = new ComboBox<>();
    final CheckComboBox<Scene> scenes = new CheckComboBox<>();
    final CheckComboBox<Shot> shots = new CheckComboBox<>();
    final CheckComboBox<Technique> techniques = new CheckComboBox<>();
    final TextField purpose = new TextField();
    final TextArea description = new TextArea();
    final DatePicker givenOn = new DatePicker();
    final TextField compensation = new TextField();
    final Label error = new Label();

    private ConsentDialog() {}

    static Optional<Consent> show(DialogService dialogs, Session session, Consent consent) {
        ConsentDialog form = new ConsentDialog();
        Dialog<Consent> dialog = new Dialog<>();
        dialog.setTitle(consent == null ? "Record Consent" : "Edit Consent");
        dialog.setHeaderText("Enter the consent exactly as the signed document gives it.");
        dialog.getDialogPane().setContent(form.layout(session, consent));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.person.valueProperty().isNull().or(form.kind.valueProperty().isNull())
                .or(form.givenBy.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? form.result(session, consent) : null);
        return dialogs.show(dialog);
    }

    private GridPane layout(Session session, Consent c) {
        person.setId("consent-person");
        givenBy.setId("consent-given-by");
        kind.setId("consent-kind");
        scenes.setId("consent-scenes");
        shots.setId("consent-shots");
        techniques.setId("consent-techniques");
        purpose.setId("consent-purpose");
        description.setId("consent-description");
        givenOn.setId("consent-given-on");
        compensation.setId("consent-compensation");
        person.getItems().setAll(session.cast());
        person.setConverter(names(CastMember::display));
        Styles.fill(kind, ConsentKind.class);
        scenes.getItems().setAll(session.scenes());
        scenes.setConverter(names(Scene::heading));
        shots.getItems().setAll(session.shots());
        shots.setConverter(names(s -> session.scenes().stream().filter(x -> x.id().equals(s.sceneId())).findFirst().map(Scene::number).orElse("?")
                + "/" + s.number() + " " + s.description()));
        techniques.getItems().setAll(Technique.values());
        techniques.setConverter(names(Technique::label));
        description.setPrefRowCount(4);
        description.setWrapText(true);
        person.valueProperty().addListener((o, was, now) -> {
            if (now != null && (givenBy.getText().isBlank() || (was != null && givenBy.getText().equals(was.performer())))) {
                givenBy.setText(now.deceased() ? "" : now.performer());
            }
        });
        if (c != null) {
            session.cast().stream().filter(m -> m.id().equals(c.castId())).findFirst().ifPresent(person::setValue);
            givenBy.setText(c.givenBy());
            kind.setValue(c.kind());
            session.scenes().stream().filter(s -> c.sceneIds().contains(s.id())).forEach(s -> scenes.getCheckModel().check(s));
            session.shots().stream().filter(s -> c.shotIds().contains(s.id())).forEach(s -> shots.getCheckModel().check(s));
            c.techniques().forEach(t -> techniques.getCheckModel().check(t));
            purpose.setText(c.purpose());
            description.setText(c.description());
            givenOn.setValue(c.givenOn());
            compensation.setText(c.compensation());
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, new Label("Whose likeness or voice"), person);
        grid.addRow(r++, new Label("Given by (for a deceased performer, the rights holder)"), givenBy);
        grid.addRow(r++, new Label("Consent to"), kind);
        grid.addRow(r++, new Label("Scenes it names"), scenes);
        grid.addRow(r++, new Label("Shots it names"), shots);
        grid.addRow(r++, new Label("Techniques it names"), techniques);
        grid.addRow(r++, new Label("Purpose"), purpose);
        grid.addRow(r++, new Label("Description as written"), description);
        grid.addRow(r++, new Label("Given on"), givenOn);
        grid.addRow(r++, new Label("Compensation"), compensation);
        error.getStyleClass().add("hint");
        error.setText("A consent covers a use only if it names its scene or shot and technique, states the purpose and "
                + "describes the use specifically (no \u201Cany and all uses\u201D).");
        error.setWrapText(true);
        error.setMaxWidth(520);
        grid.add(error, 0, r, 2, 1);
        return grid;
    }

    Consent result(Session session, Consent before) {
        UUID production = before == null ? session.production().id() : before.productionId();
        return new Consent(before == null ? UUID.randomUUID() : before.id(), person.getValue().id(), givenBy.getText().strip(), kind.getValue(),
                production, scenes.getCheckModel().getCheckedItems().stream().map(Scene::id).toList(),
                shots.getCheckModel().getCheckedItems().stream().map(Shot::id).toList(),
                techniques.getCheckModel().getCheckedItems().isEmpty() ? EnumSet.noneOf(Technique.class)
                        : EnumSet.copyOf(techniques.getCheckModel().getCheckedItems()),
                purpose.getText().strip(), description.getText().strip(), givenOn.getValue(),
                before == null ? null : before.documentId(), before == null ? null : before.withdrawnOn(), compensation.getText().strip());
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
