package org.clearframe.cli;

import org.clearframe.testkit.ProductionBuilder;
import com.lowagie.text.pdf.PdfReader;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.FileFingerprint;
import org.clearframe.pdf.SampleBreakdown;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ExportPdfCommandTest {

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SampleBreakdown sample = SampleBreakdown.create();

    private int run(String... args) {
        ExportPdfCommand command = new ExportPdfCommand(data -> {
            // Flags are keyed by shot id, which survive the round trip through the file.
            assertEquals(sample.data.shots().size(), data.shots().size());
            return sample.flags;
        });
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path production() throws Exception {
        Path file = dir.resolve("salt.clearframe");
        ProductionBuilder.from(sample.data).write(file);
        return file;
    }

    private static String text(Path pdf) throws Exception {
        return org.clearframe.pdf.PdfText.textOf(pdf);
    }

    @Test
    void writesThePdfOfAProductionFile() throws Exception {
        Path file = production();
        Path pdf = dir.resolve("out.pdf");

        assertEquals(Command.OK, run(file.toString(), pdf.toString(), "--paper", "letter"));

        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Wrote " + pdf.toAbsolutePath() + ": "), out.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String text = text(pdf);
        assertTrue(text.contains("The Salt Road"));
        assertTrue(text.contains("VOICE-CLONE"));
        String hash = FileFingerprint.sha256(file);
        assertTrue(text.contains(hash.substring(0, 8) + " " + hash.substring(8, 16)), "the cover carries the file's SHA-256");
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        assertEquals(792f, reader.getPageSize(1).getWidth(), 0.5f, "US Letter, landscape");
        reader.close();
    }

    @Test
    void theBundledSampleExportsWithThePolicysFlags() throws Exception {
        Path file = dir.resolve("harbour.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        Path pdf = dir.resolve("harbour.pdf");

        int code = new ExportPdfCommand().run(List.of(file.toString(), pdf.toString(), "--paper", "a4"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Command.OK, code, err.toString(StandardCharsets.UTF_8));
        ProductionData data = Projects.read(file);
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(Policies.inForce(data), data);
        Set<UUID> omitted = new HashSet<>();
        for (var scene : data.scenes()) if (scene.omitted()) omitted.add(scene.id());
        String text = text(pdf);
        int checked = 0;
        for (var shot : data.shots()) {
            if (omitted.contains(shot.sceneId())) continue;
            for (Flag f : flags.getOrDefault(shot.id(), List.of())) {
                assertTrue(text.contains(f.rule().id()), f.rule().id());
                checked++;
            }
            for (String word : shot.description().split("\\s+")) assertTrue(text.contains(word), word);
        }
        assertTrue(checked > 0, "the sample has flags");
        assertTrue(text.contains(Policies.inForce(data).display()), "the cover names the policy");
        // The use no consent covers is open, and listed as needing a record, not as needing no signature.
        assertTrue(text.contains("Needs a record in the production") && text.contains("Open: needs a consent from Zoë Niño"), text);
        assertFalse(text.contains("No signature required"), "the sample has no flag that nobody needs to close");
    }

    @Test
    void departmentAndFlaggedOnlyNarrowTheReport() throws Exception {
        Path file = production();
        Path pdf = dir.resolve("vfx.pdf");

        assertEquals(Command.OK, run(file.toString(), pdf.toString(), "--department", "VFX", "--flagged-only"));

        String text = text(pdf);
        assertTrue(text.contains("DEAGE-PERFORMER"));
        assertFalse(text.contains("SET-CONCEPT"), "Art's flag is not in the VFX report");
        assertTrue(text.contains("AI shot breakdown \u00B7 VFX \u00B7 flagged shots only"));
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() throws Exception {
        Path file = production();
        Path pdf = dir.resolve("x.pdf");
        assertEquals(Command.BAD_INPUT, run(file.toString()));
        assertTrue(err.toString().contains("give the production file and the PDF to write"), err.toString());
        err.reset();
        assertEquals(Command.BAD_INPUT, run(file.toString(), pdf.toString(), "--paper", "a3"));
        assertTrue(err.toString().contains("--paper must be a4 or letter, not 'a3'"), err.toString());
        err.reset();
        assertEquals(Command.BAD_INPUT, run(file.toString(), pdf.toString(), "--department"));
        assertTrue(err.toString().contains("--department needs a value"), err.toString());
        err.reset();
        assertEquals(Command.BAD_INPUT, run(file.toString(), pdf.toString(), "--departement", "VFX"));
        assertTrue(err.toString().contains("unknown option '--departement'"), err.toString());
        err.reset();
        assertEquals(Command.BAD_INPUT, run(file.toString(), pdf.toString(), "--department", "Catering"));
        assertTrue(err.toString().startsWith("clearframe: No department is called 'Catering'"), err.toString());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void aMissingProductionOrAnUnwritableTargetIsBadInput() throws Exception {
        assertEquals(Command.BAD_INPUT, run(dir.resolve("nope.clearframe").toString(), dir.resolve("x.pdf").toString()));
        assertTrue(err.toString().startsWith("clearframe: "), err.toString());
        err.reset();

        Path file = production();
        Path target = dir.resolve("no such folder").resolve("x.pdf");
        assertEquals(Command.BAD_INPUT, run(file.toString(), target.toString()));
        assertEquals("clearframe: Cannot write " + target.toAbsolutePath() + ": the folder "
                + target.toAbsolutePath().getParent() + " does not exist.", err.toString(StandardCharsets.UTF_8).trim());
    }
}
