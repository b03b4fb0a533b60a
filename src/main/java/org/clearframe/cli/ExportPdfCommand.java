package org.clearframe.cli;

import org.clearframe.model.ProductionData;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportException;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.FileFingerprint;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    @Override public String usage() { return "export-pdf FILE OUT.pdf [--department NAME] [--flagged-only] [--paper a4|letter]"; }
    @Override public String summary() { return "write the shot-breakdown PDF (cover, AI sign-off summary, scenes and shots)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String department = "";
        boolean flaggedOnly = false;
        PaperSize paper = PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--flagged-only" -> flaggedOnly = true;
                case "--department", "--paper" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        return bad(err, a + " needs a value.");
                    }
                    String value = args.get(++i);
                    if (a.equals("--department")) {
                        department = value;
                    } else {
                        paper = PaperSize.parse(value);
                        if (paper == null) return bad(err, "--paper must be a4 or letter, not '" + value + "'.");
                    }
                }
                default -> {
                    if (a.startsWith("--")) return bad(err, "unknown option '" + a + "'.");
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2) return bad(err, "give the production file and the PDF to write.");

        Path file = Path.of(positional.get(0));
        Path pdf = Path.of(positional.get(1));
        ProductionData data;
        String fingerprint;
        try {
            data = Projects.read(file);
            fingerprint = FileFingerprint.sha256(file);
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("clearframe: cannot read " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        ExportOptions options = new ExportOptions(paper, department, flaggedOnly, fingerprint, LocalDate.now());
        Map<UUID, List<Flag>> flagsByShot;
        if (flags != null) {
            flagsByShot = flags.apply(data);
        } else {
            Policies.InForce policy = Policies.choose(data);
            if (policy.fellBack()) {
                err.println("clearframe: warning: the policy stored in " + file.getFileName()
                        + " cannot be used, so the built-in default policy applies. " + policy.problem());
            }
            flagsByShot = Evaluator.evaluateAll(policy.policy(), data);
        }
        try {
            ExportSummary done = BreakdownPdf.write(data, flagsByShot, options, pdf, ExportProgress.NONE);
            out.printf("Wrote %s: %d %s, %d scenes, %d shots, %d flags.%n", done.file(), done.pages(),
                    done.pages() == 1 ? "page" : "pages", done.scenes(), done.shots(), done.flags());
            return OK;
        } catch (ExportException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int bad(PrintStream err, String message) {
        err.println("clearframe: " + message);
        err.println("Usage: clearframe " + usage());
        return BAD_INPUT;
    }
}
