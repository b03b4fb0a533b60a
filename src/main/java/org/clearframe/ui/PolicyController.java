package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.clearframe.model.Role;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Source;

import java.util.stream.Collectors;

/** The rules in force: what each asks, who must sign, and the guidance, agreement or law behind it. */
public final class PolicyController implements PageController {

    @FXML private Label policyName;
    @FXML private TableView<Rule> table;
    @FXML private TableColumn<Rule, String> idColumn, titleColumn, severityColumn, rolesColumn, sourcesColumn;
    @FXML private Label explanation;

    private Session session;

    @Override
    public void bind(Session session, MainController main) {
        this.session = session;
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        severityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity().label()));
        rolesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mustSign().stream().map(Role::label).collect(Collectors.joining(", "))));
        sourcesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sources().stream().map(Source::label).collect(Collectors.joining(", "))));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, rule) -> explanation.setText(rule == null ? ""
                : rule.explanation() + "\n\nSources: " + rule.sources().stream().map(s -> s.document() + (s.url().isBlank() ? "" : " (" + s.url() + ")"))
                .collect(Collectors.joining("; "))));
        session.flagsRevisionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        var policy = session.policy();
        policyName.setText(policy.name() + " · version " + policy.version() + " · " + policy.rules().size() + " rules"
                + (session.policyJson().isBlank() ? " · built-in default" : " · loaded for this production"));
        table.getItems().setAll(policy.rules());
        if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) table.getSelectionModel().selectFirst();
    }
}
