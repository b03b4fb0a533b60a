package org.clearframe.cli;

import org.clearframe.importer.CsvExport;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code export-csv FILE OUT.csv}: scenes and shots as a spreadsheet-ready CSV, one row per shot. */
final class ExportCsvCommand implements Command {

    @Override public String name() { return "export-csv"; }
    @Override public String usage() { return "export-csv FILE OUT.csv"; }
    @Override public String summary() { return "export scenes and shots to CSV (UTF-8, one row per shot)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        Path target = Path.of(args.get(1));
        try {
            ProductionData data = Projects.read(Path.of(args.get(0)));
            CsvExport.write(data, target);
            out.println("Wrote " + target + ": " + data.scenes().size() + " scenes, " + data.shots().size() + " shots.");
            return OK;
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("clearframe: could not write " + target + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
