package org.clearframe.cli;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code export-json FILE OUT.json}: the whole production as one JSON file, for backup or another machine. */
final class ExportJsonCommand implements Command {

    @Override public String name() { return "export-json"; }
    @Override public String usage() { return "export-json FILE OUT.json"; }
    @Override public String summary() { return "write the whole production (every table, sign-offs, images) as one JSON file"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        Path out2 = Path.of(args.get(1));
        try {
            ProjectJson.export(Path.of(args.get(0)), out2);
        } catch (ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        out.println("Wrote " + out2);
        return OK;
    }
}
