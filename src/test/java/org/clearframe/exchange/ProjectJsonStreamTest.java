package org.clearframe.exchange;

import org.clearframe.model.ProductionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * import-json reads a project file as a stream, turning shots and sign-offs into records entry by entry. The stream
 * must refuse exactly what the whole-tree reader refused, wherever in the file the problem sits, and must not trust a
 * header it has not seen yet.
 */
class ProjectJsonStreamTest {

    @TempDir Path dir;

    private String sampleJson() throws Exception {
        Path json = dir.resolve("sample.json");
        ProjectJson.export(Path.of("assets/sample/harbour-lights.clearframe"), json);
        return Files.readString(json);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aStreamedFileReadsBackAsTheTreeReaderReadsIt() throws Exception {
        String text = sampleJson();
        ProductionData streamed = ProjectJson.read(file("a.json", text)).data();
        ProductionData tree = ProjectJson.fromJson(JsonFiles.read(file("b.json", text), "x", ProjectJson.FORMAT,
                ProjectJson.SCHEMA_VERSION, ProjectJson.MAX_BYTES), "b.json").data();
        assertEquals(tree, streamed);
        assertEquals(14, streamed.shots().size());
        assertEquals(7, streamed.signOffs().size());
    }

    @Test
    void aShotEntryThatIsNotAnObjectIsRefusedByItsPlace() throws Exception {
        String text = sampleJson().replaceFirst("\"shots\" : \\[", "\"shots\" : [ 42,");
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(file("bad.json", text)));
        assertEquals(ExchangeException.Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("shots[0] is not an object"), e.getMessage());
    }

    @Test
    void aSecondShotsArrayIsADuplicateKeyNotALastOneWins() throws Exception {
        String text = sampleJson().replaceFirst("\"signOffs\" :", "\"shots\" : [ ],\n  \"signOffs\" :");
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(file("dup.json", text)));
        assertEquals(ExchangeException.Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("Duplicate field 'shots'"), e.getMessage());
    }

    @Test
    void aFileCutOffInsideTheShotsIsNotValidJson() throws Exception {
        String text = sampleJson();
        String cut = text.substring(0, text.indexOf("\"signOffs\"") - 200);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(file("cut.json", cut)));
        assertEquals(ExchangeException.Problem.MALFORMED, e.problem());
    }

    @Test
    void bytesThatAreNotUtf8DeepInTheFileAreRefusedAsBinary() throws Exception {
        byte[] text = sampleJson().getBytes(StandardCharsets.UTF_8);
        text[text.length - 100] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        text[text.length - 99] = (byte) 0x28;
        Path p = dir.resolve("binary.json");
        Files.write(p, text);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(p));
        assertTrue(e.getMessage().contains("binary data, not UTF-8 text"), e.getMessage());
    }

    @Test
    void shotsBeforeTheHeaderAreNotTakenOnTrustAndAnotherFormatIsRefused() throws Exception {
        String text = sampleJson();
        // the shots first, then a header naming another kind of file: refused as that, not read as a project
        String body = text.substring(text.indexOf("\"shots\""), text.indexOf("\"signOffs\""));
        String moved = "{\n  " + body + "\"format\" : \"clearframe-share\",\n  \"schemaVersion\" : 1\n}";
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(file("other.json", moved)));
        assertEquals(ExchangeException.Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("\"format\" is not \"clearframe-project\""), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefusedBeforeAnyShotIsRead() throws Exception {
        String text = sampleJson().replaceFirst("\"schemaVersion\" : \\d+", "\"schemaVersion\" : 99")
                .replaceFirst("\"shots\" : \\[", "\"shots\" : [ 42,");
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.read(file("newer.json", text)));
        assertEquals(ExchangeException.Problem.NEWER_SCHEMA, e.problem());
    }
}
