package org.clearframe.cli;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.register.Publishing;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;
import org.clearframe.store.register.RegisterException;
import org.clearframe.store.register.RegisterPublisher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code publish FILE --register URL}: sends the production's plan, flags and proven sign-offs to the studio register. */
final class PublishCommand implements Command {

    static final String REGISTER = "--register";

    @Override public String name() { return "publish"; }
    @Override public String usage() { return "publish FILE --register URL"; }
    @Override public String summary() { return "publish the production to the studio register (only what changed, in one transaction); "
            + "credentials come from ~/.pgpass, PG* variables or a service file"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args, Set.of(), Set.of(REGISTER));
            Path file = Path.of(a.positional(1, "the production file").get(0));
            String register = a.value(REGISTER);
            if (register == null) return usageError(err, "missing " + REGISTER + " URL.");
            RegisterPublisher.Result r = Publishing.publish(file, register);
            if (r.changedNothing()) out.println("Published " + file.getFileName() + ": the register already had every row; nothing changed.");
            else out.println("Published " + file.getFileName() + (r.newProduction() ? " (new in the register)" : "") + ": " + r.rowsWritten()
                    + " rows written, " + r.rowsRemoved() + " removed, " + r.signOffsAdded() + " sign-offs and " + r.repliesAdded()
                    + " signed replies added.");
            return OK;
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        } catch (RegisterException | ProjectFileException | StoreException | ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
