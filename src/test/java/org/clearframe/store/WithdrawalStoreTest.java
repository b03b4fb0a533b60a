package org.clearframe.store;

import org.clearframe.model.SentPackage;
import org.clearframe.store.WithdrawalRepository.Action;
import org.clearframe.store.WithdrawalRepository.StoredWithdrawal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Schema 9 in real files: a schema 8 file opens and migrates with its history untouched; withdrawal rows are written
 * with their events in the hash-chained log; a package's reply stops showing as its answer while the reply's import
 * stands undone, and shows again once redone.
 */
class WithdrawalStoreTest {

    @TempDir Path dir;

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.getLong(1);
        }
    }

    @Test
    void aSchema8FileOpensAndMigratesWithItsHistoryUntouched() throws Exception {
        Path file = dir.resolve("v8.clearframe");
        UUID production = UUID.randomUUID(), scene = UUID.randomUUID(), shot = UUID.randomUUID(), pkg = UUID.randomUUID(), reply = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 8);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + production + "', 'Eight', 'FEATURE', 'FICTION')");
            s.execute("INSERT INTO scene (id, position, number, int_ext) VALUES ('" + scene + "', 0, '1', 'INT')");
            s.execute("INSERT INTO shot (id, scene_id, position, number) VALUES ('" + shot + "', '" + scene + "', 0, '1')");
            s.execute("INSERT INTO sign_off (id, shot_id, rule_id, role, decision, signed_at) VALUES ('" + UUID.randomUUID() + "', '"
                    + shot + "', 'R', 'VFX_SUPERVISOR', 'APPROVED', '2026-01-01T00:00:00Z')");
            s.execute("INSERT INTO shared_package (id, audience_kind, audience, sent_at, sha256) VALUES ('" + pkg + "', 'DEPARTMENT', 'VFX', "
                    + "'2026-01-01T00:00:00Z', 'ab')");
            s.execute("INSERT INTO package_reply (reply_id, package_id, signer, imported_at) VALUES ('" + reply + "', '" + pkg + "', 'Dana', "
                    + "'2026-01-02T00:00:00Z')");
        }
        byte[] before = Files.readAllBytes(file);
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            assertEquals(Migrations.LATEST, reader.formatVersion(), "a reader upgrades its own copy");
            assertTrue(reader.withdrawals().all().isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "reading leaves the older file as it was");
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(Migrations.LATEST, store.formatVersion());
            assertEquals(9, Migrations.SCRIPTS.indexOf("V9__reply_withdrawals.sql") + 1, "version 9 is this script, whatever follows it");
            assertTrue(store.withdrawals().all().isEmpty());
            assertEquals(1, store.packages().all().get(0).replies().size(), "a reply linked before version 9 still answers its package");
        }
        assertEquals(1, count(file, "SELECT COUNT(*) FROM sign_off"));
        try (ProductionStore again = ProductionStore.openReadOnly(file)) {
            assertEquals(Migrations.LATEST, again.formatVersion(), "the upgraded file passes the schema check");
        }
    }

    @Test
    void readersFindWithdrawalEventsThroughTheirOwnIndex_notByReadingTheWholeLog() throws Exception {
        assertEquals(33, WithdrawalRepository.FORM.length());
        assertTrue(WithdrawalRepository.WITHDRAWAL_EVENTS.contains("'" + WithdrawalRepository.FORM + "'"));
        Path file = dir.resolve("plan.clearframe");
        ProductionStore.create(file, org.clearframe.model.Production.titled("P")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + WithdrawalRepository.WITHDRAWAL_EVENTS)) {
            StringBuilder plan = new StringBuilder();
            while (r.next()) plan.append(r.getString(4)).append('\n');
            assertTrue(plan.toString().contains("sign_off_event_withdrawals"), plan.toString());
        }
    }

    @Test
    void eachWithdrawalIsAnEventInTheChain_andAnUndoneReplyAnswersNoPackageUntilRedone() throws Exception {
        Path file = dir.resolve("p.clearframe");
        UUID production = UUID.randomUUID(), reply = UUID.randomUUID(), signOff = UUID.randomUUID();
        try (ProductionStore store = ProductionStore.create(file, new org.clearframe.model.Production(production, "P",
                org.clearframe.model.Format.FEATURE, org.clearframe.model.Genre.FICTION, "", "", "", null, ""))) {
            SentPackage p = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.DEPARTMENT, "VFX", null, "", Instant.now(), "vfx.cfshare",
                    "ab", java.util.Map.of(), List.of(), List.of());
            store.packages().record(p, List.of());
            assertTrue(store.packages().linkReply(p.id(), new SentPackage.Answer(reply, "Dana", Instant.now(), List.of("slot"))));
            assertEquals(1, store.packages().all().get(0).replies().size());

            StoredWithdrawal w = new StoredWithdrawal(UUID.randomUUID(), 0, Action.WITHDRAWN, production, reply, signOff, "", Instant.now(), "Ana",
                    "key", "sig");
            List<StoredWithdrawal> written = store.withdrawals().record(List.of(w));
            SignOffLog.Log log = store.signOffLog();
            assertEquals(1, log.events().size());
            assertEquals(written.get(0).seq(), log.events().get(0).seq(), "the row names its event");
            assertEquals(w.entry(), log.events().get(0).entry(), "the event carries the statement the producer signed");
            assertTrue(log.events().get(0).entry().startsWith(WithdrawalRepository.FORM));
            assertTrue(SignOffLog.verify(log.events(), List.of(), Set.of()).intact());
            assertEquals(List.of(written.get(0)), store.withdrawals().all().rows());
            assertTrue(store.packages().all().get(0).replies().isEmpty(), "undone: the package shows no answer");

            store.withdrawals().record(List.of(new StoredWithdrawal(UUID.randomUUID(), 0, Action.REINSTATED, production, reply, signOff,
                    log.events().get(0).hash(), Instant.now(), "Ana", "key", "sig")));
            assertEquals(1, store.packages().all().get(0).replies().size(), "redone: answered again");
            assertTrue(SignOffLog.verify(store.signOffLog().events(), List.of(), Set.of()).intact());
            assertThrows(StoreException.class, () -> store.withdrawals().record(List.of(written.get(0))), "a withdrawal is recorded once");
        }
        assertEquals(2, count(file, "SELECT COUNT(*) FROM sign_off_withdrawal"));
    }
}
