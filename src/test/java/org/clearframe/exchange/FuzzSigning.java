package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

/**
 * Test-only access to the reply signature, so the reply fuzz target can sign whatever JSON the fuzzer makes and
 * reach the field checks behind the signature gate (a fuzzer cannot forge Ed25519, so unsigned mutations stop
 * at the gate).
 */
public final class FuzzSigning {

    private FuzzSigning() {}

    /**
     * {@code json} with {@code keys}' public key and a valid signature over its canonical form, or null when the
     * content has no canonical form (fractional numbers, unpaired surrogates), which no signer could sign either.
     */
    public static ObjectNode sign(ObjectNode json, KeyPair keys) {
        ObjectNode signed = json.deepCopy();
        signed.remove("signature");
        signed.put("publicKey", KeyRing.encode(keys.getPublic()));
        byte[] content;
        try {
            content = Canonical.bytes(signed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(content);
            signed.put("signature", Base64.getEncoder().encodeToString(s.sign()));
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime signs Ed25519", e);
        }
    }
}
