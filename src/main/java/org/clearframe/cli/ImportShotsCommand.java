package org.clearframe.cli;

import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.ImportException;
import org.clearframe.importer.ShotField;
import org.clearframe.importer.ShotList;
import org.clearframe.importer.ShotListImport;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code import-shots FILE SHOTS.csv [--dry-run]}: a CSV shot list into a production, columns guessed from the header. */
final class ImportShotsCommand implements Command {

    static final String SKIP_BAD_ROWS = "--skip-bad-rows";

    @Override public String name() { return "import-shots"; }
    @Override public String usage() { return "import-shots FILE SHOTS.csv [--dry-run] [--skip-bad-rows]"; }
    @Override public String summary() { return "import a CSV shot list (columns recognised by their header names)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Projects.TwoFiles parsed;
        try {
            parsed = Projects.TwoFiles.parse(args, "the production and the CSV shot list", SKIP_BAD_ROWS);
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        Path target = parsed.first(), csv = parsed.second();
        boolean dryRun = parsed.dryRun(), skipBadRows = parsed.args().has(SKIP_BAD_ROWS);
        try {
            ShotList list = ShotListImport.read(csv);
            ColumnMapping mapping = ColumnMapping.guess(list.header());
            if (!mapping.isUsable()) {
                err.println("clearframe: no column of " + csv.getFileName() + " looks like the scene number (its headers are: "
                        + String.join(", ", list.header()) + "). Name that column \"Scene\".");
                return BAD_INPUT;
            }
            out.println("Columns: " + mapping.columns().entrySet().stream()
                    .map(e -> e.getKey().label() + " = \"" + list.header().get(e.getValue()) + "\"").collect(Collectors.joining(", ")));
            List<String> unused = new ArrayList<>();
            for (ShotField f : ShotField.values()) if (mapping.column(f).isEmpty()) unused.add(f.label());
            if (!unused.isEmpty()) out.println("Not in the file: " + String.join(", ", unused));
            try (ProductionStore store = dryRun ? ProductionStore.openReadOnly(target) : ProductionStore.open(target)) {
                ShotListPreview preview = ShotListImport.preview(org.clearframe.exchange.SignedRecord.load(store).data(), list, mapping);
                if (!preview.problems().isEmpty() && !skipBadRows) {
                    // Never a quiet partial import: the whole list or, when asked, the rest without the bad rows.
                    err.println("clearframe: " + csv.getFileName() + " has " + preview.problems().size() + " bad "
                            + (preview.problems().size() == 1 ? "row" : "rows") + "; nothing was imported:");
                    for (String p : preview.problems()) err.println("  " + p);
                    err.println("Correct the rows and import again, or add " + SKIP_BAD_ROWS + " to import the rest.");
                    return BAD_INPUT;
                }
                out.println(preview.summary());
                for (String line : preview.lines()) out.println("  " + line);
                if (!preview.problems().isEmpty()) {
                    out.println(preview.problems().size() + " bad " + (preview.problems().size() == 1 ? "row" : "rows")
                            + " skipped or read in part (" + SKIP_BAD_ROWS + ").");
                }
                if (dryRun) {
                    out.println("Dry run: nothing written.");
                } else if (!preview.isEmpty()) {
                    ShotListImport.apply(store, preview);
                    out.println("Updated " + target + ".");
                }
            }
            return OK;
        } catch (ImportException | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
