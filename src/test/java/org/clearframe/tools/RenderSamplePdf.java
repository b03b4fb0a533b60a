package org.clearframe.tools;

import org.clearframe.cli.Cli;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.PaperSize;
import org.clearframe.pdf.SampleBreakdown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a breakdown PDF and its pages as PNGs, for the README's example:
 * {@code RenderSamplePdf [FILE.clearframe] OUT_DIR}. With a production file it runs the real
 * {@code export-pdf} command on it; without, it uses the hand-built sample in the tests (which has a
 * signature in every state).
 * The PNGs (breakdown-page-1.png, ...) need poppler's pdftoppm on the PATH; -Dkeep.pdf=true keeps the PDF too.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec@render-pdf} (the bundled sample into assets/screenshots).
 */
public final class RenderSamplePdf {
    private RenderSamplePdf() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: RenderSamplePdf [FILE.clearframe] OUT_DIR");
            System.exit(2);
        }
        Path outDir = Path.of(args[args.length - 1]);
        Files.createDirectories(outDir);
        Path pdf = outDir.resolve("breakdown.pdf");
        // A shorter document than last time must not leave the old document's last pages behind.
        try (var old = Files.list(outDir)) {
            for (Path f : old.toList()) {
                if (f.getFileName().toString().matches("breakdown-page-\\d+\\.png")) Files.delete(f);
            }
        }
        if (args.length == 2) {
            // The bundled sample's record was attested with a key thrown away when it was built, so it counts nowhere as
            // it is. Adopt it in a private copy with a throwaway config folder, as opening the sample in the app does.
            Path work = Files.createTempDirectory("render-sample");
            System.setProperty("clearframe.config", work.resolve("config").toString());
            Path copy = work.resolve(Path.of(args[0]).getFileName());
            Files.copy(Path.of(args[0]), copy);
            int code = Cli.run(new String[]{"attest", copy.toString()}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err);
            if (code == 0) code = Cli.run(new String[]{"export-pdf", copy.toString(), pdf.toString(), "--paper", "a4"}, System.out, System.err);
            if (code != 0) System.exit(code);
        } else {
            SampleBreakdown sample = SampleBreakdown.create();
            ExportSummary summary = BreakdownPdf.write(sample.data, sample.flags,
                    new ExportOptions(PaperSize.A4, "", false,
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", LocalDate.of(2026, 11, 24)),
                    pdf, ExportProgress.NONE);
            System.out.println("Wrote " + summary.file() + " (" + summary.pages() + " pages)");
        }
        List<String> command = new ArrayList<>(List.of("pdftoppm", "-png", "-r", "96", pdf.toString(),
                outDir.resolve("breakdown-page").toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            System.err.println("pdftoppm failed; install poppler-utils to render the pages");
            System.exit(1);
        }
        // pdftoppm pads page numbers to the width of the page count ("-01"); the README wants "-1".
        try (var files = Files.list(outDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("breakdown-page-0+\\d+\\.png")) {
                    Files.move(f, outDir.resolve(name.replaceFirst("-0+(\\d)", "-$1")),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!Boolean.getBoolean("keep.pdf")) Files.delete(pdf);
        System.out.println("Rendered the pages to " + outDir);
    }
}
