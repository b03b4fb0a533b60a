package org.clearframe.cli;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.model.ProductionData;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code import-json IN.json OUT.clearframe}: a new production file from a project JSON file, all or nothing. */
final class ImportJsonCommand implements Command {

    @Override public String name() { return "import-json"; }
    @Override public String usage() { return "import-json IN.json OUT.clearframe"; }
    @Override public String summary() { return "create a new production file from a project JSON file"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        try {
            ProductionData data = ProjectJson.importTo(Path.of(args.get(0)), Path.of(args.get(1)));
            out.println("Created " + args.get(1) + ": \"" + data.production().title() + "\", " + data.scenes().size() + " scenes, "
                    + data.shots().size() + " shots, " + data.signOffs().size() + " sign-offs");
            return OK;
        } catch (ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
