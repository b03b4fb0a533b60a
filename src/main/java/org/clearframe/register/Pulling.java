package org.clearframe.register;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;
import org.clearframe.store.register.Register;
import org.clearframe.store.register.RegisterException;
import org.clearframe.store.register.StudioReplies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the studio AI contact's sign-offs from the register into the production file. Each is a signed reply and
 * goes through exactly what {@code import-reply} does ({@link ReplyVerifier}, then {@link ReplyImport} with the
 * producer's pinned keys): the register is only the post box. A reply that fails is reported and left out; the
 * others are recorded, each in its own transaction.
 */
public final class Pulling {

    /** What happened to one reply found in the register. */
    public record Outcome(StudioReplies.Stored stored, ReplyImport.Preview applied, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    public record Result(List<Outcome> outcomes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        public int recorded() {
            return outcomes.stream().filter(o -> o.applied() != null).mapToInt(o -> o.applied().toRecord().size()).sum();
        }

        public List<Outcome> refused() {
            return outcomes.stream().filter(Outcome::refused).toList();
        }
    }

    private Pulling() {}

    public static Result pull(Path file, String address, TrustStore trust) throws RegisterException, ProjectFileException, StoreException {
        ProductionData data;
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            data = SignedRecord.load(store).data();
        }
        List<StudioReplies.Stored> found;
        try (Register register = Register.connect(address)) {
            found = register.studioReplies(data.production().id());
        }
        ReplyImport importer = new ReplyImport(trust);
        List<Outcome> outcomes = new ArrayList<>();
        List<StudioReplies.Stored> toApply = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        for (StudioReplies.Stored s : found) {
            try {
                Reply reply = ReplyVerifier.readBytes(s.bytes(), "the studio sign-off " + s.id());
                if (!reply.id().equals(s.id())) {
                    throw new ExchangeException(ExchangeException.Problem.INVALID, "The register files reply " + reply.id() + " under " + s.id() + ".");
                }
                // The register carries the studio AI contact's decisions only; anything else there did not come through it.
                if (!reply.signer().roles().equals(List.of(Role.STUDIO_AI_CONTACT))) {
                    throw new ExchangeException(ExchangeException.Problem.INVALID, "The register holds a reply signed as " + reply.signer().roles()
                            + "; only the studio AI contact signs in the register.");
                }
                ReplyImport.Preview preview = importer.preview(data, reply);
                if (preview.changesNothing()) {
                    outcomes.add(new Outcome(s, preview, null));
                    continue;
                }
                toApply.add(s);
                replies.add(reply);
            } catch (ExchangeException e) {
                outcomes.add(new Outcome(s, null, e.getMessage()));
            }
        }
        if (!toApply.isEmpty()) {
            try (ProductionStore store = ProductionStore.open(file)) {
                for (int i = 0; i < toApply.size(); i++) {
                    try {
                        outcomes.add(new Outcome(toApply.get(i), importer.apply(store, replies.get(i), toApply.get(i).bytes()), null));
                    } catch (ExchangeException e) {
                        outcomes.add(new Outcome(toApply.get(i), null, e.getMessage()));
                    }
                }
            }
        }
        return new Result(outcomes);
    }
}
