package org.clearframe.cli;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.Labelled;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code share FILE --department NAME [--all] OUT.cfshare}: a review package for one department's head. */
final class ShareCommand implements Command {

    @Override public String name() { return "share"; }
    @Override public String usage() { return "share FILE (--department NAME | --role ROLE) [--all] [--force] OUT.cfshare"; }
    @Override public String summary() { return "write a review package for a department head (--all: every shot, not only theirs)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String department = null, role = null;
        boolean all = false, force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--department" -> { if ((department = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--role" -> { if ((role = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--all" -> all = true;
                case Projects.FORCE -> force = true;
                default -> {
                    if (Arguments.isOption(a)) return usage(err, "unknown option " + a);
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2 || (department == null) == (role == null)) return usage(err, null);
        try {
            Projects.checkOutput(Path.of(positional.get(1)), force, Path.of(positional.get(0)));
            ProductionData data = Projects.read(Path.of(positional.get(0)));
            SharePackage.Audience audience;
            if (role != null) {
                Role r = Labelled.parse(Role.class, role.toUpperCase(Locale.ROOT).replace('-', '_'), null);
                if (r == null) return usage(err, "unknown role '" + role + "'");
                audience = SharePackage.forRole(r);
            } else {
                audience = SharePackage.forDepartment(data, department);
            }
            SharePackage pkg = SharePackage.build(data, audience.withAllShots(all));
            Path target = Path.of(positional.get(1));
            pkg.write(target);
            out.println("Wrote " + target + " for " + audience.department() + ": " + pkg.shots().size() + " shots, "
                    + pkg.flags().size() + " flags, " + pkg.slots().size() + " signatures to give.");
            return OK;
        } catch (ExchangeException | ProjectFileException | StoreException | org.clearframe.OutputFile.Refused e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int usage(PrintStream err, String problem) {
        if (problem != null) err.println("clearframe: " + problem);
        err.println("Usage: clearframe " + usage());
        return BAD_INPUT;
    }
}
