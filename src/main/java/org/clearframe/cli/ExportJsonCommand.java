package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code export-json FILE OUT.json [--force]}: the whole production as one JSON file, for backup or another machine. */
final class ExportJsonCommand implements Command {

    @Override public String name() { return "export-json"; }
    @Override public String usage() { return "export-json FILE OUT.json [--force]"; }
    @Override public String summary() { return "write the whole production (every table, sign-offs, images) as one JSON file"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Projects.TwoFiles files;
        try {
            files = Projects.TwoFiles.output(args, "the production file and the JSON file to write");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        Path file = files.first(), target = files.second();
        boolean force = files.force();
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
