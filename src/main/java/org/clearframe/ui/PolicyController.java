package org.clearframe.ui;

import org.clearframe.rules.Wording;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import org.clearframe.model.Role;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.PolicyUpgrade;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Source;

import java.util.stream.Collectors;

/** The rules in force: what each asks, who must sign, and the guidance, agreement or law behind it. */
public final class PolicyController implements PageController {

    @FXML private Label policyName;
    @FXML private TableView<Rule> table;
    @FXML private TableColumn<Rule, String> idColumn, titleColumn, severityColumn, rolesColumn, sourcesColumn;
    @FXML private Label explanation;
    @FXML private HBox upgradeBar;
    @FXML private Label upgradeNote;
    @FXML private Button upgradeButton;


    private final Session session;
    private final DialogService dialogs;

    PolicyController(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        idColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty ? null : id);
                Rule rule = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(rule == null ? null : RuleHelp.tooltip(rule));
            }
        });
        idColumn.getStyleClass().add("rule-id-cell");
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        severityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity().label()));
        rolesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mustSign().stream().map(Role::label).collect(Collectors.joining(", "))));
        sourcesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sources().stream().map(Source::label).collect(Collectors.joining(", "))));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, rule) -> explanation.setText(rule == null ? ""
                : rule.explanation() + "\n\nSources: " + rule.sources().stream().map(PolicyController::source).collect(Collectors.joining("; "))));
        session.flagsRevisionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        var policy = session.policy();
        PolicyStanding standing = PolicyStanding.of(policy);
        policyName.setText(policy.name() + " · version " + policy.version() + " · " + Wording.count(policy.rules().size(), "rule")
                + (standing.builtIn().isPresent() ? " · built in" : " · loaded for this production"));
        table.getItems().setAll(policy.rules());
        // the rule ids are what people quote: their column is never narrower than the longest
        double widest = policy.rules().stream().mapToDouble(r -> WholeText.textWidth(r.id())).max().orElse(0) + 24;
        idColumn.setMinWidth(Math.max(idColumn.getMinWidth(), widest));
        idColumn.setPrefWidth(Math.max(idColumn.getPrefWidth(), widest));
        if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) table.getSelectionModel().selectFirst();
        boolean offer = standing.newer().isPresent();
        upgradeBar.setVisible(offer);
        upgradeBar.setManaged(offer);
        if (offer) {
            upgradeNote.setText("This production is planned under built-in policy " + standing.builtIn().orElseThrow().version()
                    + ". Clearframe now ships " + standing.newer().get().version()
                    + ". The production stays under its policy until you upgrade it.");
        }
    }

    /** "Document (url), 1 Jul 2026 to 30 Jun 2030, only a summary was read". */
    private static String source(Source s) {
        String period = s.period();
        return s.document() + (s.url().isBlank() ? "" : " (" + s.url() + ")") + (period.isEmpty() ? "" : ", " + period)
                + (s.checked() == Source.Checked.NOT_STATED ? "" : ", " + s.checked().label());
    }

    /** Shows what the upgrade changes, rules and this production, and applies it only when the producer confirms. */
    @FXML
    void previewUpgrade() {
        PolicyStanding standing = PolicyStanding.of(session.policy());
        if (standing.newer().isEmpty()) return;
        BuiltInPolicies.BuiltIn target = standing.newer().get();
        PolicyUpgrade upgrade = standing.upgrade().orElseThrow();
        TextArea preview = new TextArea(String.join("\n", upgrade.describe(session.snapshot())));
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefSize(760, 460);
        preview.getStyleClass().add("policy-upgrade-preview");
        if (dialogs.confirm("Upgrade this production to built-in policy " + target.version() + "?", preview, "Upgrade to " + target.version())) {
            dialogs.attempt("The policy was not upgraded", () -> session.upgradePolicy(target));
        }
    }
}
