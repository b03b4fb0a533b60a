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
        CastMember zara = CastMember.of("Zara Quinn", "Hale", Tristate.YES);
        Scene scene = new Scene(UUID.randomUUID(), "1", IntExt.INT, "Pier", "DAY", "", 8, "", List.of(), false);
        Shot shot = new Shot(UUID.randomUUID(), scene.id(), "1", "Pier", ShotSize.WIDE, "", "", "", 2, List.of(), "", List.of());
        UUID gone = UUID.randomUUID();
        SignOff person = new SignOff(UUID.randomUUID(), shot.id(), "DEAGE-PERFORMER", Role.PERFORMER, zara.id(), "Zara Quinn",
                Decision.APPROVED, "", Instant.parse("2026-01-01T10:00:00Z"), "fp", "Zara Quinn");
        SignOff vanished = new SignOff(UUID.randomUUID(), shot.id(), "DEAGE-PERFORMER", Role.PERFORMER, gone, "Someone",
                Decision.APPROVED, "", Instant.parse("2026-01-01T10:00:00Z"), "fp", "Someone");
        SignOff head = new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Dana",
                Decision.APPROVED, "", Instant.parse("2026-01-01T10:00:00Z"), "fp");
        Path file = dir.resolve("old.clearframe");
        ProductionStore.createFrom(file, new ProductionData(Production.titled("Old"), Department.defaults(), List.of(zara), List.of(scene),
                List.of(shot), List.of(person, head), ""));
        // Make it what 0.1.0 wrote: no subject_name column, schema version 2 (and a sign-off whose performer left the cast).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("ALTER TABLE sign_off DROP COLUMN subject_name");
            s.execute("INSERT INTO sign_off (id, shot_id, rule_id, role, subject_id, signer, decision, note, signed_at, fingerprint) VALUES ('"
                    + vanished.id() + "', '" + shot.id() + "', 'DEAGE-PERFORMER', 'PERFORMER', '" + gone + "', 'Someone', 'APPROVED', '', "
                    + "'2026-01-01T10:00:00Z', 'fp')");
            s.execute("PRAGMA user_version = 2");
        }
        List<SignOff> loaded;
        try (ProductionStore store = ProductionStore.open(file)) {
            loaded = store.load().signOffs();
        }
        assertEquals("Zara Quinn", loaded.stream().filter(s -> s.id().equals(person.id())).findFirst().orElseThrow().subjectName());
        assertEquals("", loaded.stream().filter(s -> s.id().equals(head.id())).findFirst().orElseThrow().subjectName());
        assertEquals("", loaded.stream().filter(s -> s.id().equals(vanished.id())).findFirst().orElseThrow().subjectName(),
                "a performer no longer in the cast is bound to no name, so the sign-off shows as stale");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             var r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(Migrations.LATEST, r.getInt(1));
            assertTrue(Migrations.LATEST >= 3);
        }
    }
}
