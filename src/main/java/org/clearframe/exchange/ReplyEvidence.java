package org.clearframe.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.store.ProofRepository.StoredReply;
import org.clearframe.store.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.clearframe.exchange.ExchangeException.Problem;

/** Keeps an imported reply in the production, byte for byte, with a REPLY proof for each sign-off it records. */
final class ReplyEvidence {

    private ReplyEvidence() {}

    /**
     * Records {@code signOffs} of {@code reply} with their proofs in one transaction. {@code fileBytes} are the reply
     * file as received; they must be this reply (they are parsed and verified again). Without them (a reply made in
     * memory), the reply as Clearframe writes it is kept.
     */
    static void record(ProductionStore store, Reply reply, byte[] fileBytes, String keyFingerprint, List<SignOff> signOffs)
            throws ExchangeException, StoreException {
        byte[] bytes = fileBytes == null ? render(reply) : fileBytes.clone();
        Reply again = ReplyVerifier.parse(verified(bytes), "The reply file");
        if (!again.equals(reply)) {
            throw new ExchangeException(Problem.INVALID, "The reply file changed while it was being imported. Nothing was imported.");
        }
        Instant now = Instant.now();
        List<StoredProof> proofs = new ArrayList<>();
        // The producer who imports vouches for it too, after the reply's key was checked against the one pinned for its
        // signer: on a machine that pins no head's keys (a build server), that is what lets the sign-off count.
        java.security.KeyPair producer = KeyRing.forUser().keyPair();
        for (SignOff s : signOffs) {
            proofs.add(SignOffProof.fromReply(reply, keyFingerprint, s, now));
            proofs.add(SignOffProof.attest(reply.productionId(), s, SignOffProof.IMPORTED_REPLY, producer));
        }
        List<StoredReply> stored = signOffs.isEmpty() ? List.of() : List.of(SignOffProof.storedReply(reply, bytes, keyFingerprint, now));
        store.proofs().record(stored, signOffs, proofs, List.of(), List.of(),
                signOffs.isEmpty() ? null : AttestationCheckpoints.sealing(reply.productionId(), producer, signOffs, proofs));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode verified(byte[] bytes) throws ExchangeException {
        var json = JsonFiles.parse(bytes, "The reply file", "a Clearframe reply", Reply.FORMAT, Reply.SCHEMA_VERSION);
        ReplyVerifier.verify(json, "The reply file");
        return json;
    }

    private static byte[] render(Reply reply) throws ExchangeException {
        try {
            return JsonFiles.MAPPER.writeValueAsBytes(reply.toJson());
        } catch (JsonProcessingException e) {
            throw new ExchangeException(Problem.IO, "The reply could not be kept: " + e.getMessage(), e);
        }
    }
}
