package org.clearframe.store;

import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The sign-off history only grows: the store never rewrites it, and the file's own triggers refuse anyone who tries. */
class SignOffHistoryTest {

    @TempDir Path dir;

    private static SignOff signOff(UUID shot, String signer) {
        return new SignOff(UUID.randomUUID(), shot, "R", Role.VFX_SUPERVISOR, null, signer, Decision.APPROVED, "",
                Instant.parse("2026-11-01T10:00:00Z"), "f");
    }

    private static int rows(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.getInt(1);
        }
    }

    @Test
    void theFileItselfRefusesToChangeOrDeleteASignOff() throws Exception {
        Path file = dir.resolve("guarded.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Guarded"))) {
            Scene scene = Scene.numbered("1", IntExt.INT, "Room", "DAY");
            store.saveScene(scene);
            Shot shot = Shot.numbered(scene.id(), "1", "");
            store.saveShot(shot);
            store.addSignOff(signOff(shot.id(), "Sam"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE sign_off SET decision = 'DECLINED'"));
            assertTrue(update.getMessage().contains("a recorded sign-off cannot be changed"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM sign_off"));
            assertTrue(delete.getMessage().contains("a recorded sign-off cannot be deleted"), delete.getMessage());
        }
        assertEquals(1, rows(file, "SELECT COUNT(*) FROM sign_off WHERE decision = 'APPROVED'"));
    }

    @Test
    void deletingAShotOrSceneKeepsItsSignOffsAndUndoAppliesThemAgain() throws Exception {
        Path file = dir.resolve("undo.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Undo"))) {
            Scene scene = Scene.numbered("1", IntExt.INT, "Room", "DAY");
            store.saveScene(scene);
            Shot a = Shot.numbered(scene.id(), "1", "a"), b = Shot.numbered(scene.id(), "2", "b");
            store.insertShots(List.of(a, b));
            SignOff onA = signOff(a.id(), "Sam"), onB = signOff(b.id(), "Kim");
            store.addSignOffs(List.of(onA, onB));

            store.deleteShot(a.id());
            assertEquals(List.of(onB), store.load().signOffs(), "a deleted shot's sign-offs are not evaluated");
            store.restoreShot(a, 0, List.of(onA));
            assertEquals(List.of(onA, onB), store.load().signOffs(), "undo re-attaches them, once");

            store.deleteScene(scene.id());
            assertTrue(store.load().signOffs().isEmpty());
            store.restoreScene(scene, 0, List.of(a, b), List.of(onA, onB));
            assertEquals(List.of(onA, onB), store.load().signOffs());
        }
        assertEquals(2, rows(file, "SELECT COUNT(*) FROM sign_off"), "no row was deleted or duplicated on the way");
    }

    @Test
    void aVersionTwoFileLosesTheCascadeButNoSignOffOnUpgrade() throws Exception {
        Path file = dir.resolve("v2.clearframe");
        UUID shot = UUID.randomUUID(), scene = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 2);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + UUID.randomUUID() + "', 'Two', 'FEATURE', 'FICTION')");
            s.execute("INSERT INTO scene (id, position, number, int_ext) VALUES ('" + scene + "', 0, '1', 'INT')");
            s.execute("INSERT INTO shot (id, scene_id, position, number) VALUES ('" + shot + "', '" + scene + "', 0, '1')");
            s.execute("INSERT INTO sign_off (id, shot_id, rule_id, role, decision, signed_at) VALUES ('" + UUID.randomUUID() + "', '"
                    + shot + "', 'R', 'VFX_SUPERVISOR', 'APPROVED', '2026-01-01T00:00:00Z')");
        }
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(1, store.load().signOffs().size());
            store.deleteShot(shot);
        }
        assertEquals(1, rows(file, "SELECT COUNT(*) FROM sign_off"));
        assertEquals(1, rows(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sign_off_by_shot'"), "its index came along");
    }
}
