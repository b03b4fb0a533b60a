package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.clearframe.model.Factor.*;
import static org.clearframe.model.Genre.DOCUMENTARY;
import static org.clearframe.model.Genre.FICTION;
import static org.clearframe.model.Material.*;
import static org.clearframe.model.Technique.*;
import static org.clearframe.model.Tristate.NO;
import static org.clearframe.model.Tristate.UNKNOWN;
import static org.clearframe.model.Tristate.YES;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * For every rule of the built-in policy: one AI use that raises it, and one close case that does not. The
 * near misses differ from the triggering case in as few facts as possible, so each shows what the rule turns on.
 */
class DefaultPolicyRulesTest {

    /** One rule's pair of cases. */
    record Case(AiUse triggers, Genre genre, AiUse nearMiss, Genre nearMissGenre) {
        static Case of(ProductionBuilder.Use triggers, ProductionBuilder.Use nearMiss) {
            return new Case(triggers.build(), FICTION, nearMiss.build(), FICTION);
        }
    }

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        CASES.put("VFX-GEN-FINAL", Case.of(use(GENERATIVE_VFX).fin(), use(GENERATIVE_VFX).temp()));
        CASES.put("VFX-GEN-TEMP", Case.of(use(DESTRUCTION_SIMULATION).temp(), use(DESTRUCTION_SIMULATION).fin()));
        CASES.put("VFX-REPLACES-PRACTICAL", Case.of(use(GENERATIVE_VFX).fin().with(REPLACES_PRACTICAL), use(GENERATIVE_VFX).fin()));
        CASES.put("PERSON-UNNAMED", Case.of(use(DE_AGING).fin(), use(DE_AGING).fin().on(ZOE)));
        CASES.put("DEAGE-PERFORMER", Case.of(use(DE_AGING).fin().on(ZOE), use(DE_AGING).fin()));
        CASES.put("FACE-REPLACE", Case.of(use(FACE_BODY_REPLACEMENT).fin().on(ZOE, ADA), use(FACE_BODY_REPLACEMENT).fin()));
        CASES.put("REPLICA-EMPLOYMENT", Case.of(use(DIGITAL_REPLICA).fin().on(ZOE).with(PERFORMER_TOOK_PART), use(DIGITAL_REPLICA).fin().on(ZOE)));
        CASES.put("REPLICA-INDEPENDENT", Case.of(use(DIGITAL_REPLICA).fin().on(ZOE), use(DIGITAL_REPLICA).fin().on(ZOE).with(PERFORMER_TOOK_PART)));
        CASES.put("REPLICA-REUSE", Case.of(use(DIGITAL_REPLICA).temp().on(ZOE).with(PERFORMER_TOOK_PART, USED_OUTSIDE_PRODUCTION),
                use(DIGITAL_REPLICA).temp().on(ZOE).with(PERFORMER_TOOK_PART)));
        CASES.put("REPLICA-DECEASED", Case.of(use(DIGITAL_REPLICA).fin().on(REX), use(SET_CONCEPT).temp().on(REX)));
        CASES.put("ALTER-PERFORMANCE", Case.of(use(PERFORMANCE_ALTERATION).fin().on(ZOE), use(PERFORMANCE_ALTERATION).fin().on(ZOE).with(ALTERATION_EXEMPT)));
        CASES.put("VOICE-CLONE", Case.of(use(VOICE_SYNTHESIS).fin().on(ZOE), use(VOICE_SYNTHESIS).fin()));
        CASES.put("SYNTH-PERFORMER", Case.of(use(SYNTHETIC_PERFORMER).fin().with(REPLACES_HUMAN_ROLE), use(SYNTHETIC_PERFORMER).fin()));
        CASES.put("SYNTH-FEATURES", Case.of(use(SYNTHETIC_PERFORMER).fin().with(BUILT_FROM_REAL_PERSON), use(SYNTHETIC_PERFORMER).fin().with(REPLACES_HUMAN_ROLE)));
        CASES.put("SYNTH-CROWD-SCANS", Case.of(use(SYNTHETIC_CROWD).fin().with(BUILT_FROM_BACKGROUND_SCANS), use(SYNTHETIC_CROWD).fin()));
        CASES.put("SYNTH-CROWD", Case.of(use(SYNTHETIC_CROWD).fin(), use(SYNTHETIC_CROWD).fin().with(BUILT_FROM_BACKGROUND_SCANS)));
        CASES.put("SET-CONCEPT", Case.of(use(SET_CONCEPT).temp(), use(SET_CONCEPT).fin()));
        CASES.put("SET-CONCEPT-FINAL", Case.of(use(SET_CONCEPT).fin(), use(SET_CONCEPT).temp()));
        CASES.put("WARDROBE-CONCEPT", Case.of(use(WARDROBE_CONCEPT).temp().on(ZOE), use(WARDROBE_CONCEPT).fin().on(ZOE)));
        CASES.put("WARDROBE-CONCEPT-FINAL", Case.of(use(WARDROBE_CONCEPT).fin().on(ZOE), use(WARDROBE_CONCEPT).temp().on(ZOE)));
        CASES.put("MAKEUP-CONCEPT", Case.of(use(MAKEUP_CONCEPT).temp().on(ZOE), use(MAKEUP_CONCEPT).temp()));
        CASES.put("MAKEUP-CONCEPT-FINAL", Case.of(use(MAKEUP_CONCEPT).fin().on(ZOE), use(MAKEUP_CONCEPT).temp().on(ZOE)));
        CASES.put("PROPS-GRAPHICS", Case.of(use(PROPS_GRAPHICS).temp(), use(SET_CONCEPT).temp()));
        CASES.put("KEY-CREATIVE", Case.of(use(SET_CONCEPT).temp().with(KEY_CREATIVE), use(SET_CONCEPT).temp()));
        CASES.put("SCRIPT-GEN", Case.of(use(SCRIPT_GENERATION).temp(), use(STORYBOARD_PREVIS).temp()));
        CASES.put("PREVIS-STORYBOARD", Case.of(use(STORYBOARD_PREVIS).temp(), use(STORYBOARD_PREVIS).fin()));
        CASES.put("UPLOAD-PRODUCTION", Case.of(use(STORYBOARD_PREVIS).temp().uploads(PRODUCTION_MATERIAL), use(STORYBOARD_PREVIS).temp().uploads(PERSONAL_DATA)));
        CASES.put("UPLOAD-LIKENESS", Case.of(use(DE_AGING).temp().on(ZOE).uploads(LIKENESS_OR_VOICE), use(DE_AGING).temp().on(ZOE).uploads(PRODUCTION_MATERIAL)));
        CASES.put("VENDOR-TRAINS", Case.of(use(SET_CONCEPT).temp().uploads(PRODUCTION_MATERIAL).vendorTrains(UNKNOWN),
                use(SET_CONCEPT).temp().uploads(PRODUCTION_MATERIAL).vendorTrains(NO)));
        CASES.put("COPYRIGHT-REF", Case.of(use(SET_CONCEPT).temp().with(REFERENCES_PROTECTED_WORK), use(SET_CONCEPT).temp()));
        CASES.put("DISCLOSE-DEEPFAKE", Case.of(use(DE_AGING).fin().on(ZOE), use(DE_AGING).temp().on(ZOE)));
        CASES.put("MISLEADING-REAL", Case.of(use(GENERATIVE_VFX).temp().with(FABRICATES_REAL), use(GENERATIVE_VFX).temp().with(COULD_PASS_AS_REAL)));
        CASES.put("PROVENANCE", Case.of(use(OTHER).fin(), use(OTHER).temp()));
    }

    static Stream<Arguments> cases() {
        return CASES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static List<Flag> flagsFor(AiUse use, Genre genre) {
        Shot shot = shot(use);
        ProductionData data = production(genre, shot);
        return Evaluator.evaluate(Policy.defaultPolicy(), data, shot);
    }

    private static Set<String> ruleIds(List<Flag> flags) {
        return flags.stream().map(f -> f.rule().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0} triggers")
    @MethodSource("cases")
    void triggers(String ruleId, Case c) {
        Rule rule = Policy.defaultPolicy().rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId + " in the default policy"));
        List<Flag> flags = flagsFor(c.triggers(), c.genre());
        Flag flag = flags.stream().filter(f -> f.rule().id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not raised; raised: " + ruleIds(flags)));
        assertSame(c.triggers(), flag.aiUse(), "the flag names the AI use that raised it");
        assertFalse(flag.reason().isBlank());
        assertTrue(flag.open(), "nothing is signed yet");
        assertEquals(rule.mustSign().stream().filter(r -> !r.perPerson()).toList(),
                flag.signatures().stream().map(RequiredSignature::role).filter(r -> !r.perPerson()).toList(),
                "each non-person role signs once, in the policy's order");
        assertTrue(flag.signatures().stream().allMatch(s -> s.state() == SignatureState.MISSING));
    }

    @ParameterizedTest(name = "{0} near miss")
    @MethodSource("cases")
    void nearMiss(String ruleId, Case c) {
        assertTrue(Policy.defaultPolicy().rule(ruleId).isPresent(), "no rule " + ruleId + " in the default policy");
        List<Flag> flags = flagsFor(c.nearMiss(), c.nearMissGenre());
        assertFalse(ruleIds(flags).contains(ruleId), ruleId + " raised by its near miss; raised: " + ruleIds(flags));
    }

    @Test
    void everyDefaultRuleHasATriggeringCaseAndANearMiss() {
        Set<String> policyIds = Policy.defaultPolicy().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(policyIds);
        missing.removeAll(CASES.keySet());
        assertEquals(Set.of(), missing, "default-policy rules without a trigger case and a near miss");
        Set<String> unknown = new TreeSet<>(CASES.keySet());
        unknown.removeAll(policyIds);
        assertEquals(Set.of(), unknown, "cases for rules the default policy no longer has");
        CASES.forEach((id, c) -> {
            assertNotNull(c.triggers(), id);
            assertNotNull(c.nearMiss(), id);
        });
    }

    @Test
    void theDefaultPolicyEncodesTheWholeCatalogue() {
        Policy p = Policy.defaultPolicy();
        assertEquals(33, p.rules().size());
        assertEquals("2026.12", p.version());
        assertEquals(Policy.SCHEMA_VERSION, p.schemaVersion());
        for (Rule r : p.rules()) {
            assertFalse(r.sources().isEmpty(), r.id() + " cites a source");
            assertTrue(r.sources().stream().anyMatch(s -> s.checked() == Source.Checked.PRIMARY_TEXT),
                    r.id() + " cites at least one source whose primary text was checked");
            assertFalse(r.explanation().isBlank(), r.id());
        }
        Source nfx = p.rule("VFX-GEN-FINAL").orElseThrow().sources().get(0);
        assertEquals("NFX", nfx.label());
        assertEquals("https://partnerhelp.netflixstudios.com/hc/en-us/articles/43393929218323", nfx.url());
        assertEquals(Severity.ADVISORY, p.rule("PROVENANCE").orElseThrow().severity());
        assertEquals(Severity.BLOCKING, p.rule("REPLICA-DECEASED").orElseThrow().severity());
        assertSame(p, Policy.defaultPolicy(), "parsed once");
    }

    @Test
    void vendorTrainingDoesNotMatterWhenNothingIsUploaded() {
        List<Flag> flags = flagsFor(use(SET_CONCEPT).temp().vendorTrains(YES).build(), FICTION);
        assertFalse(ruleIds(flags).contains("VENDOR-TRAINS"));
    }
}
