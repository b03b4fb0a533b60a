package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code check} names the policy version in force and whether a newer built-in one exists; a production made today
 * is under 2026.12, and one planned like the catalogue's seed cases gets the flags and signers the corrections imply.
 */
class CheckPolicyVersionTest {

    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    /** A new production the way a producer makes one from the command line: import a script. */
    private Path newProduction() throws Exception {
        Path script = dir.resolve("harbour.fountain");
        Files.writeString(script, "Title: The Harbour\n\nEXT. HARBOUR - NIGHT\n\nELENA\nThe boats are late.\n");
        Path file = dir.resolve("harbour.clearframe");
        Run run = cli("import-script", script.toString(), file.toString());
        assertEquals(0, run.exit(), run.err());
        return file;
    }

    @Test
    void aProductionFromBeforePoliciesWereVersionedStaysUnder2026_11_andHearsOf2026_12() throws Exception {
        Path file = dir.resolve("old.clearframe");
        ProductionBuilder.titled("Old").write(file);
        Run text = cli("check", file.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("Policy:     Clearframe default policy (2026.11) (built in)"), text.out());
        assertTrue(text.out().contains("built-in 2026.11; a newer built-in policy, 2026.12, is available"), text.out());
        JsonNode policy = json(cli("check", file.toString(), "--json")).get("policy");
        assertEquals("2026.11", policy.get("version").asText());
        assertTrue(policy.get("builtIn").asBoolean());
        assertEquals("2026.12", policy.get("newerBuiltIn").asText());
    }

    @Test
    void aNewProductionIsUnder2026_12() throws Exception {
        Path file = newProduction();
        Run text = cli("check", file.toString());
        assertTrue(text.out().contains("Clearframe default policy (2026.12)"), text.out());
        assertTrue(text.out().contains("the newest built-in policy"), text.out());
        JsonNode policy = json(cli("check", file.toString(), "--json")).get("policy");
        assertEquals("2026.12", policy.get("version").asText());
        assertTrue(policy.get("builtIn").asBoolean());
        assertTrue(policy.get("newerBuiltIn").isNull());
    }

    @Test
    void theVersionSurvivesAJsonRoundTrip() throws Exception {
        Path file = newProduction();
        Path json = dir.resolve("harbour.json");
        Path back = dir.resolve("back.clearframe");
        assertEquals(0, cli("export-json", file.toString(), json.toString()).exit());
        Run imported = cli("import-json", json.toString(), back.toString());
        assertEquals(0, imported.exit(), imported.err());
        JsonNode policy = json(cli("check", back.toString(), "--json")).get("policy");
        assertEquals("2026.12", policy.get("version").asText());
        assertTrue(policy.get("builtIn").asBoolean());
    }

    @Test
    void aStoredPolicyThatOnlyClaimsToBeTheBuiltInOneIsReportedAsAStudioPolicy() throws Exception {
        // Same name and version as the built-in 2026.12, one blocking rule quietly made advisory.
        String forged = org.clearframe.rules.BuiltInPolicies.latest().json().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": \"ADVISORY\"");
        Path file = dir.resolve("forged.clearframe");
        ProductionBuilder.titled("Forged").policy(org.clearframe.rules.BuiltInPolicies.SOURCE, forged).write(file);
        Run text = cli("check", file.toString());
        assertTrue(text.out().contains("a studio policy stored in the production"), text.out());
        JsonNode policy = json(cli("check", file.toString(), "--json")).get("policy");
        assertEquals("2026.12", policy.get("version").asText(), "it says what it says");
        assertFalse(policy.get("builtIn").asBoolean(), "but it is not Clearframe's built-in policy");
        assertTrue(policy.get("newerBuiltIn").isNull());
    }

    @Test
    void theSeedCasesGiveTheFlagsAndSignersTheCorrectionsImply() throws Exception {
        Path file = newProduction();
        CastMember zoe = new CastMember(UUID.randomUUID(), "Zoë Niño", "Elena", Tristate.YES, false);
        CastMember rex = new CastMember(UUID.randomUUID(), "Rex Dunmore", "Old Tom", Tristate.YES, true);
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            Scene scene = data.scenes().get(0);
            store.saveCastMember(zoe);
            store.saveCastMember(rex);
            List<AiUse> seeds = List.of(
                    use(Technique.DE_AGING, Output.FINAL, List.of(), Set.of()),                                   // 1 nobody named
                    use(Technique.SET_CONCEPT, Output.TEMPORARY, List.of(rex.id()), Set.of()),                     // 2 concept naming the dead
                    use(Technique.DE_AGING, Output.FINAL, List.of(zoe.id()), Set.of()),                           // 3 de-aging a performer
                    use(Technique.DIGITAL_REPLICA, Output.FINAL, List.of(rex.id()), Set.of()),                    // 4 replica of the dead
                    use(Technique.GENERATIVE_VFX, Output.FINAL, List.of(), Set.of(Factor.FABRICATES_REAL)),        // 5 fake news in fiction
                    use(Technique.SYNTHETIC_CROWD, Output.FINAL, List.of(), Set.of(Factor.BUILT_FROM_BACKGROUND_SCANS)), // 6 crowd from scans
                    use(Technique.PROPS_GRAPHICS, Output.TEMPORARY, List.of(), Set.of()));                        // 7 a newspaper prop
            int n = 1;
            for (AiUse u : seeds) {
                store.saveShot(new Shot(UUID.randomUUID(), scene.id(), Integer.toString(n++), "Seed case", null, "", "", "", 2,
                        List.of(), "", List.of(u)));
            }
        }
        Run run = cli("check", file.toString(), "--json");
        assertEquals(1, run.exit(), run.err());
        JsonNode root = json(run);
        assertEquals("2026.12", root.get("policy").get("version").asText());
        JsonNode shots = root.get("shots");

        assertEquals(Set.of("PERSON-UNNAMED", "PROVENANCE"), rules(shots, "1"));
        assertEquals("BLOCKING", flag(shots, "1", "PERSON-UNNAMED").get("severity").asText());
        assertEquals(Set.of("SET-CONCEPT"), rules(shots, "2"), "no replica flag for a concept naming a deceased cast member");
        assertEquals(List.of("PRODUCTION_DESIGNER", "STUDIO_AI_CONTACT"), signers(flag(shots, "2", "SET-CONCEPT")));
        assertEquals(Set.of("DEAGE-PERFORMER", "DISCLOSE-DEEPFAKE", "PROVENANCE", "CONSENT-NOT-COVERED"), rules(shots, "3"),
                "no consent is on record for the de-aging");
        assertEquals(List.of("PERFORMER", "DIRECTOR", "VFX_SUPERVISOR", "STUDIO_LEGAL", "STUDIO_AI_CONTACT"), signers(flag(shots, "3", "DEAGE-PERFORMER")));
        assertEquals(List.of("STUDIO_LEGAL", "STUDIO_AI_CONTACT"), signers(flag(shots, "3", "DISCLOSE-DEEPFAKE")));
        assertEquals(Set.of("REPLICA-INDEPENDENT", "REPLICA-DECEASED", "DISCLOSE-DEEPFAKE", "PROVENANCE", "CONSENT-NOT-COVERED"), rules(shots, "4"));
        // The uses not covered, by person and kind: the de-aging needs Zoë's consent to use; the replica both of the estate's.
        List<String> uncovered = new java.util.ArrayList<>();
        root.get("uncoveredUses").forEach(u -> uncovered.add(u.get("shot").asText() + " " + u.get("person").asText() + " "
                + u.get("consentKind").asText() + " " + u.get("gap").asText()));
        assertEquals(List.of("3 Zoë Niño USE_REPLICA_OR_ALTERATION NO_CONSENT", "4 Rex Dunmore CREATE_REPLICA NO_CONSENT",
                "4 Rex Dunmore USE_REPLICA_OR_ALTERATION NO_CONSENT"), uncovered);
        assertEquals(3, root.get("summary").get("uncoveredUses").asInt());
        assertEquals(List.of("RIGHTS_HOLDER", "STUDIO_AI_CONTACT", "STUDIO_LEGAL"), signers(flag(shots, "4", "REPLICA-DECEASED")));
        assertEquals("Rex Dunmore", flag(shots, "4", "REPLICA-DECEASED").get("signatures").get(0).get("subjectName").asText());
        assertEquals(Set.of("MISLEADING-REAL", "VFX-GEN-FINAL", "PROVENANCE"), rules(shots, "5"));
        assertEquals(Set.of("SYNTH-CROWD-SCANS", "PROVENANCE"), rules(shots, "6"));
        assertEquals("BLOCKING", flag(shots, "6", "SYNTH-CROWD-SCANS").get("severity").asText());
        assertEquals(Set.of("PROPS-GRAPHICS"), rules(shots, "7"));
        assertTrue(signers(flag(shots, "7", "PROPS-GRAPHICS")).contains("STUDIO_LEGAL"));

        // Sources say what they are: SAG 2026 read from summaries, dated.
        JsonNode sag26 = null;
        for (JsonNode s : flag(shots, "3", "DEAGE-PERFORMER").get("sources")) if (s.get("label").asText().equals("SAG2026")) sag26 = s;
        assertNotNull(sag26);
        assertEquals("SUMMARY_ONLY", sag26.get("checked").asText());
        assertEquals("2026-07-01", sag26.get("appliesFrom").asText());
        assertEquals("2030-06-30", sag26.get("appliesUntil").asText());
    }

    private static AiUse use(Technique t, Output o, List<UUID> people, Set<Factor> factors) {
        return new AiUse(UUID.randomUUID(), t, "Seed", "Tool", o, people, List.of(), Set.of(), Tristate.NO, factors, "");
    }

    private static JsonNode shot(JsonNode shots, String number) {
        for (JsonNode s : shots) if (s.get("shot").asText().equals(number)) return s;
        throw new AssertionError("no flags on shot " + number);
    }

    private static Set<String> rules(JsonNode shots, String number) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : shot(shots, number).get("flags")) ids.add(f.get("ruleId").asText());
        return ids;
    }

    private static JsonNode flag(JsonNode shots, String number, String rule) {
        for (JsonNode f : shot(shots, number).get("flags")) if (f.get("ruleId").asText().equals(rule)) return f;
        throw new AssertionError(rule + " not on shot " + number + ": " + rules(shots, number));
    }

    private static List<String> signers(JsonNode flag) {
        List<String> roles = new ArrayList<>();
        for (JsonNode s : flag.get("signatures")) roles.add(s.get("role").asText());
        return roles;
    }
}
