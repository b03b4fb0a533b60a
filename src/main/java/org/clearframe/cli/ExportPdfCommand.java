package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportException;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.FileFingerprint;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Flag;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.exchange.SignedScenes;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@code export-pdf FILE OUT.pdf}: the shot-breakdown PDF, as File > Export Breakdown PDF... writes it. */
final class ExportPdfCommand implements Command {

    /** Where the flags come from; null for the policy in force in the file, as the app evaluates it. */
    private final Function<ProductionData, Map<UUID, List<Flag>>> flags;

    ExportPdfCommand() {
        this(null);
    }

    /** With another source of flags, for tests. */
    ExportPdfCommand(Function<ProductionData, Map<UUID, List<Flag>>> flags) {
        this.flags = flags;
    }

    @Override public String name() { return "export-pdf"; }
    @Override public String usage() { return "export-pdf FILE OUT.pdf [--department NAME] [--flagged-only] [--paper a4|letter] [--force]"; }
    @Override public String summary() { return "write the shot-breakdown PDF (cover, AI sign-off summary, scenes and shots)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional;
        String department;
        boolean flaggedOnly, force;
        PaperSize paper = PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT));
        try {
            Arguments a = Arguments.parse(args, Set.of("--flagged-only", Projects.FORCE), Set.of("--department", "--paper"));
            positional = a.positional();
            if (positional.size() != 2) return usageError(err, "give the production file and the PDF to write.");
            department = a.value("--department") == null ? "" : a.value("--department");
            flaggedOnly = a.has("--flagged-only");
            force = a.has(Projects.FORCE);
            if (a.value("--paper") != null) {
                paper = PaperSize.parse(a.value("--paper"));
                if (paper == null) return usageError(err, "--paper must be a4 or letter, not '" + a.value("--paper") + "'.");
            }
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }

        Path file = Path.of(positional.get(0));
        Path pdf = Path.of(positional.get(1));
        try {
            Projects.checkOutput(pdf, force, file);
            ExportOptions options = new ExportOptions(paper, department, flaggedOnly, "", LocalDate.now());
            ExportSummary done = flags != null ? withFlags(file, pdf, options) : streamed(file, pdf, options);
            out.printf("Wrote %s: %d %s, %d scenes, %d shots, %d flags.%n", done.file(), done.pages(),
                    done.pages() == 1 ? "page" : "pages", done.scenes(), done.shots(), done.flags());
            return OK;
        } catch (PolicyUnreadable e) {
            // Fail closed: a PDF handed to a studio or insurer must not show flags under a policy nobody chose.
            err.println("clearframe: " + file.getFileName() + ": " + e.getMessage() + " No PDF was written.");
            return BAD_INPUT;
        } catch (OutputFile.Refused | ProjectFileException | StoreException | ExportException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("clearframe: cannot read " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /**
     * The production read from its file a page of scenes at a time, each page's sign-offs proven as the record proves
     * them: memory holds one page, however many shots the production has.
     */
    private static ExportSummary streamed(Path file, Path pdf, ExportOptions options)
            throws ProjectFileException, StoreException, ExportException, IOException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            options = options.withFingerprint(FileFingerprint.sha256(file));
            BreakdownPdf.Pages pages = pages(store, SignedScenes.of(store));
            return BreakdownPdf.write(pages, options.withProducerRecords(store.schedule().schedule(), null), pdf, ExportProgress.NONE);
        }
    }

    /** The production in {@code store} as the PDF reads it: {@code scenes} page by page, and the signed contents kept. */
    static BreakdownPdf.Pages pages(ProductionStore store, SignedScenes scenes) {
        return new BreakdownPdf.Pages() {
            @Override public ProductionData facts() { return scenes.facts(); }
            @Override public ProductionData nextPage() throws StoreException { return scenes.nextPage(); }
            @Override public Map<String, ShotContent> signedContents(Collection<String> fingerprints) throws StoreException {
                return store.packages().signedContents(fingerprints);
            }
        };
    }

    /** The whole production in memory with flags from the test's source. */
    private ExportSummary withFlags(Path file, Path pdf, ExportOptions options)
            throws ProjectFileException, StoreException, ExportException, IOException {
        ProductionData data = Projects.read(file);
        ProducerFacts facts = ProducerFacts.read(file);
        options = options.withFingerprint(FileFingerprint.sha256(file));
        Assessment assessment = Assessment.of(data, flags.apply(data));
        return BreakdownPdf.write(data, assessment, options.withProducerRecords(facts.schedule(), facts.signed()), pdf, ExportProgress.NONE);
    }
}
