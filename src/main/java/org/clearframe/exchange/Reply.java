package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.AppInfo;
import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.clearframe.model.Text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * A department head's signed answer to a {@link SharePackage} ({@code .cfreply}): who signs, for which production
 * and package, their decisions, their public key and an Ed25519 signature over the canonical form of everything
 * else (see {@link Canonical}). Made by {@link #sign}; read and checked by {@link ReplyVerifier}.
 */
public record Reply(int schemaVersion, String appVersion, UUID id, UUID packageId, UUID productionId, String productionTitle,
                    Signer signer, Instant createdAt, String publicKey, List<Entry> decisions, PackageSeal packageSeal, String signature) {

    public static final String FORMAT = "clearframe-reply";
    /** 2: the signer's capacity and performer, each person decision's signed name, the package's seal. 1: none of these. */
    public static final int SCHEMA_VERSION = 2;
    public static final String EXTENSION = ".cfreply";

    /**
     * Who signs: the head's name, the department the package was for, the roles they answer for, and for a
     * performer's consent the performer's cast id and the capacity the signer signs in (the performer themselves, or
     * the representative the package names).
     */
    public record Signer(String name, String department, List<Role> roles, UUID performerId, Capacity capacity) {
        public Signer {
            name = Text.orEmpty(name).strip();
            department = Text.orEmpty(department).strip();
            roles = List.copyOf(roles);
            capacity = capacity == null ? Capacity.SELF : capacity;
        }

        public Signer(String name, String department, List<Role> roles) {
            this(name, department, roles, null, Capacity.SELF);
        }
    }

    /**
     * One decision: the slot it answers (shot, rule, role and, for person roles, the performer), the decision with
     * its note or conditions, when it was made, and the shot fingerprint the head saw in the package.
     */
    public record Entry(UUID shotId, String ruleId, Role role, UUID subjectId, Decision decision, String note, Instant signedAt,
                        String fingerprint, String subjectName) {
        public Entry {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(signedAt, "signedAt");
            note = Text.orEmpty(note);
            fingerprint = Text.orEmpty(fingerprint);
            subjectName = subjectId == null ? "" : Text.orEmpty(subjectName);
        }

        public Entry(UUID shotId, String ruleId, Role role, UUID subjectId, Decision decision, String note, Instant signedAt, String fingerprint) {
            this(shotId, ruleId, role, subjectId, decision, note, signedAt, fingerprint, "");
        }

        /** "shot/rule/ROLE[/subject]": the question this decision answers, unique within a reply. */
        public String slot() {
            return shotId + "/" + ruleId + "/" + role.name() + (subjectId == null ? "" : "/" + subjectId);
        }
    }

    public Reply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(productionId, "productionId");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(createdAt, "createdAt");
        appVersion = Text.orEmpty(appVersion);
        productionTitle = Text.orEmpty(productionTitle);
        publicKey = Text.orEmpty(publicKey);
        decisions = List.copyOf(decisions);
        signature = Text.orEmpty(signature);
    }

    /** Makes and signs a reply with the head's key pair ({@link KeyRing#keyPair()}), answering an unsealed package. */
    public static Reply sign(UUID packageId, UUID productionId, String productionTitle, Signer signer, List<Entry> decisions,
                             KeyPair keys) throws ExchangeException {
        return sign(packageId, productionId, productionTitle, signer, decisions, null, keys);
    }

    /** Makes and signs a reply carrying the seal of the package it answers (null for an unsigned package). */
    public static Reply sign(UUID packageId, UUID productionId, String productionTitle, Signer signer, List<Entry> decisions,
                             PackageSeal seal, KeyPair keys) throws ExchangeException {
        Reply unsigned = new Reply(SCHEMA_VERSION, AppInfo.version(), UUID.randomUUID(), packageId, productionId, productionTitle, signer,
                Instant.now(), KeyRing.encode(keys.getPublic()), decisions, seal, "");
        try {
            Signature s = Signature.getInstance(KeyRing.ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(unsigned.signedBytes());
            return unsigned.withSignature(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The reply could not be signed: " + e.getMessage(), e);
        }
    }

    public Reply withSignature(String value) {
        return new Reply(schemaVersion, appVersion, id, packageId, productionId, productionTitle, signer, createdAt, publicKey, decisions,
                packageSeal, value);
    }

    /** The bytes the signature covers: the canonical form of this reply without its signature. */
    public byte[] signedBytes() {
        ObjectNode json = toJson();
        json.remove("signature");
        return Canonical.bytes(json);
    }

    /** The short fingerprint of the key that signed this reply. */
    public String keyFingerprint() throws ExchangeException {
        return KeyRing.fingerprint(KeyRing.decodePublicKey(publicKey));
    }

    public boolean signed() {
        return !signature.isBlank();
    }

    public void write(Path file) throws ExchangeException {
        JsonFiles.write(file, toJson());
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", schemaVersion);
        root.put("appVersion", appVersion);
        root.put("replyId", id.toString());
        root.put("packageId", packageId.toString());
        root.put("productionId", productionId.toString());
        root.put("productionTitle", productionTitle);
        ObjectNode who = root.putObject("signer");
        who.put("name", signer.name());
        who.put("department", signer.department());
        ArrayNode roles = who.putArray("roles");
        signer.roles().forEach(r -> roles.add(r.name()));
        // Schema 1 replies must serialise exactly as they were signed, so the newer fields appear only from 2 on.
        boolean v2 = schemaVersion >= 2;
        if (v2 && signer.performerId() != null) who.put("performerId", signer.performerId().toString());
        if (v2) who.put("capacity", signer.capacity().name());
        root.put("createdAt", createdAt.toString());
        root.put("publicKey", publicKey);
        ArrayNode list = root.putArray("decisions");
        for (Entry e : decisions) {
            ObjectNode o = list.addObject();
            o.put("shotId", e.shotId().toString());
            o.put("ruleId", e.ruleId());
            o.put("role", e.role().name());
            if (e.subjectId() != null) o.put("subjectId", e.subjectId().toString());
            o.put("decision", e.decision().name());
            o.put("note", e.note());
            o.put("signedAt", e.signedAt().toString());
            o.put("fingerprint", e.fingerprint());
            if (v2 && e.subjectId() != null) o.put("subjectName", e.subjectName());
        }
        if (v2 && packageSeal != null) root.set("package", packageSeal.toJson());
        root.put("signature", signature);
        return root;
    }

    /** A stable sign-off id for one decision of this reply, so importing the reply again adds nothing new. */
    public UUID signOffId(Entry e) {
        return UUID.nameUUIDFromBytes(("clearframe-reply:" + id + ":" + e.slot()).getBytes(StandardCharsets.UTF_8));
    }
}
