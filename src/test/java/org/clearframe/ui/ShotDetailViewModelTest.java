package org.clearframe.ui;

import org.clearframe.model.ReferenceImage;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Output;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.Flag;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The selected shot's pane: its heading, flags, consent lines and edits, on a real production file, without a window. */
class ShotDetailViewModelTest {

    @TempDir Path dir;

    @Test
    void anAiUseAddedHereIsInTheFileAndItsFlagsAreCountedOpen() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("uses.clearframe"))) {
            Scene scene = p.scene("12", "LIGHTHOUSE GALLERY");
            Shot shot = p.shot(scene, "3", "Lantern room");
            ShotDetailViewModel model = new ShotDetailViewModel(p.session, new ScriptedDialogs());
            assertEquals("Shot 12/3  ·  INT. LIGHTHOUSE GALLERY - NIGHT", model.heading(shot), "the scene number leads, not repeated in the heading");
            assertEquals("", model.flagSummary(shot));
            assertEquals("Nothing to sign: no AI use planned.", model.noFlags(shot));

            AiUse use = AiUse.of(Technique.GENERATIVE_VFX, "Lantern shatters", "SimVendor", Output.FINAL);
            assertTrue(model.addUse(shot, use));
            Shot now = p.current(shot);
            List<Flag> flags = model.flags(now);
            assertFalse(flags.isEmpty());
            assertEquals(flags.size() + " of " + flags.size() + " open", model.flagSummary(now));
            assertEquals(List.of(use.id()), p.onDisk().shots().get(0).aiUses().stream().map(AiUse::id).toList());

            assertTrue(model.replaceUse(now, use.withPurpose("Lantern glass bursts")));
            assertEquals("Lantern glass bursts", p.onDisk().shots().get(0).aiUses().get(0).purpose());
            assertTrue(model.removeUse(p.current(shot), use.id()));
            assertTrue(p.onDisk().shots().get(0).aiUses().isEmpty());
            assertEquals("", model.flagSummary(p.current(shot)));
        }
    }

    @Test
    void aDigitalDoubleWithoutConsentIsShownAsNotCovered() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("consent.clearframe"))) {
            CastMember ada = p.castMember("Ada Byrne", "MARTA");
            Shot shot = p.withDigitalDouble(p.shot(p.scene("1", "CANNERY"), "1", "The fall"), ada);
            ShotDetailViewModel model = new ShotDetailViewModel(p.session, new ScriptedDialogs());
            List<ShotDetailViewModel.ConsentLine> lines = model.consent(shot);
            assertFalse(lines.isEmpty());
            assertTrue(lines.stream().noneMatch(ShotDetailViewModel.ConsentLine::covered));
            assertTrue(lines.get(0).text().contains("not covered"), lines.get(0).text());
        }
    }

    @Test
    void theReferenceImageIsKeptInTheFileAndRemovedFromIt() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("image.clearframe"))) {
            Shot shot = p.shot(p.scene("1", "CANNERY"), "1", "Wide");
            ShotDetailViewModel model = new ShotDetailViewModel(p.session, new ScriptedDialogs());
            byte[] png = java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            assertTrue(model.setReferenceImage(shot.id(), new ReferenceImage("image/png", png)));
            try (ProductionStore reader = ProductionStore.openReadOnly(p.file)) {
                assertArrayEquals(png, reader.referenceImage(shot.id()).orElseThrow().bytes());
            }
            assertArrayEquals(png, model.referenceImage(shot.id()).orElseThrow().bytes());
            assertTrue(model.setReferenceImage(shot.id(), null));
            assertTrue(model.referenceImage(shot.id()).isEmpty());
        }
    }
}
