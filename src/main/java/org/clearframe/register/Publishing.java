package org.clearframe.register;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.ProductionData;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Policy;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.ProofRepository;
import org.clearframe.store.StoreException;
import org.clearframe.store.register.Publication;
import org.clearframe.store.register.Register;
import org.clearframe.store.register.RegisterException;
import org.clearframe.store.register.RegisterPublisher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a production file to the studio register: the plan, the flags under its policy, and the sign-offs whose
 * proof holds, each with the signed reply that proves it. Sign-offs without a valid proof are not published; the
 * register is never told more than {@code check} would count.
 */
public final class Publishing {

    private Publishing() {}

    /** Reads {@code file} (without locking or writing it) and publishes it to the register at {@code address}. */
    public static RegisterPublisher.Result publish(Path file, String address) throws RegisterException, ProjectFileException, StoreException,
            ExchangeException {
        Publication publication = read(file);
        try (Register register = Register.connect(address)) {
            return register.publish(publication);
        }
    }

    /** What publishing {@code file} would send. */
    public static Publication read(Path file) throws ProjectFileException, StoreException, ExchangeException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return of(SignedRecord.load(store), store.proofs().evidence());
        }
    }

    /** The publication of an already loaded production (the app's, after a save). */
    public static Publication of(SignedRecord record, ProofRepository.Evidence evidence) throws ExchangeException {
        ProductionData data = record.data();
        Assessment assessment = Assessment.of(data);
        Policy policy = assessment.policy();
        String newer = PolicyStanding.of(policy).newer().map(BuiltInPolicies.BuiltIn::version).orElse("");
        Map<UUID, UUID> replyOf = new HashMap<>();
        for (ProofRepository.StoredProof proof : evidence.proofs()) {
            if (proof.replyId() != null && record.proven().containsKey(proof.signOffId())) replyOf.put(proof.signOffId(), proof.replyId());
        }
        Map<UUID, Publication.Reply> replies = new LinkedHashMap<>();
        for (ProofRepository.StoredReply stored : evidence.replies()) {
            if (!replyOf.containsValue(stored.id())) continue;
            // Kept in the file after verification; read again here as strictly as on import, so nothing unverified is sent.
            Reply reply = ReplyVerifier.readBytes(stored.bytes(), "the reply " + stored.id());
            replies.put(stored.id(), new Publication.Reply(stored.id(), reply.packageId(), reply.signer().name(), reply.signer().department(),
                    reply.signer().roles().stream().map(Enum::name).toList(), reply.keyFingerprint(), stored.bytes(), stored.importedAt()));
        }
        List<Publication.Signed> signed = new ArrayList<>();
        for (SignedRecord.Proven p : record.proven().values()) {
            UUID replyId = replyOf.get(p.signOff().id());
            signed.add(new Publication.Signed(p.signOff(), replies.containsKey(replyId) ? replyId : null, p.keyFingerprint()));
        }
        return new Publication(data, assessment.flagsByShot(), policy, newer, List.copyOf(replies.values()), signed);
    }
}
