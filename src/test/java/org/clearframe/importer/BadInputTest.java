package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of bad script gets a clear message naming the file, and no production file is created or changed. */
class BadInputTest {

    @TempDir Path dir;

    private static final String SCRIPT = "Title: Zoë's Boat\n\nINT. CABIN - NIGHT\n\nZOË\nNiño, the lamp.\n";

    private Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Imports {@code script} into a new file and into an existing one; both must fail the same way, writing nothing. */
    private ImportException refused(Path script, Problem problem, String messageStart) throws Exception {
        Path out = dir.resolve("new.clearframe");
        ImportException e = assertThrows(ImportException.class, () -> ScriptImport.importNew(script, out));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(Files.exists(out), "no production is created");
        assertFalse(Files.exists(dir.resolve(".new.clearframe.partial")));

        Path existing = dir.resolve("existing.clearframe");
        if (!Files.exists(existing)) ScriptImport.importNew(SampleScriptTest.SAMPLE, existing);
        try (ProductionStore store = ProductionStore.open(existing)) {
            ProductionData before = store.load();
            assertThrows(ImportException.class, () -> ScriptImport.preview(before, script));
            assertEquals(before, store.load(), "the existing production is unchanged");
        }
        return e;
    }

    @Test
    void emptyAndBlankFiles() throws Exception {
        refused(bytes("empty.fountain", new byte[0]), Problem.EMPTY, "empty.fountain is empty");
        refused(bytes("blank.fountain", " \n\n\t \r\n".getBytes(StandardCharsets.US_ASCII)), Problem.EMPTY, "blank.fountain is empty");
    }

    @Test
    void binaryFiles() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[100] = 0;
        refused(bytes("noise.fountain", noise), Problem.BINARY, "noise.fountain is not a text file");
        refused(bytes("script.fdx", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)), Problem.BINARY, "script.fdx is a PDF");
        ImportException zip = refused(bytes("script.fountain", new byte[] {'P', 'K', 3, 4, 20, 0}), Problem.BINARY, "script.fountain is a compressed file");
        assertTrue(zip.getMessage().contains("Fountain"), "says what to export instead");
        byte[] controls = "INT. A - DAY\n\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F".repeat(20).getBytes(StandardCharsets.US_ASCII);
        refused(bytes("controls.fountain", controls), Problem.BINARY, "controls.fountain is not a text file");
    }

    @Test
    void tooLarge() throws Exception {
        Path big = dir.resolve("huge.fountain");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] block = "INT. A - DAY\n\nAction.\n\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            while (written <= SourceText.MAX_BYTES) {
                out.write(block);
                written += block.length;
            }
        }
        ImportException e = refused(big, Problem.TOO_LARGE, "huge.fountain is too large to import");
        assertTrue(e.getMessage().contains("10 MB"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithTheLine() throws Exception {
        byte[] latin1 = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        ImportException e = refused(bytes("latin1.fountain", latin1), Problem.ENCODING, "latin1.fountain is not UTF-8 text");
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        byte[] utf16NoBom = SCRIPT.getBytes(StandardCharsets.UTF_16LE);
        e = refused(bytes("utf16.fountain", utf16NoBom), Problem.BINARY, "utf16.fountain is not a text file");
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void notAScreenplayAndBrokenXml() throws Exception {
        refused(bytes("letter.fountain", "Dear Ada,\n\nThanks for the draft.\n".getBytes(StandardCharsets.UTF_8)),
                Problem.NOT_A_SCREENPLAY, "letter.fountain is not a screenplay");
        refused(bytes("broken.fdx", "<FinalDraft><Content><Paragraph>".getBytes(StandardCharsets.UTF_8)),
                Problem.MALFORMED, "broken.fdx is not a readable Final Draft file");
        refused(dir.resolve("missing.fountain"), Problem.MISSING, "The file missing.fountain does not exist");
    }

    @Test
    void utf8WithOrWithoutBomAndUtf16WithBomAreRead() throws Exception {
        Consumer<Screenplay> check = s -> {
            assertEquals("Zoë's Boat", s.title());
            assertEquals("ZOË", s.scenes().get(0).characters().get(0));
        };
        check.accept(ScriptImport.read(bytes("plain.fountain", SCRIPT.getBytes(StandardCharsets.UTF_8))));
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, SCRIPT.getBytes(StandardCharsets.UTF_8));
        check.accept(ScriptImport.read(bytes("bom.fountain", bom)));
        check.accept(ScriptImport.read(bytes("le.fountain", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SCRIPT.getBytes(StandardCharsets.UTF_16LE)))));
        check.accept(ScriptImport.read(bytes("be.fountain", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SCRIPT.getBytes(StandardCharsets.UTF_16BE)))));
    }

    @Test
    void anExistingOutputFileIsNeverOverwrittenByANewImport() throws Exception {
        Path out = dir.resolve("taken.clearframe");
        ScriptImport.importNew(SampleScriptTest.SAMPLE, out);
        byte[] before = Files.readAllBytes(out);
        assertThrows(org.clearframe.store.ProjectFileException.class, () -> ScriptImport.importNew(SampleScriptTest.SAMPLE, out));
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
