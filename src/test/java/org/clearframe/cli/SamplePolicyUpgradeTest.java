package org.clearframe.cli;

import org.clearframe.model.ProductionData;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.PolicyUpgrade;
import org.clearframe.store.ProductionStore;
import org.clearframe.tools.SampleProduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The upgrade preview on the bundled sample, Harbour Lights, as it was planned under 2026.11 (the file in
 * assets/sample stores no policy), and the sample as the tool now builds it: under 2026.12, nothing to upgrade.
 */
class SamplePolicyUpgradeTest {

    @TempDir Path dir;

    /** The bundled sample's plan and sign-offs, as a production that stores no policy: under 2026.11. */
    private static ProductionData sampleUnder2026_11() throws Exception {
        ProductionData data;
        try (ProductionStore store = ProductionStore.openReadOnly(Path.of("assets/sample/harbour-lights.clearframe"))) {
            data = store.load();
        }
        // Blank the stored policy, so this test holds before and after the sample file is rebuilt under 2026.12.
        return new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(), data.shots(), data.signOffs(), "");
    }

    private static boolean has(List<PolicyUpgrade.Slot> slots, String shotNumber, ProductionData data, String rule, String role) {
        return slots.stream().anyMatch(s -> s.ruleId().equals(rule) && s.role().name().equals(role)
                && data.shot(s.shotId()).orElseThrow().number().equals(shotNumber));
    }

    @Test
    void thePreviewOnTheSamplePlannedUnder2026_11() throws Exception {
        ProductionData data = sampleUnder2026_11();
        PolicyStanding standing = PolicyStanding.of(data);
        assertEquals("2026.11", standing.builtIn().orElseThrow().version());
        assertEquals("2026.12", standing.newer().orElseThrow().version());
        PolicyUpgrade upgrade = standing.upgrade().orElseThrow();
        PolicyUpgrade.Impact impact = upgrade.impact(data);

        // The de-aged flashback (scene 4, shot 1) is a deep fake to disclose under 2026.12.
        assertTrue(impact.newFlags().stream().anyMatch(f -> f.rule().id().equals("DISCLOSE-DEEPFAKE")
                && data.shot(f.shotId()).orElseThrow().number().equals("1") && f.aiUse().technique().name().equals("DE_AGING")));
        // The signed concepts now also tell the studio's AI contact; the crowd adds it too.
        assertTrue(has(impact.newSigners(), "1", data, "SET-CONCEPT", "STUDIO_AI_CONTACT"));
        assertTrue(has(impact.newSigners(), "1", data, "WARDROBE-CONCEPT", "STUDIO_AI_CONTACT"));
        assertTrue(has(impact.newSigners(), "1", data, "SYNTH-CROWD", "STUDIO_AI_CONTACT"));
        assertTrue(has(impact.newSigners(), "1", data, "DEAGE-PERFORMER", "STUDIO_AI_CONTACT"));
        // The cannery collapse replaced a practical effect: IATSE has no per-use notice, so that slot goes.
        assertTrue(has(impact.noLongerNeeded(), "1", data, "VFX-REPLACES-PRACTICAL", "UNION_NOTICE"));
        assertTrue(impact.droppedFlags().isEmpty(), impact.droppedFlags().stream().map(Flag::rule).toList().toString());
        assertTrue(impact.after().openBlocking() >= impact.before().openBlocking());

        String text = String.join("\n", upgrade.describe(data));
        assertTrue(text.contains("Rules added (5):") && text.contains("Signatures that now need a new signer ("), text);
    }

    @Test
    void theSampleAsTheToolNowBuildsItIsUnder2026_12_andChecksThatWay() throws Exception {
        Path file = dir.resolve("harbour-lights.clearframe");
        SampleProduction.write(file);
        Cli.run(new String[]{"attest", file.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData data = store.load();
            assertEquals("2026.12", Policies.inForce(data).version());
            assertTrue(PolicyStanding.of(data).newer().isEmpty());
            assertEquals(BuiltInPolicies.latest(), PolicyStanding.of(data).builtIn().orElseThrow());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[]{"check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        assertTrue(report.contains("Clearframe default policy (2026.12)"), report);
        assertTrue(report.contains("DISCLOSE-DEEPFAKE"), report);
        // What SampleCheckTest expects of the bundled file holds for the rebuilt one too.
        for (String rule : List.of("VFX-GEN-FINAL", "VFX-REPLACES-PRACTICAL", "REPLICA-EMPLOYMENT", "SYNTH-CROWD",
                "DEAGE-PERFORMER", "SET-CONCEPT", "WARDROBE-CONCEPT", "UPLOAD-PRODUCTION", "UPLOAD-LIKENESS", "VENDOR-TRAINS", "PROVENANCE")) {
            assertTrue(report.contains(rule), rule + " is listed");
        }
        assertTrue(report.contains("Stale"), "the digital double's consent still predates the current plan");
    }
}
