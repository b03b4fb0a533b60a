package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Genre;
import org.clearframe.model.Shot;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;

import static org.clearframe.model.Factor.*;
import static org.clearframe.model.Material.*;
import static org.clearframe.model.Technique.*;
import static org.clearframe.model.Tristate.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each key of the trigger language, read from policy JSON as a studio would write it. */
class TriggerTest {

    static Policy policyWhen(String when) throws PolicyException {
        return Policy.parse("""
                {"name": "Test", "version": "1", "schemaVersion": 1,
                 "sources": {"T": {"document": "Test source"}},
                 "rules": [{"id": "T-1", "title": "t", "explanation": "e", "when": %s,
                            "mustSign": ["DIRECTOR"], "severity": "BLOCKING", "sources": ["T"]}]}
                """.formatted(when), "test.json");
    }

    static boolean fires(String when, ProductionBuilder.Use use) throws PolicyException {
        return fires(when, use, Genre.FICTION);
    }

    static boolean fires(String when, ProductionBuilder.Use use, Genre genre) throws PolicyException {
        AiUse u = use.build();
        Shot shot = shot(u);
        // The policy's own rule only: the consent checks every policy carries are tested in PerformerChecksTest.
        return Evaluator.evaluate(policyWhen(when), production(genre, shot), shot).stream()
                .anyMatch(f -> !PerformerChecks.RULES.contains(f.rule()) && !PerformerChecks.FALLBACKS.contains(f.rule()));
    }

    @Test
    void anEmptyTriggerAppliesToEveryAiUse() throws Exception {
        assertTrue(fires("{}", use(OTHER)));
        assertTrue(fires("{}", use(SET_CONCEPT).temp()));
    }

    @Test
    void techniqueMatchesAnyListedOne() throws Exception {
        assertTrue(fires("{\"technique\": [\"DE_AGING\", \"VOICE_SYNTHESIS\"]}", use(VOICE_SYNTHESIS)));
        assertFalse(fires("{\"technique\": [\"DE_AGING\", \"VOICE_SYNTHESIS\"]}", use(DIGITAL_REPLICA)));
        assertTrue(fires("{\"technique\": \"DE_AGING\"}", use(DE_AGING)), "a single value reads as a one-item list");
    }

    @Test
    void output() throws Exception {
        assertTrue(fires("{\"output\": \"FINAL\"}", use(OTHER).fin()));
        assertFalse(fires("{\"output\": \"FINAL\"}", use(OTHER).temp()));
        assertTrue(fires("{\"output\": \"TEMPORARY\"}", use(OTHER).temp()));
    }

    @Test
    void performerAffected() throws Exception {
        assertTrue(fires("{\"performerAffected\": true}", use(OTHER).on(ZOE)));
        assertFalse(fires("{\"performerAffected\": true}", use(OTHER)));
        assertTrue(fires("{\"performerAffected\": false}", use(OTHER)));
        assertFalse(fires("{\"performerAffected\": false}", use(OTHER).on(ZOE)));
    }

    @Test
    void performerDeceased() throws Exception {
        assertTrue(fires("{\"performerDeceased\": true}", use(OTHER).on(ZOE, REX)));
        assertFalse(fires("{\"performerDeceased\": true}", use(OTHER).on(ZOE)));
        assertFalse(fires("{\"performerDeceased\": true}", use(OTHER)));
        assertTrue(fires("{\"performerDeceased\": false}", use(OTHER).on(ZOE)));
        assertFalse(fires("{\"performerDeceased\": false}", use(OTHER).on(REX)));
    }

    @Test
    void performerUnionMatchesAnyAffectedPerformer() throws Exception {
        assertTrue(fires("{\"performerUnion\": [\"YES\"]}", use(OTHER).on(ADA, ZOE)), "Zoë is a union member");
        assertFalse(fires("{\"performerUnion\": [\"YES\"]}", use(OTHER).on(ADA, REX)));
        assertTrue(fires("{\"performerUnion\": [\"YES\", \"UNKNOWN\"]}", use(OTHER).on(ADA)));
        assertFalse(fires("{\"performerUnion\": [\"YES\", \"UNKNOWN\"]}", use(OTHER)), "no performer, no union status");
    }

    @Test
    void factorsMustAllBeSet() throws Exception {
        String when = "{\"factors\": [\"KEY_CREATIVE\", \"REFERENCES_PROTECTED_WORK\"]}";
        assertTrue(fires(when, use(OTHER).with(KEY_CREATIVE, REFERENCES_PROTECTED_WORK, COULD_PASS_AS_REAL)));
        assertFalse(fires(when, use(OTHER).with(KEY_CREATIVE)));
    }

    @Test
    void notFactorsMustAllBeAbsent() throws Exception {
        String when = "{\"notFactors\": [\"PERFORMER_TOOK_PART\", \"BEYOND_CONSENT_SCOPE\"]}";
        assertTrue(fires(when, use(OTHER).with(KEY_CREATIVE)));
        assertFalse(fires(when, use(OTHER).with(BEYOND_CONSENT_SCOPE)));
    }

    @Test
    void uploadsMatchesAnyListedMaterial() throws Exception {
        String when = "{\"uploads\": [\"LIKENESS_OR_VOICE\", \"PERSONAL_DATA\"]}";
        assertTrue(fires(when, use(OTHER).uploads(PRODUCTION_MATERIAL, PERSONAL_DATA)));
        assertFalse(fires(when, use(OTHER).uploads(PRODUCTION_MATERIAL)));
        assertFalse(fires(when, use(OTHER)));
    }

    @Test
    void vendorTrains() throws Exception {
        assertTrue(fires("{\"vendorTrains\": [\"YES\", \"UNKNOWN\"]}", use(OTHER).vendorTrains(UNKNOWN)));
        assertFalse(fires("{\"vendorTrains\": [\"YES\", \"UNKNOWN\"]}", use(OTHER).vendorTrains(NO)));
    }

    @Test
    void genre() throws Exception {
        assertTrue(fires("{\"genre\": [\"DOCUMENTARY\"]}", use(OTHER), Genre.DOCUMENTARY));
        assertFalse(fires("{\"genre\": [\"DOCUMENTARY\"]}", use(OTHER), Genre.FICTION));
    }

    @Test
    void everyPresentKeyMustHold() throws Exception {
        String when = "{\"technique\": [\"DIGITAL_REPLICA\"], \"output\": \"FINAL\", \"performerAffected\": true}";
        assertTrue(fires(when, use(DIGITAL_REPLICA).fin().on(ZOE)));
        assertFalse(fires(when, use(DIGITAL_REPLICA).temp().on(ZOE)));
        assertFalse(fires(when, use(DIGITAL_REPLICA).fin()));
        assertFalse(fires(when, use(DE_AGING).fin().on(ZOE)));
    }
}
