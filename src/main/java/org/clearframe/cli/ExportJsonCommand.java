package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code export-json FILE OUT.json [--force]}: the whole production as one JSON file, for backup or another machine. */
final class ExportJsonCommand implements Command {

    @Override public String name() { return "export-json"; }
    @Override public String usage() { return "export-json FILE OUT.json [--force]"; }
    @Override public String summary() { return "write the whole production (every table, sign-offs, images) as one JSON file"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file, target;
        boolean force;
        try {
            Arguments a = Arguments.parse(args, Set.of(Projects.FORCE), Set.of());
            List<String> files = a.positional(2, "the production file and the JSON file to write");
            file = Path.of(files.get(0));
            target = Path.of(files.get(1));
            force = a.has(Projects.FORCE);
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        try {
            Projects.checkOutput(target, force, file);
            ProjectJson.export(file, target);
        } catch (OutputFile.Refused | ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        out.println("Wrote " + target);
        return OK;
    }
}
