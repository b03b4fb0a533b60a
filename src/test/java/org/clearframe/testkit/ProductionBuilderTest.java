package org.clearframe.testkit;

import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Fingerprint;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/** The test production builder writes what it was told, through the real store, and its sign-offs are in the state asked for. */
class ProductionBuilderTest {

    @TempDir Path dir;
    final CastMember zoe = new CastMember(UUID.randomUUID(), "Zoë Niño", "Elena", Tristate.YES, false);

    private ProductionBuilder harbour() {
        return ProductionBuilder.titled("The Harbour")
                .cast(zoe)
                .scene("12A", IntExt.EXT, "HARBOUR", "NIGHT", zoe)
                .shot("1", "Elena at twenty", use(Technique.DE_AGING).fin().on(zoe).department("VFX"))
                .with(s -> s.size(ShotSize.CLOSE_UP).lens("85mm"))
                .inDepartments("VFX", "Camera")
                .signOff("DEAGE-PERFORMER", Role.VFX_SUPERVISOR, "Kofi Mensah", Decision.APPROVED)
                .staleSignOff("DEAGE-PERFORMER", Role.DIRECTOR, "Ada Brennan", Decision.APPROVED)
                .shot("2", "The storm", use(Technique.SET_CONCEPT).purpose("Storm sky").tool("SkyGen"));
    }

    @Test
    void writesARealFileThatReadsBackAsBuilt() throws Exception {
        ProductionBuilder b = harbour();
        ProductionData built = b.data();
        Path file = b.write(dir.resolve("harbour.clearframe"));
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData read = SignedRecord.load(store).data();
            assertEquals(built.production(), read.production());
            assertEquals(built.departments(), read.departments());
            assertEquals(built.cast(), read.cast());
            assertEquals(built.scenes(), read.scenes());
            assertEquals(built.shots(), read.shots());
            assertEquals(built.signOffs().size(), read.signOffs().size(), "attested sign-offs count when read");
        }
        Shot first = built.shots().get(0);
        assertEquals(ShotSize.CLOSE_UP, first.size());
        assertEquals(List.of(b.department("VFX").id(), b.department("Camera").id()), first.departmentIds());
        assertEquals(List.of(b.department("VFX").id()), first.aiUses().get(0).departmentIds());
        assertEquals(Output.FINAL, first.aiUses().get(0).output());
        assertEquals(built.scenes().get(0).id(), built.shots().get(1).sceneId(), "shots go into the scene added last");
    }

    @Test
    void aCurrentSignOffMatchesTheShotAsFinallyBuiltAndAStaleOneDoesNot() {
        ProductionData data = harbour().data();
        Shot shot = data.shots().get(0);
        SignOff current = data.signOffs().get(0), stale = data.signOffs().get(1);
        assertEquals(Fingerprint.of(shot), current.fingerprint(), "edited after the sign-off was added, and still current");
        assertNotEquals(Fingerprint.of(shot), stale.fingerprint());
    }

    @Test
    void unprovenSignOffsAreInTheFileButDoNotCount() throws Exception {
        Path file = harbour().unproven().write(dir.resolve("bare.clearframe"));
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            SignedRecord record = SignedRecord.load(store);
            assertTrue(record.data().signOffs().isEmpty());
            assertEquals(2, record.ignored().size());
        }
    }

    @Test
    void refusesToOverwriteAFile() throws Exception {
        Path file = harbour().write(dir.resolve("once.clearframe"));
        assertThrows(Exception.class, () -> harbour().write(file));
    }
}
