package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Flag;
import org.clearframe.rules.ShotStatus;
import org.clearframe.rules.SignatureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The sample production's flags, a sign-off recorded in the shot detail, and the sign-off going stale. */
@ExtendWith(ApplicationExtension.class)
class SignOffFlowTest {

    @TempDir Path dir;
    private MainController main;

    @Start
    void start(Stage stage) {
        main = UiTestSupport.start(stage);
    }

    @Test
    void recordingTheLastSignatureClearsTheFlagAndChangingThePlanMakesItStale(FxRobot robot) throws Exception {
        Path file = dir.resolve("sample.clearframe");
        MainController.copySample(file);
        UiTestSupport.openAndWait(robot, main, file);
        Session session = main.session();
        assertEquals(5, session.shots().stream().filter(s -> session.status(s) != ShotStatus.NO_AI).count(), "five shots carry AI use");
        Shot crowd = shot(session, "Townspeople crowd");
        assertTrue(flag(session, crowd, "SYNTH-CROWD").open(), "the union notice is still missing");

        robot.interact(() -> main.select(Page.SHOTS));
        robot.clickOn("Townspeople crowd the cordon as dust drifts through the floodlights");
        assertEquals("Ada Brennan", sign(robot, "Union notice", ""), "the head of the department holding the role is suggested");
        // Under 2026.12 a fully synthetic crowd also needs the studio AI contact, whom the sample leaves unnamed.
        assertTrue(flag(session, shot(session, "Townspeople crowd"), "SYNTH-CROWD").open(), "the studio AI contact is still missing");
        sign(robot, "Studio AI contact", "Priya Shah");
        UiTestSupport.waitUntil(() -> !flag(session, shot(session, "Townspeople crowd"), "SYNTH-CROWD").open());
        assertTrue(robot.lookup(".flag-closed").tryQuery().isPresent(), "the card shows the flag as signed");

        // What the producer typed in is in the file with the producer's attestation, and the verifying loader accepts it.
        SignedRecord record = session.readBack();
        SignOff recorded = record.data().signOffs().stream().filter(x -> x.signer().equals("Ada Brennan")).findFirst().orElseThrow();
        SignedRecord.Proven proof = record.proven().get(recorded.id());
        assertTrue(proof.attested() && proof.ownKey(), "attested with this user's own key: " + proof.label());
        assertTrue(record.ignored().isEmpty(), "every sign-off of the sample has a valid proof: " + record.ignored());
        UiTestSupport.waitUntil(() -> robot.lookup((Label l) -> l.getText().contains("Ada Brennan") && l.getText().contains("attested by you"))
                .tryQuery().isPresent());

        // Change the plan: the crowd grows, and every signature on it goes stale.
        Node uses = robot.lookup(".ai-uses").query();
        robot.interact(() -> scrollIntoView(uses));
        robot.clickOn(robot.from(uses).lookup("Synthetic crowd or background").queryAs(Label.class));
        robot.clickOn(robot.lookup("#editUseButton").queryAs(Button.class));
        DialogPane edit = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        TextField purpose = robot.from(edit).lookup("#purpose").queryAs(TextField.class);
        robot.interact(() -> purpose.setText("Extend 40 background actors to a crowd of about 2,000"));
        robot.clickOn("OK");
        // The edit voids what was just signed: the app asks first, naming it, and goes ahead on the producer's word.
        // The question is a window of its own over the main one: looked for in every window that shows.
        UiTestSupport.waitUntil(() -> inAnyWindow(robot, Button.class, b -> "Make the Change".equals(b.getText())).isPresent());
        assertTrue(inAnyWindow(robot, Label.class, l -> l.getText() != null && l.getText().startsWith("This change voids ")
                && l.getText().contains("Union notice (SAG-AFTRA / IATSE) (Ada Brennan)")).isPresent(), "the question names who signed");
        Button change = inAnyWindow(robot, Button.class, b -> "Make the Change".equals(b.getText())).orElseThrow();
        robot.interact(change::fire);
        UiTestSupport.waitUntil(() -> flag(session, shot(session, "Townspeople crowd"), "SYNTH-CROWD").stale());
        Flag stale = flag(session, shot(session, "Townspeople crowd"), "SYNTH-CROWD");
        assertTrue(stale.signatures().stream().allMatch(s -> s.state() == SignatureState.STALE));
        assertEquals(ShotStatus.STALE, session.status(shot(session, "Townspeople crowd")));
        assertTrue(robot.lookup(".sig-stale").tryQuery().isPresent(), "the detail pane shows the stale signatures");
    }

    private static <T extends Node> java.util.Optional<T> inAnyWindow(FxRobot robot, Class<T> type, java.util.function.Predicate<T> test) {
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (!w.isShowing() || w.getScene() == null) continue;
            java.util.Optional<T> found = robot.from(w.getScene().getRoot()).lookup((Node n) -> type.isInstance(n) && test.test(type.cast(n)))
                    .tryQuery().map(type::cast);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    /** The detail pane scrolls; bring a node in it into view as a producer would with the scroll wheel. */
    /**
     * Clicks Sign on the signature row whose role starts with {@code role}, types {@code name} when the dialog suggests
     * nobody, and confirms. Returns the signer the dialog suggested.
     */
    private static String sign(FxRobot robot, String role, String name) {
        Node row = robot.lookup(".signature-row").match((HBox h) -> h.getChildren().stream()
                .anyMatch(n -> n instanceof javafx.scene.layout.VBox v && v.getChildren().get(0) instanceof Label l
                        && l.getText().startsWith(role))).query();
        Button sign = robot.from(row).lookup(".button").queryAs(Button.class);
        robot.interact(() -> scrollIntoView(sign));
        robot.clickOn(sign);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        TextField signer = robot.from(dialog).lookup("#signer").queryAs(TextField.class);
        String suggested = signer.getText();
        if (suggested.isBlank()) robot.clickOn(signer).write(name);
        robot.clickOn("OK");
        UiTestSupport.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        return suggested;
    }

    private static void scrollIntoView(Node node) {
        Node n = node;
        while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
        if (!(n instanceof javafx.scene.control.ScrollPane pane)) return;
        double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
        double y = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        double viewport = pane.getViewportBounds().getHeight();
        pane.setVvalue(Math.max(0, Math.min(1, (y - viewport / 2) / Math.max(1, contentHeight - viewport))));
        pane.layout();
    }

    private static Shot shot(Session session, String description) {
        return session.shots().stream().filter(s -> s.description().startsWith(description)).findFirst().orElseThrow();
    }

    private static Flag flag(Session session, Shot shot, String ruleId) {
        return session.flags(shot.id()).stream().filter(f -> f.rule().id().equals(ruleId)).findFirst().orElseThrow();
    }
}
