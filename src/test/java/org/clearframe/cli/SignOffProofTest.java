package org.clearframe.cli;

import static org.clearframe.testkit.ProductionBuilder.use;
import org.clearframe.testkit.ProductionBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.rules.Fingerprint;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A sign-off counts only with a proof that holds, whoever wrote the row: attacks on the file with plain SQL, on the
 * stored replies and proofs, and on project JSON, all through the real command line and real files.
 */
@ExtendWith(KeepsUserConfig.class)
class SignOffProofTest {

    @TempDir Path dir;
    Path file;
    Shot collapse;
    String out, err;

    @BeforeEach
    void production() throws Exception {
        ProductionBuilder tidewater = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Collapse").tool("VendorX").fin().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX");
        collapse = tidewater.lastShot();
        file = tidewater.write(dir.resolve("tidewater.clearframe"));
        // The studio's AI contact told the producer yes; so the VFX supervisor's signature is all the gate waits for.
        studioContact = attestInApp(Role.STUDIO_AI_CONTACT, Decision.APPROVED, "", "Priya Shah");
    }

    SignOff studioContact;

    /** Runs the CLI as {@code who}: each person has their own config folder, so their own key and pins. */
    private int run(String who, String... args) {
        Console c = Console.as(dir.resolve(who + "-config"), args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private static Connection sql(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** What an attacker with sqlite3 does: a row claiming the VFX supervisor approved the collapse as planned now. */
    private static UUID forgeApproval(Path file, UUID shotId, String fingerprint, String signer) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = sql(file); PreparedStatement p = c.prepareStatement("INSERT INTO sign_off (id, shot_id, rule_id, role, "
                + "subject_id, signer, decision, note, signed_at, fingerprint) VALUES (?, ?, 'VFX-GEN-FINAL', 'VFX_SUPERVISOR', NULL, ?, "
                + "'APPROVED', '', ?, ?)")) {
            p.setString(1, id.toString());
            p.setString(2, shotId.toString());
            p.setString(3, signer);
            p.setString(4, Instant.now().plusSeconds(3600).toString());
            p.setString(5, fingerprint);
            p.executeUpdate();
        }
        return id;
    }

    /**
     * What an attacker with sqlite3 does to change history: drop the file's guard triggers, change the rows, and put
     * the triggers back exactly as they were, so the schema is Clearframe's again.
     */
    private static void execute(Path file, String sql) throws Exception {
        try (Connection c = sql(file); Statement s = c.createStatement()) {
            List<String[]> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (r.next()) triggers.add(new String[]{r.getString(1), r.getString(2)});
            }
            for (String[] t : triggers) s.execute("DROP TRIGGER " + t[0]);
            s.executeUpdate(sql);
            for (String[] t : triggers) s.execute(t[1]);
        }
    }

    private JsonNode checkJson(String who, Path target, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", target.toString(), "--json"));
        args.addAll(List.of(more));
        run(who, args.toArray(String[]::new));
        return new ObjectMapper().readTree(out);
    }

    /** Dana, the VFX supervisor, answers the producer's package from her own machine; the producer imports it. */
    private void danaReplies(String decision) {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", decision, p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
    }

    @Test
    void aRowInsertedWithSqlIsIgnoredAndReported() throws Exception {
        assertEquals(1, run("producer", "check", file.toString()), out);
        UUID forged = forgeApproval(file, collapse.id(), Fingerprint.of(collapse), "Dana Reyes");

        assertEquals(1, run("producer", "check", file.toString()), "the forged approval clears nothing: " + out);
        assertTrue(out.contains("sign-off " + forged) && out.contains("by Dana Reyes has no valid proof: ignored"), out);
        assertTrue(out.contains("- VFX supervisor: Missing"), out);
        JsonNode json = checkJson("producer", file);
        assertTrue(json.path("summary").path("blocked").asBoolean());
        JsonNode ignored = json.path("ignoredSignOffs").get(0);
        assertEquals(forged.toString(), ignored.path("id").asText());
        assertEquals("NO_VALID_PROOF", ignored.path("why").asText());

        // The same approval given for real, in Dana's signed reply, clears the flag: the forged row was all that was missing.
        danaReplies("approve");
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("Approved by Dana Reyes"), out);
        assertTrue(out.contains("has no valid proof: ignored"), "the forged row is still reported: " + out);
    }

    @Test
    void aRowNoClearframeCouldWriteNeitherCountsNorStopsTheCheck() throws Exception {
        execute(file, "INSERT INTO sign_off (id, shot_id, rule_id, role, signer, decision, signed_at) VALUES ('not-an-id', '"
                + collapse.id() + "', 'VFX-GEN-FINAL', 'VFX_SUPERVISOR', 'Dana Reyes', 'APPROVED', 'yesterday')");
        assertEquals(1, run("producer", "check", file.toString()), err);
        assertTrue(out.contains("- VFX supervisor: Missing"), out);
    }

    @Test
    void aForgedRowWithAForgedProofRowIsIgnored() throws Exception {
        UUID forged = forgeApproval(file, collapse.id(), Fingerprint.of(collapse), "Dana Reyes");
        execute(file, "INSERT INTO sign_off_proof (id, sign_off_id, kind, reply_id, recorded_at) VALUES ('" + UUID.randomUUID() + "', '"
                + forged + "', 'REPLY', NULL, '2026-11-30T10:00:00Z')");
        execute(file, "INSERT INTO sign_off_before_proofs (sign_off_id) VALUES ('" + forged + "')");
        assertEquals(1, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("the reply it cites is not in the file"), out);
        assertEquals(0, run("producer", "attest", file.toString()), err);
        assertTrue(out.contains("No sign-off"), "a row with a failing proof is never attested: " + out);
        assertEquals(1, run("producer", "check", file.toString()), out);
    }

    @Test
    void aTamperedStoredReplyProvesNothing() throws Exception {
        danaReplies("approve-with-conditions:wide only");
        assertEquals(0, run("producer", "check", file.toString()), out);
        // Edit the kept reply and the row alike, so the two still agree: only the signature can tell.
        byte[] bytes;
        try (Connection c = sql(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT bytes FROM signed_reply")) {
            assertTrue(r.next());
            bytes = r.getBytes(1);
        }
        String edited = new String(bytes, StandardCharsets.UTF_8).replace("wide only", "any shot");
        execute(file, "UPDATE signed_reply SET bytes = x'" + java.util.HexFormat.of().formatHex(edited.getBytes(StandardCharsets.UTF_8)) + "'");
        execute(file, "UPDATE sign_off SET note = 'any shot' WHERE signer = 'Dana Reyes'");
        assertEquals(1, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("has no valid proof: ignored (the stored reply is damaged or altered"), out);
    }

    @Test
    void aRowChangedAfterItsReplyWasImportedIsIgnored() throws Exception {
        danaReplies("decline:not with this vendor");
        assertEquals(1, run("producer", "check", file.toString()), out);
        execute(file, "UPDATE sign_off SET decision = 'APPROVED', note = '' WHERE signer = 'Dana Reyes'");
        assertEquals(1, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("its decision, note differ from what the signed reply says"), out);
    }

    @Test
    void aProofCopiedOntoAnotherSignOffProvesNothing() throws Exception {
        danaReplies("decline");
        attestInApp(Role.VFX_SUPERVISOR, Decision.DECLINED, "on the phone", "Dana Reyes");
        assertEquals(1, run("producer", "check", file.toString()), out);
        UUID forged = forgeApproval(file, collapse.id(), Fingerprint.of(collapse), "Dana Reyes");
        // Give the forged approval a copy of each genuine proof: the reply's and the producer's attestation.
        execute(file, "INSERT INTO sign_off_proof (id, sign_off_id, kind, reply_id, basis, public_key, key_fingerprint, signature, recorded_at) "
                + "SELECT lower(hex(randomblob(16))), '" + forged + "', kind, reply_id, basis, public_key, key_fingerprint, signature, recorded_at "
                + "FROM sign_off_proof");
        fixProofIds(file);
        assertEquals(1, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("sign-off " + forged), out);
        assertTrue(out.contains("the reply it cites holds no decision for this sign-off"), out);
        assertTrue(out.contains("its attestation's signature does not match the sign-off as recorded"), out);
        assertTrue(out.contains("Declined by Dana Reyes"), "the genuine decisions still stand: " + out);
    }

    /** Proof ids are UUIDs; the copies above got hex ones, which the loader would skip as unreadable. */
    private static void fixProofIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = sql(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM sign_off_proof WHERE id NOT LIKE '%-%'")) {
            while (r.next()) ids.add(r.getString(1));
        }
        for (String id : ids) execute(file, "UPDATE sign_off_proof SET id = '" + UUID.randomUUID() + "' WHERE id = '" + id + "'");
    }

    /** The producer records a sign-off in the app (through the same service the app uses), attested by their key. */
    private SignOff attestInApp(Role role, Decision decision, String note, String signer) throws Exception {
        System.setProperty("clearframe.config", dir.resolve("producer-config").toString());
        SignOff s = new SignOff(UUID.randomUUID(), collapse.id(), "VFX-GEN-FINAL", role, null, signer, decision, note,
                Instant.now(), Fingerprint.of(collapse));
        UUID production = productionId();
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, production, List.of(s), KeyRing.forUser());
        }
        return s;
    }

    private UUID productionId() throws Exception {
        try (Connection c = sql(file); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM production")) {
            r.next();
            return UUID.fromString(r.getString(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"signer = 'Someone Else'", "note = 'whatever'", "decision = 'APPROVED_WITH_CONDITIONS'",
            "signed_at = '2030-01-01T00:00:00Z'", "rule_id = 'PROVENANCE'", "role = 'FIRST_AD'", "subject_id = '" + "00000000-0000-0000-0000-000000000001'"})
    void anAttestationCoversEveryFieldOfTheSignOff(String change) throws Exception {
        SignOff s = attestInApp(Role.VFX_SUPERVISOR, Decision.APPROVED, "", "Dana Reyes");
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("attested by you, the producer"), out);
        execute(file, "UPDATE sign_off SET " + change + " WHERE id = '" + s.id() + "'");
        JsonNode json = checkJson("producer", file);
        assertEquals(s.id().toString(), json.path("ignoredSignOffs").get(0).path("id").asText(), change + ": " + out);
        assertTrue(json.path("summary").path("blocked").asBoolean(), change);
    }

    @Test
    void anAttestedConsentNamesThePerformerAsSigned() throws Exception {
        UUID zara = UUID.randomUUID();
        execute(file, "INSERT INTO cast_member (id, position, performer, character) VALUES ('" + zara + "', 0, 'Zara Quinn', 'Hale')");
        System.setProperty("clearframe.config", dir.resolve("producer-config").toString());
        SignOff consent = new SignOff(UUID.randomUUID(), collapse.id(), "DEAGE-PERFORMER", Role.PERFORMER, zara, "Zara Quinn",
                Decision.APPROVED, "", Instant.now(), Fingerprint.of(collapse), "Zara Quinn");
        UUID production = productionId();
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, production, List.of(consent), KeyRing.forUser());
        }
        assertTrue(checkJson("producer", file).path("ignoredSignOffs").isEmpty(), out);
        // Recast the part and rewrite the consent's name to match: the attestation no longer holds.
        execute(file, "UPDATE cast_member SET performer = 'Maya Torres' WHERE id = '" + zara + "'");
        execute(file, "UPDATE sign_off SET subject_name = 'Maya Torres' WHERE id = '" + consent.id() + "'");
        JsonNode json = checkJson("producer", file);
        assertEquals(consent.id().toString(), json.path("ignoredSignOffs").get(0).path("id").asText(), out);
    }

    @Test
    void anAttestationByAnotherKeyCountsOnlyWhereThatKeyIsTrusted() throws Exception {
        attestInApp(Role.VFX_SUPERVISOR, Decision.APPROVED, "", "Dana Reyes");
        String producerKey = fingerprintOf("producer");
        // A build server with no keys of its own trusts nobody's word until told whose.
        assertEquals(1, run("studio-ci", "check", file.toString()), out);
        assertTrue(out.contains("is not counted: its proof holds, but only key " + producerKey), out);
        assertEquals(0, run("studio-ci", "check", file.toString(), "--trust-key", producerKey), out);
        assertTrue(out.contains("attested by another key " + producerKey), out);
        JsonNode latest = checkJson("studio-ci", file, "--trust-key", producerKey).path("shots").get(0).path("flags").get(0)
                .path("signatures").get(0).path("latest");
        assertEquals("ATTESTED", latest.path("proof").asText());
        assertTrue(latest.path("attestedByProducer").asBoolean());
        assertFalse(latest.path("ownKey").asBoolean());
        // Anyone can make a key: approvals attested with a key of one's own do not count on the server either.
        System.setProperty("clearframe.config", dir.resolve("forger-config").toString());
        SignOff forged = new SignOff(UUID.randomUUID(), collapse.id(), "PROVENANCE", Role.POST_SUPERVISOR, null, "Sam Post", Decision.APPROVED,
                "", Instant.now(), Fingerprint.of(collapse));
        UUID production = productionId();
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, production, List.of(forged), KeyRing.forUser());
        }
        JsonNode json = checkJson("studio-ci", file, "--trust-key", producerKey);
        assertEquals(forged.id().toString(), json.path("ignoredSignOffs").get(0).path("id").asText(), out);
        assertEquals("UNTRUSTED_KEY", json.path("ignoredSignOffs").get(0).path("why").asText(), out);
        // Swapping in another key's signature over another statement does not help either.
        execute(file, "UPDATE sign_off_proof SET basis = 'RECORDED_BEFORE_PROOFS_WERE_KEPT' WHERE sign_off_id <> '" + studioContact.id() + "'");
        assertEquals(1, run("studio-ci", "check", file.toString(), "--trust-key", producerKey), out);
    }

    @Test
    void aBadTrustedKeyIsABadArgument() {
        assertEquals(2, run("studio-ci", "check", file.toString(), "--trust-key", "not-a-key"), out);
        assertTrue(err.contains("is not a key fingerprint"), err);
    }

    private String fingerprintOf(String who) throws Exception {
        return KeyRing.fingerprint(new KeyRing(dir.resolve(who + "-config")).publicKey());
    }

    @Test
    void aReplyByAKeyNotPinnedHereCountsButSaysSo() throws Exception {
        danaReplies("approve");
        // Later the producer pins another key for Dana (she moved to a new computer): her kept reply still proves her
        // approval, but this machine no longer vouches for the key that signed it.
        new TrustStore(dir.resolve("producer-config")).pin("Dana Reyes", "VFX", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("Approved by Dana Reyes") && out.contains("a key not pinned for them on this machine"), out);
        JsonNode latest = checkJson("producer", file).path("shots").get(0).path("flags").get(0).path("signatures").get(0).path("latest");
        assertEquals("REPLY", latest.path("proof").asText());
        assertFalse(latest.path("keyPinned").asBoolean(true));
        run("build-server", "check", file.toString());
        assertFalse(out.contains("not pinned"), "a machine that pins no keys claims nothing either way: " + out);
    }

    // ------------------------------------------------------------------------------------------- project JSON

    @Test
    void proofsTravelInProjectJsonAndAForgedSignOffThereIsRefused() throws Exception {
        danaReplies("approve");
        assertEquals(0, run("producer", "export-json", file.toString(), p("backup.json")), err);
        assertEquals(0, run("producer", "import-json", p("backup.json"), p("restored.clearframe")), err);
        assertEquals(0, run("producer", "check", p("restored.clearframe")), "the reply's proof survives the round trip: " + out);
        assertTrue(out.contains("Approved by Dana Reyes"), out);

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(dir.resolve("backup.json").toFile());
        // A second approval added by hand, with no proof.
        ObjectNode extra = danas(json).deepCopy();
        extra.put("id", UUID.randomUUID().toString());
        extra.put("signedAt", Instant.now().toString());
        ObjectNode added = json.deepCopy();
        ((ArrayNode) added.get("signOffs")).add(extra);
        Files.writeString(dir.resolve("added.json"), mapper.writeValueAsString(added));
        assertEquals(2, run("producer", "import-json", p("added.json"), p("added.clearframe")));
        assertTrue(err.contains("has no valid proof") && err.contains("nothing was imported"), err);
        assertFalse(Files.exists(dir.resolve("added.clearframe")));

        // The genuine sign-off with one field changed.
        ObjectNode changed = json.deepCopy();
        danas(changed).put("note", "any shot you like");
        Files.writeString(dir.resolve("changed.json"), mapper.writeValueAsString(changed));
        assertEquals(2, run("producer", "import-json", p("changed.json"), p("changed.clearframe")));
        assertTrue(err.contains("its note differs from what the signed reply says"), err);

        // The reply's bytes altered in the JSON.
        ObjectNode tampered = json.deepCopy();
        ObjectNode reply = (ObjectNode) tampered.get("signedReplies").get(0);
        String bytes = new String(java.util.Base64.getDecoder().decode(reply.get("bytes").asText()), StandardCharsets.UTF_8);
        reply.put("bytes", java.util.Base64.getEncoder().encodeToString(bytes.replace("\"APPROVED\"", "\"DECLINED\"").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("tampered.json"), mapper.writeValueAsString(tampered));
        assertEquals(2, run("producer", "import-json", p("tampered.json"), p("tampered.clearframe")));
        assertTrue(err.contains("damaged or altered"), err);
    }

    private static ObjectNode danas(ObjectNode project) {
        for (JsonNode s : project.get("signOffs")) if (s.path("signer").asText().equals("Dana Reyes")) return (ObjectNode) s;
        throw new AssertionError("no sign-off by Dana Reyes in the export");
    }

    @Test
    void aProjectJsonFromBeforeProofsImportsButItsSignOffsWaitForAttestation() throws Exception {
        danaReplies("approve");
        assertEquals(0, run("producer", "export-json", file.toString(), p("backup.json")), err);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(dir.resolve("backup.json").toFile());
        json.put("schemaVersion", 1);
        json.remove(List.of("signedReplies", "signOffProofs", "signOffsBeforeProofs"));
        Files.writeString(dir.resolve("old.json"), mapper.writeValueAsString(json));
        assertEquals(0, run("producer", "import-json", p("old.json"), p("old.clearframe")), err);
        assertEquals(1, run("producer", "check", p("old.clearframe")), out);
        assertTrue(out.contains("was recorded before proofs were kept: not counted until the producer attests it"), out);
        assertTrue(out.contains("clearframe attest FILE"), out);
        assertEquals(0, run("producer", "attest", p("old.clearframe")), err);
        assertEquals(0, run("producer", "check", p("old.clearframe")), out);
        assertTrue(out.contains("recorded before proofs were kept; attested by you, the producer"), out);
    }

    // -------------------------------------------------------------------------------------- files from 0.1.0

    @Test
    void importingTheOriginalReplyAgainProvesAnEarlierSignOff() throws Exception {
        danaReplies("approve");
        // As 0.1.0 left it: the row, no kept reply, no proof; upgrading marked the row as recorded before proofs.
        execute(file, "DELETE FROM sign_off_proof WHERE sign_off_id IN (SELECT id FROM sign_off WHERE signer = 'Dana Reyes')");
        execute(file, "DELETE FROM signed_reply");
        execute(file, "INSERT INTO sign_off_before_proofs SELECT id FROM sign_off WHERE signer = 'Dana Reyes'");
        assertEquals(1, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("by Dana Reyes was recorded before proofs were kept"), out);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "check", file.toString()), "the kept reply now proves it: " + out);
        assertFalse(out.contains("not counted"), out);
        assertEquals("REPLY", checkJson("producer", file).path("shots").get(0).path("flags").get(0).path("signatures").get(0)
                .path("latest").path("proof").asText());
    }

    private Path legacyFile() throws Exception {
        Path legacy = dir.resolve("harbour-lights-0.1.0.clearframe");
        try (InputStream in = getClass().getResourceAsStream("/org/clearframe/legacy/harbour-lights-0.1.0.clearframe")) {
            Files.copy(in, legacy);
        }
        return legacy;
    }

    @Test
    void aFileFromBeforeProofsOpensButItsSignOffsCountOnlyOnceAttested() throws Exception {
        Path legacy = legacyFile();
        byte[] original = Files.readAllBytes(legacy);
        assertEquals(1, run("producer", "check", legacy.toString()), out);
        assertTrue(out.contains("was recorded before proofs were kept: not counted until the producer attests it"), out);
        assertFalse(out.contains("Stale"), "an earlier sign-off is not counted, not even as stale: " + out);
        assertArrayEquals(original, Files.readAllBytes(legacy), "check reads an old file without upgrading it");
        JsonNode before = checkJson("producer", legacy);
        assertEquals(7, before.path("ignoredSignOffs").size());
        before.path("ignoredSignOffs").forEach(i -> assertEquals("BEFORE_PROOFS", i.path("why").asText()));

        assertEquals(0, run("producer", "attest", legacy.toString()), err);
        assertTrue(out.contains("Attested 7 sign-offs recorded before proofs were kept"), out);
        assertTrue(out.contains("Attested: Lena Sørensen, Director, DEAGE-PERFORMER, Approved"), out);
        assertEquals(1, run("producer", "check", legacy.toString()), "the sample still has open flags: " + out);
        assertTrue(out.contains("Stale"), "the digital double's consent now counts, and is stale: " + out);
        assertFalse(out.contains("not counted"), out);
        assertEquals(0, checkJson("producer", legacy).path("ignoredSignOffs").size());

        // A row slipped in after the upgrade is not "earlier": attest leaves it alone and check reports it.
        UUID forged = forgeApproval(legacy, UUID.fromString(before.path("shots").get(0).path("shotId").asText()), "x", "Someone");
        assertEquals(0, run("producer", "attest", legacy.toString()), err);
        assertTrue(out.contains("No sign-off"), out);
        run("producer", "check", legacy.toString());
        assertTrue(out.contains("sign-off " + forged) && out.contains("has no valid proof: ignored (no proof is recorded for it)"), out);
    }
}
