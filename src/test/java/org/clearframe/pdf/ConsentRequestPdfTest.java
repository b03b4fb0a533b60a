package org.clearframe.pdf;

import org.clearframe.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code consent request} on the bundled sample, read back as a PDF reader would. */
class ConsentRequestPdfTest {

    @TempDir Path dir;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theRequestListsEachPlannedUseSpecificallyWithTheTermsAndALinePerConsent() throws Exception {
        Path sample = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        Path pdf = dir.resolve("nico.pdf");
        assertEquals(0, run("consent", "request", sample.toString(), "--person", "tomasz wójcik", pdf.toString(),
                "--notice", "Notice of 72 hours before the scan", "--payment", "Scale plus 20 percent per use"));
        try (PdfText text = new PdfText(pdf)) {
            String all = text.all();
            assertEquals(1, text.pageCount());
            for (String expected : new String[]{"Consent request", "Tomasz Wójcik", "shot 2/2", "OLD CANNERY", "Digital double of Nico for the fall",
                    "Final: in the delivered film", "Northwave GenFX", "likeness or voice", "Not to be used in any other production",
                    "Notice of 72 hours before the scan", "Scale plus 20 percent per use", "Signature", "Date"}) {
                assertTrue(PdfText.hasWords(all, expected), expected + " in\n" + all);
            }
            // Consent to create a replica is separate from consent to use it: one line each to sign.
            assertTrue(all.contains("Create a digital replica (use 1)"), all);
            assertTrue(all.contains("Use a replica, or alter a performance (use 1)"), all);
            assertFalse(all.contains("Approved"), "no sign-off colour legend on a consent request");
            assertFalse(text.fonts().isEmpty());
            for (var f : text.fonts()) assertTrue(PdfText.embedded(f), PdfText.baseName(f) + " is embedded");
        }
    }

    @Test
    void blankTermsLeaveRuledSpace_andOtherPerformersUsesAreNotListed() throws Exception {
        Path sample = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        Path pdf = dir.resolve("zoe.pdf");
        assertEquals(0, run("consent", "request", sample.toString(), "--person", "Zoë Niño", pdf.toString()));
        try (PdfText text = new PdfText(pdf)) {
            String all = text.all();
            assertTrue(all.contains("De-age Zoë Niño by about twenty years"), all);
            assertTrue(all.contains("Notice before any scan (at least 48 hours): ____"), all);
            assertFalse(all.contains("Digital double of Nico"), "Nico's double is his to consent to");
            assertFalse(all.contains("Create a digital replica"), "a de-aging asks no consent to create a replica");
        }
    }
}
