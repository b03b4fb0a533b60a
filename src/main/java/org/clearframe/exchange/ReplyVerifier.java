package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.Decision;
import org.clearframe.model.Role;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearframe.rules.Names;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * Reads a reply file and proves it is what its signer wrote: the Ed25519 signature in the file must verify, with
 * the public key in the file, over the canonical form of the file's content without the signature. Whether that
 * key is the one trusted for the signer is {@link TrustStore}'s question, asked by {@link ReplyImport}.
 */
public final class ReplyVerifier {

    /** A reply is a few kilobytes per hundred decisions; anything near this is not a reply. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_DECISIONS = 100_000;

    private ReplyVerifier() {}

    /** Reads, verifies and checks the shape of the reply in {@code file}. */
    public static Reply read(Path file) throws ExchangeException {
        String name = file.getFileName().toString();
        ObjectNode json = JsonFiles.read(file, "a Clearframe reply", Reply.FORMAT, Reply.SCHEMA_VERSION, MAX_BYTES);
        verify(json, name);
        return parse(json, name);
    }

    /** Parses and verifies a reply held as bytes (one enclosed in an evidence pack), as strictly as {@link #read}. */
    public static Reply readBytes(byte[] bytes, String name) throws ExchangeException {
        if (bytes.length > MAX_BYTES) throw new ExchangeException(Problem.INVALID, name + " is too large to be a reply.");
        ObjectNode json = JsonFiles.parse(bytes, name, "a Clearframe reply", Reply.FORMAT, Reply.SCHEMA_VERSION);
        verify(json, name);
        return parse(json, name);
    }

    /** Checks the signature of a reply held in memory (as {@link Reply#sign} made it). */
    public static void verify(Reply reply) throws ExchangeException {
        verify(reply.toJson(), "The reply");
    }

    /**
     * Checks {@code json}'s signature. The content is checked before its fields are read, so an altered reply is
     * reported as altered, whatever the alteration was.
     */
    static void verify(ObjectNode json, String name) throws ExchangeException {
        JsonNode signature = json.get("signature");
        if (signature == null || !signature.isTextual() || signature.textValue().isBlank()) {
            throw new ExchangeException(Problem.UNSIGNED, name + " is not signed, so Clearframe cannot tell who wrote it. "
                    + "Ask the department head to return it again from Clearframe.");
        }
        JsonNode keyText = json.get("publicKey");
        if (keyText == null || !keyText.isTextual() || keyText.textValue().isBlank()) {
            throw new ExchangeException(Problem.UNSIGNED, name + " carries no public key, so its signature cannot be checked.");
        }
        PublicKey key = KeyRing.decodePublicKey(keyText.textValue());
        ObjectNode content = json.deepCopy();
        content.remove("signature");
        boolean valid;
        try {
            byte[] sig = Base64.getDecoder().decode(signature.textValue());
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initVerify(key);
            s.update(Canonical.bytes(content));
            valid = s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new ExchangeException(Problem.BAD_SIGNATURE, name + " has been altered since it was signed (or was never signed by "
                    + "the key it names), so it is refused. Ask the department head to send it again.");
        }
    }

    /** Reads the (already verified) reply's fields, refusing bad ids and decisions given twice. */
    static Reply parse(ObjectNode json, String name) throws ExchangeException {
        JsonIn root = JsonIn.root(json, name);
        JsonIn who = root.object("signer");
        List<Role> roles = who.enumList("roles", Role.class);
        int version = root.integer("schemaVersion");
        String signerName = who.nonBlank("name", Names.MAX_LENGTH);
        Optional<String> badName = Names.problem(signerName);
        if (badName.isPresent()) throw who.invalid("name", badName.get() + ". It is refused.");
        String department = who.nonBlank("department", 200);
        if (Names.problem(department).isPresent()) throw who.invalid("department", Names.problem(department).get() + ". It is refused.");
        Reply.Signer signer = new Reply.Signer(signerName, department, roles, version >= 2 ? who.uuidOrNull("performerId") : null,
                version >= 2 ? who.enumValue("capacity", Capacity.class) : Capacity.SELF);
        if (roles.isEmpty()) throw who.invalid("roles", "is empty: the reply does not say which roles its signer answers for.");
        List<JsonIn> items = root.objects("decisions");
        if (items.isEmpty()) throw root.invalid("decisions", "is empty: the reply holds no decisions.");
        if (items.size() > MAX_DECISIONS) throw root.invalid("decisions", "holds more than " + MAX_DECISIONS + " decisions.");
        List<Reply.Entry> entries = new ArrayList<>(items.size());
        Set<String> slots = new HashSet<>();
        for (JsonIn d : items) {
            Role role = d.enumValue("role", Role.class);
            if (!roles.contains(role)) throw d.invalid("role", "is " + role.name() + ", a role the signer does not answer for.");
            UUID subject = d.uuidOrNull("subjectId");
            String subjectName = version >= 2 && subject != null ? d.textOr("subjectName") : "";
            Reply.Entry e = new Reply.Entry(d.uuid("shotId"), ruleId(d), role, subject, d.enumValue("decision", Decision.class),
                    d.textOr("note"), d.instant("signedAt"), d.textOr("fingerprint"), subjectName);
            if (role.perPerson() && e.subjectId() == null) throw d.invalid("subjectId", "is missing: " + role.label() + " signs per performer.");
            if (!role.perPerson() && e.subjectId() != null) throw d.invalid("subjectId", "is given, but " + role.label() + " does not sign per performer.");
            if (e.decision() == Decision.APPROVED_WITH_CONDITIONS && e.note().isBlank()) {
                throw d.invalid("note", "is empty: an approval with conditions must state the conditions.");
            }
            if (!slots.add(e.slot())) {
                throw new ExchangeException(Problem.DUPLICATE_ID, name + ": " + d.path() + " answers the same question as an earlier decision ("
                        + e.slot() + "). A reply gives one decision per shot, rule and role.");
            }
            entries.add(e);
        }
        return new Reply(root.integer("schemaVersion"), root.textOr("appVersion"), root.uuid("replyId"), root.uuid("packageId"),
                root.uuid("productionId"), root.textOr("productionTitle"), signer, root.instant("createdAt"), root.text("publicKey"),
                entries, version >= 2 && root.has("package") ? PackageSeal.fromJson(root.object("package"), json.get("package")) : null,
                root.text("signature"));
    }

    /** Rule ids are short codes ("VFX-GEN-FINAL"); anything else in that place is a damaged or hostile file. */
    private static String ruleId(JsonIn d) throws ExchangeException {
        String id = d.nonBlank("ruleId", 100);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) throw d.invalid("ruleId", "is not a rule id ('" + JsonIn.abbreviate(id) + "').");
        return id;
    }
}
