package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.store.ProofRepository.StoredReply;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * How a proof of a sign-off is made and checked. A REPLY proof points at a stored signed reply; an ATTESTED proof is
 * the producer's own Ed25519 signature over {@link #statement}: the canonical JSON (see {@link Canonical}) of every
 * field of the sign-off, the production it belongs to, and why it was attested.
 */
final class SignOffProof {

    static final String REPLY = "REPLY";
    static final String ATTESTED = "ATTESTED";

    /** Why the producer attested: recorded in the app (the person told the producer), or an earlier sign-off vouched for later. */
    static final String RECORDED_IN_APP = "RECORDED_IN_APP";
    static final String BEFORE_PROOFS = "RECORDED_BEFORE_PROOFS_WERE_KEPT";
    /** The producer's attestation, made on import, of a sign-off that comes from a head's signed reply. */
    static final String IMPORTED_REPLY = "IMPORTED_FROM_SIGNED_REPLY";
    /** The producer's attestation of a sign-off already proven by a key this machine did not trust. */
    static final String VOUCHED_FOR_ANOTHER_KEY = "VOUCHED_FOR_ANOTHER_KEY";

    private static final String STATEMENT = "clearframe-attested-sign-off";

    private SignOffProof() {}

    /** The exact bytes an attestation signs. Every field that decides what a sign-off means is in it. */
    static byte[] statement(UUID productionId, SignOff s, String basis) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("statement", STATEMENT);
        o.put("version", 1);
        o.put("basis", basis);
        o.put("productionId", productionId.toString());
        o.put("signOffId", s.id().toString());
        o.put("shotId", s.shotId().toString());
        o.put("ruleId", s.ruleId());
        o.put("role", s.role().name());
        if (s.subjectId() != null) {
            o.put("subjectId", s.subjectId().toString());
            o.put("subjectName", s.subjectName()); // the performer as signed: a recast makes the consent stale
        }
        o.put("signer", s.signer());
        o.put("decision", s.decision().name());
        o.put("note", s.note());
        o.put("signedAt", s.signedAt().toString());
        o.put("fingerprint", s.fingerprint());
        return Canonical.bytes(o);
    }

    /** The producer's attestation of {@code s}, signed now with {@code keys}. */
    static StoredProof attest(UUID productionId, SignOff s, String basis, KeyPair keys) throws ExchangeException {
        try {
            Signature sig = Signature.getInstance(KeyRing.ALGORITHM);
            sig.initSign(keys.getPrivate());
            sig.update(statement(productionId, s, basis));
            String signature = Base64.getEncoder().encodeToString(sig.sign());
            return new StoredProof(UUID.randomUUID(), s.id(), ATTESTED, null, basis, KeyRing.encode(keys.getPublic()),
                    KeyRing.fingerprint(keys.getPublic()), signature, Instant.now());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The sign-off could not be signed: " + e.getMessage(), e);
        }
    }

    /** The proof that {@code s} is a decision of {@code reply}; its id is fixed, so importing the reply again adds nothing. */
    static StoredProof fromReply(Reply reply, String keyFingerprint, SignOff s, Instant when) {
        UUID id = UUID.nameUUIDFromBytes(("clearframe-proof:" + reply.id() + ":" + s.id()).getBytes(StandardCharsets.UTF_8));
        return new StoredProof(id, s.id(), REPLY, reply.id(), "", "", keyFingerprint, "", when);
    }

    static StoredReply storedReply(Reply reply, byte[] bytes, String keyFingerprint, Instant when) {
        return new StoredReply(reply.id(), bytes, keyFingerprint, reply.signer().name(), when);
    }

    /**
     * Whether an attestation by {@code key} of {@code statement} with {@code signature} (base64) holds: a checkpoint of
     * the same key covers exactly these three, or the signature itself verifies.
     */
    static boolean holds(PublicKey key, byte[] statement, String signature, AttestationCheckpoints.Covered covered) {
        byte[] sig = decoded(signature);
        if (sig == null) return false;
        if (covered.covers(key, AttestationCheckpoints.digest(key, statement, sig))) return true;
        return verifies(key, statement, signature);
    }

    /** The digest a checkpoint covers for {@code proof}, an attestation of {@code s} just made with {@code key}. */
    static byte[] digest(UUID productionId, SignOff s, StoredProof proof, PublicKey key) {
        return AttestationCheckpoints.digest(key, statement(productionId, s, proof.basis()), decoded(proof.signature()));
    }

    private static byte[] decoded(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True only when {@code signature} (base64) is {@code key}'s Ed25519 signature of {@code message}. */
    static boolean verifies(PublicKey key, byte[] message, String signature) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String memo = digest(key.getEncoded(), message, sig);
        if (VERIFIED.containsKey(memo)) return true;
        try {
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initVerify(key);
            s.update(message);
            boolean ok = s.verify(sig);
            if (ok) VERIFIED.put(memo, Boolean.TRUE);
            return ok;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Signatures already found valid in this run, by a digest of key, message and signature: a large production is
     * re-read after some edits, and a verification is a pure function of those three, so it need not be redone.
     */
    private static final Map<String, Boolean> VERIFIED = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 200_000;
        }
    });

    private static String digest(byte[] key, byte[] message, byte[] sig) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][]{key, message, sig}) {
                d.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
                d.update(part);
            }
            return Base64.getEncoder().encodeToString(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
