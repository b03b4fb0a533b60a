package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.OutputFile;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.model.ProductionData;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code import-json IN.json OUT.clearframe}: a new production file from a project JSON file, all or nothing.
 * OUT must not exist: a production is never overwritten, so there is no {@code --force}.
 */
final class ImportJsonCommand implements Command {

    @Override public String name() { return "import-json"; }
    @Override public String usage() { return "import-json IN.json OUT.clearframe"; }
    @Override public String summary() { return "create a new production file from a project JSON file (OUT must not exist)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path json, target;
        try {
            List<String> files = Arguments.parse(args, Set.of(), Set.of()).positional(2, "the JSON file and the production to create");
            json = Path.of(files.get(0));
            target = Path.of(files.get(1));
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        try {
            Projects.checkOutput(target, false, json);
            if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputFile.Refused(target.getFileName() + " already exists: import-json only creates a new production. Choose a new name.");
            }
            ProductionData data = ProjectJson.importTo(json, target);
            out.println("Created " + target + ": \"" + data.production().title() + "\", " + Wording.count(data.scenes().size(), "scene") + ", "
                    + Wording.count(data.shots().size(), "shot") + ", " + Wording.count(data.signOffs().size(), "sign-off"));
            return OK;
        } catch (OutputFile.Refused | ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
