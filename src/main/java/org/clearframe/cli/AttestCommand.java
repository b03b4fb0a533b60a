package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code attest FILE}: the producer vouches, with their own key, for the sign-offs the file held before Clearframe
 * kept proofs, so that they count again. Each is listed; each is labelled as attested by the producer, not signed by
 * the person. Sign-offs whose proof fails are never attested.
 */
final class AttestCommand implements Command {

    @Override public String name() { return "attest"; }
    @Override public String usage() { return "attest FILE"; }
    @Override public String summary() { return "sign, with your own key, the sign-offs recorded before proofs were kept, so they count "
            + "(shown as attested by you, not signed by the person)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file;
        try {
            file = Path.of(Arguments.parse(args, java.util.Set.of(), java.util.Set.of()).positional(1, "the production file").get(0));
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        KeyRing keys = KeyRing.forUser();
        try (ProductionStore store = ProductionStore.open(file)) {
            List<SignOff> done = Attestations.attestEarlier(store, keys);
            if (done.isEmpty()) {
                out.println("No sign-off in " + file.getFileName() + " is waiting to be attested.");
                return OK;
            }
            for (SignOff s : done) {
                out.println("Attested: " + (s.signer().isBlank() ? "(no name)" : s.signer()) + ", " + s.role().label() + ", " + s.ruleId()
                        + ", " + s.decision().label() + " (" + Wording.dateTime(s.signedAt()) + ")");
            }
            out.println("Attested " + Wording.count(done.size(), "sign-off") + " recorded before proofs were kept, with your key "
                    + keys.fingerprint() + ". They now count, shown as attested by you, not signed by the person.");
            return OK;
        } catch (ExchangeException | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
