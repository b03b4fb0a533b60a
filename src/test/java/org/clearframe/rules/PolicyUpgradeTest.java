package org.clearframe.rules;

import org.clearframe.model.Decision;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.model.Factor.COULD_PASS_AS_REAL;
import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Upgrading a production signed under 2026.11 to 2026.12: what the preview says, rule by rule and for the production. */
class PolicyUpgradeTest {

    private static final Policy P11 = BuiltInPolicies.V2026_11.policy();
    private static final Policy P12 = BuiltInPolicies.V2026_12.policy();

    private final Shot deage = shot(use(DE_AGING).fin().on(ZOE).build());
    private final Shot concept = shot(use(SET_CONCEPT).temp().on(REX).build());
    private final Shot newsreel = shot(use(GENERATIVE_VFX).fin().with(COULD_PASS_AS_REAL).build());

    /** Every signature 2026.11 asks of the three shots, approved: the production was cleared under 2026.11. */
    private ProductionData signedUnder2026_11() {
        // Consent on record for every use, so that what changes is the policy's doing alone.
        ProductionData unsigned = org.clearframe.testkit.Consents.coverEveryUse(production(Genre.FICTION, List.of(deage, concept, newsreel), List.of()));
        List<SignOff> signOffs = new ArrayList<>();
        for (Shot s : unsigned.shots()) {
            for (Flag f : Evaluator.evaluate(P11, unsigned, s)) {
                for (RequiredSignature sig : f.signatures()) signOffs.add(SignOffs.sign(s, f, sig, "Signer " + sig.who(), Decision.APPROVED, ""));
            }
        }
        return unsigned.withSignOffs(signOffs);
    }

    private static boolean has(List<PolicyUpgrade.Slot> slots, Shot shot, String rule, Role role) {
        return slots.stream().anyMatch(s -> s.shotId().equals(shot.id()) && s.ruleId().equals(rule) && s.role() == role);
    }

    private static boolean hasFlag(List<Flag> flags, Shot shot, String rule) {
        return flags.stream().anyMatch(f -> f.shotId().equals(shot.id()) && f.rule().id().equals(rule));
    }

    @Test
    void theRulesAddedRemovedAndChangedFrom2026_11To2026_12() {
        PolicyUpgrade u = PolicyUpgrade.between(P11, P12);
        assertEquals(List.of("PERSON-UNNAMED", "SYNTH-CROWD-SCANS", "WARDROBE-CONCEPT-FINAL", "MAKEUP-CONCEPT-FINAL", "PROPS-GRAPHICS"),
                u.added().stream().map(Rule::id).toList());
        assertEquals(List.of(), u.removed());
        PolicyUpgrade.RuleChange deageChange = u.changed().stream().filter(c -> c.id().equals("DEAGE-PERFORMER")).findFirst().orElseThrow();
        assertTrue(deageChange.what().contains("who signs: adds Studio AI contact"), deageChange.what().toString());
        PolicyUpgrade.RuleChange disclose = u.changed().stream().filter(c -> c.id().equals("DISCLOSE-DEEPFAKE")).findFirst().orElseThrow();
        assertTrue(disclose.what().contains("applies in different situations"));
        assertTrue(disclose.what().contains("who signs: adds Studio AI contact; no longer Distributor"), disclose.what().toString());
        // Every rule of 2026.11 changed in some way: at least its sources now say what was read.
        assertEquals(28, u.changed().size());
        PolicyUpgrade.RuleChange vfx = u.changed().stream().filter(c -> c.id().equals("VFX-GEN-FINAL")).findFirst().orElseThrow();
        assertEquals(List.of("source details (document, dates, what was checked)"), vfx.what());
        assertTrue(PolicyUpgrade.between(P12, P12).changed().isEmpty());
    }

    @Test
    void onAProductionSignedUnder2026_11() {
        ProductionData data = signedUnder2026_11();
        assertFalse(FlagIndex.Summary.of(Evaluator.evaluateAll(P11, data).values()).blocked(), "cleared under 2026.11");

        PolicyUpgrade.Impact impact = PolicyUpgrade.between(P11, P12).impact(data);
        assertEquals(0, impact.before().openBlocking());
        assertTrue(impact.after().blocked(), "2026.12 asks for more before the production is cleared");

        // New flags: the de-aging in the final cut is now a deep fake to disclose.
        assertTrue(hasFlag(impact.newFlags(), deage, "DISCLOSE-DEEPFAKE"));
        // Gone: a set concept naming a deceased cast member no longer raises REPLICA-DECEASED.
        assertTrue(hasFlag(impact.droppedFlags(), concept, "REPLICA-DECEASED"));
        // Signatures no longer needed, and they had been given.
        assertTrue(has(impact.noLongerNeeded(), concept, "REPLICA-DECEASED", Role.RIGHTS_HOLDER));
        assertTrue(has(impact.noLongerNeeded(), newsreel, "DISCLOSE-DEEPFAKE", Role.DISTRIBUTOR));
        assertTrue(impact.noLongerNeeded().stream().allMatch(PolicyUpgrade.Slot::signed));
        // Signatures that now need a new signer, on flags the production already had.
        assertTrue(has(impact.newSigners(), deage, "DEAGE-PERFORMER", Role.STUDIO_AI_CONTACT));
        assertTrue(has(impact.newSigners(), concept, "SET-CONCEPT", Role.STUDIO_AI_CONTACT));
        assertTrue(has(impact.newSigners(), newsreel, "DISCLOSE-DEEPFAKE", Role.STUDIO_AI_CONTACT));
        assertFalse(has(impact.newSigners(), deage, "DEAGE-PERFORMER", Role.PERFORMER), "the performer already signed");
        assertFalse(has(impact.newSigners(), deage, "DISCLOSE-DEEPFAKE", Role.STUDIO_LEGAL), "a new flag's signers are listed with the flag");

        // The upgrade keeps every sign-off: the performer's consent still counts under 2026.12.
        Map<UUID, List<Flag>> after = Evaluator.evaluateAll(P12, data);
        Flag deageFlag = after.get(deage.id()).stream().filter(f -> f.rule().id().equals("DEAGE-PERFORMER")).findFirst().orElseThrow();
        assertEquals(SignatureState.APPROVED, deageFlag.signatures().get(0).state());
        assertEquals(SignatureState.MISSING, deageFlag.signatures().stream().filter(s -> s.role() == Role.STUDIO_AI_CONTACT).findFirst().orElseThrow().state());
    }

    @Test
    void thePreviewSaysAllOfItInWords() {
        List<String> lines = PolicyUpgrade.between(P11, P12).describe(signedUnder2026_11());
        String text = String.join("\n", lines);
        assertTrue(text.startsWith("From Clearframe default policy (2026.11) to Clearframe default policy (2026.12)."), text);
        assertTrue(text.contains("Rules added (5):"));
        assertTrue(text.contains("+ PROPS-GRAPHICS"));
        assertTrue(text.contains("Signatures no longer needed (") && text.contains("REPLICA-DECEASED, Estate or rights holder: Rex Dunmore (had signed)"), text);
        assertTrue(text.contains("scene 12A, shot 3: DEAGE-PERFORMER, Studio AI contact"), text);
        assertTrue(text.contains("Open blocking flags: 0 now,"), text);
    }

    @Test
    void aProductionWithNothingToChangeSaysSo() {
        ProductionData empty = production(Genre.FICTION);
        assertTrue(PolicyUpgrade.between(P11, P12).impact(empty).changesNothing());
    }
}
