package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Genre;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.clearframe.model.Technique.DE_AGING;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Where signatures stand: missing, approved, declined, and stale once the AI plan changes under them. */
class SignOffStateTest {

    private static final Policy POLICY = Policy.defaultPolicy();
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Flag deage(Shot shot, List<SignOff> signOffs) {
        ProductionData data = production(Genre.FICTION, List.of(shot), signOffs);
        return Evaluator.evaluate(POLICY, data, shot).stream().filter(f -> f.rule().id().equals("DEAGE-PERFORMER")).findFirst().orElseThrow();
    }

    /** Everyone the flag needs approves, at T0, on the shot as it is. */
    private static List<SignOff> signAll(Shot shot, Flag flag) {
        List<SignOff> out = new ArrayList<>();
        for (RequiredSignature s : flag.signatures()) {
            out.add(SignOffs.sign(shot, flag.rule().id(), s, "Signer for " + s.who(), Decision.APPROVED, "", T0));
        }
        return out;
    }

    private static Shot withUse(Shot shot, AiUse use) {
        return shot.withAiUses(List.of(use));
    }

    private static AiUse withOutput(AiUse u, Output output) {
        return new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), output, u.performerIds(), u.departmentIds(), u.uploads(),
                u.vendorTrains(), u.factors(), u.notes());
    }

    private static AiUse withPerformers(AiUse u, List<UUID> performers) {
        return new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), performers, u.departmentIds(), u.uploads(),
                u.vendorTrains(), u.factors(), u.notes());
    }

    @Test
    void allSignaturesApprovedClosesTheFlag() {
        Shot shot = shot(use(DE_AGING).temp().on(ZOE).build());
        Flag before = deage(shot, List.of());
        assertTrue(before.open());
        Flag after = deage(shot, signAll(shot, before));
        assertFalse(after.open());
        assertTrue(after.signatures().stream().allMatch(s -> s.state() == SignatureState.APPROVED));
    }

    @Test
    void aSignOffGoesStaleWhenTheOutputMovesFromTemporaryToFinal() {
        Shot shot = shot(use(DE_AGING).temp().on(ZOE).build());
        List<SignOff> signed = signAll(shot, deage(shot, List.of()));
        Shot finalCut = withUse(shot, withOutput(shot.aiUses().get(0), Output.FINAL));
        Flag flag = deage(finalCut, signed);
        assertTrue(flag.open());
        assertTrue(flag.stale());
        assertTrue(flag.signatures().stream().allMatch(s -> s.state() == SignatureState.STALE));
        assertEquals(ShotStatus.STALE, ShotStatus.of(true, List.of(flag)));
    }

    @Test
    void addingAPerformerMakesExistingSignOffsStaleAndAsksTheNewcomer() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        List<SignOff> signed = signAll(shot, deage(shot, List.of()));
        AiUse use = shot.aiUses().get(0);
        Shot withAda = withUse(shot, withPerformers(use, List.of(ZOE.id(), ADA.id())));
        Flag flag = deage(withAda, signed);
        RequiredSignature zoe = flag.signatures().get(0);
        RequiredSignature ada = flag.signatures().get(1);
        assertEquals(SignatureState.STALE, zoe.state());
        assertEquals(ADA.id(), ada.subjectId());
        assertEquals(SignatureState.MISSING, ada.state());
    }

    @Test
    void aSignOffStaysValidWhenOnlyCameraOrSchedulingDetailsChange() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        List<SignOff> signed = signAll(shot, deage(shot, List.of()));
        Shot reshot = new Shot(shot.id(), shot.sceneId(), "3B", shot.description(), org.clearframe.model.ShotSize.CLOSE_UP, "Low", "Handheld",
                "85mm", 9.0, List.of(UUID.randomUUID()), "new notes", shot.aiUses());
        Flag flag = deage(reshot, signed);
        assertFalse(flag.open());
        assertTrue(flag.signatures().stream().allMatch(s -> s.state() == SignatureState.APPROVED));
        assertFalse(deage(shot.withLens("18mm"), signed).open(), "the lens alone");
    }

    @Test
    void aNewerSignOffSupersedesAnOlderOneWhateverTheListOrder() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        RequiredSignature director = deage(shot, List.of()).signatures().stream().filter(s -> s.role() == Role.DIRECTOR).findFirst().orElseThrow();
        SignOff declined = SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.DECLINED, "Not in this film", T0);
        SignOff approved = SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.APPROVED, "", T0.plusSeconds(3600));
        for (List<SignOff> order : List.of(List.of(declined, approved), List.of(approved, declined))) {
            RequiredSignature now = directorOf(deage(shot, order));
            assertEquals(SignatureState.APPROVED, now.state());
            assertEquals(approved, now.latestOrNull());
        }
        assertEquals(List.of(declined, approved), SignOffs.history(List.of(approved, declined), shot.id(), "DEAGE-PERFORMER", Role.DIRECTOR, null),
                "the history keeps both, oldest first");
    }

    @Test
    void aLaterDeclineShowsDeclined() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        RequiredSignature director = directorOf(deage(shot, List.of()));
        SignOff approved = SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.APPROVED, "", T0);
        SignOff declined = SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.DECLINED, "Changed my mind", T0.plusSeconds(60));
        Flag flag = deage(shot, List.of(approved, declined));
        assertEquals(SignatureState.DECLINED, directorOf(flag).state());
        assertTrue(flag.declined());
        assertEquals(ShotStatus.DECLINED, ShotStatus.of(true, List.of(flag)));
    }

    @Test
    void approvalWithConditionsCountsAsSignedAndNeedsTheConditions() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        RequiredSignature director = directorOf(deage(shot, List.of()));
        SignOff conditional = SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.APPROVED_WITH_CONDITIONS, "Only in the flashback", T0);
        assertEquals(SignatureState.APPROVED_WITH_CONDITIONS, directorOf(deage(shot, List.of(conditional))).state());
        assertThrows(IllegalArgumentException.class,
                () -> SignOffs.sign(shot, "DEAGE-PERFORMER", director, "Kofi", Decision.APPROVED_WITH_CONDITIONS, " ", T0));
    }

    @Test
    void aSignOffCountsOnlyForItsOwnPerformerRuleAndShot() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE, ADA).build());
        Flag flag = deage(shot, List.of());
        RequiredSignature zoe = flag.signatures().get(0);
        SignOff forZoe = SignOffs.sign(shot, "DEAGE-PERFORMER", zoe, "Zoë Niño", Decision.APPROVED, "", T0);
        SignOff otherRule = SignOffs.sign(shot, "PROVENANCE", zoe, "Zoë Niño", Decision.APPROVED, "", T0);
        Flag after = deage(shot, List.of(forZoe, otherRule));
        assertEquals(SignatureState.APPROVED, after.signatures().get(0).state());
        assertEquals(SignatureState.MISSING, after.signatures().get(1).state(), "Ada has not signed");
    }

    @Test
    void theFactoryFillsInTheShotAndItsCurrentFingerprint() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        Flag flag = deage(shot, List.of());
        SignOff s = SignOffs.sign(shot, flag, flag.signatures().get(0), " Zoë Niño ", Decision.APPROVED, "");
        assertEquals(shot.id(), s.shotId());
        assertEquals("DEAGE-PERFORMER", s.ruleId());
        assertEquals(Role.PERFORMER, s.role());
        assertEquals(ZOE.id(), s.subjectId());
        assertEquals("Zoë Niño", s.signer());
        assertEquals(Fingerprint.of(shot), s.fingerprint());
        assertFalse(s.signedAt().isAfter(Instant.now()));
        Shot other = shot(use(DE_AGING).fin().on(ZOE).build());
        assertThrows(IllegalArgumentException.class, () -> SignOffs.sign(other, flag, flag.signatures().get(0), "x", Decision.APPROVED, ""));
    }

    private static RequiredSignature directorOf(Flag flag) {
        return flag.signatures().stream().filter(s -> s.role() == Role.DIRECTOR).findFirst().orElseThrow();
    }
}
