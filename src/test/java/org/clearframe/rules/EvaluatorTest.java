package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.model.Factor.*;
import static org.clearframe.model.Material.*;
import static org.clearframe.model.Technique.*;
import static org.clearframe.model.Tristate.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

class EvaluatorTest {

    private static final Policy POLICY = Policy.defaultPolicy();

    private static Flag only(List<Flag> flags, String ruleId) {
        List<Flag> matching = flags.stream().filter(f -> f.rule().id().equals(ruleId)).toList();
        assertEquals(1, matching.size(), ruleId + " in " + flags.stream().map(f -> f.rule().id()).toList());
        return matching.get(0);
    }

    private static List<Flag> evaluate(Genre genre, AiUse... uses) {
        Shot shot = shot(uses);
        return Evaluator.evaluate(POLICY, production(genre, shot), shot);
    }

    @Test
    void theReasonSaysWhatIsPlannedOnWhom() {
        List<Flag> flags = evaluate(Genre.FICTION, use(DE_AGING).fin().on(ZOE).build());
        assertEquals("De-aging of Zoë Niño (Elena) in the final cut", only(flags, "DEAGE-PERFORMER").reason());
        assertEquals("De-aging of Zoë Niño (Elena) in the final cut", only(flags, "PROVENANCE").reason());
    }

    @Test
    void theReasonNamesTheFactsTheRuleTurnedOn() {
        List<Flag> flags = evaluate(Genre.DOCUMENTARY,
                use(DIGITAL_REPLICA).fin().on(ZOE, REX).with(COULD_PASS_AS_REAL).uploads(LIKENESS_OR_VOICE).vendorTrains(UNKNOWN).tool("FaceForge").build());
        assertEquals("Digital replica of Zoë Niño (Elena) and Rex Dunmore (Old Tom) in the final cut: made without the performer taking part",
                only(flags, "REPLICA-INDEPENDENT").reason());
        assertEquals("Digital replica of Zoë Niño (Elena) and Rex Dunmore (Old Tom) in the final cut: Rex Dunmore (Old Tom) is deceased",
                only(flags, "REPLICA-DECEASED").reason());
        assertTrue(only(flags, "UPLOAD-LIKENESS").reason().endsWith(": uploads a performer's likeness or voice to FaceForge"));
        assertTrue(only(flags, "VENDOR-TRAINS").reason().endsWith("nobody has confirmed that FaceForge does not train on what is uploaded"));
        assertTrue(only(flags, "MISLEADING-REAL").reason().endsWith("could be taken as real footage of real people or events; in a documentary or factual work"));
    }

    @Test
    void personRolesSignOncePerPerformerAndOtherRolesOnce() {
        Flag flag = only(evaluate(Genre.FICTION, use(DE_AGING).fin().on(ZOE, ADA).build()), "DEAGE-PERFORMER");
        List<RequiredSignature> s = flag.signatures();
        assertEquals(List.of(Role.PERFORMER, Role.PERFORMER, Role.DIRECTOR, Role.VFX_SUPERVISOR, Role.STUDIO_LEGAL, Role.STUDIO_AI_CONTACT),
                s.stream().map(RequiredSignature::role).toList());
        assertEquals(ZOE.id(), s.get(0).subjectId());
        assertEquals("Zoë Niño", s.get(0).subjectName());
        assertEquals(ADA.id(), s.get(1).subjectId());
        assertNull(s.get(2).subjectId(), "the director signs for the production, not for a person");
        assertEquals("Affected performer: Zoë Niño", s.get(0).who());
    }

    @Test
    void theEstateSignsForADeceasedPerformer() {
        List<Flag> flags = evaluate(Genre.FICTION, use(DE_AGING).fin().on(ZOE, REX).build());
        List<RequiredSignature> deage = only(flags, "DEAGE-PERFORMER").signatures();
        assertEquals(Role.PERFORMER, deage.get(0).role());
        assertEquals(Role.RIGHTS_HOLDER, deage.get(1).role());
        assertEquals(REX.id(), deage.get(1).subjectId());
        List<RequiredSignature> deceased = only(flags, "REPLICA-DECEASED").signatures();
        assertEquals(List.of(Role.RIGHTS_HOLDER, Role.STUDIO_AI_CONTACT, Role.STUDIO_LEGAL), deceased.stream().map(RequiredSignature::role).toList());
        assertEquals(REX.id(), deceased.get(0).subjectId(), "only the deceased performer's estate, not Zoë's");
    }

    @Test
    void aPersonRoleWithNobodyNamedAsksForOneUnnamedSignature() {
        Flag flag = only(evaluate(Genre.FICTION, use(PERFORMANCE_ALTERATION).fin().build()), "PERSON-UNNAMED");
        RequiredSignature performer = flag.signatures().get(0);
        assertEquals(Role.PERFORMER, performer.role());
        assertNull(performer.subjectId());
        assertEquals("Affected performer", performer.who());
    }

    @Test
    void aPerformerNoLongerInTheCastStillNeedsTheirSignature() {
        UUID gone = UUID.randomUUID();
        AiUse use = new AiUse(UUID.randomUUID(), VOICE_SYNTHESIS, "", "", org.clearframe.model.Output.FINAL, List.of(gone), List.of(),
                java.util.Set.of(), NO, java.util.Set.of(), "");
        RequiredSignature s = only(evaluate(Genre.FICTION, use), "VOICE-CLONE").signatures().get(0);
        assertEquals(gone, s.subjectId());
        assertEquals(Role.PERFORMER, s.role());
    }

    @Test
    void flagsComeInAiUseOrderThenPolicyOrder() {
        AiUse first = use(SET_CONCEPT).fin().build();
        AiUse second = use(GENERATIVE_VFX).fin().build();
        List<Flag> flags = evaluate(Genre.FICTION, first, second);
        assertEquals(List.of("SET-CONCEPT-FINAL", "PROVENANCE", "VFX-GEN-FINAL", "PROVENANCE"), flags.stream().map(f -> f.rule().id()).toList());
        assertSame(first, flags.get(1).aiUse());
        assertSame(second, flags.get(3).aiUse());
    }

    @Test
    void aShotWithoutAiUseHasNoFlags() {
        Shot plain = shot();
        assertEquals(List.of(), Evaluator.evaluate(POLICY, production(Genre.FICTION, plain), plain));
    }

    @Test
    void evaluateAllCoversEveryShotInOrderAndAgreesWithSingleShotEvaluation() {
        // Built here rather than with the benchmark's generator, so rule tests depend on the model alone.
        org.clearframe.model.Technique[] techniques = org.clearframe.model.Technique.values();
        org.clearframe.model.Factor[] factors = org.clearframe.model.Factor.values();
        List<Shot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (i % 3 == 0) {
                shots.add(shot());
                continue;
            }
            ProductionBuilder.Use u = use(techniques[i % techniques.length]).with(factors[i % factors.length]);
            if (i % 2 == 0) u.fin();
            if (i % 5 == 0) u.on(ZOE);
            if (i % 7 == 0) u.on(REX).uploads(LIKENESS_OR_VOICE).vendorTrains(UNKNOWN);
            shots.add(shot(u.build()));
        }
        ProductionData data = production(Genre.DOCUMENTARY, shots, List.of());
        Map<UUID, List<Flag>> all = Evaluator.evaluateAll(POLICY, data);
        assertEquals(data.shots().stream().map(Shot::id).toList(), List.copyOf(all.keySet()));
        for (Shot shot : data.shots()) assertEquals(Evaluator.evaluate(POLICY, data, shot), all.get(shot.id()));
        assertEquals(all, Evaluator.evaluateAll(POLICY, data), "same input, same flags");
        assertTrue(all.values().stream().mapToLong(List::size).sum() > 50, "the synthetic production raises flags");
    }

    @Test
    void evaluateAllKeepsAReasonManyShotsGiveOnce() {
        Shot one = shot(use(DE_AGING).fin().on(ZOE).build()), two = shot(use(DE_AGING).fin().on(ZOE).build());
        Map<UUID, List<Flag>> all = Evaluator.evaluateAll(POLICY, production(Genre.FICTION, List.of(one, two), List.of()));
        Flag first = only(all.get(one.id()), "DEAGE-PERFORMER"), second = only(all.get(two.id()), "DEAGE-PERFORMER");
        assertEquals("De-aging of Zoë Niño (Elena) in the final cut", second.reason());
        assertSame(first.reason(), second.reason(), "one copy of the same words for both shots");
        assertNotSame(first.reason(), only(Evaluator.evaluate(POLICY, production(Genre.FICTION, List.of(one, two), List.of()), two),
                "DEAGE-PERFORMER").reason(), "one shot on its own makes its own");
    }
}
