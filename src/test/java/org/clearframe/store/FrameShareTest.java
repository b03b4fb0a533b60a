package org.clearframe.store;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The optional AI share of the frame (V7): stored, exported, range-checked, and never part of what people sign. */
class FrameShareTest {

    @TempDir Path dir;

    static ProductionData production(Integer share) {
        Scene scene = new Scene(UUID.randomUUID(), "1", IntExt.EXT, "Quay", "DAY", "", 8, "", List.of(), false);
        Shot shot = new Shot(UUID.randomUUID(), scene.id(), "1", "Boats", ShotSize.WIDE, "", "", "", 3, List.of(), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Sky", "VendorX", Output.FINAL, List.of(), List.of(),
                        Set.of(), Tristate.NO, Set.of(), "", share)));
        return new ProductionData(Production.titled("Quay"), Department.defaults(), List.of(), List.of(scene), List.of(shot), List.of(), "");
    }

    static Integer shareIn(Path file) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load().shots().get(0).aiUses().get(0).frameSharePercent();
        }
    }

    @Test
    void theShareIsStoredExportedAndImported() throws Exception {
        Path file = dir.resolve("quay.clearframe");
        ProductionStore.createFrom(file, production(35));
        assertEquals(35, shareIn(file));
        Path json = dir.resolve("quay.json");
        ProjectJson.export(file, json);
        assertTrue(Files.readString(json).contains("\"frameSharePercent\" : 35") || Files.readString(json).contains("\"frameSharePercent\":35"));
        Path copy = dir.resolve("copy.clearframe");
        ProjectJson.importTo(json, copy);
        assertEquals(35, shareIn(copy));

        Files.writeString(json, Files.readString(json).replaceAll("\"frameSharePercent\"\\s*:\\s*35", "\"frameSharePercent\" : 150"));
        assertThrows(ExchangeException.class, () -> ProjectJson.importTo(json, dir.resolve("bad.clearframe")));
        assertFalse(Files.exists(dir.resolve("bad.clearframe")));
    }

    @Test
    void notRecordedIsNullAndOlderFilesOpenWithout() throws Exception {
        Path file = dir.resolve("none.clearframe");
        ProductionStore.createFrom(file, production(null));
        assertNull(shareIn(file));
        Path sample = dir.resolve("sample.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        try (ProductionStore store = ProductionStore.openReadOnly(sample)) {
            assertTrue(store.load().shots().stream().flatMap(s -> s.aiUses().stream()).allMatch(u -> u.frameSharePercent() == null));
        }
    }

    @Test
    void theFileRefusesAShareOutOfRange() throws Exception {
        Path file = dir.resolve("quay.clearframe");
        ProductionStore.createFrom(file, production(10));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("UPDATE ai_use SET frame_share_percent = 101"));
        }
        assertThrows(IllegalArgumentException.class, () -> production(-1));
    }

    @Test
    void theShareIsNotPartOfTheSignedFingerprint() {
        Shot shot = production(null).shots().get(0);
        Shot withShare = shot.withAiUses(List.of(shot.aiUses().get(0).withFrameShare(80)));
        assertEquals(Fingerprint.of(shot), Fingerprint.of(withShare), "recording the share must not make sign-offs stale");
    }
}
