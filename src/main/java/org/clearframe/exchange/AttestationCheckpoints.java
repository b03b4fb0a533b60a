package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.store.ProofRepository.Seal;
import org.clearframe.store.ProofRepository.StoredCheckpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The producer's attestation checkpoints: one Ed25519 signature that vouches for many attestations at once, so that
 * reading a production costs one signature check per key instead of one per attested sign-off.
 *
 * <p>Each time a key attests, the writer adds the next checkpoint of that key's chain: the SHA-256 {@link #digest} of
 * each attestation it adds (the key, the statement, the signature), the hash of the chain's newest checkpoint whose
 * signature it verified ({@code previous}), and its signature over all of that ({@link #message}). A reader verifies
 * only the signature of the key's newest checkpoint and follows the hashes back: every checkpoint reached was signed,
 * directly or through a hash the key signed, by that key. An attestation whose digest, recomputed from the sign-off
 * row as it is now, one of those checkpoints covers was made by the same key over the same statement, so its own
 * signature needs no check (SHA-256 collision resistance). Anything else, a changed row included, is verified on its
 * own as before. Trust (whose keys count) is decided afterwards, exactly as without checkpoints.
 */
final class AttestationCheckpoints {

    private static final String STATEMENT = "clearframe-attestation-checkpoint";
    private static final byte[] DIGEST_TAG = "clearframe-attestation-digest".getBytes(StandardCharsets.UTF_8);
    static final int DIGEST_BYTES = 32;

    private AttestationCheckpoints() {}

    /** The attestations each key's checkpoints vouch for, by the key's canonical encoding. */
    static final class Covered {
        static final Covered NONE = new Covered(Map.of());

        private final Map<String, Set<ByteBuffer>> byKey;

        private Covered(Map<String, Set<ByteBuffer>> byKey) {
            this.byKey = byKey;
        }

        /** Whether a checkpoint signed by {@code key} covers this exact attestation. */
        boolean covers(PublicKey key, byte[] digest) {
            Set<ByteBuffer> digests = byKey.get(KeyRing.encode(key));
            return digests != null && digests.contains(ByteBuffer.wrap(digest));
        }

        int size() {
            return byKey.values().stream().mapToInt(Set::size).sum();
        }
    }

    /** The digest of one attestation: its key, the statement it signs, and its signature (as bytes). */
    static byte[] digest(PublicKey key, byte[] statement, byte[] signature) {
        MessageDigest d = sha256();
        for (byte[] part : new byte[][]{DIGEST_TAG, key.getEncoded(), statement, signature}) {
            d.update(ByteBuffer.allocate(4).putInt(part.length).array());
            d.update(part);
        }
        return d.digest();
    }

    /** The exact bytes a checkpoint signs: the production, the key, its place in the chain, and what it covers. */
    static byte[] message(UUID productionId, String publicKey, long sequence, String previous, byte[] covers) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("statement", STATEMENT);
        o.put("version", 1);
        o.put("productionId", productionId.toString());
        o.put("publicKey", publicKey);
        o.put("sequence", sequence);
        o.put("previous", previous);
        o.put("count", covers.length / DIGEST_BYTES);
        o.put("covers", HexFormat.of().formatHex(sha256().digest(covers)));
        return Canonical.bytes(o);
    }

    /** The hash a later checkpoint names as its {@code previous}: of this one's message and signature. */
    static String link(byte[] message, String signature) {
        MessageDigest d = sha256();
        d.update(message);
        d.update((byte) 0);
        d.update(signature.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * What the checkpoints in a file vouch for, for production {@code productionId}. Per key: the newest checkpoint
     * whose signature verifies is the head; the chain is followed back through {@code previous} hashes to checkpoints
     * of lower sequence; anything not reached that way (a forged, altered or orphaned checkpoint) vouches for nothing.
     */
    static Covered covered(UUID productionId, Collection<StoredCheckpoint> checkpoints) {
        if (checkpoints.isEmpty()) return Covered.NONE;
        Map<String, List<Node>> byKey = new HashMap<>();
        Map<String, PublicKey> keys = new HashMap<>();
        for (StoredCheckpoint c : checkpoints) {
            if (c.covers().length % DIGEST_BYTES != 0) continue;
            PublicKey key = decode(c.publicKey(), keys);
            if (key == null) continue;
            String canonical = KeyRing.encode(key);
            byte[] message = message(productionId, canonical, c.sequence(), c.previous(), c.covers());
            byKey.computeIfAbsent(canonical, k -> new ArrayList<>()).add(new Node(c, key, message, link(message, c.signature())));
        }
        Map<String, Set<ByteBuffer>> covered = new HashMap<>();
        for (Map.Entry<String, List<Node>> e : byKey.entrySet()) {
            List<Node> chain = e.getValue();
            chain.sort(Comparator.comparingLong((Node n) -> n.row.sequence()).reversed());
            Node head = chain.stream().filter(Node::verifies).findFirst().orElse(null);
            if (head == null) continue;
            Map<String, Node> byLink = new HashMap<>();
            for (Node n : chain) byLink.putIfAbsent(n.link, n);
            Set<ByteBuffer> digests = new HashSet<>();
            for (Node n = head; n != null; ) {
                byte[] covers = n.row.covers();
                for (int at = 0; at < covers.length; at += DIGEST_BYTES) {
                    digests.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(covers, at, at + DIGEST_BYTES)));
                }
                Node before = n.row.previous().isEmpty() ? null : byLink.get(n.row.previous());
                n = before != null && before.row.sequence() < n.row.sequence() ? before : null; // strictly back: no loop
            }
            covered.put(e.getKey(), digests);
        }
        return new Covered(covered);
    }

    private record Node(StoredCheckpoint row, PublicKey key, byte[] message, String link) {
        boolean verifies() {
            return SignOffProof.verifies(key, message, row.signature());
        }
    }

    /**
     * How the writer extends {@code keys}' chain with a checkpoint covering {@code digests}: after the newest checkpoint
     * of the chain that verifies (a row it cannot verify is never vouched for), or as a new chain when there is none.
     */
    static Seal seal(UUID productionId, KeyPair keys, List<byte[]> digests) {
        String publicKey = KeyRing.encode(keys.getPublic());
        return new Seal() {
            @Override public String publicKey() {
                return publicKey;
            }

            @Override public StoredCheckpoint after(List<StoredCheckpoint> chain) {
                long last = 0;
                String previous = "";
                List<StoredCheckpoint> newestFirst = new ArrayList<>(chain);
                newestFirst.sort(Comparator.comparingLong(StoredCheckpoint::sequence).reversed());
                for (StoredCheckpoint c : newestFirst) last = Math.max(last, c.sequence());
                for (StoredCheckpoint c : newestFirst) {
                    if (c.covers().length % DIGEST_BYTES != 0) continue;
                    byte[] m = message(productionId, publicKey, c.sequence(), c.previous(), c.covers());
                    if (SignOffProof.verifies(keys.getPublic(), m, c.signature())) {
                        previous = link(m, c.signature());
                        break;
                    }
                }
                ByteBuffer covers = ByteBuffer.allocate(digests.size() * DIGEST_BYTES);
                digests.forEach(covers::put);
                byte[] coverBytes = covers.array();
                long sequence = last + 1;
                byte[] message = message(productionId, publicKey, sequence, previous, coverBytes);
                return new StoredCheckpoint(UUID.randomUUID(), publicKey, sequence, previous, coverBytes, sign(keys, message), Instant.now());
            }
        };
    }

    /** The seal for attestations just made with {@code keys}: each proof in {@code proofs} of its sign-off in {@code signOffs}. */
    static Seal sealing(UUID productionId, KeyPair keys, Collection<org.clearframe.model.SignOff> signOffs,
                        List<org.clearframe.store.ProofRepository.StoredProof> proofs) {
        Map<UUID, org.clearframe.model.SignOff> byId = new HashMap<>();
        signOffs.forEach(s -> byId.put(s.id(), s));
        List<byte[]> digests = new ArrayList<>();
        for (var p : proofs) {
            if (SignOffProof.ATTESTED.equals(p.kind())) digests.add(SignOffProof.digest(productionId, byId.get(p.signOffId()), p, keys.getPublic()));
        }
        return seal(productionId, keys, digests);
    }

    private static String sign(KeyPair keys, byte[] message) {
        try {
            Signature sig = Signature.getInstance(KeyRing.ALGORITHM);
            sig.initSign(keys.getPrivate());
            sig.update(message);
            return Base64.getEncoder().encodeToString(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(new ExchangeException(Problem.INVALID, "The checkpoint could not be signed: " + e.getMessage(), e));
        }
    }

    private static PublicKey decode(String encoded, Map<String, PublicKey> cache) {
        if (cache.containsKey(encoded)) return cache.get(encoded);
        PublicKey key;
        try {
            key = KeyRing.decodePublicKey(encoded);
        } catch (ExchangeException e) {
            key = null;
        }
        cache.put(encoded, key);
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
