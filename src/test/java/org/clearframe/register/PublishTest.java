package org.clearframe.register;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Tristate;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.register.Publication;
import org.clearframe.store.register.RegisterPublisher;
import org.clearframe.testkit.KeepsUserConfig;
import org.clearframe.testkit.RegisterProductions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;

import static org.clearframe.register.RegisterAcceptanceTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing sends every row once, then only what changed, and takes away what the file no longer has. */
@ExtendWith(KeepsUserConfig.class)
class PublishTest {

    @TempDir Path dir;
    TestRegister reg;
    String alice;
    ProductionData data;
    Path file;

    @BeforeEach
    void production() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        reg = TestRegister.fresh();
        alice = reg.role("alice", "clearframe_producer");
        data = RegisterProductions.of("Tidewater", LocalDate.now(), "Mara Lind", "CloudGen", Tristate.NO);
        file = RegisterProductions.write(dir.resolve("a.clearframe"), data);
    }

    private int rows(String table) throws Exception {
        try (Connection c = reg.admin(); Statement s = c.createStatement()) {
            return count(s, "SELECT count(*) FROM clearframe." + table + " WHERE production_id = '" + data.production().id() + "'");
        }
    }

    @Test
    void everyFlagArrivesOnceAndOnlyChangesTravelAfterwards() throws Exception {
        Publication p = Publishing.read(file);
        int flags = p.flags().values().stream().mapToInt(java.util.List::size).sum();
        RegisterPublisher.Result first = Publishing.publish(file, reg.url(alice));
        assertTrue(first.newProduction());
        // A rule that flags one use once per uncovered performer gives several flags; each keeps its own row.
        assertEquals(flags, rows("flags"));
        assertEquals(2, rows("shots"));
        assertEquals(2, rows("ai_uses"));
        assertEquals(1, rows("people"));
        assertTrue(Publishing.publish(file, reg.url(alice)).changedNothing());

        Shot shot = data.shots().get(0), changed = shot.edit().description("The crane falls, slower").build();
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(changed);
        }
        RegisterPublisher.Result edited = Publishing.publish(file, reg.url(alice));
        assertEquals(0, edited.rowsRemoved());
        // The shot and the production's table digests; and, when the edit changed the shot's AI fingerprint, its flags (they carry it).
        boolean newFingerprint = !org.clearframe.rules.Fingerprint.of(shot).equals(org.clearframe.rules.Fingerprint.of(changed));
        assertEquals(2 + (newFingerprint ? p.flags().get(shot.id()).size() : 0), edited.rowsWritten());

        try (ProductionStore store = ProductionStore.open(file)) {
            store.deleteShot(data.shots().get(1).id());
        }
        RegisterPublisher.Result deleted = Publishing.publish(file, reg.url(alice));
        assertTrue(deleted.rowsRemoved() >= 2, String.valueOf(deleted));
        assertEquals(1, rows("shots"));
        assertEquals(1, rows("ai_uses"));
        assertEquals(0, rows("flags") - Publishing.read(file).flags().values().stream().mapToInt(java.util.List::size).sum());
    }
}
