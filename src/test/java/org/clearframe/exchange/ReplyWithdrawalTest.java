package org.clearframe.exchange;

import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.SignOffLog;
import org.clearframe.store.WithdrawalRepository.Action;
import org.clearframe.store.WithdrawalRepository.StoredWithdrawal;
import org.clearframe.testkit.KeepsUserConfig;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Undo and redo of a reply import in a real SQLite file: the producer's signed withdrawal stops the reply's sign-offs
 * counting, a reinstatement lets them count again by their own proof; then attacked as someone who can write the file.
 */
@ExtendWith(KeepsUserConfig.class)
class ReplyWithdrawalTest {

    @TempDir Path dir;
    Path file;
    Reply reply;
    byte[] replyBytes;

    @BeforeEach
    void importedReply() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("producer").toString());
        file = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Tower falls").tool("VendorX").fin().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .shot("2", "Flood previs", use(Technique.GENERATIVE_VFX).purpose("Flood previs").tool("VendorX").temp().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .write(dir.resolve("tidewater.clearframe"));
        ProductionData data = plan();
        SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX"));
        reply = pkg.sign("Dana Reyes", pkg.slots().stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList(),
                new KeyRing(dir.resolve("dana")).keyPair());
        Path replyFile = dir.resolve("dana.cfreply");
        reply.write(replyFile);
        replyBytes = Files.readAllBytes(replyFile);
        ReplyImport.Preview applied = importAgain();
        assertEquals(2, applied.newSignOffs().size());
        assertEquals(2, record().data().signOffs().size(), "both decisions count after the import");
    }

    private ProductionData plan() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return SignedRecord.planOnly(store);
        }
    }

    private ReplyImport.Preview importAgain() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            return new ReplyImport(new TrustStore(dir.resolve("producer"))).apply(store, reply, replyBytes);
        }
    }

    private SignedRecord record() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return SignedRecord.load(store);
        }
    }

    private ReplyWithdrawals.Standing standing() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return ReplyWithdrawals.read(store, reply.productionId(), RecordTrust.forUser(List.of()));
        }
    }

    private List<UUID> replyIds() {
        return reply.decisions().stream().map(reply::signOffId).toList();
    }

    private KeyPair producer() throws Exception {
        return KeyRing.forUser().keyPair();
    }

    private void undo() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(2, ReplyWithdrawals.withdraw(store, reply.productionId(), reply.id(), replyIds(), "Ana Ruiz", producer()).size());
        }
    }

    private void redo() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(2, ReplyWithdrawals.reinstate(store, reply.productionId(), replyIds(), "Ana Ruiz", producer()).size());
        }
    }

    private List<SignedRecord.Ignored> withdrawn(SignedRecord r) {
        return r.ignored().stream().filter(i -> i.why() == SignedRecord.Why.WITHDRAWN).toList();
    }

    private SignOffLog.Check log() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            SignedRecord r = SignedRecord.load(store);
            List<SignOff> rows = new ArrayList<>(r.data().signOffs());
            r.ignored().forEach(i -> rows.add(i.signOff()));
            SignOffLog.Log log = store.signOffLog();
            return SignOffLog.verify(log.events(), rows, log.beforeLog());
        }
    }

    /** The last withdrawal event's hash for sign-off {@code id}: what a reinstatement must name to reverse it. */
    private String standingHash(UUID id) throws Exception {
        return standing().withdrawn().get(id).eventHash();
    }

    private static StoredWithdrawal signedBy(KeyPair keys, Action action, UUID production, UUID replyId, UUID signOff, String reverses)
            throws Exception {
        StoredWithdrawal w = new StoredWithdrawal(UUID.randomUUID(), 0, action, production, replyId, signOff, reverses, Instant.now(),
                "Ana Ruiz", KeyRing.encode(keys.getPublic()), "");
        Signature sig = Signature.getInstance(KeyRing.ALGORITHM);
        sig.initSign(keys.getPrivate());
        sig.update(w.entry().getBytes(StandardCharsets.UTF_8));
        return w.signed(Base64.getEncoder().encodeToString(sig.sign()));
    }

    private void write(StoredWithdrawal... rows) throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.withdrawals().record(List.of(rows));
        }
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    // --------------------------------------------------------------------------------------------- undo and redo

    @Test
    void undoWithdrawsWhatTheImportAddedAndRedoReinstatesIt_asSignedEventsInTheChain() throws Exception {
        undo();
        SignedRecord undone = record();
        assertTrue(undone.data().signOffs().isEmpty(), "a withdrawn sign-off does not count");
        assertEquals(2, withdrawn(undone).size());
        assertTrue(undone.ignored().stream().noneMatch(i -> i.why() == SignedRecord.Why.NO_VALID_PROOF), "withdrawn, not forged");
        String said = withdrawn(undone).get(0).describe();
        assertTrue(said.contains("withdrawn by the producer (Ana Ruiz, key ") && said.contains("(undo of the reply import)")
                && said.contains(" UTC"), said);
        assertTrue(log().intact() && log().unlogged().isEmpty(), "the withdrawals are links of the chain: " + log());
        assertEquals(4, log().events(), "two sign-offs, two withdrawals");

        redo();
        assertEquals(2, record().data().signOffs().size(), "redo: they count again by their own proof");
        assertTrue(record().ignored().isEmpty());

        undo();
        assertTrue(record().data().signOffs().isEmpty(), "undo after redo withdraws again");
        redo();
        assertEquals(2, record().data().signOffs().size());
        assertTrue(standing().problems().isEmpty(), standing().problems().toString());
        assertTrue(log().intact());
        assertEquals(10, log().events());
    }

    @Test
    void withdrawingTwiceWritesNothingAndReinstatingWhatIsNotWithdrawnWritesNothing() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(List.of(), ReplyWithdrawals.reinstate(store, reply.productionId(), replyIds(), "", producer()));
        }
        undo();
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(List.of(), ReplyWithdrawals.withdraw(store, reply.productionId(), reply.id(), replyIds(), "", producer()));
        }
        assertEquals(4, log().events());
    }

    @Test
    void importingTheSameReplyAgainAfterUndoReinstatesItAndSaysSo() throws Exception {
        undo();
        ReplyImport.Preview again = importAgain();
        assertTrue(again.warnings().stream().anyMatch(w -> w.contains("the import was undone") && w.contains("reinstated its 2 withdrawn")),
                again.warnings().toString());
        assertEquals(2, record().data().signOffs().size());
        ReplyImport.Preview third = importAgain();
        assertEquals(2, third.alreadySigned().size(), "a third import finds them recorded and counted");
        assertTrue(third.warnings().stream().noneMatch(w -> w.contains("reinstated")));
        assertTrue(log().intact());
    }

    // --------------------------------------------------------------------------------------------- attacks

    @Test
    void aReinstatementSignedByAKeyThisMachineDoesNotTrustIsNotHonoured() throws Exception {
        undo();
        UUID first = replyIds().get(0);
        KeyPair stranger = new KeyRing(dir.resolve("stranger")).keyPair();
        write(signedBy(stranger, Action.REINSTATED, reply.productionId(), reply.id(), first, standingHash(first)));
        assertTrue(record().data().signOffs().isEmpty(), "a hand-made reinstatement does not bring a sign-off back");
        assertTrue(standing().problems().stream().anyMatch(p -> p.contains("which this machine does not trust")), standing().problems().toString());
    }

    @Test
    void aReinstatementWithABadSignatureOrNoEventIsNotHonoured() throws Exception {
        undo();
        UUID first = replyIds().get(0);
        StoredWithdrawal forged = signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), first, standingHash(first));
        // the producer's key named, but the statement altered after signing
        write(new StoredWithdrawal(forged.id(), 0, forged.action(), forged.productionId(), forged.replyId(), forged.signOffId(),
                forged.reverses(), forged.at(), "Someone else", forged.publicKey(), forged.signature()));
        assertTrue(record().data().signOffs().isEmpty());
        assertTrue(standing().problems().stream().anyMatch(p -> p.contains("its signature does not hold")), standing().problems().toString());

        // a correctly signed row slipped into the table by hand, without its event in the log
        StoredWithdrawal unlogged = signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), first, standingHash(first));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sign_off_withdrawal (id, seq, action, production_id, reply_id, sign_off_id, reverses, at, by_name, public_key, "
                    + "signature) VALUES ('" + unlogged.id() + "', 999, 'REINSTATED', '" + reply.productionId() + "', '" + reply.id() + "', '"
                    + first + "', '" + unlogged.reverses() + "', '" + unlogged.at() + "', 'Ana Ruiz', '" + unlogged.publicKey() + "', '"
                    + unlogged.signature() + "')");
        }
        assertTrue(record().data().signOffs().isEmpty(), "a row without its event in the log reinstates nothing");
        assertTrue(standing().problems().stream().anyMatch(p -> p.contains("has no event in the sign-off log")), standing().problems().toString());
    }

    @Test
    void aReinstatementNeverMakesAnUnprovenSignOffCount() throws Exception {
        // a sign-off row written into the file by hand (no proof), then "reinstated" with the producer's own key
        SignOff real = record().data().signOffs().get(0);
        UUID forged = UUID.randomUUID();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sign_off (id, shot_id, rule_id, role, subject_id, signer, decision, note, signed_at, fingerprint, subject_name) "
                    + "VALUES ('" + forged + "', '" + real.shotId() + "', '" + real.ruleId() + "', '" + real.role().name() + "', NULL, 'Dana Reyes', "
                    + "'APPROVED', '', '" + Instant.now() + "', '" + real.fingerprint() + "', '')");
        }
        write(signedBy(producer(), Action.WITHDRAWN, reply.productionId(), reply.id(), forged, ""));
        write(signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), forged, standingHash(forged)));
        SignedRecord r = record();
        assertTrue(r.data().signOffs().stream().noneMatch(s -> s.id().equals(forged)));
        assertTrue(r.ignored().stream().anyMatch(i -> i.signOff().id().equals(forged) && i.why() == SignedRecord.Why.NO_VALID_PROOF),
                "withdrawn and reinstated, it still has no proof: " + r.ignored());

        // and a reinstatement of a sign-off that was never withdrawn changes nothing
        UUID never = replyIds().get(1);
        write(signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), never, SignOffLog.GENESIS));
        assertEquals(2, record().data().signOffs().size());
        assertTrue(standing().problems().stream().anyMatch(p -> p.contains("the sign-off is not withdrawn")), standing().problems().toString());
    }

    @Test
    void aReinstatementForAnotherProductionOrOfAnEarlierWithdrawalIsNotHonoured() throws Exception {
        UUID first = replyIds().get(0);
        undo();
        String firstWithdrawal = standingHash(first);
        redo();
        undo(); // a second withdrawal now stands
        // the producer's own key, but for another production: copied from another file
        write(signedBy(producer(), Action.REINSTATED, UUID.randomUUID(), reply.id(), first, standingHash(first)));
        // the producer's own key, but reversing the first withdrawal: a stale redo replayed after the second undo
        write(signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), first, firstWithdrawal));
        assertTrue(record().data().signOffs().isEmpty());
        List<String> problems = standing().problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("it is for another production")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("does not reverse the withdrawal that stands")), problems.toString());
    }

    @Test
    void aWithdrawalThatDoesNotHoldStillWithdraws_failingClosed() throws Exception {
        UUID first = replyIds().get(0);
        KeyPair stranger = new KeyRing(dir.resolve("stranger")).keyPair();
        write(signedBy(stranger, Action.WITHDRAWN, UUID.randomUUID(), reply.id(), first, ""));
        SignedRecord r = record();
        assertEquals(1, r.data().signOffs().size(), "a withdrawal only ever makes fewer sign-offs count");
        String said = withdrawn(r).get(0).describe();
        assertTrue(said.contains("by a withdrawal that does not hold (it is for another production)"), said);
        // the producer takes it back on purpose: a reinstatement of theirs, reversing that very event, is honoured
        write(signedBy(producer(), Action.REINSTATED, reply.productionId(), reply.id(), first, standingHash(first)));
        assertEquals(2, record().data().signOffs().size());
    }

    @Test
    void theFileRefusesToChangeOrDeleteAWithdrawal_andAForcedDeletionStillWithdraws() throws Exception {
        undo();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            SQLException deleted = assertThrows(SQLException.class, () -> s.execute("DELETE FROM sign_off_withdrawal"));
            assertTrue(deleted.getMessage().contains("a withdrawal is history"), deleted.getMessage());
            SQLException changed = assertThrows(SQLException.class, () -> s.execute("UPDATE sign_off_withdrawal SET action = 'REINSTATED'"));
            assertTrue(changed.getMessage().contains("a withdrawal is history"), changed.getMessage());
        }
        // someone drops the guard, deletes the rows and puts the guard back exactly as it was (so the schema check passes)
        try (Connection c = raw(); Statement s = c.createStatement()) {
            String guard;
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'sign_off_withdrawal_never_deleted'")) {
                guard = r.getString(1);
            }
            s.execute("DROP TRIGGER sign_off_withdrawal_never_deleted");
            s.execute("DELETE FROM sign_off_withdrawal");
            s.execute(guard);
        }
        SignedRecord r = record();
        assertTrue(r.data().signOffs().isEmpty(), "the withdrawal events in the log still withdraw");
        assertTrue(withdrawn(r).get(0).describe().contains("its record is missing from the file"), withdrawn(r).get(0).describe());
    }

    @Test
    void aGuardLeftDroppedMakesTheFileRefused() throws Exception {
        undo();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER sign_off_withdrawal_never_deleted");
            s.execute("DELETE FROM sign_off_withdrawal");
        }
        ProjectFileException refused = assertThrows(ProjectFileException.class, () -> ProductionStore.openReadOnly(file).close());
        assertTrue(refused.getMessage().contains("sign_off_withdrawal_never_deleted is missing"), refused.getMessage());
    }

    @Test
    void reorderingTheEventsBreaksTheChainAndTheReinstatementIsNotHonoured() throws Exception {
        undo();
        redo();
        undo(); // W1 R1 W2 for each sign-off: withdrawn
        // move each second withdrawal in front of the reinstatement, so the reinstatement comes last
        try (Connection c = raw(); Statement s = c.createStatement()) {
            List<String> guards = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                    + "('sign_off_event_never_changes', 'sign_off_withdrawal_never_changes')")) {
                while (r.next()) guards.add(r.getString(1));
            }
            s.execute("DROP TRIGGER sign_off_event_never_changes");
            s.execute("DROP TRIGGER sign_off_withdrawal_never_changes");
            // events 5,6 are the reinstatements, 7,8 the second withdrawals: swap 5<->7 and 6<->8 in both tables
            for (String table : List.of("sign_off_event", "sign_off_withdrawal")) {
                s.execute("UPDATE " + table + " SET seq = -seq WHERE seq IN (5, 6, 7, 8)");
                s.execute("UPDATE " + table + " SET seq = CASE seq WHEN -5 THEN 7 WHEN -6 THEN 8 WHEN -7 THEN 5 WHEN -8 THEN 6 END WHERE seq < 0");
            }
            for (String g : guards) s.execute(g);
        }
        assertFalse(log().intact(), "the chain shows the reordering");
        assertTrue(record().data().signOffs().isEmpty(), "a reinstatement is not honoured where the log was reordered");
        assertTrue(standing().problems().stream().anyMatch(p -> p.contains("does not reverse the withdrawal that stands")
                || p.contains("hash chain does not hold")), standing().problems().toString());
    }

    @Test
    void aWithdrawnSignOffIsNotExportedToCountElsewhere() throws Exception {
        undo();
        Path json = dir.resolve("tide.json");
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProjectJson.export(store, json);
        }
        Path copy = dir.resolve("copy.clearframe");
        ProjectJson.importTo(json, copy);
        try (ProductionStore store = ProductionStore.openReadOnly(copy)) {
            SignedRecord r = SignedRecord.load(store);
            assertTrue(r.data().signOffs().isEmpty() && r.ignored().isEmpty(), "the copy holds no sign-off the producer withdrew: " + r.ignored());
        }
    }

    @Test
    void theWithdrawalOfARealImportNeedsItsOwnSignOffIds() throws Exception {
        // a withdrawal names sign-offs by id: one of another reply (or none) leaves this reply's sign-offs counting
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(1, ReplyWithdrawals.withdraw(store, reply.productionId(), UUID.randomUUID(), Set.of(UUID.randomUUID()), "", producer()).size());
        }
        assertEquals(2, record().data().signOffs().size());
    }
}
