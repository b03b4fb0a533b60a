package org.clearframe.rules;

import org.clearframe.model.Genre;
import org.clearframe.model.Shot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.clearframe.model.Factor.*;
import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Policy format 2: dated sources that say what was read, and {@code anyOf} alternatives. Format 1 files still read
 * (migrated forward: their sources say "not stated"), and a format 2 file that breaks the new rules is refused by name.
 */
class PolicyFormat2Test {

    private static final String V2 = """
            {
              "name": "Northlight studio policy",
              "version": "4",
              "schemaVersion": 2,
              "sources": {
                "HOUSE": {"document": "Northlight AI guidelines 2026", "checked": "HOUSE_RULE"},
                "SAG2026": {"document": "SAG-AFTRA 2026 TV/Theatrical Agreement", "appliesFrom": "2026-07-01",
                            "appliesUntil": "2030-06-30", "checked": "SUMMARY_ONLY"},
                "NFX": {"document": "Netflix guidance", "checked": "PRIMARY_TEXT"}
              },
              "rules": [
                {
                  "id": "HOUSE-REUSE",
                  "title": "Reuse",
                  "explanation": "Either situation.",
                  "when": {"anyOf": [{"factors": ["BEYOND_CONSENT_SCOPE"]}, {"factors": ["USED_OUTSIDE_PRODUCTION"]}]},
                  "mustSign": ["PERFORMER"],
                  "severity": "BLOCKING",
                  "sources": ["SAG2026", "NFX"]
                }
              ]
            }
            """;

    private static PolicyException refused(String json) {
        return assertThrows(PolicyException.class, () -> Policy.parse(json, "northlight.json"));
    }

    @Test
    void aFormat2PolicyReadsWithDatesAndWhatWasChecked() throws Exception {
        Policy p = Policy.parse(V2, "northlight.json");
        Source sag = p.rules().get(0).sources().get(0);
        assertEquals(LocalDate.of(2026, 7, 1), sag.appliesFrom());
        assertEquals(LocalDate.of(2030, 6, 30), sag.appliesUntil());
        assertEquals(Source.Checked.SUMMARY_ONLY, sag.checked());
        assertEquals("2026-07-01 to 2030-06-30", sag.period());
    }

    @Test
    void anyOfHoldsWhenOneAlternativeHolds_andTheReasonSaysWhich() throws Exception {
        Policy p = Policy.parse(V2, "northlight.json");
        Shot pitch = shot(use(DIGITAL_REPLICA).temp().on(ZOE).with(USED_OUTSIDE_PRODUCTION).build());
        Shot plain = shot(use(DIGITAL_REPLICA).temp().on(ZOE).build());
        List<Flag> raised = policyOnly(Evaluator.evaluate(p, production(Genre.FICTION, pitch), pitch));
        assertEquals(1, raised.size());
        assertTrue(raised.get(0).reason().endsWith("used in a pitch, concept or another production"), raised.get(0).reason());
        assertTrue(policyOnly(Evaluator.evaluate(p, production(Genre.FICTION, plain), plain)).isEmpty());
    }

    /** The policy's flags, without the consent checks every policy carries (PerformerChecksTest covers those). */
    private static List<Flag> policyOnly(List<Flag> flags) {
        return flags.stream().filter(f -> !PerformerChecks.RULES.contains(f.rule()) && !PerformerChecks.FALLBACKS.contains(f.rule())).toList();
    }

    @Test
    void aFormat1FileIsMigratedForward_notRefusedForItsAge() throws Exception {
        Policy old = Policy.parse(BuiltInPolicies.V2026_11.json(), "default-policy-2026.11.json");
        assertEquals(1, old.schemaVersion());
        assertEquals("2026.11", old.version());
        assertEquals(28, old.rules().size());
        Source nfx = old.rule("VFX-GEN-FINAL").orElseThrow().sources().get(0);
        assertEquals(Source.Checked.NOT_STATED, nfx.checked(), "format 1 never said what was read");
        assertNull(nfx.appliesFrom());
    }

    @Test
    void aFormat2SourceMustSayWhatWasRead() {
        PolicyException e = refused(V2.replace(", \"checked\": \"PRIMARY_TEXT\"", ""));
        assertEquals("sources.NFX.checked", e.field(), e.getMessage());
        PolicyException notStated = refused(V2.replace("\"checked\": \"PRIMARY_TEXT\"", "\"checked\": \"NOT_STATED\""));
        assertEquals("sources.NFX.checked", notStated.field(), notStated.getMessage());
        PolicyException unknown = refused(V2.replace("\"checked\": \"PRIMARY_TEXT\"", "\"checked\": \"SKIMMED\""));
        assertTrue(unknown.getMessage().contains("SKIMMED"), unknown.getMessage());
    }

    @Test
    void aFormat2RuleMustCiteACheckedSource() {
        PolicyException e = refused(V2.replace("\"sources\": [\"SAG2026\", \"NFX\"]", "\"sources\": [\"SAG2026\"]"));
        assertEquals("HOUSE-REUSE", e.ruleId());
        assertEquals("sources", e.field());
        assertTrue(e.problem().contains("checked"), e.getMessage());
        // A studio's own house rule is its own authority.
        assertDoesNotThrow(() -> Policy.parse(V2.replace("\"sources\": [\"SAG2026\", \"NFX\"]", "\"sources\": [\"HOUSE\"]"), "n.json"));
    }

    @Test
    void badDatesAreRefused() {
        assertEquals("sources.SAG2026.appliesFrom", refused(V2.replace("\"2026-07-01\"", "\"1 July 2026\"")).field());
        PolicyException backwards = refused(V2.replace("\"2030-06-30\"", "\"2020-06-30\""));
        assertEquals("sources.SAG2026.appliesUntil", backwards.field());
        assertTrue(backwards.problem().contains("before"), backwards.getMessage());
    }

    @Test
    void anyOfMustListAlternatives_oneLevelDeep() {
        PolicyException empty = refused(V2.replace(
                "\"anyOf\": [{\"factors\": [\"BEYOND_CONSENT_SCOPE\"]}, {\"factors\": [\"USED_OUTSIDE_PRODUCTION\"]}]", "\"anyOf\": []"));
        assertEquals("when.anyOf", empty.field(), empty.getMessage());
        PolicyException nested = refused(V2.replace("{\"factors\": [\"BEYOND_CONSENT_SCOPE\"]}",
                "{\"anyOf\": [{\"factors\": [\"BEYOND_CONSENT_SCOPE\"]}]}"));
        assertEquals("when.anyOf.anyOf", nested.field(), nested.getMessage());
        PolicyException nulls = refused(V2.replace("{\"factors\": [\"BEYOND_CONSENT_SCOPE\"]}", "null"));
        assertEquals("when.anyOf", nulls.field(), nulls.getMessage());
        PolicyException contradiction = refused(V2.replace("{\"factors\": [\"BEYOND_CONSENT_SCOPE\"]}",
                "{\"factors\": [\"BEYOND_CONSENT_SCOPE\"], \"notFactors\": [\"BEYOND_CONSENT_SCOPE\"]}"));
        assertEquals("when.anyOf.notFactors", contradiction.field(), contradiction.getMessage());
        PolicyException badFactor = refused(V2.replace("\"BEYOND_CONSENT_SCOPE\"", "\"BEYOND_SCOPE\""));
        assertEquals("HOUSE-REUSE", badFactor.ruleId(), badFactor.getMessage());
    }

    @Test
    void everyBuiltInVersionReads_andIsRecognisedAsBuiltIn() {
        for (BuiltInPolicies.BuiltIn b : BuiltInPolicies.all()) {
            Policy p = b.policy();
            assertEquals(b.version(), p.version());
            assertEquals(b, BuiltInPolicies.identify(p).orElseThrow());
            assertEquals(b, BuiltInPolicies.identify(assertDoesNotThrow(() -> Policy.parse(b.json(), "copy.json"))).orElseThrow(),
                    "a stored copy of the text is the same built-in policy");
        }
        assertEquals("2026.12", BuiltInPolicies.latest().version());
        assertEquals(Policy.defaultPolicy(), BuiltInPolicies.latest().policy());
        assertEquals("2026.12", BuiltInPolicies.newerThan(BuiltInPolicies.V2026_11.policy()).orElseThrow().version());
        assertTrue(BuiltInPolicies.newerThan(Policy.defaultPolicy()).isEmpty());
    }

    @Test
    void anEditedCopyOfTheBuiltInIsAStudioPolicy_notOfferedABuiltInUpgrade() throws Exception {
        String edited = BuiltInPolicies.V2026_11.json().replace("\"severity\": \"ADVISORY\"", "\"severity\": \"BLOCKING\"");
        Policy p = Policy.parse(edited, "studio.json");
        assertTrue(BuiltInPolicies.identify(p).isEmpty());
        PolicyStanding standing = PolicyStanding.of(p);
        assertTrue(standing.newer().isEmpty() && standing.upgrade().isEmpty());
    }
}
