package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Output;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The void warning's arithmetic: which current sign-offs an edit would make stale, and how the question names them. */
class VoidedSignOffsTest {

    private static final AiUse DE_AGING = new AiUse(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), Technique.DE_AGING,
            "Flashback", "AgeShift", Output.TEMPORARY, List.of(Fixture.ZOE.id()), List.of(), Set.of(), Tristate.NO, Set.of(), "");
    private static final Shot SHOT = Fixture.shot(DE_AGING);

    private static SignOff signed(Shot shot, Role role, String who, Decision d, int minute) {
        return new SignOff(UUID.randomUUID(), shot.id(), "R1", role, null, who, d, "", Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * minute),
                Fingerprint.of(shot), "");
    }

    @Test
    void aChangeOfPlanVoidsEveryCurrentSignOffAndNamesThem() {
        List<SignOff> all = List.of(signed(SHOT, Role.DIRECTOR, "Ana Ruiz", Decision.APPROVED, 1),
                signed(SHOT, Role.VFX_SUPERVISOR, "Sam Lee", Decision.APPROVED_WITH_CONDITIONS, 2));
        Shot finalCut = SHOT.withAiUses(List.of(new AiUse(DE_AGING.id(), DE_AGING.technique(), DE_AGING.purpose(), DE_AGING.tool(), Output.FINAL,
                DE_AGING.performerIds(), DE_AGING.departmentIds(), DE_AGING.uploads(), DE_AGING.vendorTrains(), DE_AGING.factors(), "")));
        List<SignOff> voided = VoidedSignOffs.by(SHOT, finalCut, all);
        assertEquals(all, voided);
        assertEquals("This change voids 2 sign-offs: Director (Ana Ruiz), VFX supervisor (Sam Lee)", VoidedSignOffs.warning(voided));
    }

    @Test
    void anEditOutsideTheFingerprintVoidsNothing() {
        List<SignOff> all = List.of(signed(SHOT, Role.DIRECTOR, "Ana Ruiz", Decision.APPROVED, 1));
        Shot lens = SHOT.edit().lens("85mm").angle("Low").notes("camera note").build();
        assertEquals(List.of(), VoidedSignOffs.by(SHOT, lens, all));
        assertEquals("", VoidedSignOffs.warning(List.of()));
    }

    @Test
    void staleAndSupersededSignOffsAreNotCountedAgain() {
        Shot older = SHOT.edit().description("an older plan").build();
        SignOff stale = signed(older, Role.DIRECTOR, "Ana Ruiz", Decision.APPROVED, 1);
        SignOff superseded = signed(SHOT, Role.VFX_SUPERVISOR, "Sam Lee", Decision.DECLINED, 2);
        SignOff newest = signed(SHOT, Role.VFX_SUPERVISOR, "Sam Lee", Decision.APPROVED, 3);
        SignOff otherShot = new SignOff(UUID.randomUUID(), UUID.randomUUID(), "R1", Role.EDITOR, null, "Jo", Decision.APPROVED, "",
                Instant.parse("2026-11-01T10:00:00Z"), Fingerprint.of(SHOT), "");
        List<SignOff> voided = VoidedSignOffs.by(SHOT, SHOT.edit().description("new").build(), List.of(stale, superseded, newest, otherShot));
        assertEquals(List.of(newest), voided);
        assertEquals("This change voids 1 sign-off: VFX supervisor (Sam Lee)", VoidedSignOffs.warning(voided));
    }

    @Test
    void aBulkEditCountsEveryShotOnceAndDeletingNamesWhatStopsCounting() {
        Shot second = Fixture.shot(DE_AGING).edit().description("second").build();
        List<SignOff> all = List.of(signed(SHOT, Role.DIRECTOR, "Ana Ruiz", Decision.APPROVED, 1),
                signed(second, Role.DIRECTOR, "Ana Ruiz", Decision.APPROVED, 2));
        List<SignOff> voided = VoidedSignOffs.by(List.of(SHOT, second),
                List.of(SHOT.edit().description("x").build(), second.edit().lens("35mm").build()), all);
        assertEquals(List.of(all.get(0)), voided, "the second shot's lens is not part of what was signed");
        assertEquals(2, VoidedSignOffs.byDeleting(List.of(SHOT, second), all).size());
        assertTrue(VoidedSignOffs.warning(VoidedSignOffs.byDeleting(List.of(SHOT, second), all)).startsWith("This change voids 2 sign-offs: Director (Ana Ruiz)"));
    }
}
