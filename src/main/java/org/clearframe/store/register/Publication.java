package org.clearframe.store.register;

import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a producer publishes: the production as its file holds it (with only the sign-offs whose proof holds), the
 * flags as evaluated under its policy, and the signed replies and proofs behind its sign-offs.
 */
public record Publication(ProductionData data, Map<UUID, List<Flag>> flags, Policy policy, String newerPolicy,
                          List<Reply> replies, List<Signed> signOffs) {

    public Publication {
        Objects.requireNonNull(data, "data");
        flags = Map.copyOf(flags);
        Objects.requireNonNull(policy, "policy");
        newerPolicy = newerPolicy == null ? "" : newerPolicy;
        replies = List.copyOf(replies);
        signOffs = List.copyOf(signOffs);
    }

    /** A signed reply, byte for byte as received, with what its verified content says. */
    public record Reply(UUID id, UUID packageId, String signer, String department, List<String> roles, String keyFingerprint,
                        byte[] bytes, Instant receivedAt) {
        public Reply {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(packageId, "packageId");
            roles = List.copyOf(roles);
            bytes = bytes.clone();
        }

        @Override public byte[] bytes() { return bytes.clone(); }

        @Override public boolean equals(Object o) { return o instanceof Reply r && r.id.equals(id); }

        @Override public int hashCode() { return id.hashCode(); }
    }

    /** A proven sign-off, with the reply that proves it (null for the producer's attestation) and the proving key. */
    public record Signed(SignOff signOff, UUID replyId, String keyFingerprint) {
        public Signed {
            Objects.requireNonNull(signOff, "signOff");
            keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
        }
    }
}
