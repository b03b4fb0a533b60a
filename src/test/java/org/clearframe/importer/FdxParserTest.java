package org.clearframe.importer;

import org.clearframe.model.IntExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.clearframe.importer.FountainParserTest.resource;
import static org.junit.jupiter.api.Assertions.*;

class FdxParserTest {

    @TempDir Path dir;

    @Test
    void readsHeadingsNumbersLengthsCharactersAndTitlePage() throws Exception {
        Screenplay script = FdxParser.parse(resource("all-forms.fdx"));

        assertEquals("The Lighthouse Keeper", script.title(), "text runs are joined");
        assertEquals("Tomasz Wójcik", script.author());
        List<ScriptScene> s = script.scenes();
        assertEquals(7, s.size());

        assertScene(s.get(0), "1", IntExt.INT, "LIGHTHOUSE", "NIGHT", List.of("BEA"));
        assertEquals(11, s.get(0).eighths(), "Final Draft's own length 1 3/8");
        assertEquals("Rain hammers the glass. Bea climbs the spiral stair.", s.get(0).synopsis());

        assertScene(s.get(1), "2", IntExt.EXT, "LIGHTHOUSE GALLERY", "CONTINUOUS", List.of("FISHERMAN", "BEA"));
        assertEquals(4, s.get(1).eighths(), "number and length from SceneProperties");

        assertScene(s.get(2), "3", IntExt.EXT, "HARBOUR", "DAWN", List.of());
        assertEquals(1, s.get(2).eighths(), "estimated when Final Draft wrote no length");
        assertEquals("Gulls over an empty quay.", s.get(2).synopsis());

        assertScene(s.get(3), "4", IntExt.INT_EXT, "TRAWLER WHEELHOUSE", "DAY", List.of("KOFI", "ZOË"));
        assertEquals(16, s.get(3).eighths());

        assertScene(s.get(4), "5A", IntExt.INT_EXT, "CAR - MOVING", "DAY", List.of());
        assertScene(s.get(5), null, IntExt.INT_EXT, "FERRY TERMINAL", "DAY", List.of());
        assertScene(s.get(6), null, IntExt.INT, "SNIPER'S POV", "", List.of());
    }

    @Test
    void anExternalEntityReadingALocalFileIsRefusedAndTheFileIsNotRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT-4711");
        Path fdx = dir.resolve("xxe.fdx");
        Files.writeString(fdx, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE FinalDraft [ <!ENTITY xxe SYSTEM "%s"> ]>
                <FinalDraft DocumentType="Script" Version="5"><Content>
                  <Paragraph Type="Scene Heading"><Text>INT. &xxe; - DAY</Text></Paragraph>
                </Content></FinalDraft>
                """.formatted(secret.toUri()));

        ImportException e = assertThrows(ImportException.class, () -> FdxParser.parse(fdx));
        assertEquals(ImportException.Problem.UNSAFE, e.problem());
        assertTrue(e.getMessage().startsWith("xxe.fdx contains a document type declaration"), e.getMessage());
        assertFalse(String.valueOf(e.getMessage()).contains("TOP-SECRET"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("TOP-SECRET"), "no part of the error carries the file's contents");
        }
    }

    @Test
    void externalDtdsAndParameterEntitiesAreRefused() throws Exception {
        Path secret = dir.resolve("evil.dtd");
        Files.writeString(secret, "<!ENTITY leak \"LEAKED\">");
        for (String doctype : List.of(
                "<!DOCTYPE FinalDraft SYSTEM \"" + secret.toUri() + "\">",
                "<!DOCTYPE FinalDraft [ <!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p; ]>")) {
            Path fdx = dir.resolve("dtd.fdx");
            Files.writeString(fdx, "<?xml version=\"1.0\"?>\n" + doctype
                    + "<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>INT. &leak; - DAY</Text></Paragraph></Content></FinalDraft>");
            ImportException e = assertThrows(ImportException.class, () -> FdxParser.parse(fdx), doctype);
            assertEquals(ImportException.Problem.UNSAFE, e.problem());
            assertFalse(e.getMessage().contains("LEAKED"));
        }
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        b.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        b.append("]>\n<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>INT. &lol9; - DAY</Text></Paragraph></Content></FinalDraft>");
        Path fdx = dir.resolve("lol.fdx");
        Files.writeString(fdx, b);

        long start = System.nanoTime();
        ImportException e = assertThrows(ImportException.class, () -> FdxParser.parse(fdx));
        assertEquals(ImportException.Problem.UNSAFE, e.problem());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "refused before expanding anything");
    }

    @Test
    void brokenXmlWrongRootAndNoHeadingsGetClearMessages() throws Exception {
        Path broken = dir.resolve("broken.fdx");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<FinalDraft><Content>\n<Paragraph Type=\"Action\"><Text>Oops</Paragraph>\n</Content></FinalDraft>");
        ImportException e = assertThrows(ImportException.class, () -> FdxParser.parse(broken));
        assertEquals(ImportException.Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().startsWith("broken.fdx is not a readable Final Draft file: the XML is broken at line 3"), e.getMessage());

        Path other = dir.resolve("other.fdx");
        Files.writeString(other, "<?xml version=\"1.0\"?><html><body>Hi</body></html>");
        e = assertThrows(ImportException.class, () -> FdxParser.parse(other));
        assertEquals(ImportException.Problem.NOT_A_SCREENPLAY, e.problem());
        assertTrue(e.getMessage().contains("root element is <html>"), e.getMessage());

        Path none = dir.resolve("none.fdx");
        Files.writeString(none, "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>Just action.</Text></Paragraph></Content></FinalDraft>");
        e = assertThrows(ImportException.class, () -> FdxParser.parse(none));
        assertEquals(ImportException.Problem.NOT_A_SCREENPLAY, e.problem());
        assertTrue(e.getMessage().startsWith("none.fdx has no scene headings"), e.getMessage());
    }

    @Test
    void pageLengthsParseLikeFinalDraftWritesThem() {
        assertEquals(11, PageCount.parseEighths("1 3/8"));
        assertEquals(3, PageCount.parseEighths("3/8"));
        assertEquals(16, PageCount.parseEighths("2"));
        assertEquals(-1, PageCount.parseEighths(""));
        assertEquals(-1, PageCount.parseEighths("about two"));
    }

    private static void assertScene(ScriptScene s, String number, IntExt intExt, String set, String time, List<String> characters) {
        String at = s.heading();
        assertEquals(number, s.number(), at);
        assertEquals(intExt, s.intExt(), at);
        assertEquals(set, s.set(), at);
        assertEquals(time, s.timeOfDay(), at);
        assertEquals(characters, s.characters(), at);
    }
}
