package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.ConsentCoverage.Coverage;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consent as data: every consent on record with what it covers, and every planned use of a person that no consent
 * covers, with why. Person by person (both tables are in cast order). Recording, editing, attaching the signed
 * document and withdrawing go through the session, one transaction each.
 */
public final class ConsentController implements PageController {

    @FXML private Label summary;
    @FXML private Button editButton, attachButton, withdrawButton;
    @FXML private TableView<Consent> consents;
    @FXML private TableColumn<Consent, String> personColumn, kindColumn, givenColumn, stateColumn, coversColumn, scopeColumn;
    @FXML private TableView<Coverage> gaps;
    @FXML private TableColumn<Coverage, String> gapPersonColumn, gapShotColumn, gapUseColumn, gapKindColumn, gapWhyColumn;

    private final ObservableList<Consent> consentRows = FXCollections.observableArrayList();
    private final ObservableList<Coverage> gapRows = FXCollections.observableArrayList();
    private List<Coverage> coverage = List.of();

    private final Session session;
    private final DialogService dialogs;

    ConsentController(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        consents.setItems(consentRows);
        gaps.setItems(gapRows);
        personColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(person(c.getValue())));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind().label()));
        givenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper((c.getValue().givenOn() == null ? "undated" : c.getValue().givenOn().toString())
                + " by " + (c.getValue().givenBy().isBlank() ? "(nobody named)" : c.getValue().givenBy())));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(state(c.getValue())));
        stateColumn.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("consent-withdrawn", "consent-gap");
                if (!empty && text != null && text.startsWith("Withdrawn")) getStyleClass().add("consent-withdrawn");
                else if (!empty && text != null && !text.startsWith("In force")) getStyleClass().add("consent-gap");
            }
        });
        coversColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(covers(c.getValue())));
        scopeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(scope(c.getValue())));
        gapPersonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().person()));
        gapShotColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(shotLabel(c.getValue().shotId())));
        gapUseColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().use().technique().label()));
        gapKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind().label()));
        gapWhyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().why()));
        gapWhyColumn.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("consent-gap");
                if (!empty) getStyleClass().add("consent-gap");
            }
        });
        var selected = consents.getSelectionModel().selectedItemProperty();
        editButton.disableProperty().bind(selected.isNull());
        attachButton.disableProperty().bind(selected.isNull());
        withdrawButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().withdrawn(), selected));
        session.flagsRevisionProperty().addListener((o, was, now) -> refresh());
        session.consents().addListener((javafx.collections.ListChangeListener<Consent>) c -> refresh());
        refresh();
    }

    @Override
    public void shown() {
        refresh();
    }

    private void refresh() {
        ProductionData data = session.snapshot();
        coverage = ConsentCoverage.of(data);
        Map<UUID, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < data.cast().size(); i++) order.put(data.cast().get(i).id(), i);
        Consent keep = consents.getSelectionModel().getSelectedItem();
        consentRows.setAll(data.consents().stream()
                .sorted(Comparator.comparing((Consent c) -> c.castId() == null ? Integer.MAX_VALUE : order.getOrDefault(c.castId(), Integer.MAX_VALUE)))
                .toList());
        if (keep != null) consentRows.stream().filter(c -> c.id().equals(keep.id())).findFirst().ifPresent(c -> consents.getSelectionModel().select(c));
        gapRows.setAll(coverage.stream().filter(c -> !c.covered())
                .sorted(Comparator.comparing((Coverage c) -> order.getOrDefault(c.castId(), Integer.MAX_VALUE))).toList());
        long covered = coverage.stream().filter(Coverage::covered).count();
        summary.setText(coverage.isEmpty() ? "No planned use reproduces or alters a person."
                : covered + " of " + coverage.size() + " consents needed are on record" + (gapRows.isEmpty() ? "" : "; " + gapRows.size() + " missing"));
    }

    private String person(Consent c) {
        String of = c.castId() == null ? "" : session.cast().stream().filter(m -> m.id().equals(c.castId())).findFirst()
                .map(CastMember::display).orElse("a former cast member");
        if (of.isEmpty()) return c.givenBy();
        return of;
    }

    private String state(Consent c) {
        if (c.withdrawn()) return "Withdrawn " + c.withdrawnOn();
        if (!c.productionId().equals(session.production().id())) return "Another production";
        if (!ConsentCoverage.specific(c)) return "Not specific";
        return "In force" + (c.documentId() == null ? "" : " (signed copy attached)");
    }

    private String covers(Consent c) {
        String shots = coverage.stream().filter(x -> x.consent() != null && x.consent().id().equals(c.id()))
                .map(x -> shotLabel(x.shotId())).distinct().collect(Collectors.joining(", "));
        return shots.isEmpty() ? "nothing planned" : shots;
    }

    private String scope(Consent c) {
        String scenes = c.sceneIds().stream().map(id -> session.scenes().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(Scene::number).orElse("?")).collect(Collectors.joining(", "));
        String shots = c.shotIds().stream().map(this::shotLabel).collect(Collectors.joining(", "));
        String techniques = c.techniques().stream().sorted().map(Technique::label).collect(Collectors.joining(", "));
        return (scenes.isEmpty() ? "" : "Scenes " + scenes + ". ") + (shots.isEmpty() ? "" : "Shots " + shots + ". ")
                + (techniques.isEmpty() ? "" : techniques + ". ") + "\u201C" + c.description() + "\u201D";
    }

    private String shotLabel(UUID shotId) {
        Shot shot = session.shots().stream().filter(s -> s.id().equals(shotId)).findFirst().orElse(null);
        if (shot == null) return "(gone)";
        return session.scenes().stream().filter(s -> s.id().equals(shot.sceneId())).findFirst().map(Scene::number).orElse("?") + "/" + shot.number();
    }

    @FXML
    void add() {
        ConsentDialog.show(dialogs, session, null).ifPresent(c ->
                dialogs.attempt("Could not record the consent", () -> session.saveConsent(c)));
    }

    @FXML
    void edit() {
        Consent c = consents.getSelectionModel().getSelectedItem();
        if (c == null) return;
        ConsentDialog.show(dialogs, session, c).ifPresent(edited ->
                dialogs.attempt("Could not save the consent", () -> session.saveConsent(edited)));
    }

    @FXML
    void withdraw() {
        Consent c = consents.getSelectionModel().getSelectedItem();
        if (c == null || c.withdrawn()) return;
        if (dialogs.confirm("Record that " + person(c) + " withdrew this consent today?",
                "From today it covers nothing, and the uses it covered need a new consent. A withdrawal cannot be undone.", "Withdraw")) {
            dialogs.attempt("Could not record the withdrawal", () -> session.withdrawConsent(c, LocalDate.now()));
        }
    }

    @FXML
    void attach() {
        Consent c = consents.getSelectionModel().getSelectedItem();
        if (c == null) return;
        dialogs.chooseOpen(FileKind.SIGNED_CONSENT).ifPresent(file -> dialogs.attempt("Could not attach " + file.getFileName(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            String type = Files.probeContentType(file);
            session.attachDocument(c, file.getFileName().toString(), type == null ? "" : type, bytes);
        }));
        refresh();
    }
}
