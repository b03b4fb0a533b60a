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
}
