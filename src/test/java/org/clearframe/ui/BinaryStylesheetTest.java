package org.clearframe.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app reads its stylesheet in the binary form the build compiles (pom.xml, process-test-classes), which must say
 * exactly what the text says, and must never be one made from an older text.
 */
class BinaryStylesheetTest {

    private static byte[] css() throws Exception {
        try (InputStream in = Styles.class.getResourceAsStream("clearframe.css")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theAppUsesTheBinaryFormOfTodaysText() throws Exception {
        assertTrue(Styles.STYLESHEET.endsWith(Styles.binaryName(css())), Styles.STYLESHEET);
    }

    @Test
    void theBinaryFormIsWhatJavaFxMakesOfTheText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("clearframe.css"), made = dir.resolve("made.bss");
        Files.write(text, css());
        Stylesheet.convertToBinary(text.toFile(), made.toFile());
        try (InputStream shipped = new URL(Styles.STYLESHEET).openStream()) {
            assertArrayEquals(Files.readAllBytes(made), shipped.readAllBytes());
        }
        // and it reads back as the whole stylesheet, not a stub
        Stylesheet parsed = new CssParser().parse(Styles.class.getResource("clearframe.css"));
        Stylesheet binary = Stylesheet.loadBinary(new URL(Styles.STYLESHEET));
        assertTrue(parsed.getRules().size() > 100);
        assertEquals(parsed.getRules().size(), binary.getRules().size());
        for (int i = 0; i < parsed.getRules().size(); i++) {
            assertEquals(parsed.getRules().get(i).getSelectors().toString(), binary.getRules().get(i).getSelectors().toString());
        }
    }

    @Test
    void anEditedTextNamesAnotherBinaryForm() throws Exception {
        byte[] edited = css();
        edited[edited.length / 2] ^= 1;
        assertNotEquals(Styles.binaryName(css()), Styles.binaryName(edited));
        assertEquals(null, Styles.class.getResource(Styles.binaryName(edited)), "no binary form of a text never built");
    }
}
