package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.OutputFile;
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

    /** Scenes (or changes) listed before the rest are only counted. */
    static final int SCENES_SHOWN = 10;

    @Override public String name() { return "import-script"; }
    @Override public String usage() { return "import-script SCRIPT OUT.clearframe [--dry-run]"; }
    @Override public String summary() { return "import a Fountain or Final Draft script into a new production, or re-import it into OUT"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Projects.TwoFiles parsed;
        try {
            parsed = Projects.TwoFiles.parse(args, "the script and the production");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        Path script = parsed.first(), target = parsed.second();
        boolean dryRun = parsed.dryRun();
        try {
            // OUT may exist (that is a re-import into it), but it must not be the script itself
            if (OutputFile.sameFile(script, target)) {
                throw new OutputFile.Refused("refusing to import " + script.getFileName() + " into itself: give the production to create or update.");
            }
            return Files.exists(target) ? reimport(script, target, dryRun, out) : create(script, target, dryRun, out);
        } catch (OutputFile.Refused e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
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
                + Wording.count(data.scenes().size(), "scene") + ", " + Wording.count(data.cast().size(), "cast member") + ".");
        // A summary, not every scene: a long script would bury the result (the app lists them all).
        Map<UUID, String> names = data.cast().stream().collect(Collectors.toMap(CastMember::id, CastMember::character));
        List<Scene> scenes = data.scenes();
        for (Scene s : scenes.subList(0, Math.min(SCENES_SHOWN, scenes.size()))) {
            String cast = s.castIds().stream().map(names::get).collect(Collectors.joining(", "));
            out.printf("  %-48s %7s  %s%n", s.heading(), Scene.pages(s.eighths()), cast);
        }
        if (scenes.size() > SCENES_SHOWN) out.println("  ... and " + (scenes.size() - SCENES_SHOWN) + " more scenes.");
        if (dryRun) out.println("Dry run: nothing written.");
        return OK;
    }

    private int reimport(Path script, Path target, boolean dryRun, PrintStream out)
            throws ImportException, ProjectFileException, StoreException {
        try (ProductionStore store = dryRun ? ProductionStore.openReadOnly(target) : ProductionStore.open(target)) {
            ScriptRevision revision = ScriptImport.preview(org.clearframe.exchange.SignedRecord.load(store).data(), script);
            out.println(revision.summary());
            List<String> lines = revision.lines();
        for (String line : lines.subList(0, Math.min(SCENES_SHOWN, lines.size()))) out.println("  " + line);
        if (lines.size() > SCENES_SHOWN) out.println("  ... and " + (lines.size() - SCENES_SHOWN) + " more changes.");
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
