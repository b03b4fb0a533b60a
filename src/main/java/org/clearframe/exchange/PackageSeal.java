package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The producer's signature on a share package. It signs a small header, the seal: the package and production ids,
 * the audience (whom the package is for, including a named performer and their representative), the SHA-256 of
 * the canonical form of the rest of the package, and the producer's public key. Signing the header rather than
 * the whole file lets a reply carry the seal back: the producer can then check, with their own key, that the reply
 * answers a package they made, for the audience they chose, without keeping a copy of every package.
 */
public record PackageSeal(UUID packageId, UUID productionId, ObjectNode audience, String contentDigest, String producerKey, String signature) {

    public PackageSeal {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(productionId, "productionId");
        Objects.requireNonNull(audience, "audience");
        audience = audience.deepCopy();
        contentDigest = contentDigest == null ? "" : contentDigest;
        producerKey = producerKey == null ? "" : producerKey;
        signature = signature == null ? "" : signature;
    }

    /** The digest of a package's content: the canonical form of its JSON without {@code seal} and {@code signature}. */
    static String digest(ObjectNode packageJson) {
        ObjectNode content = packageJson.deepCopy();
        content.remove("seal");
        content.remove("signature");
        return org.clearframe.Sha256.hex(Canonical.bytes(content));
    }

    /** Seals {@code packageJson} (which must not hold a seal yet) with the producer's keys. */
    static PackageSeal make(ObjectNode packageJson, UUID packageId, UUID productionId, KeyPair keys) throws ExchangeException {
        try {
            return makeChecked(packageJson, packageId, productionId, keys);
        } catch (IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The package could not be signed: the production holds text that cannot be signed ("
                    + e.getMessage() + "). Correct it and share again.", e);
        }
    }

    private static PackageSeal makeChecked(ObjectNode packageJson, UUID packageId, UUID productionId, KeyPair keys) throws ExchangeException {
        PackageSeal unsigned = new PackageSeal(packageId, productionId, (ObjectNode) packageJson.get("audience"), digest(packageJson),
                KeyRing.encode(keys.getPublic()), "");
        try {
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(unsigned.signedBytes());
            return new PackageSeal(packageId, productionId, unsigned.audience, unsigned.contentDigest, unsigned.producerKey,
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new ExchangeException(Problem.INVALID, "The package could not be signed: " + e.getMessage(), e);
        }
    }

    /** The bytes the producer's signature covers. */
    byte[] signedBytes() {
        ObjectNode json = toJson();
        json.remove("signature");
        return Canonical.bytes(json);
    }

    public PublicKey publicKey() throws ExchangeException {
        return KeyRing.decodePublicKey(producerKey);
    }

    /** The short fingerprint of the producer's key, to compare by phone. */
    public String keyFingerprint() throws ExchangeException {
        return KeyRing.fingerprint(publicKey());
    }

    /** Checks the producer's signature on the seal itself (not yet whether the content matches it). */
    void verifySignature(String name) throws ExchangeException {
        if (signature.isBlank()) throw new ExchangeException(Problem.UNSIGNED, name + ": the package seal is not signed.");
        PublicKey key = publicKey();
        boolean ok;
        try {
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes());
            ok = s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new ExchangeException(Problem.BAD_SIGNATURE, name + " was altered after the producer made it, or its producer signature "
                    + "is forged: the signature does not match. Do not review it; ask the producer to send it again.");
        }
    }

    /** Checks that the seal signs exactly this package: signature, ids, audience and content digest. */
    void verify(ObjectNode packageJson, UUID packageId, UUID productionId, String name) throws ExchangeException {
        verifySignature(name);
        boolean same = this.packageId.equals(packageId) && this.productionId.equals(productionId)
                && audience.equals(packageJson.get("audience")) && contentDigest.equals(digest(packageJson));
        if (!same) {
            throw new ExchangeException(Problem.BAD_SIGNATURE, name + " was altered after the producer made it: its content no longer "
                    + "matches what the producer signed. Do not review it; ask the producer to send it again.");
        }
    }

    ObjectNode toJson() {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("packageId", packageId.toString());
        o.put("productionId", productionId.toString());
        o.set("audience", audience.deepCopy());
        o.put("contentDigest", contentDigest);
        o.put("producerKey", producerKey);
        o.put("signature", signature);
        return o;
    }

    static PackageSeal fromJson(JsonIn in, JsonNode raw) throws ExchangeException {
        JsonNode audience = raw.get("audience");
        if (audience == null || !audience.isObject()) throw in.invalid("audience", "is missing or not an object.");
        String digest = in.text("contentDigest");
        if (!digest.matches("[0-9a-f]{64}")) throw in.invalid("contentDigest", "is not a SHA-256 digest.");
        String key = in.text("producerKey");
        KeyRing.decodePublicKey(key);
        return new PackageSeal(in.uuid("packageId"), in.uuid("productionId"), (ObjectNode) audience, digest, key, in.text("signature"));
    }
}
