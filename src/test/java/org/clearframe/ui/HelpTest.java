package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.clearframe.model.Decision;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Rule;
import org.clearframe.rules.SignatureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Help > Keyboard Shortcuts, Help > User Guide, the rule ids' tooltips and the sign-off chips. */
@ExtendWith(ApplicationExtension.class)
class HelpTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainController main;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = UiTestSupport.start(stage, dialogs);
    }

    @Test
    void theShortcutSheetListsEveryMenuKeyAndThePageKeys(FxRobot robot) {
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<HelpSheets.Shortcut> sheet = HelpSheets.shortcuts(menus.getMenus());
        List<String> actions = sheet.stream().map(HelpSheets.Shortcut::action).toList();
        assertTrue(actions.containsAll(List.of("New Production", "Open", "Undo", "Export Breakdown PDF", "Keyboard Shortcuts", "User Guide")), actions.toString());
        assertTrue(actions.contains("Duplicate the selected shot with its AI uses"), "keys that work on a page are listed too");
        long withKeys = menus.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> i.getAccelerator() != null).count();
        assertEquals(withKeys, sheet.stream().filter(s -> !List.of("Shots", "Tables", "Dialogs").contains(s.where())).count(),
                "one line per menu command with a key");

        dialogs.answerDialog(d -> Optional.empty());
        robot.interact(main::showShortcuts);
        assertEquals(List.of("dialog: Keyboard Shortcuts"), dialogs.shown);
    }

    @Test
    void theUserGuideIsInTheJarAndCoversTheProducersDay(FxRobot robot) throws Exception {
        List<HelpSheets.Block> guide = HelpSheets.guide();
        assertEquals("Clearframe User Guide", guide.get(0).text());
        List<String> headings = guide.stream().filter(b -> b.kind() == 2).map(HelpSheets.Block::text).toList();
        assertEquals(List.of("Start a production", "Plan the AI uses", "Get it signed", "Check where you stand", "Hand it out"), headings);
        assertTrue(guide.stream().noneMatch(b -> b.text().contains("<") || b.text().contains("&gt;")), "markup is resolved to text");

        dialogs.answerDialog(d -> Optional.empty());
        robot.interact(main::showUserGuide);
        assertEquals(List.of("dialog: Clearframe User Guide"), dialogs.shown);
        assertTrue(dialogs.errors().isEmpty());
    }

    @Test
    void everyRuleIdExplainsItselfInOnePlainSentence() {
        for (Rule rule : BuiltInPolicies.latest().policy().rules()) {
            String text = RuleHelp.text(rule);
            assertTrue(text.startsWith(rule.title()), rule.id());
            String sentence = text.substring(rule.title().length()).strip();
            assertFalse(sentence.isEmpty(), rule.id() + " has no explanation");
            assertTrue(sentence.endsWith(".") || sentence.endsWith("?") || sentence.endsWith("!") || !sentence.contains(". "),
                    rule.id() + ": one sentence, not the whole explanation: " + sentence);
        }
        assertEquals("One thing.", RuleHelp.firstSentence("One thing. Another thing."));
    }

    @Test
    void approvedAndApprovedWithConditionsDifferInGlyphAndWordNotColourAlone() {
        Label plain = SignatureChip.of(SignatureState.APPROVED);
        Label conditions = SignatureChip.of(SignatureState.APPROVED_WITH_CONDITIONS);
        assertNotEquals(plain.getText().charAt(0), conditions.getText().charAt(0), "the first glyph differs, so even a cut chip tells them apart");
        assertTrue(conditions.getText().contains("conditions"));
        assertEquals(Decision.values().length, 3);
        assertEquals(SignatureState.values().length,
                java.util.Arrays.stream(SignatureState.values()).map(s -> SignatureChip.text(s).substring(0, 1)).distinct().count(),
                "every state has a glyph of its own");
    }

    @Test
    void aSignatureIsDatedTheDayItWasSignedNeverLater() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-03-10T15:00:00Z"), SignOffDialog.signedAt(LocalDate.of(2026, 3, 10), clock), "today: now");
        assertEquals(Instant.parse("2026-03-07T12:00:00Z"), SignOffDialog.signedAt(LocalDate.of(2026, 3, 7), clock), "a day before: its midday");
        assertEquals(Instant.parse("2026-03-10T15:00:00Z"), SignOffDialog.signedAt(LocalDate.of(2026, 3, 12), clock), "never in the future");
    }
}
