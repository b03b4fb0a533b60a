package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.TrustStore;
import org.clearframe.register.Pulling;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;
import org.clearframe.store.register.RegisterException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code pull FILE --register URL}: brings the studio AI contact's sign-offs from the register into the file, each
 * verified as {@code import-reply} verifies a reply. Exit 2 when any was refused (the others are recorded).
 */
final class PullCommand implements Command {

    @Override public String name() { return "pull"; }
    @Override public String usage() { return "pull FILE --register URL"; }
    @Override public String summary() { return "record the studio AI contact's sign-offs from the register, verified like a head's reply"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args, Set.of(), Set.of(PublishCommand.REGISTER));
            Path file = Path.of(a.positional(1, "the production file").get(0));
            String register = a.value(PublishCommand.REGISTER);
            if (register == null) return usageError(err, "missing " + PublishCommand.REGISTER + " URL.");
            Pulling.Result result = Pulling.pull(file, register, TrustStore.forUser());
            for (Pulling.Outcome o : result.outcomes()) {
                if (o.refused()) {
                    err.println("clearframe: refused the studio sign-off " + o.stored().id() + ": " + o.refusal());
                    continue;
                }
                ReplyImport.Preview p = o.applied();
                out.println("Studio sign-off " + o.stored().id() + " from " + p.signer() + ": " + p.keyLine());
                for (ReplyImport.Item i : p.items()) out.println("  " + i.kind().label() + ": " + i.describe());
            }
            out.println("Recorded " + Wording.count(result.recorded(), "sign-off") + " from the register in " + file.getFileName() + ".");
            return result.refused().isEmpty() ? OK : BAD_INPUT;
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        } catch (RegisterException | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
