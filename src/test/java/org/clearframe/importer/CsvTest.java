package org.clearframe.importer;

import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.AiUse;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class CsvTest {

    @TempDir Path dir;

    @Test
    void roundTripsCommasQuotesNewlinesAndUnicode() throws Exception {
        List<List<String>> rows = List.of(
                List.of("Scene", "Description", "Notes"),
                List.of("12A", "Zoë Niño, at the \"window\"", "line one\nline two"),
                List.of("", "  padded  ", "semi;colon"),
                List.of("3", "", "crlf\r\ninside"));
        String text = Csv.format(rows);
        assertTrue(text.contains("\"Zoë Niño, at the \"\"window\"\"\""), text);
        assertTrue(text.endsWith("\r\n"));
        assertEquals(rows, Csv.parse(text));

        Path file = dir.resolve("out.csv");
        Csv.write(file, rows);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 byte order mark");
        assertEquals(rows, Csv.parse(new String(bytes, StandardCharsets.UTF_8)), "the reader skips the byte order mark");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void readsSemicolonsLfLineEndsAndAMissingFinalLineBreak() throws Exception {
        assertEquals(List.of(List.of("Scene", "Shot"), List.of("1", "4,5")), Csv.parse("Scene;Shot\n1;\"4,5\""));
        assertEquals(List.of(List.of("a", ""), List.of("")), Csv.parse("a,\n\n"));
        assertEquals(List.of(List.of("", "")), Csv.parse("\"\",\"\""));
    }

    @Test
    void brokenQuotingIsReportedWithItsLine() {
        Csv.FormatException open = assertThrows(Csv.FormatException.class, () -> Csv.parse("a,b\n1,\"never\nclosed"));
        assertEquals(2, open.line());
        Csv.FormatException after = assertThrows(Csv.FormatException.class, () -> Csv.parse("a\n\"x\"y"));
        assertEquals(2, after.line());
    }

    @Test
    void exportHasARowPerShotAndPerSceneWithoutShotsAndDefusesFormulas() throws Exception {
        Scene one = new Scene(UUID.randomUUID(), "1", IntExt.EXT, "Harbour, north quay", "DAWN", "", 4, "", List.of(), false);
        Scene two = new Scene(UUID.randomUUID(), "2", IntExt.INT, "=HYPERLINK(\"x\")", "NIGHT", "", 11, "", List.of(), true);
        ProductionData base = SyntheticProduction.generate(1, 1);
        Shot a = new Shot(UUID.randomUUID(), one.id(), "1", "Zoë Niño walks, \"slowly\"\nthen stops", ShotSize.WIDE, "Low", "Dolly", "24mm",
                4.5, List.of(base.departments().get(5).id()), "-note", List.of(AiUse.of(Technique.SYNTHETIC_CROWD, "Crowd", "ToolX", Output.FINAL)));
        Shot b = Shot.numbered(one.id(), "2", "Insert: thermos");
        ProductionData data = new ProductionData(Production.titled("Export"), base.departments(), List.of(), List.of(one, two),
                List.of(a, b), List.of(), "");

        Path file = dir.resolve("shots.csv");
        CsvExport.write(data, file);
        List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(CsvExport.HEADER, rows.get(0));
        assertEquals(4, rows.size(), "two shots and one scene without shots");
        assertEquals(List.of("1", "EXT.", "Harbour, north quay", "DAWN", "4/8 pg", "4", "", "1", "Zoë Niño walks, \"slowly\"\nthen stops",
                "WS", "Low", "Dolly", "24mm", "4.5", "VFX", "Synthetic crowd or background (final, ToolX)", "'-note"), rows.get(1));
        assertEquals("", rows.get(2).get(13), "no duration written as blank, not 0");
        assertEquals(List.of("2", "INT.", "'=HYPERLINK(\"x\")", "NIGHT", "1 3/8 pg", "11", "yes"), rows.get(3).subList(0, 7));
        assertEquals("", rows.get(3).get(7));
    }
}
