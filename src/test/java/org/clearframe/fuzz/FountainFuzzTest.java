package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.importer.FountainParser;
import org.clearframe.importer.ImportException;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.Screenplay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Fountain reader on any bytes: through a real file (decoding, size and binary checks, then the parser) and
 * straight on the text. Only {@link ImportException} may escape; a script it accepts has at least one scene and
 * never more scenes than lines. Corpus: src/test/resources/org/clearframe/fuzz/FountainFuzzTestInputs/fountain.
 */
class FountainFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void fountain(byte[] input) {
        Path file = FuzzFiles.write("script.fountain", input);
        try {
            Scripts.check(ScriptImport.read(file), file, Scripts.lines(input));
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
        }
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Screenplay play = FountainParser.parse(text, file);
            Scripts.check(play, file, Scripts.lines(input));
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
        }
    }
}
