package org.clearframe.tools;

import javafx.css.Stylesheet;
import org.clearframe.ui.Styles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (pom.xml, process-test-classes): compiles target/classes' clearframe.css into the binary stylesheet
 * {@link Styles} looks for beside it, and removes binary stylesheets made from earlier texts.
 * Argument: the folder holding clearframe.css.
 */
public final class BinaryStylesheet {
    private BinaryStylesheet() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Path css = folder.resolve("clearframe.css");
        Path binary = folder.resolve(Styles.binaryName(Files.readAllBytes(css)));
        try (var old = Files.newDirectoryStream(folder, "clearframe-*.bss")) {
            for (Path p : old) if (!p.equals(binary)) Files.delete(p);
        }
        if (!Files.exists(binary)) Stylesheet.convertToBinary(css.toFile(), binary.toFile());
    }
}
