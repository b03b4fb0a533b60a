package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.Shot;
import org.clearframe.rules.Fingerprint;

import java.util.UUID;

/** What an attacker does to exchange files, by hand, so tests in any package can do the same. */
public final class TrustAttacks {

    private TrustAttacks() {}

    /** The package downgraded to the old unsigned format: seal removed, schema version 1. */
    public static String unsignedV1(String packageJson) throws Exception {
        ObjectNode root = (ObjectNode) JsonFiles.MAPPER.readTree(packageJson);
        root.remove("seal");
        root.put("schemaVersion", 1);
        return JsonFiles.MAPPER.writeValueAsString(root);
    }

    /**
     * Makes a tampered package self-consistent again: each shot's fingerprint field recomputed from the shot as the
     * package now shows it (what an attacker who read the source would do).
     */
    public static String refingerprint(String packageJson) throws Exception {
        ObjectNode root = (ObjectNode) JsonFiles.MAPPER.readTree(packageJson);
        for (JsonNode shot : root.withArray("shots")) {
            ObjectNode s = (ObjectNode) shot;
            JsonIn in = JsonIn.root(s, "attack");
            java.util.List<org.clearframe.model.AiUse> uses = new java.util.ArrayList<>();
            for (JsonIn u : in.objects("aiUses")) uses.add(ProjectJson.readAiUse(u));
            Shot parsed = new Shot(in.uuid("id"), in.uuid("sceneId"), in.textOr("number"), in.textOr("description"), null, "", "", "", 0,
                    java.util.List.of(), "", uses);
            s.put("fingerprint", Fingerprint.of(parsed));
        }
        return JsonFiles.MAPPER.writeValueAsString(root);
    }

    /** Moves the "seal" of one package into another (a signature swap). */
    public static String withSealOf(String packageJson, String donorJson) throws Exception {
        ObjectNode root = (ObjectNode) JsonFiles.MAPPER.readTree(packageJson);
        root.set("seal", JsonFiles.MAPPER.readTree(donorJson).get("seal"));
        return JsonFiles.MAPPER.writeValueAsString(root);
    }

    /** Moves the "signature" of one reply into another. */
    public static String withSignatureOf(String replyJson, String donorJson) throws Exception {
        ObjectNode root = (ObjectNode) JsonFiles.MAPPER.readTree(replyJson);
        root.set("signature", JsonFiles.MAPPER.readTree(donorJson).get("signature"));
        return JsonFiles.MAPPER.writeValueAsString(root);
    }

    /** The reply re-signed by {@code keys} after {@code edit}: what a signer can make by hand with their own key. */
    public static Reply resign(Reply reply, java.util.function.UnaryOperator<Reply> edit, java.security.KeyPair keys) throws ExchangeException {
        Reply r = edit.apply(reply);
        return Reply.sign(r.packageId(), r.productionId(), r.productionTitle(), r.signer(), r.decisions(), r.packageSeal(), keys);
    }

    public static UUID id(String text) {
        return UUID.fromString(text);
    }

    /** A reply as Clearframe 0.1.0 wrote it (schema 1: no capacity, performer, signed names or seal), signed by {@code keys}. */
    public static Reply v1Reply(UUID packageId, UUID productionId, String title, Reply.Signer signer, java.util.List<Reply.Entry> decisions,
                                java.security.KeyPair keys) throws Exception {
        java.util.List<Reply.Entry> plain = decisions.stream().map(e -> new Reply.Entry(e.shotId(), e.ruleId(), e.role(), e.subjectId(),
                e.decision(), e.note(), e.signedAt(), e.fingerprint())).toList();
        Reply unsigned = new Reply(1, "0.1.0", UUID.randomUUID(), packageId, productionId, title,
                new Reply.Signer(signer.name(), signer.department(), signer.roles()), java.time.Instant.now(), KeyRing.encode(keys.getPublic()),
                plain, null, "");
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(unsigned.signedBytes());
        return unsigned.withSignature(java.util.Base64.getEncoder().encodeToString(s.sign()));
    }
}
