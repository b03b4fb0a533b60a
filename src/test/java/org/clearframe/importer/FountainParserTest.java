package org.clearframe.importer;

import org.clearframe.model.IntExt;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FountainParserTest {

    static Path resource(String name) {
        try {
            return Path.of(FountainParserTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Screenplay parse(String text) throws ImportException {
        return FountainParser.parse(text, Path.of("test.fountain"));
    }

    @Test
    void readsEveryHeadingFormWithNumbersCharactersAndTitlePage() throws Exception {
        Screenplay script = FountainParser.parse(resource("all-forms.fountain"));

        assertEquals("THE LIGHTHOUSE KEEPER'S ALMANAC", script.title(), "emphasis markers are removed from the title");
        assertEquals("Tomasz Wójcik", script.author());
        assertEquals("Northlight Pictures\n12 Quay Street\nGalway", script.titlePage().get("contact"), "indented multi-line value");

        List<ScriptScene> s = script.scenes();
        assertEquals(9, s.size(), () -> "scenes: " + s.stream().map(ScriptScene::heading).toList());

        assertScene(s.get(0), "1", IntExt.INT, "LIGHTHOUSE", "NIGHT", List.of("BEA"));
        assertScene(s.get(1), "2", IntExt.EXT, "LIGHTHOUSE GALLERY", "CONTINUOUS", List.of("FISHERMAN", "BEA"));
        assertScene(s.get(2), "3", IntExt.EXT, "harbour", "dawn", List.of());
        assertScene(s.get(3), "4", IntExt.INT_EXT, "TRAWLER WHEELHOUSE", "DAY", List.of("KOFI", "BEA"));
        assertScene(s.get(4), "5", IntExt.INT_EXT, "CAR - MOVING", "DAY", List.of("McCLANE"));
        assertScene(s.get(5), "6", IntExt.INT_EXT, "ferry terminal", "day", List.of());
        assertScene(s.get(6), "7", IntExt.INT, "SNIPER'S POV", "", List.of());
        assertScene(s.get(7), null, IntExt.INT, "FLASHBACK - KEEPER'S COTTAGE", "NIGHT (1979)", List.of("YOUNG KEEPER", "BEA"));
        assertScene(s.get(8), null, IntExt.EXT, "LIGHTHOUSE", "DAY", List.of());
    }

    @Test
    void synopsisComesFromAWrittenSynopsisOrTheFirstAction() throws Exception {
        List<ScriptScene> s = FountainParser.parse(resource("all-forms.fountain")).scenes();
        assertEquals("Bea finds her father's logbook and learns the lamp was never meant to go dark.", s.get(0).synopsis());
        assertEquals("Kofi steers. The sea is glass.", s.get(3).synopsis(), "emphasis removed");
        assertEquals("THE FERRY IS LATE. NOBODY MINDS. Kofi waves from the ramp.", s.get(5).synopsis(), "forced action is action");
        assertFalse(s.stream().anyMatch(x -> x.synopsis().contains("scout")), "notes are removed");
        assertEquals("A younger keeper writes in the logbook. ...and the lamp burns on.", s.get(7).synopsis(),
                "an ellipsis at the start of a line is action, not a forced heading");
    }

    @Test
    void boneyardAndNotesAreRemovedAcrossLines() throws Exception {
        Screenplay script = parse("""
                INT. HALL - DAY

                /* INT. CUT - NIGHT

                GHOST
                Boo. */
                ANNA [[a note
                that runs on]]
                Hello.

                EXT. YARD - DAY [[heading note]]

                Grass.
                """);
        assertEquals(2, script.scenes().size());
        assertEquals(List.of("ANNA"), script.scenes().get(0).characters(), "a note on the cue line does not stop the cue");
        assertEquals("YARD", script.scenes().get(1).set());
        assertEquals("DAY", script.scenes().get(1).timeOfDay());
    }

    @Test
    void headingsNeedABlankLineBeforeAndAPrefixFollowedByDotOrSpace() throws Exception {
        Screenplay script = parse("""
                EXT. FIELD - DAY
                Interiors are dull, she thinks.
                INT. NOT A HEADING - NIGHT

                EXTERIOR SHOTS ARE HARD
                She laughs.

                INTERCUT WITH KITCHEN.

                ..and so on.
                """);
        assertEquals(1, script.scenes().size());
        assertEquals(List.of("EXTERIOR SHOTS ARE HARD"), script.scenes().get(0).characters(),
                "an all-caps line followed by text after a blank line is a cue");
    }

    @Test
    void cuesAllowLowerCaseExtensionsButNotLowerCaseNames() throws Exception {
        Screenplay script = parse("""
                INT. KITCHEN - DAY

                MOM (on the phone)
                Dinner's ready.

                Mom hangs up.
                Dad enters.

                DAD (V.O.) ^
                Coming!

                R2D2
                Beep.

                INSPECTOR HALE (50s), tired, precise,
                steps over the tape.
                """);
        assertEquals(List.of("MOM", "DAD", "R2D2"), script.scenes().get(0).characters(),
                "a character introduced in action is not a cue");
    }

    @Test
    void cueWithoutDialogueOrTransitionIsNotACharacter() throws Exception {
        Screenplay script = parse("""
                INT. KITCHEN - DAY

                SMASH CUT TO:

                BANG

                Nothing after the bang.
                """);
        assertEquals(List.of(), script.scenes().get(0).characters());
    }

    @Test
    void pageLengthIsEstimatedFromTheText() throws Exception {
        StringBuilder longScene = new StringBuilder("INT. ARCHIVE - NIGHT\n\n");
        for (int i = 0; i < 50; i++) {
            longScene.append("The clerk files another box of letters, then another, and another, without looking up once.\n\n");
        }
        Screenplay script = parse("""
                INT. CUPBOARD - DAY

                A mop.

                """ + longScene);
        assertEquals(1, script.scenes().get(0).eighths(), "a tiny scene is at least an eighth");
        // 1 heading (2 lines) + 50 paragraphs of 2 wrapped lines plus a blank each = 152 lines, 152 * 8 / 55 = 22
        assertEquals(22, script.scenes().get(1).eighths());
    }

    @Test
    void longActionIsShortenedAtASentenceOrWord() {
        String text = "Rain. ".repeat(10) + "The harbour is empty except for one boat, which rocks against the quay "
                + "as if it wanted to leave and could not decide where to go, and a gull watches it from a bollard for a long time.";
        String s = ScriptText.synopsis(text);
        assertTrue(s.length() <= ScriptText.SYNOPSIS_LENGTH, s);
        assertTrue(s.endsWith("\u2026"), s);
        assertFalse(s.contains("  "));

        String sentences = "First sentence is here and it is fairly long to fill the space up nicely. "
                + "Second sentence also goes on for a while so that we pass the middle of the limit. "
                + "Third sentence is cut because it would run well past the two hundred characters allowed.";
        assertEquals("First sentence is here and it is fairly long to fill the space up nicely. "
                + "Second sentence also goes on for a while so that we pass the middle of the limit.", ScriptText.synopsis(sentences));
    }

    @Test
    void characterNamesLoseExtensionsAndBecomeTitleCase() {
        assertEquals("ELENA", ScriptText.characterName("ELENA (V.O.)"));
        assertEquals("ELENA", ScriptText.characterName("ELENA (CONT'D)"));
        assertEquals("ELENA", ScriptText.characterName("ELENA CONT'D"));
        assertEquals("NICO", ScriptText.characterName("NICO (O.S.) ^"));
        assertEquals("McCLANE", ScriptText.characterName("@McCLANE"));
        assertEquals("Inspector Hale", ScriptText.titleCase("INSPECTOR HALE"));
        assertEquals("O'Brien", ScriptText.titleCase("O'BRIEN"));
        assertEquals("Mary-Kate", ScriptText.titleCase("MARY-KATE"));
        assertEquals("Zoë", ScriptText.titleCase("ZOË"));
        assertEquals("McCLANE", ScriptText.titleCase("McCLANE"));
    }

    @Test
    void aTextWithoutHeadingsIsNotAScreenplay() {
        ImportException e = assertThrows(ImportException.class, () -> parse("Dear Ada,\n\nHere are the notes.\n"));
        assertEquals(ImportException.Problem.NOT_A_SCREENPLAY, e.problem());
        assertTrue(e.getMessage().startsWith("test.fountain is not a screenplay"), e.getMessage());
    }

    private static void assertScene(ScriptScene s, String number, IntExt intExt, String set, String time, List<String> characters) {
        String at = s.heading();
        assertEquals(number, s.number(), at);
        assertEquals(intExt, s.intExt(), at);
        assertEquals(set, s.set(), at);
        assertEquals(time, s.timeOfDay(), at);
        assertEquals(characters, s.characters(), at);
        assertTrue(s.eighths() >= 1, at);
    }
}
