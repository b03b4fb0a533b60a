package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.importer.FdxParser;
import org.clearframe.importer.ImportException;
import org.clearframe.importer.ScriptImport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Final Draft reader on any bytes, through a real .fdx file and straight on the text. Only
 * {@link ImportException} may escape (XML errors, document type declarations, no scenes); a script it accepts
 * has no more scenes than the file has {@code <Paragraph} elements. Corpus: FdxFuzzTestInputs/fdx.
 */
class FdxFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void fdx(byte[] input) {
        Path file = FuzzFiles.write("script.fdx", input);
        String text = new String(input, StandardCharsets.UTF_8);
        // The file route also reads UTF-16 (with a byte order mark), so bound by the count in any of its readings.
        int paragraphs = Math.max(count(text, "<Paragraph"), Math.max(count(new String(input, StandardCharsets.UTF_16LE), "<Paragraph"),
                count(new String(input, StandardCharsets.UTF_16BE), "<Paragraph")));
        try {
            Scripts.check(ScriptImport.read(file), file, paragraphs);
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
        }
        try {
            Scripts.check(FdxParser.parse(text, file), file, paragraphs);
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
