package org.clearframe.ui;

import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Technique;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.store.ProductionStore;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/** The Consent page on the sample: the one use not covered, made covered by editing the consent, then a withdrawal. */
@ExtendWith(ApplicationExtension.class)
class ConsentPageTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @SuppressWarnings("unchecked")
    @Test
    void editingTheVagueConsentCoversTheUse_andAWithdrawalUncoversAnother(FxRobot robot) throws Exception {
        Path file = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        UiTestSupport.openAndWait(robot, main, file);
        // The Sign-offs page lists the missing consent beside the signatures, as a record to make.
        robot.interact(main::showSignOffs);
        javafx.scene.control.TreeTableView<SignOffsViewModel.Row> tree = robot.lookup(".signoffs-tree").queryAs(javafx.scene.control.TreeTableView.class);
        assertTrue(tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream()).map(javafx.scene.control.TreeItem::getValue)
                .anyMatch(r -> r.signature() == null && r.flag().rule().id().equals("CONSENT-NOT-COVERED") && r.shot().number().equals("1")),
                "a row for Zoë's missing consent");
        robot.interact(main::showConsent);
        TableView<ConsentCoverage.Coverage> gaps = robot.lookup(".consent-gaps").queryAs(TableView.class);
        TableView<Consent> consents = robot.lookup(".consent-table").queryAs(TableView.class);
        assertEquals(1, gaps.getItems().size());
        assertEquals("Zoë Niño", gaps.getItems().get(0).person());
        assertEquals(ConsentCoverage.Gap.NOT_SPECIFIC, gaps.getItems().get(0).gap());
        assertEquals(3, consents.getItems().size());
        snapshot(robot, "consent-page.png");

        Consent memo = consents.getItems().stream().filter(c -> c.givenBy().equals("Zoë Niño")).findFirst().orElseThrow();
        robot.interact(() -> consents.getSelectionModel().select(memo));
        robot.clickOn("Edit…");
        Scene flashback = main.session().scenes().stream().filter(s -> s.number().equals("4")).findFirst().orElseThrow();
        robot.interact(() -> {
            robot.lookup("#consent-scenes").queryAs(CheckComboBox.class).getCheckModel().check(flashback);
            robot.lookup("#consent-techniques").queryAs(CheckComboBox.class).getCheckModel().check(Technique.DE_AGING);
            robot.lookup("#consent-purpose").queryAs(TextField.class).setText("The 1998 flashback");
            robot.lookup("#consent-description").queryAs(TextArea.class).setText(
                    "De-aging of Zoë Niño by about twenty years as young Elena in scene 4, the kitchen flashback, final cut of Harbour Lights only");
        });
        robot.clickOn("OK");
        UiTestSupport.waitUntil(() -> gaps.getItems().isEmpty());
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData saved = store.load();
            Consent edited = saved.consents().stream().filter(c -> c.id().equals(memo.id())).findFirst().orElseThrow();
            assertTrue(ConsentCoverage.specific(edited), "saved through the store as edited");
            assertTrue(ConsentCoverage.of(saved).stream().allMatch(ConsentCoverage.Coverage::covered));
        }

        Consent nicoUse = consents.getItems().stream()
                .filter(c -> c.givenBy().equals("Tomasz Wójcik") && c.kind() == ConsentKind.USE_REPLICA_OR_ALTERATION).findFirst().orElseThrow();
        robot.interact(() -> consents.getSelectionModel().select(nicoUse));
        robot.clickOn("Withdraw…");
        robot.clickOn("Withdraw");
        UiTestSupport.waitUntil(() -> gaps.getItems().size() == 1);
        assertEquals(ConsentCoverage.Gap.WITHDRAWN, gaps.getItems().get(0).gap());
        assertEquals("Tomasz Wójcik", gaps.getItems().get(0).person());
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            assertEquals(LocalDate.now(), store.load().consents().stream().filter(c -> c.id().equals(nicoUse.id())).findFirst()
                    .orElseThrow().withdrawnOn());
        }
        assertTrue(main.session().flags(main.session().shots().get(3).id()).stream()
                .anyMatch(f -> f.rule().id().equals("CONSENT-NOT-COVERED") && f.open() && f.blocking()));
        snapshot(robot, "consent-page-withdrawn.png");
    }

    private void snapshot(FxRobot robot, String name) {
        if (System.getProperty("clearframe.snapshots") == null) return;
        Path out = Path.of(System.getProperty("clearframe.snapshots"));
        robot.interact(() -> {
            try {
                Snapshots.write(main.window().getScene().getRoot(), out.resolve(name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
