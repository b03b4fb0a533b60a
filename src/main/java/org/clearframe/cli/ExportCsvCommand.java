package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.OutputFile;
import org.clearframe.importer.CsvExport;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code export-csv FILE OUT.csv [--force]}: scenes and shots as a spreadsheet-ready CSV, one row per shot. */
final class ExportCsvCommand implements Command {

    @Override public String name() { return "export-csv"; }
    @Override public String usage() { return "export-csv FILE OUT.csv [--force]"; }
    @Override public String summary() { return "export scenes and shots to CSV (UTF-8, one row per shot; --force replaces OUT)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Projects.TwoFiles files;
        try {
            files = Projects.TwoFiles.output(args, "the production file and the CSV to write");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        Path file = files.first(), target = files.second();
        boolean force = files.force();
        try {
            Projects.checkOutput(target, force, file);
            ProductionData data = Projects.read(file);
            CsvExport.write(data, target);
            out.println("Wrote " + target + ": " + Wording.count(data.scenes().size(), "scene") + ", " + Wording.count(data.shots().size(), "shot") + ".");
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
