package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

class FingerprintTest {

    private static final AiUse USE = new AiUse(UUID.fromString("00000000-0000-0000-0000-0000000000f1"), Technique.DE_AGING, "Flashback",
            "AgeShift", Output.FINAL, List.of(ZOE.id(), ADA.id()), List.of(UUID.fromString("00000000-0000-0000-0000-0000000000d1")),
            Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO, Set.of(Factor.PERFORMER_TOOK_PART), "Consent on file");
    private static final Shot SHOT = new Shot(UUID.fromString("00000000-0000-0000-0000-0000000000e1"), SCENE.id(), "3", "Elena at twenty",
            ShotSize.MEDIUM, "Eye level", "Static", "35mm", 4, List.of(), "", List.of(USE));

    private static AiUse change(UnaryOperator<AiUse> f) {
        return f.apply(USE);
    }

    @Test
    void isSha256InHex() {
        assertTrue(Fingerprint.of(SHOT).matches("[0-9a-f]{64}"));
        assertEquals(Fingerprint.of(SHOT), Fingerprint.of(SHOT));
    }

    @Test
    void cameraAndSchedulingDetailsDoNotCount() {
        Shot other = new Shot(SHOT.id(), UUID.randomUUID(), "3A", SHOT.description(), ShotSize.CLOSE_UP, "High", "Crane", "85mm", 12,
                List.of(UUID.randomUUID()), "moved to day 4", SHOT.aiUses());
        assertEquals(Fingerprint.of(SHOT), Fingerprint.of(other));
    }

    @Test
    void orderThatMeansNothingDoesNotCount() {
        AiUse second = use(Technique.SET_CONCEPT).build();
        AiUse reordered = new AiUse(USE.id(), USE.technique(), USE.purpose(), USE.tool(), USE.output(), List.of(ADA.id(), ZOE.id()),
                USE.departmentIds(), USE.uploads(), USE.vendorTrains(), USE.factors(), USE.notes());
        assertEquals(Fingerprint.of(SHOT.withAiUses(List.of(USE, second))), Fingerprint.of(SHOT.withAiUses(List.of(second, reordered))));
    }

    @Test
    void everyAiRelevantFieldCounts() {
        List<Shot> variants = List.of(
                new Shot(UUID.randomUUID(), SHOT.sceneId(), "3", SHOT.description(), null, "", "", "", 0, List.of(), "", SHOT.aiUses()),
                new Shot(SHOT.id(), SHOT.sceneId(), "3", "Elena at thirty", null, "", "", "", 0, List.of(), "", SHOT.aiUses()),
                SHOT.withAiUses(List.of()),
                SHOT.withAiUses(List.of(USE, use(Technique.OTHER).build())),
                SHOT.withAiUses(List.of(change(u -> new AiUse(UUID.randomUUID(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), Technique.FACE_BODY_REPLACEMENT, u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), "Dream", u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), "OtherTool", u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), Output.TEMPORARY, u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), List.of(ZOE.id()), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), List.of(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), Set.of(), u.vendorTrains(), u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), Tristate.YES, u.factors(), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), Set.of(Factor.PERFORMER_TOOK_PART, Factor.KEY_CREATIVE), u.notes())))),
                SHOT.withAiUses(List.of(change(u -> new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(), u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), "Consent withdrawn")))));
        String original = Fingerprint.of(SHOT);
        for (int i = 0; i < variants.size(); i++) assertNotEquals(original, Fingerprint.of(variants.get(i)), "variant " + i);
    }

    @Test
    void valuesCannotRunIntoEachOther() {
        Shot a = SHOT.withAiUses(List.of(new AiUse(USE.id(), USE.technique(), "ab", "c", USE.output(), List.of(), List.of(), Set.of(), Tristate.NO, Set.of(), "")));
        Shot b = SHOT.withAiUses(List.of(new AiUse(USE.id(), USE.technique(), "a", "bc", USE.output(), List.of(), List.of(), Set.of(), Tristate.NO, Set.of(), "")));
        assertNotEquals(Fingerprint.of(a), Fingerprint.of(b));
    }
}
