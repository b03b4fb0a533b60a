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

    @Override public String name() { return "import-shots"; }
    @Override public String usage() { return "import-shots FILE SHOTS.csv [--dry-run]"; }
    @Override public String summary() { return "import a CSV shot list (columns recognised by their header names)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        var parsed = Projects.TwoFiles.parse(args);
        if (parsed.isEmpty()) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        Path target = parsed.get().first(), csv = parsed.get().second();
        boolean dryRun = parsed.get().dryRun();
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
                out.println(preview.summary());
                for (String line : preview.lines()) out.println("  " + line);
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
