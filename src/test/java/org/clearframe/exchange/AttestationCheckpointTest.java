package org.clearframe.exchange;

import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredCheckpoint;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The producer's attestation checkpoints, attacked as an independent tester would with sqlite3 on a real file: a
 * checkpoint lets a reader skip an attestation's own signature check only for exactly the statement and signature the
 * same key sealed; every edit, forgery, transplant, truncation or rollback leaves a changed sign-off uncounted.
 */
class AttestationCheckpointTest {

    @TempDir Path dir;
    KeyRing producer;
    KeyRing stranger;
    Path file;
    ProductionData plan;
    List<List<SignOff>> batches;

    @BeforeEach
    void production() throws Exception {
        producer = new KeyRing(dir.resolve("producer"));
        stranger = new KeyRing(dir.resolve("stranger"));
        file = dir.resolve("p.clearframe");
        Gen gen = new Gen(7);
        ProductionData generated;
        do generated = gen.production(); while (generated.shots().size() < 2);
        plan = withSignOffs(generated, 9);
        batches = write(file, plan, producer, 3);
    }

    /** Gives every shot with AI use at least one sign-off (Gen leaves some out), up to {@code atLeast} in all. */
    private static ProductionData withSignOffs(ProductionData data, int atLeast) {
        List<SignOff> signOffs = new ArrayList<>(data.signOffs());
        int n = 0;
        while (signOffs.size() < atLeast) {
            var shot = data.shots().get(n++ % data.shots().size());
            signOffs.add(new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", org.clearframe.model.Role.VFX_SUPERVISOR, null,
                    "Dana Reyes", Decision.APPROVED, "", java.time.Instant.parse("2026-11-0" + (1 + n % 9) + "T10:00:00Z"),
                    "a".repeat(64), ""));
        }
        return data.withSignOffs(signOffs);
    }

    /** The production with its sign-offs recorded as the app records them, in {@code parts} separate attestations. */
    private static List<List<SignOff>> write(Path file, ProductionData data, KeyRing keys, int parts) throws Exception {
        ProductionStore.createFrom(file, data.withSignOffs(List.of()));
        List<List<SignOff>> batches = new ArrayList<>();
        int size = (data.signOffs().size() + parts - 1) / parts;
        for (int i = 0; i < data.signOffs().size(); i += size) {
            batches.add(data.signOffs().subList(i, Math.min(data.signOffs().size(), i + size)));
        }
        try (ProductionStore store = ProductionStore.open(file)) {
            for (List<SignOff> b : batches) Attestations.record(store, data.production().id(), b, keys);
        }
        return batches;
    }

    private SignedRecord load(Path f) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(f)) {
            return SignedRecord.load(store, RecordTrust.forKey(producer.publicKey()));
        }
    }

    private Evidence evidence(Path f) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(f)) {
            return store.proofs().evidence();
        }
    }

    private static Connection sql(Path f) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + f.toAbsolutePath());
    }

    /** An attacker with sqlite3: drop the guard triggers, change rows, put the triggers back exactly as they were. */
    private static void execute(Path f, String... statements) throws Exception {
        try (Connection c = sql(f); Statement s = c.createStatement()) {
            List<String[]> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (r.next()) triggers.add(new String[]{r.getString(1), r.getString(2)});
            }
            for (String[] t : triggers) s.execute("DROP TRIGGER " + t[0]);
            try {
                for (String statement : statements) s.executeUpdate(statement);
            } finally {
                for (String[] t : triggers) s.execute(t[1]);
            }
        }
    }

    private static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private Set<UUID> counted(SignedRecord r) {
        return r.proven().keySet();
    }

    private UUID productionId() {
        return plan.production().id();
    }

    // --------------------------------------------------------------------------------------------- what is written

    @Test
    void everyAttestationIsCoveredByTheProducersChainAndCounts() throws Exception {
        Evidence ev = evidence(file);
        assertEquals(batches.size(), ev.checkpoints().size(), "one checkpoint per time the producer attested");
        List<StoredCheckpoint> chain = ev.checkpoints();
        assertEquals("", chain.get(0).previous(), "a chain starts with no previous");
        for (int i = 0; i < chain.size(); i++) assertEquals(i + 1, chain.get(i).sequence());
        for (int i = 1; i < chain.size(); i++) assertFalse(chain.get(i).previous().isEmpty(), "each later one names the one before");
        AttestationCheckpoints.Covered covered = AttestationCheckpoints.covered(productionId(), chain);
        assertEquals(plan.signOffs().size(), covered.size(), "every attestation is covered");
        SignedRecord r = load(file);
        assertEquals(plan.signOffs().size(), r.proven().size(), r.ignored().toString());
        assertTrue(r.ignored().isEmpty());
    }

    @Test
    void onlyTheNewestCheckpointsSignatureIsNeeded() throws Exception {
        // Break every older checkpoint's own signature: they are vouched for by the hashes the newest one signed, so
        // nothing changes... except that a changed signature changes the hash, so the chain breaks right there.
        Evidence before = evidence(file);
        List<StoredCheckpoint> chain = before.checkpoints();
        StoredCheckpoint oldest = chain.get(0);
        execute(file, "UPDATE attestation_checkpoint SET signature = " + q(flip(oldest.signature())) + " WHERE id = " + q(oldest.id().toString()));
        AttestationCheckpoints.Covered covered = AttestationCheckpoints.covered(productionId(), evidence(file).checkpoints());
        assertEquals(plan.signOffs().size() - batches.get(0).size(), covered.size(), "the altered checkpoint and nothing behind it covers");
        assertEquals(plan.signOffs().size(), load(file).proven().size(), "what it no longer covers is verified one by one, and holds");
    }

    // --------------------------------------------------------------------------------------------- edited rows

    private static final String OTHER_DECISION = "CASE decision WHEN 'DECLINED' THEN 'APPROVED' ELSE 'DECLINED' END";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decision = " + OTHER_DECISION, "signer = 'Someone Else'", "fingerprint = '" + "b" + "'",
            "signed_at = '2030-01-01T00:00:00Z'", "note = note || ' (changed)'", "rule_id = rule_id || 'X'",
            "role = CASE role WHEN 'EDITOR' THEN 'DIRECTOR' ELSE 'EDITOR' END"})
    void anEditedSignOffCoveredByACheckpointDoesNotCount(String change) throws Exception {
        SignOff target = batches.get(1).get(0);
        execute(file, "UPDATE sign_off SET " + change + " WHERE id = " + q(target.id().toString()));
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(target.id()), change);
        assertTrue(r.ignored().stream().anyMatch(i -> i.signOff().id().equals(target.id()) && i.why() == SignedRecord.Why.NO_VALID_PROOF), change);
        assertEquals(plan.signOffs().size() - 1, r.proven().size(), "the others still count");
    }

    @Test
    void anEditedProofBasisDoesNotCount() throws Exception {
        SignOff target = batches.get(0).get(0);
        execute(file, "UPDATE sign_off_proof SET basis = 'RECORDED_BEFORE_PROOFS_WERE_KEPT' WHERE sign_off_id = " + q(target.id().toString()));
        assertFalse(counted(load(file)).contains(target.id()));
    }

    // --------------------------------------------------------------------------------------------- forged checkpoints

    @Test
    void aForgedSignOffSealedByAnotherKeyDoesNotCount() throws Exception {
        // The attacker writes an approval, attests it with a key of their own, and seals it in a chain of their own.
        SignOff forged = forgedApproval();
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, productionId(), List.of(forged), stranger);
        }
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(forged.id()));
        assertTrue(r.ignored().stream().anyMatch(i -> i.signOff().id().equals(forged.id()) && i.why() == SignedRecord.Why.UNTRUSTED_KEY));
    }

    @Test
    void aCheckpointClaimingTheProducersKeyButSignedByAnotherCoversNothing() throws Exception {
        // A forged attestation in the producer's name (signature garbage), and a checkpoint in the producer's name over
        // its digest, signed by the attacker's key.
        SignOff forged = forgedApproval();
        KeyPair a = producer.keyPair(), b = stranger.keyPair();
        String fakeSig = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        StoredProof proof = new StoredProof(UUID.randomUUID(), forged.id(), SignOffProof.ATTESTED, null, SignOffProof.RECORDED_IN_APP,
                KeyRing.encode(a.getPublic()), KeyRing.fingerprint(a.getPublic()), fakeSig, java.time.Instant.now());
        byte[] digest = SignOffProof.digest(productionId(), forged, proof, a.getPublic());
        StoredCheckpoint sealedByB = AttestationCheckpoints.seal(productionId(), b, List.of(digest)).after(List.of());
        StoredCheckpoint claimingA = new StoredCheckpoint(UUID.randomUUID(), KeyRing.encode(a.getPublic()), 99, "", sealedByB.covers(),
                sealedByB.signature(), sealedByB.recordedAt());
        try (ProductionStore store = ProductionStore.open(file)) {
            store.proofs().record(List.of(), List.of(forged), List.of(proof), List.of(), List.of(claimingA), null);
        }
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(forged.id()));
        assertEquals(plan.signOffs().size(), r.proven().size(), "the bogus newest checkpoint does not cost the real chain anything");
    }

    @Test
    void aCheckpointByOneKeyDoesNotVouchForAnAttestationByAnother() throws Exception {
        // The producer's own (real) checkpoint covers the digest of an attestation that names the stranger's key and
        // carries no valid signature of it: the stranger's attestation must stand on its own signature, and fails.
        SignOff forged = forgedApproval();
        KeyPair a = producer.keyPair(), b = stranger.keyPair();
        String fakeSig = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        StoredProof proof = new StoredProof(UUID.randomUUID(), forged.id(), SignOffProof.ATTESTED, null, SignOffProof.RECORDED_IN_APP,
                KeyRing.encode(b.getPublic()), KeyRing.fingerprint(b.getPublic()), fakeSig, java.time.Instant.now());
        byte[] digest = SignOffProof.digest(productionId(), forged, proof, b.getPublic());
        try (ProductionStore store = ProductionStore.open(file)) {
            store.proofs().record(List.of(), List.of(forged), List.of(proof), List.of(), List.of(),
                    AttestationCheckpoints.seal(productionId(), a, List.of(digest)));
        }
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            SignedRecord everyKey = SignedRecord.sort(store.load(), store.proofs().evidence());
            assertFalse(everyKey.proven().containsKey(forged.id()), "not even with every key trusted");
            assertTrue(everyKey.ignored().stream().anyMatch(i -> i.signOff().id().equals(forged.id()) && i.why() == SignedRecord.Why.NO_VALID_PROOF));
        }
    }

    @Test
    void aCheckpointFromAnotherProductionCoversNothingHere() throws Exception {
        // The same producer, the same key, another production with the very same sign-off rows (ids and all).
        Path other = dir.resolve("other.clearframe");
        ProductionData otherPlan = new ProductionData(new org.clearframe.model.Production(UUID.randomUUID(), "Other", plan.production().format(),
                plan.production().genre(), "", "", "", null, ""), plan.departments(), plan.cast(), plan.scenes(), plan.shots(), plan.signOffs(), "");
        write(other, otherPlan, producer, 1);
        Evidence theirs = evidence(other);
        assertEquals(0, AttestationCheckpoints.covered(productionId(), theirs.checkpoints()).size());
        // Transplant their checkpoint in place of ours, and alter a row: it is checked one by one, and fails.
        SignOff target = batches.get(0).get(0);
        StoredCheckpoint transplanted = theirs.checkpoints().get(0);
        execute(file, "DELETE FROM attestation_checkpoint",
                "INSERT INTO attestation_checkpoint (id, public_key, sequence, previous, covers, signature, recorded_at) VALUES ("
                        + q(transplanted.id().toString()) + ", " + q(transplanted.publicKey()) + ", 1, '', X'"
                        + java.util.HexFormat.of().formatHex(transplanted.covers()) + "', " + q(transplanted.signature()) + ", "
                        + q(transplanted.recordedAt().toString()) + ")",
                "UPDATE sign_off SET decision = " + OTHER_DECISION + " WHERE id = " + q(target.id().toString()));
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(target.id()));
        assertEquals(plan.signOffs().size() - 1, r.proven().size());
    }

    // --------------------------------------------------------------------------------------------- the chain

    @Test
    void aTruncatedChainStillNeverCountsAnEdit() throws Exception {
        StoredCheckpoint middle = evidence(file).checkpoints().get(1);
        SignOff inOldest = batches.get(0).get(0), inNewest = batches.get(2).get(0);
        execute(file, "DELETE FROM attestation_checkpoint WHERE id = " + q(middle.id().toString()),
                "UPDATE sign_off SET signer = 'Mallory' WHERE id IN (" + q(inOldest.id().toString()) + ", " + q(inNewest.id().toString()) + ")");
        AttestationCheckpoints.Covered covered = AttestationCheckpoints.covered(productionId(), evidence(file).checkpoints());
        assertEquals(batches.get(2).size(), covered.size(), "the chain stops where the link is missing");
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(inOldest.id()));
        assertFalse(counted(r).contains(inNewest.id()));
        assertEquals(plan.signOffs().size() - 2, r.proven().size(), "the rest hold, checked one by one where not covered");
    }

    @Test
    void aReorderedChainStillNeverCountsAnEdit() throws Exception {
        List<StoredCheckpoint> chain = evidence(file).checkpoints();
        SignOff target = batches.get(1).get(0);
        execute(file, "UPDATE attestation_checkpoint SET sequence = 100 WHERE id = " + q(chain.get(0).id().toString()),
                "UPDATE attestation_checkpoint SET sequence = 1 WHERE id = " + q(chain.get(2).id().toString()),
                "UPDATE attestation_checkpoint SET sequence = 3 WHERE id = " + q(chain.get(0).id().toString()),
                "UPDATE sign_off SET note = 'only on weekdays' WHERE id = " + q(target.id().toString()));
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(target.id()));
        assertEquals(plan.signOffs().size() - 1, r.proven().size());
    }

    @Test
    void rollingBackToAnOlderCheckpointLeavesLaterAttestationsCheckedOneByOne() throws Exception {
        // Replace the newest checkpoint with nothing (the older ones stay), keep the later attestations, alter one of them.
        List<StoredCheckpoint> chain = evidence(file).checkpoints();
        StoredCheckpoint newest = chain.get(chain.size() - 1);
        List<SignOff> later = batches.get(batches.size() - 1);
        execute(file, "DELETE FROM attestation_checkpoint WHERE id = " + q(newest.id().toString()),
                "UPDATE sign_off SET decision = 'APPROVED_WITH_CONDITIONS' WHERE id = " + q(later.get(0).id().toString()));
        SignedRecord r = load(file);
        assertFalse(counted(r).contains(later.get(0).id()));
        for (SignOff s : later.subList(1, later.size())) assertTrue(counted(r).contains(s.id()), "unaltered later ones verify on their own");
        // And the producer's next attestation extends the chain from the newest checkpoint it can verify.
        SignOff more = forgedApproval();
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, productionId(), List.of(more), producer);
        }
        assertTrue(counted(load(file)).contains(more.id()));
        Evidence ev = evidence(file);
        assertEquals(chain.size(), ev.checkpoints().size());
        assertEquals(plan.signOffs().size() - later.size() + 1,
                AttestationCheckpoints.covered(productionId(), ev.checkpoints()).size(), "linked to the older chain, which it covers");
    }

    @Test
    void anOlderFileIsSealedByAttest() throws Exception {
        // Attestations made before checkpoints were kept: verified one by one, then sealed by 'attest' in one checkpoint.
        Path older = dir.resolve("older.clearframe");
        ProductionStore.createFrom(older, plan.withSignOffs(List.of()));
        KeyPair keys = producer.keyPair();
        try (ProductionStore store = ProductionStore.open(older)) {
            List<StoredProof> proofs = new ArrayList<>();
            for (SignOff s : plan.signOffs()) proofs.add(SignOffProof.attest(productionId(), s, SignOffProof.RECORDED_IN_APP, keys));
            store.proofs().record(List.of(), plan.signOffs(), proofs, List.of());
        }
        assertEquals(plan.signOffs().size(), load(older).proven().size());
        assertEquals(0, evidence(older).checkpoints().size());
        String saved = System.getProperty("clearframe.config");
        System.setProperty("clearframe.config", producer.dir().toString()); // 'attest' runs as the producer
        try (ProductionStore store = ProductionStore.open(older)) {
            assertEquals(List.of(), Attestations.attestEarlier(store, producer), "nothing new to attest");
        } finally {
            if (saved == null) System.clearProperty("clearframe.config");
            else System.setProperty("clearframe.config", saved);
        }
        Evidence ev = evidence(older);
        assertEquals(1, ev.checkpoints().size());
        assertEquals(plan.signOffs().size(), AttestationCheckpoints.covered(productionId(), ev.checkpoints()).size());
        assertEquals(plan.signOffs().size(), load(older).proven().size());
    }

    // --------------------------------------------------------------------------------------------- project JSON

    @Test
    void checkpointsTravelInProjectJsonAndStillCoverNothingAltered() throws Exception {
        Path json = dir.resolve("p.json");
        ProjectJson.export(file, json);
        Path back = dir.resolve("back.clearframe");
        ProjectJson.importTo(json, back);
        assertEquals(plan.signOffs().size(), AttestationCheckpoints.covered(productionId(), evidence(back).checkpoints()).size());
        assertEquals(plan.signOffs().size(), load(back).proven().size());

        // An altered sign-off in the JSON is refused whole, checkpoints or not.
        String text = Files.readString(json);
        SignOff target = batches.get(1).get(0);
        String other = target.decision() == Decision.DECLINED ? "APPROVED" : "DECLINED";
        String edited = text.replaceFirst("(\"id\" ?: ?\"" + target.id() + "\"[^}]*?\"decision\" ?: ?\")[A-Z_]+", "$1" + other);
        assertNotEquals(text, edited);
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, edited);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.importTo(tampered, dir.resolve("t.clearframe")));
        assertEquals(ExchangeException.Problem.BAD_SIGNATURE, e.problem(), e.getMessage());
    }

    // --------------------------------------------------------------------------------------------- any byte

    static LongStream seeds() {
        return Gen.seeds(0xC4EC4L, 40);
    }

    /**
     * One byte of one field of one row of the sign-offs, their proofs or the checkpoints, changed at random: whatever
     * still counts is exactly as it was signed.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSingleChangedByteNeverLeavesAChangedSignOffCounted(long seed) throws Exception {
        Random random = new Random(seed);
        Map<UUID, SignOff> original = new HashMap<>();
        plan.signOffs().forEach(s -> original.put(s.id(), s));
        String[][] targets = {
                {"sign_off", "shot_id", "rule_id", "role", "subject_id", "signer", "decision", "note", "signed_at", "fingerprint", "subject_name"},
                {"sign_off_proof", "sign_off_id", "kind", "basis", "public_key", "signature"},
                {"attestation_checkpoint", "public_key", "sequence", "previous", "covers", "signature"}};
        String change = null;
        for (int tries = 0; change == null && tries < 100; tries++) { // an empty field has no byte to change: pick again
            String[] table = targets[random.nextInt(targets.length)];
            String column = table[1 + random.nextInt(table.length - 1)];
            change = editOneByte(file, table[0], column, random);
        }
        assertNotNull(change, "seed " + seed + ": some field has a byte to change");
        SignedRecord r;
        try {
            r = load(file);
        } catch (org.clearframe.store.ProjectFileException refused) {
            return; // a file SQLite or the schema check refuses counts nothing
        }
        for (SignOff kept : r.data().signOffs()) {
            assertEquals(original.get(kept.id()), kept, "seed " + seed + " (" + change + "): a counted sign-off is exactly as signed");
        }
    }

    /** Changes one byte of {@code column} in a random row of {@code table}; returns what it did, or null if it could not. */
    private static String editOneByte(Path f, String table, String column, Random random) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = sql(f); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT rowid, " + column + " FROM " + table)) {
            while (r.next()) rows.add(new Object[]{r.getLong(1), r.getObject(2)});
        }
        if (rows.isEmpty()) return null;
        Object[] row = rows.get(random.nextInt(rows.size()));
        Object value = row[1];
        Object changed;
        if (value instanceof byte[] b) {
            if (b.length == 0) return null;
            byte[] copy = b.clone();
            copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
            changed = copy;
        } else if (value instanceof Number n) {
            changed = n.longValue() + (random.nextBoolean() ? 1 : -1);
        } else if (value instanceof String text && !text.isEmpty()) {
            char[] chars = text.toCharArray();
            int at = random.nextInt(chars.length);
            char was = chars[at];
            char now;
            do now = (char) (32 + random.nextInt(95)); while (now == was);
            chars[at] = now;
            changed = new String(chars);
        } else {
            return null;
        }
        try (Connection c = sql(f); Statement s = c.createStatement()) {
            List<String[]> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (r.next()) triggers.add(new String[]{r.getString(1), r.getString(2)});
            }
            for (String[] t : triggers) s.execute("DROP TRIGGER " + t[0]);
            try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?")) {
                p.setObject(1, changed);
                p.setLong(2, (Long) row[0]);
                p.executeUpdate();
            } catch (java.sql.SQLException constraint) {
                return null; // a unique or check constraint refused the edit: nothing changed
            } finally {
                for (String[] t : triggers) s.execute(t[1]);
            }
        }
        return table + "." + column + " of row " + row[0];
    }

    private SignOff forgedApproval() {
        var shot = plan.shots().get(0);
        return new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", org.clearframe.model.Role.VFX_SUPERVISOR, null, "Dana Reyes",
                Decision.APPROVED, "", java.time.Instant.parse("2026-11-20T10:00:00Z"), org.clearframe.rules.Fingerprint.of(shot), "");
    }

    private static String flip(String base64) {
        byte[] b = java.util.Base64.getDecoder().decode(base64);
        b[0] ^= 1;
        return java.util.Base64.getEncoder().encodeToString(b);
    }
}
