package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.importer.CsvExport;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code export-csv FILE OUT.csv [--force]}: scenes and shots as a spreadsheet-ready CSV, one row per shot. */
final class ExportCsvCommand implements Command {

    @Override public String name() { return "export-csv"; }
    @Override public String usage() { return "export-csv FILE OUT.csv [--force]"; }
    @Override public String summary() { return "export scenes and shots to CSV (UTF-8, one row per shot; --force replaces OUT)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file, target;
        boolean force;
        try {
            Arguments a = Arguments.parse(args, Set.of(Projects.FORCE), Set.of());
            List<String> files = a.positional(2, "the production file and the CSV to write");
            file = Path.of(files.get(0));
            target = Path.of(files.get(1));
            force = a.has(Projects.FORCE);
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        try {
            Projects.checkOutput(target, force, file);
            ProductionData data = Projects.read(file);
            CsvExport.write(data, target);
            out.println("Wrote " + target + ": " + data.scenes().size() + " scenes, " + data.shots().size() + " shots.");
            return OK;
        } catch (OutputFile.Refused e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("clearframe: could not write " + target + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
