package org.clearframe.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import org.clearframe.model.ProductionData;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Flag;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * The shot-breakdown PDF: a cover with the production's totals, the AI sign-off summary by department, and
 * each scene's shots with their AI uses and sign-off states.
 *
 * <p>The PDF is written to a hidden temporary file beside {@code out} and moved into place only when it is
 * complete, so a cancelled or failed export never leaves a partial PDF, and a file already at {@code out}
 * is replaced whole or not at all.
 */
public final class BreakdownPdf {


    private BreakdownPdf() {}

    /**
     * Writes the breakdown of {@code data} to {@code out}, with flags already evaluated under the policy in force
     * (the app's live index). Fails closed: a stored policy that does not read writes no PDF.
     *
     * @param flagsByShot the policy's flags per shot id, as the rules evaluator computed them
     * @see #write(ProductionData, Assessment, ExportOptions, Path, ExportProgress)
     */
    public static ExportSummary write(ProductionData data, Map<UUID, List<Flag>> flagsByShot, ExportOptions options,
                                      Path out, ExportProgress progress) throws ExportException {
        Assessment assessment;
        try {
            assessment = Assessment.of(data, flagsByShot == null ? Map.of() : flagsByShot);
        } catch (PolicyUnreadable e) {
            throw new ExportException("Cannot write " + out.toAbsolutePath().normalize().getFileName() + ": " + e.getMessage(), e);
        }
        return write(data, assessment, options, out, progress);
    }

    /**
     * Writes the breakdown of {@code data}, as {@code assessment} judges it, to {@code out}.
     *
     * @param assessment {@link Assessment#of(ProductionData)} of {@code data}: the policy the cover names and the flags shown
     * @param progress   told of progress and polled for cancellation, from the calling thread
     * @return what was written
     * @throws ExportException       when {@code out} cannot be written, or the options name no known department
     * @throws CancellationException when {@code progress} reported cancellation; nothing was written
     */
    public static ExportSummary write(ProductionData data, Assessment assessment, ExportOptions options,
                                      Path out, ExportProgress progress) throws ExportException {
        Path target = out.toAbsolutePath().normalize();
        ExportProgress watcher = progress == null ? ExportProgress.NONE : progress;
        Look look = new Look();
        checkDepartment(data, options);
        checkTarget(target);
        try (Breakdown breakdown = Breakdown.of(data, assessment, options, look, watcher)) {
            return write(breakdown, target, watcher);
        } catch (java.io.UncheckedIOException e) {
            throw spillFailed(target, e);
        }
    }

    /**
     * A production read from its file a page of scenes at a time, for an export whose memory does not grow with the
     * production: {@link #facts()} once, then {@link #nextPage()} until it returns null.
     */
    public interface Pages {
        /** The production, departments, cast, policy, scans and consents, without scenes, shots or sign-offs. */
        ProductionData facts();

        /** The next run of whole scenes in script order with their shots and proven sign-offs only; null after the last. */
        ProductionData nextPage() throws StoreException;

        /** The content sign-offs with these fingerprints were given for, where the file keeps it (for change lists). */
        Map<String, ShotContent> signedContents(Collection<String> fingerprints) throws StoreException;
    }

    /**
     * Writes the breakdown of the production {@code pages} reads to {@code out}, in two passes: the first works out the
     * flags, totals and rows a page at a time and keeps the rows in temporary files, the second lays them out, so memory
     * holds one page of scenes however large the production. Each page is judged under the policy in force in
     * {@link Pages#facts()} (fails closed with {@link PolicyUnreadable}).
     */
    public static ExportSummary write(Pages pages, ExportOptions options, Path out, ExportProgress progress)
            throws ExportException, StoreException {
        Path target = out.toAbsolutePath().normalize();
        ExportProgress watcher = progress == null ? ExportProgress.NONE : progress;
        ProductionData facts = pages.facts();
        Assessment inForce = Assessment.of(facts);
        Look look = new Look();
        checkDepartment(facts, options);
        checkTarget(target);
        Breakdown.Runs runs = each -> {
            for (ProductionData page = pages.nextPage(); page != null; page = pages.nextPage()) {
                each.accept(new Breakdown.Run(page.scenes(), page.shots(), Assessment.of(page)));
            }
        };
        try (Breakdown breakdown = Breakdown.of(facts, inForce, runs, pages::signedContents, options, look, watcher)) {
            return write(breakdown, target, watcher);
        } catch (java.io.UncheckedIOException e) {
            throw spillFailed(target, e);
        }
    }

    /** The temporary files that hold the rows between the passes could not be used (a full or read-only temporary folder). */
    private static ExportException spillFailed(Path target, java.io.UncheckedIOException e) {
        String why = e.getCause().getMessage() == null ? e.getCause().getClass().getSimpleName() : e.getCause().getMessage();
        return new ExportException("Cannot write " + target + ": " + e.getMessage() + " (" + why + ").", e.getCause());
    }

    private static void checkDepartment(ProductionData data, ExportOptions options) throws ExportException {
        if (options.allDepartments()) return;
        List<String> known = Breakdown.departmentNames(data);
        if (known.stream().noneMatch(n -> org.clearframe.rules.Names.same(n, options.department()))) {
            throw new ExportException("No department is called '" + options.department() + "'. Choose one of: "
                    + String.join(", ", known) + ".");
        }
    }

    private static ExportSummary write(Breakdown breakdown, Path target, ExportProgress watcher) throws ExportException {
        int[] pages = new int[1];
        try {
            org.clearframe.OutputFile.write(target, stream -> {
                try {
                    pages[0] = new BreakdownWriter(breakdown, watcher).write(stream);
                } catch (DocumentException e) {
                    throw new LayoutFailed(e);
                } catch (ExceptionConverter e) {
                    // OpenPDF wraps the output stream's IOExceptions (a full disk, a lost network drive) in this.
                    throw e.getException() instanceof IOException io ? io : new IOException(e.getException());
                }
                if (watcher.isCancelled()) throw new CancellationException("export cancelled");
            });
        } catch (LayoutFailed e) {
            throw new ExportException("Cannot write " + target + ": the PDF could not be laid out (" + e.getCause().getMessage() + ")", e.getCause());
        } catch (org.clearframe.OutputFile.Refused e) {
            throw new ExportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ExportException(cannotWrite(target, e), e);
        }
        Breakdown.Totals t = breakdown.totals;
        return new ExportSummary(target, pages[0], t.scenes(), t.shots(), t.flags().flags());
    }

    /** Carries a layout failure out of the writer so it is reported as one, not as a disk problem. */
    private static final class LayoutFailed extends IOException {
        LayoutFailed(DocumentException cause) {
            super(cause);
        }
    }

    /** Names the export can be limited to, for the dialog's department list and the command's help. */
    public static List<String> departmentNames(ProductionData data) {
        return Breakdown.departmentNames(data);
    }

    private static void checkTarget(Path target) throws ExportException {
        Path folder = target.getParent();
        if (folder == null) throw new ExportException("Cannot write " + target + ": it is not a file path.");
        if (Files.isDirectory(target)) throw new ExportException("Cannot write " + target + ": it is a folder.");
        if (!Files.exists(folder)) {
            throw new ExportException("Cannot write " + target + ": the folder " + folder + " does not exist.");
        }
        if (!Files.isDirectory(folder)) {
            throw new ExportException("Cannot write " + target + ": " + folder + " is a file, not a folder.");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new ExportException("Cannot write " + target + ": the existing file is read-only.");
        }
    }

    /** Turns the file system's exception into the reason a producer can act on. */
    static String cannotWrite(Path target, Throwable e) {
        String why;
        if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NoSuchFileException) why = "the folder " + target.getParent() + " does not exist";
        else if (e instanceof FileSystemException fse && fse.getReason() != null) why = fse.getReason();
        else why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Cannot write " + target + ": " + why + ".";
    }
}
