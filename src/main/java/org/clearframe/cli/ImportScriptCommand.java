package org.clearframe.cli;

import org.clearframe.importer.ImportException;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.model.CastMember;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code import-script SCRIPT OUT.clearframe [--dry-run]}: a new production from a Fountain or FDX script, or,
 * when OUT exists, the script's revision applied to it (added, changed and omitted scenes).
 */
final class ImportScriptCommand implements Command {

    @Override public String name() { return "import-script"; }
    @Override public String usage() { return "import-script SCRIPT OUT.clearframe [--dry-run]"; }
    @Override public String summary() { return "import a Fountain or Final Draft script into a new production, or re-import it into OUT"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        var parsed = Projects.TwoFiles.parse(args);
        if (parsed.isEmpty()) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        Path script = parsed.get().first(), target = parsed.get().second();
        boolean dryRun = parsed.get().dryRun();
        try {
            return Files.exists(target) ? reimport(script, target, dryRun, out) : create(script, target, dryRun, out);
        } catch (ImportException | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int create(Path script, Path target, boolean dryRun, PrintStream out) throws ImportException, ProjectFileException {
        ProductionData data = dryRun
                ? ScriptImport.newProduction(ScriptImport.read(script), String.valueOf(script.getFileName()))
                : ScriptImport.importNew(script, target);
        out.println((dryRun ? "Would create " : "Created ") + target + ": \"" + data.production().title() + "\", "
                + data.scenes().size() + " scenes, " + data.cast().size() + " cast members.");
        Map<UUID, String> names = data.cast().stream().collect(Collectors.toMap(CastMember::id, CastMember::character));
        for (Scene s : data.scenes()) {
            String cast = s.castIds().stream().map(names::get).collect(Collectors.joining(", "));
            out.printf("  %-48s %7s  %s%n", s.heading(), Scene.pages(s.eighths()), cast);
        }
        if (dryRun) out.println("Dry run: nothing written.");
        return OK;
    }

    private int reimport(Path script, Path target, boolean dryRun, PrintStream out)
            throws ImportException, ProjectFileException, StoreException {
        try (ProductionStore store = dryRun ? ProductionStore.openReadOnly(target) : ProductionStore.open(target)) {
            ScriptRevision revision = ScriptImport.preview(org.clearframe.exchange.SignedRecord.load(store).data(), script);
            out.println(revision.summary());
            for (String line : revision.lines()) out.println("  " + line);
            if (dryRun) {
                out.println("Dry run: nothing written.");
            } else if (!revision.isEmpty()) {
                ScriptImport.apply(store, revision);
                out.println("Updated " + target + ".");
            }
        }
        return OK;
    }
}
