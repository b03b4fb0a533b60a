package org.clearframe.rules;

import org.clearframe.model.Role;
import org.clearframe.model.SentPackage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Where a shared package stands: sent, replied, partly replied, superseded, expired, and which wins when several hold. */
class PackageStatesTest {

    private static final UUID SHOT_A = UUID.randomUUID(), SHOT_B = UUID.randomUUID(), PERFORMER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2027-02-01T10:00:00Z");
    private static final SentPackage.Asked ASK_A = new SentPackage.Asked(SHOT_A, "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "");
    private static final SentPackage.Asked ASK_B = new SentPackage.Asked(SHOT_B, "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "");
    private static final Map<UUID, String> NOW = Map.of(SHOT_A, "fa", SHOT_B, "fb");

    private static SentPackage pkg(String audience, Instant at, SentPackage.Answer... replies) {
        return new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.DEPARTMENT, audience, null, "", at, audience + ".cfshare", "00",
                Map.of(SHOT_A, "fa", SHOT_B, "fb"), List.of(ASK_A, ASK_B), List.of(replies));
    }

    private static SentPackage.Answer answer(SentPackage.Asked... asked) {
        return new SentPackage.Answer(UUID.randomUUID(), "Dana", T0.plusSeconds(60), java.util.Arrays.stream(asked).map(SentPackage.Asked::key).toList());
    }

    private static PackageStates.State state(List<SentPackage> all, SentPackage p, Map<UUID, String> now) {
        return PackageStates.of(all, now).get(p.id()).state();
    }

    @Test
    void sentPartlyRepliedAndReplied() {
        SentPackage sent = pkg("VFX", T0);
        assertEquals(PackageStates.State.SENT, state(List.of(sent), sent, NOW));
        SentPackage partly = pkg("VFX", T0, answer(ASK_A));
        assertEquals(PackageStates.State.PARTLY_REPLIED, state(List.of(partly), partly, NOW));
        assertEquals(1, PackageStates.of(List.of(partly), NOW).get(partly.id()).answered());
        SentPackage both = pkg("VFX", T0, answer(ASK_A), answer(ASK_B));
        assertEquals(PackageStates.State.REPLIED, state(List.of(both), both, NOW), "two replies together answer everything");
        SentPackage foreign = pkg("VFX", T0, new SentPackage.Answer(UUID.randomUUID(), "Dana", T0, List.of(SHOT_A + "/OTHER-RULE/DIRECTOR")));
        assertEquals(PackageStates.State.SENT, state(List.of(foreign), foreign, NOW), "an answer to a question not asked answers nothing");
    }

    @Test
    void aNewerPackageToTheSameAudienceSupersedesAndAChangedPlanExpires() {
        SentPackage old = pkg("VFX", T0), newer = pkg("vfx", T0.plusSeconds(3600)), other = pkg("Art", T0.plusSeconds(7200));
        List<SentPackage> all = List.of(old, newer, other);
        assertEquals(PackageStates.State.SUPERSEDED, state(all, old, NOW));
        assertEquals(PackageStates.State.SENT, state(all, newer, NOW));
        assertEquals(PackageStates.State.SENT, state(all, other, NOW), "another audience does not supersede");
        Map<UUID, String> changed = Map.of(SHOT_A, "fa2", SHOT_B, "fb");
        assertEquals(PackageStates.State.EXPIRED, state(all, newer, changed));
        assertEquals(PackageStates.State.EXPIRED, state(all, newer, Map.of(SHOT_A, "fa")), "a deleted shot expires the package");
        assertEquals(PackageStates.State.SUPERSEDED, state(all, old, changed), "superseded wins over expired");
        SentPackage replied = pkg("Art", T0, answer(ASK_A, ASK_B));
        assertEquals(PackageStates.State.REPLIED, state(List.of(replied, pkg("Art", T0.plusSeconds(5))), replied, changed),
                "a package answered in full stays replied");
    }

    @Test
    void performersAreTheSameAudienceByIdNotByName() {
        SentPackage a = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.PERFORMER, "Zoë Niño", PERFORMER, "", T0, "", "",
                Map.of(), List.of(ASK_A), List.of());
        SentPackage renamed = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.PERFORMER, "Zoe Nino", PERFORMER, "", T0.plusSeconds(1),
                "", "", Map.of(), List.of(ASK_A), List.of());
        SentPackage namesake = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.PERFORMER, "Zoë Niño", UUID.randomUUID(), "",
                T0.plusSeconds(2), "", "", Map.of(), List.of(ASK_A), List.of());
        List<SentPackage> all = List.of(a, renamed, namesake);
        assertEquals(PackageStates.State.SUPERSEDED, state(all, a, NOW));
        assertEquals(PackageStates.State.SENT, state(all, renamed, NOW));
    }
}
