package org.clearframe.ui;

import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.Fingerprint;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/**
 * An open production holds each value many shots repeat once (the file gives every row its own copy): the shots are
 * still exactly what the file holds, field for field, fingerprints included.
 */
class SessionSharedValuesTest {

    @TempDir Path dir;

    @Test
    void repeatedValuesAreHeldOnceAndTheShotsAreWhatTheFileHolds() throws Exception {
        ProductionBuilder b = ProductionBuilder.titled("Harbour");
        b.scene("1", IntExt.EXT, "QUAY", "DAWN");
        Scene quay = b.lastScene();
        for (int i = 1; i <= 3; i++) {
            b.shot(Integer.toString(i), "Boat " + i, use(Technique.GENERATIVE_VFX).fin().purpose("Sky replacement").tool("Skyline")
                    .department("VFX")).inDepartments("VFX", "Camera").with(s -> s.lens("35mm").notes(""));
        }
        Path file = b.write(dir.resolve("harbour.clearframe"));

        try (Session session = Session.open(file)) {
            List<Shot> shots = session.shots();
            Shot first = shots.get(0), second = shots.get(1), third = shots.get(2);
            assertEquals(quay.id(), first.sceneId());
            assertSame(session.scenes().get(0).id(), first.sceneId(), "the scene's own id");
            assertSame(first.sceneId(), third.sceneId());
            assertSame(first.lens(), second.lens());
            assertSame(first.notes(), third.notes());
            assertSame(first.departmentIds(), second.departmentIds(), "the same departments: one list");
            assertSame(session.departments().stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow().id(),
                    first.departmentIds().get(0));
            assertSame(first.aiUses().get(0).purpose(), third.aiUses().get(0).purpose());
            assertSame(first.aiUses().get(0).departmentIds(), second.aiUses().get(0).departmentIds());
            assertNotSame(first.aiUses().get(0).id(), second.aiUses().get(0).id());

            // equal, field for field, to the file read again; so their fingerprints (what sign-offs are bound to) too
            List<Shot> read = session.readBack().data().shots();
            assertEquals(read, List.copyOf(shots));
            for (int i = 0; i < read.size(); i++) assertEquals(Fingerprint.of(read.get(i)), Fingerprint.of(shots.get(i)));
            assertEquals("Boat 2", second.description());
        }
    }
}
