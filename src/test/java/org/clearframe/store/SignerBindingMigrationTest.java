package org.clearframe.store;

import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** V3: a schema-2 file's person sign-offs are bound to the cast row's name at the upgrade; others get no name. */
class SignerBindingMigrationTest {

    @TempDir Path dir;

    @Test
    void aVersion2FileBindsPersonSignOffsToTheCurrentCastName() throws Exception {
        UUID zara = UUID.randomUUID(), gone = UUID.randomUUID(), scene = UUID.randomUUID(), shot = UUID.randomUUID();
        UUID person = UUID.randomUUID(), vanished = UUID.randomUUID(), head = UUID.randomUUID();
        Path file = dir.resolve("old.clearframe");
        // What 0.1.0 wrote: schema version 2, no subject_name column, and a sign-off whose performer left the cast.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 2);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + UUID.randomUUID() + "', 'Old', 'FEATURE', 'FICTION')");
            s.execute("INSERT INTO cast_member (id, position, performer, character) VALUES ('" + zara + "', 0, 'Zara Quinn', 'Hale')");
            s.execute("INSERT INTO scene (id, position, number, int_ext) VALUES ('" + scene + "', 0, '1', 'INT')");
            s.execute("INSERT INTO shot (id, scene_id, position, number) VALUES ('" + shot + "', '" + scene + "', 0, '1')");
            signOff(s, person, shot, "PERFORMER", zara, "Zara Quinn");
            signOff(s, vanished, shot, "PERFORMER", gone, "Someone");
            signOff(s, head, shot, "VFX_SUPERVISOR", null, "Dana");
        }
        List<SignOff> loaded;
        try (ProductionStore store = ProductionStore.open(file)) {
            loaded = store.load().signOffs();
        }
        assertEquals("Zara Quinn", loaded.stream().filter(s -> s.id().equals(person)).findFirst().orElseThrow().subjectName());
        assertEquals("", loaded.stream().filter(s -> s.id().equals(head)).findFirst().orElseThrow().subjectName());
        assertEquals("", loaded.stream().filter(s -> s.id().equals(vanished)).findFirst().orElseThrow().subjectName(),
                "a performer no longer in the cast is bound to no name, so the sign-off shows as stale");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             var r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(Migrations.LATEST, r.getInt(1));
            assertTrue(Migrations.LATEST >= 3);
        }
    }

    private static void signOff(Statement s, UUID id, UUID shot, String role, UUID subject, String signer) throws Exception {
        s.execute("INSERT INTO sign_off (id, shot_id, rule_id, role, subject_id, signer, decision, signed_at, fingerprint) VALUES ('"
                + id + "', '" + shot + "', 'DEAGE-PERFORMER', '" + role + "', " + (subject == null ? "NULL" : "'" + subject + "'") + ", '"
                + signer + "', 'APPROVED', '2026-01-01T10:00:00Z', 'fp')");
    }
}
