package org.clearframe.cli;

import org.clearframe.evidence.PackVerifier;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code verify-pack PACK.zip [--key FINGERPRINT]}: checks an evidence pack; 0 valid, 1 valid with open blocking items, 2 invalid. */
final class VerifyPackCommand implements Command {

    @Override public String name() { return "verify-pack"; }
    @Override public String usage() { return "verify-pack PACK.zip [--key FINGERPRINT]"; }
    @Override public String summary() { return "check an evidence pack's signature, files and replies; exit 1 while it lists open blocking items"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path pack;
        String key;
        try {
            Arguments a = Arguments.parse(args, Set.of(), Set.of("--key"));
            pack = Path.of(a.positional(1, "the evidence pack").get(0));
            key = a.value("--key");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        PackVerifier.Result r = PackVerifier.verify(pack, key);
        for (String line : r.checked()) out.println("Checked: " + line);
        if (!r.valid()) {
            for (String p : r.problems()) err.println("clearframe: " + pack.getFileName() + ": " + p);
            err.println("clearframe: the pack is NOT valid: do not rely on it.");
            return BAD_INPUT;
        }
        out.println("The pack is valid: " + r.production() + ", signed by key " + r.producerKeyFingerprint()
                + ". Compare that fingerprint with the producer's own, by phone or in person, or pass it with --key.");
        if (!r.cleared()) {
            out.println("Result: valid, but the production is not cleared ("
                    + (r.openBlocking() > 0 ? r.openBlocking() + " open blocking flag" + (r.openBlocking() == 1 ? "" : "s") : "")
                    + (r.openBlocking() > 0 && !r.logIntact() ? "; " : "") + (r.logIntact() ? "" : "its sign-off history was altered") + ").");
            return FINDING;
        }
        out.println("Result: valid and cleared.");
        return OK;
    }
}
