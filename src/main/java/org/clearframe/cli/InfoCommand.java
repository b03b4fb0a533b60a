package org.clearframe.cli;

import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code info FILE}: the production's title and counts, read without changing the file. */
final class InfoCommand implements Command {

    @Override public String name() { return "info"; }
    @Override public String usage() { return "info FILE"; }
    @Override public String summary() { return "print the production's title and counts of scenes, shots and AI uses"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> files;
        try {
            files = Arguments.parse(args, Set.of(), Set.of()).positional(1, "the production file");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        ProductionStore.Counts counts;
        try {
            counts = ProductionStore.countsOf(Path.of(files.get(0)));
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        out.println("Title:      " + counts.production().title());
        out.println("Format:     " + counts.production().format().label());
        out.println("Scenes:     " + counts.scenes());
        out.println("Shots:      " + counts.shots());
        out.println("AI uses:    " + counts.aiUses());
        out.println("Shots with AI use: " + counts.shotsWithAiUse());
        out.println("Departments: " + counts.departments() + ", cast: " + counts.cast());
        return OK;
    }
}
