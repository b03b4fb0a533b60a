package org.clearframe.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.Canonical;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The pack's {@code manifest.json}: what the pack is (production, policy, totals) and every other file with its
 * SHA-256, signed with the producer's Ed25519 key over the canonical form of the manifest without its
 * {@code signature} member (the rules of {@link Canonical}, as for replies). See src/docs/evidence-pack.md.
 */
final class Manifest {

    static final String NAME = "manifest.json";
    static final String FORMAT = "clearframe-evidence-pack";
    static final int SCHEMA_VERSION = 1;
    static final String ALGORITHM = "Ed25519";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    private Manifest() {}

    /** Signs {@code manifest} in place: adds the producer's key, its fingerprint and the signature. */
    static byte[] sign(ObjectNode manifest, KeyPair keys) throws ExchangeException {
        manifest.put("producerKey", KeyRing.encode(keys.getPublic()));
        manifest.put("producerKeyFingerprint", KeyRing.fingerprint(keys.getPublic()));
        manifest.remove("signature");
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(Canonical.bytes(manifest));
            manifest.put("signature", Base64.getEncoder().encodeToString(s.sign()));
            return MAPPER.writeValueAsBytes(manifest);
        } catch (GeneralSecurityException | IOException e) {
            throw new ExchangeException(ExchangeException.Problem.IO, "The pack's manifest could not be signed: " + e.getMessage(), e);
        }
    }

    /** The manifest's JSON, or null when it is not a JSON object (duplicate members count as not JSON). */
    static ObjectNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** True when the manifest carries a valid signature by the key it names. */
    static boolean signatureHolds(ObjectNode manifest, PublicKey key) {
        JsonNode sig = manifest.get("signature");
        if (sig == null || !sig.isTextual()) return false;
        ObjectNode content = manifest.deepCopy();
        content.remove("signature");
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(Canonical.bytes(content));
            return s.verify(Base64.getDecoder().decode(sig.textValue()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
