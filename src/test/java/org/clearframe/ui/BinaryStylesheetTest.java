package org.clearframe.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        // Compared as read back: the converter's bytes depend on what the JVM that ran it had cached.
        List<String> expected = rules(Stylesheet.loadBinary(made.toUri().toURL()));
        List<String> shipped = rules(Stylesheet.loadBinary(new URL(Styles.STYLESHEET)));
        assertEquals(expected, shipped);
        // and it is the whole stylesheet, not a stub
        assertEquals(new CssParser().parse(Styles.class.getResource("clearframe.css")).getRules().size(), shipped.size());
        assertTrue(shipped.size() > 100);
    }

    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations()).toList();
    }

    @Test
    void anEditedTextNamesAnotherBinaryForm() throws Exception {
        byte[] edited = css();
        edited[edited.length / 2] ^= 1;
        assertNotEquals(Styles.binaryName(css()), Styles.binaryName(edited));
        assertEquals(null, Styles.class.getResource(Styles.binaryName(edited)), "no binary form of a text never built");
    }
}
