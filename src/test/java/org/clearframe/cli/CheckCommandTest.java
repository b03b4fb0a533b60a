package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** {@code clearframe check} on real production files. */
class CheckCommandTest {

    @TempDir Path dir;
    private Path file;
    private Shot deageShot;

    /** The result of one run: exit code and both streams. */
    record Run(int exit, String out, String err) {}

    private static Run check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void makeProduction() throws Exception {
        file = dir.resolve("harbour.clearframe");
        CastMember zoe = new CastMember(UUID.randomUUID(), "Zoë Niño", "Elena", Tristate.YES, false);
        Scene scene = new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "HARBOUR", "NIGHT", "", 8, "", List.of(zoe.id()), false);
        AiUse deage = new AiUse(UUID.randomUUID(), Technique.DE_AGING, "Flashback", "AgeShift", Output.TEMPORARY, List.of(zoe.id()),
                List.of(), Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO, Set.of(), "");
        AiUse sky = AiUse.of(Technique.SET_CONCEPT, "Storm sky concept", "SkyGen", Output.TEMPORARY);
        deageShot = new Shot(UUID.randomUUID(), scene.id(), "1", "Elena at twenty", null, "", "", "35mm", 3, List.of(), "", List.of(deage));
        Shot skyShot = new Shot(UUID.randomUUID(), scene.id(), "2", "The storm", null, "", "", "18mm", 5, List.of(), "", List.of(sky));
        Shot plain = Shot.numbered(scene.id(), "3", "Reaction");
        ProductionBuilder.titled("The Harbour").cast(zoe).scene(scene).shot(deageShot).shot(skyShot).shot(plain).write(file);
    }

    /** Signs every open signature of every flag, as department heads replying would, through the store. */
    private void signEverything() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            List<SignOff> signOffs = new ArrayList<>();
            for (Shot shot : data.shots()) {
                for (Flag f : Evaluator.evaluate(Policies.inForce(data), data, shot)) {
                    for (RequiredSignature s : f.openSignatures()) signOffs.add(SignOffs.sign(shot, f, s, "Signer " + s.role().name(), Decision.APPROVED, ""));
                }
            }
            assertFalse(signOffs.isEmpty());
            Attestations.record(store, data.production().id(), signOffs, KeyRing.forUser());
            // Signatures alone do not clear a use of a person: the consent that covers it is on record too.
            org.clearframe.testkit.Consents.recordCoveringEveryUse(store);
        }
    }

    private void saveShot(Shot shot) throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(shot);
        }
    }

    @Test
    void listsOpenFlagsAndExitsOneWhileABlockingFlagIsOpen() {
        Run run = check(file.toString());
        assertEquals(Command.FINDING, run.exit(), run.err());
        assertTrue(run.out().contains("Production: The Harbour"), run.out());
        assertTrue(run.out().contains("Scene 12A, shot 1 - 12A EXT. HARBOUR - NIGHT  [Needs sign-off]"), run.out());
        assertTrue(run.out().contains("DEAGE-PERFORMER  De-aging or re-aging a performer  [Blocking, open]"), run.out());
        assertTrue(run.out().contains("Why: De-aging of Zoë Niño (Elena) for temporary use"), run.out());
        assertTrue(run.out().contains("- Affected performer: Zoë Niño: Missing"), run.out());
        assertTrue(run.out().contains("Sources: SAG, NFX, CA2602"), run.out());
        assertTrue(run.out().contains("SET-CONCEPT  AI set, environment or location concept  [Advisory, open]"), run.out());
        assertFalse(run.out().contains("shot 3"), "a shot without AI use has nothing to list");
        assertTrue(run.out().contains("Result: not cleared."), run.out());
        assertEquals("", run.err());
    }

    @Test
    void exitsZeroOnceEverySignOffIsRecorded() throws Exception {
        signEverything();
        Run run = check(file.toString());
        assertEquals(Command.OK, run.exit(), run.out());
        assertTrue(run.out().contains("Approved by Signer VFX_SUPERVISOR on "), run.out());
        assertTrue(run.out().contains("[Blocking, signed]"), run.out());
        assertTrue(run.out().contains("Result: cleared."), run.out());
    }

    @Test
    void aChangedAiPlanReopensTheShotButANewLensDoesNot() throws Exception {
        signEverything();
        saveShot(deageShot.withLens("85mm"));
        assertEquals(Command.OK, check(file.toString()).exit(), "the lens is not part of what was signed");

        AiUse use = deageShot.aiUses().get(0);
        AiUse finalCut = new AiUse(use.id(), use.technique(), use.purpose(), use.tool(), Output.FINAL, use.performerIds(),
                use.departmentIds(), use.uploads(), use.vendorTrains(), use.factors(), use.notes());
        saveShot(deageShot.withLens("85mm").withAiUses(List.of(finalCut)));
        Run run = check(file.toString());
        assertEquals(Command.FINDING, run.exit());
        assertTrue(run.out().contains("Stale, the plan changed after it was signed (approved by Signer DIRECTOR on "), run.out());
        assertTrue(run.out().contains("[Stale sign-off]"), run.out());
    }

    @Test
    void printsJsonForScripts() throws Exception {
        Run run = check(file.toString(), "--json");
        assertEquals(Command.FINDING, run.exit());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("harbour.clearframe", root.path("file").asText());
        assertEquals("Clearframe default policy", root.path("policy").path("name").asText());
        assertFalse(root.path("policy").path("stored").asBoolean());
        assertTrue(root.path("policy").path("problem").isNull());
        assertTrue(root.path("summary").path("blocked").asBoolean());
        assertEquals(3, root.path("summary").path("shots").asInt());
        assertEquals(2, root.path("summary").path("shotsWithFlags").asInt());
        JsonNode first = root.path("shots").get(0);
        assertEquals(deageShot.id().toString(), first.path("shotId").asText());
        assertEquals("12A", first.path("scene").asText());
        assertEquals("NEEDS_SIGNOFF", first.path("status").asText());
        JsonNode flag = first.path("flags").get(0);
        assertEquals("DEAGE-PERFORMER", flag.path("ruleId").asText());
        assertEquals("BLOCKING", flag.path("severity").asText());
        assertTrue(flag.path("open").asBoolean());
        assertEquals("DE_AGING", flag.path("aiUse").path("technique").asText());
        JsonNode performer = flag.path("signatures").get(0);
        assertEquals("PERFORMER", performer.path("role").asText());
        assertEquals("Zoë Niño", performer.path("subjectName").asText());
        assertEquals("MISSING", performer.path("state").asText());
        assertTrue(performer.path("latest").isNull());
        assertEquals("SAG", flag.path("sources").get(0).path("label").asText());

        signEverything();
        JsonNode after = new ObjectMapper().readTree(check(file.toString(), "--json").out());
        assertFalse(after.path("summary").path("blocked").asBoolean());
        JsonNode signed = after.path("shots").get(0).path("flags").get(0).path("signatures").get(0);
        assertEquals("APPROVED", signed.path("state").asText());
        assertEquals("Signer PERFORMER", signed.path("latest").path("signer").asText());
    }

    /**
     * On a UTF-8 console the report is encoded by Jackson itself, elsewhere through the console's own encoder: the two
     * must print the same report (here with the performer's accented name), character for character.
     */
    @Test
    void theJsonReportIsTheSameOnAUtf8ConsoleAndAnyOther() {
        String[] args = {"check", file.toString(), "--json"};
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream(), latin1 = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int a = Cli.run(args, new PrintStream(utf8, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int b = Cli.run(args, new PrintStream(latin1, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Command.FINDING, a, err.toString(StandardCharsets.UTF_8));
        assertEquals(a, b);
        String report = utf8.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("\"subjectName\" : \"Zoë Niño\""), report);
        assertEquals(report, latin1.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aStoredPolicyDecidesWhatBlocks() throws Exception {
        String advisoryOnly = """
                {"name": "Light touch", "version": "1", "schemaVersion": 1, "sources": {"H": {"document": "House rules"}},
                 "rules": [{"id": "H-ALL", "title": "Any AI use", "explanation": "Tell post.", "when": {},
                            "mustSign": ["POST_SUPERVISOR"], "severity": "ADVISORY", "sources": ["H"]}]}""";
        try (ProductionStore store = ProductionStore.open(file)) {
            store.setPolicy("light.json", advisoryOnly);
        }
        assertEquals(Command.FINDING, check(file.toString()).exit(), "no policy turns off the consent check: the de-aging is not covered");
        try (ProductionStore store = ProductionStore.open(file)) {
            org.clearframe.testkit.Consents.recordCoveringEveryUse(store);
        }
        Run run = check(file.toString());
        assertEquals(Command.OK, run.exit(), "advisory flags alone do not block");
        assertTrue(run.out().contains("Policy:     Light touch (1) (stored in the file)"), run.out());
        assertTrue(run.out().contains("H-ALL"), run.out());
    }

    @Test
    void aBrokenStoredPolicyFailsClosedInsteadOfFallingBackToTheDefault() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.setPolicy("studio.json", "{\"name\": \"Studio\", ");
        }
        Run run = check(file.toString());
        assertEquals(Command.BAD_INPUT, run.exit(), "no verdict under a policy the studio did not choose");
        assertTrue(run.err().startsWith("clearframe: harbour.clearframe: The studio policy stored in this production cannot be used"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path text = dir.resolve("notes.clearframe");
        Files.writeString(text, "This is not a production.\n".repeat(20));
        Run foreign = check(text.toString());
        assertEquals(Command.BAD_INPUT, foreign.exit());
        assertTrue(foreign.err().startsWith("clearframe: "), foreign.err());
        assertEquals("", foreign.out());

        Run missing = check(dir.resolve("nowhere.clearframe").toString());
        assertEquals(Command.BAD_INPUT, missing.exit());
        assertTrue(missing.err().startsWith("clearframe: "), missing.err());

        assertEquals(Command.BAD_INPUT, check().exit());
        assertEquals(Command.BAD_INPUT, check(file.toString(), "--yaml").exit());
        assertEquals(Command.BAD_INPUT, check(file.toString(), file.toString()).exit());
    }
}
