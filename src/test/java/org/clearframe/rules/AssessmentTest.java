package org.clearframe.rules;

import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.rules.Fixture.ZOE;
import static org.clearframe.rules.Fixture.production;
import static org.clearframe.rules.Fixture.shot;
import static org.clearframe.rules.Fixture.use;
import static org.junit.jupiter.api.Assertions.*;

/** The one assessment: the policy in force, every shot's flags and the counts, failing closed on an unreadable policy. */
class AssessmentTest {

    private static ProductionData withPolicy(ProductionData d, String json) {
        return new ProductionData(d.production(), d.departments(), d.cast(), d.scenes(), d.shots(), d.signOffs(), json);
    }

    private static ProductionData sample() {
        Shot deage = shot(use(Technique.DE_AGING).on(ZOE).build());
        Shot sky = shot(use(Technique.SET_CONCEPT).build());
        Shot plain = shot();
        return production(Genre.FICTION, deage, sky, plain);
    }

    @Test
    void itCountsAsTheAppsLiveIndexCounts() {
        ProductionData data = sample();
        Assessment a = Assessment.of(data);
        Policies.InForce inForce = Policies.choose(data);
        assertEquals(inForce, a.inForce());
        assertFalse(a.policyStored());
        assertEquals(Evaluator.evaluateAll(inForce.policy(), data), a.flagsByShot());
        FlagIndex index = new FlagIndex(inForce.policy(), data);
        assertEquals(index.summary(), a.summary());
        assertTrue(a.summary().flags() > 0);
        assertEquals(a.summary(), new FlagIndex(a, data).summary(), "an index made from the assessment starts from its counts");
        FlagIndex fromAssessment = new FlagIndex(a, data);
        for (Shot s : data.shots()) {
            assertEquals(index.recheck(s, data.signOffsOf(s.id())), fromAssessment.recheck(s, data.signOffsOf(s.id())),
                    "an index made from the assessment re-checks a shot with the production's facts");
        }
        for (Shot s : data.shots()) {
            assertEquals(index.flags(s.id()), a.flags(s.id()));
            assertEquals(index.status(s), a.status(s));
        }
        assertEquals(2, a.shotsWithFlags());
        assertEquals(a.summary().blocked(), a.blocked());
        assertEquals(List.of(), a.flags(UUID.randomUUID()), "a shot not in the production has no flags");
        assertThrows(UnsupportedOperationException.class, () -> a.flagsByShot().clear());
    }

    @Test
    void staleIsCountedPerFlagNotPerSignature() {
        // a flag with two stale signatures is one stale flag, in check, the PDF and the app alike
        ProductionData data = sample();
        Policy policy = Policies.inForce(data);
        Shot deage = data.shots().get(0);
        Flag flag = Evaluator.evaluate(policy, data, deage).get(0);
        assertTrue(flag.signatures().size() >= 2, "the de-aging flag needs several signatures");
        List<org.clearframe.model.SignOff> signed = flag.signatures().stream()
                .map(sig -> SignOffs.sign(deage, flag, sig, "Someone", org.clearframe.model.Decision.APPROVED, "")).toList();
        Shot changed = new Shot(deage.id(), deage.sceneId(), deage.number(), "a new plan", deage.size(), deage.angle(), deage.movement(),
                deage.lens(), deage.durationSeconds(), deage.departmentIds(), deage.notes(), deage.aiUses());
        ProductionData after = new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(),
                List.of(changed, data.shots().get(1), data.shots().get(2)), signed, "");
        Assessment a = Assessment.of(after);
        Flag now = a.flags(deage.id()).stream().filter(f -> f.rule().id().equals(flag.rule().id())).findFirst().orElseThrow();
        assertTrue(now.signatures().stream().filter(s -> s.state() == SignatureState.STALE).count() >= 2);
        long staleFlags = a.flagsByShot().values().stream().flatMap(List::stream).filter(Flag::stale).count();
        assertEquals(staleFlags, a.summary().stale());
    }

    @Test
    void anUnreadableStoredPolicyGivesNoAssessmentAtAll() {
        String misspelt = Policy.defaultPolicyJson().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": \"BLOKING\"");
        ProductionData data = withPolicy(sample(), misspelt);
        assertThrows(PolicyUnreadable.class, () -> Assessment.of(data));
        // flags from elsewhere do not get around it: the policy is still chosen, and refused
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(Policy.defaultPolicy(), data);
        assertThrows(PolicyUnreadable.class, () -> Assessment.of(data, flags));
    }
}
