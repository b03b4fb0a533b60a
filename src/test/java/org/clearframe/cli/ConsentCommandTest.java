package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.model.Consent;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code consent list}, {@code consent request} and check's uncovered uses, through Cli.run on real files. */
class ConsentCommandTest {

    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path sample() throws Exception {
        Path file = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        return file;
    }

    @Test
    void listShowsEachPersonsConsentsWhatTheyCoverAndTheUseNotCovered() throws Exception {
        Run run = cli("consent", "list", sample().toString());
        assertEquals(Command.FINDING, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("Tomasz Wójcik (Nico)  [representation: Union agreement covering replicas]"), out);
        assertTrue(out.contains("Scan 2026-11-03, notice 2026-10-29, business reason: The fall"), out);
        assertTrue(out.contains("Covers 2/2: Digital double / replica of a performer"), out);
        assertTrue(out.contains("Digital alteration as the producer may require  [not specific]"), out);
        assertTrue(out.contains("Not covered:\n    4/1 De-aging or re-aging (Use a replica, or alter a performance): Zoë Niño's consent"), out);
        assertTrue(out.contains("1 consent is missing for planned uses."), out);
    }

    @Test
    void withdrawingNicosConsentUncoversHisDouble_andCheckSaysSoInTextAndJson() throws Exception {
        Path file = sample();
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            Consent use = data.consents().stream().filter(c -> c.givenBy().equals("Tomasz Wójcik")
                    && c.kind() == org.clearframe.model.ConsentKind.USE_REPLICA_OR_ALTERATION).findFirst().orElseThrow();
            store.withdrawConsent(use.id(), LocalDate.of(2026, 11, 20));
        }
        Run check = cli("check", file.toString());
        assertEquals(Command.FINDING, check.exit());
        assertTrue(check.out().contains("Uses not covered by consent:"), check.out());
        assertTrue(check.out().contains("2/2  Tomasz Wójcik  Use a replica, or alter a performance: WITHDRAWN"), check.out());
        assertTrue(check.out().contains("Needs: a consent from Tomasz Wójcik that covers this use"), check.out());
        JsonNode root = new ObjectMapper().readTree(cli("check", file.toString(), "--json").out());
        assertEquals(2, root.get("summary").get("uncoveredUses").asInt());
        JsonNode first = root.get("uncoveredUses").get(0);
        assertEquals("2", first.get("scene").asText());
        assertEquals("WITHDRAWN", first.get("gap").asText());
        assertEquals("Tomasz Wójcik", first.get("person").asText());
        boolean flagged = false;
        for (JsonNode shot : root.get("shots")) {
            for (JsonNode f : shot.get("flags")) {
                if (f.get("ruleId").asText().equals("CONSENT-NOT-COVERED")) {
                    flagged = true;
                    assertEquals("BLOCKING", f.get("severity").asText());
                    assertTrue(f.get("open").asBoolean());
                    assertFalse(f.get("needsRecord").isNull());
                    assertEquals(0, f.get("signatures").size());
                }
            }
        }
        assertTrue(flagged);
    }

    @Test
    void aConsentFromSomeoneOutsideTheCastIsListed_andCoversNoCastMembersUse() throws Exception {
        Path file = sample();
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            store.saveConsent(new Consent(java.util.UUID.randomUUID(), null, "Harbour Trust (estate of Captain Varga)",
                    org.clearframe.model.ConsentKind.VOICE, data.production().id(), List.of(), List.of(),
                    java.util.Set.of(org.clearframe.model.Technique.VOICE_SYNTHESIS), "Archive radio message",
                    "The captain's voice read from his 1961 log, for the radio in scene 5", LocalDate.of(2026, 10, 2), null, null, ""));
        }
        Run run = cli("consent", "list", file.toString());
        assertTrue(run.out().contains("Outside the cast list:\n  Consent "), run.out());
        assertTrue(run.out().contains("by Harbour Trust (estate of Captain Varga)"), run.out());
        assertTrue(run.out().contains("1 consent is missing for planned uses."), "it covers nothing of Zoë's: " + run.out());
    }

    @Test
    void badInputIsExitTwoWithAClearMessage_andNothingIsWritten() throws Exception {
        Path file = sample();
        Path pdf = dir.resolve("out.pdf");
        Run nobody = cli("consent", "request", file.toString(), "--person", "Nobody Here", pdf.toString());
        assertEquals(Command.BAD_INPUT, nobody.exit());
        assertTrue(nobody.err().contains("no cast member is called 'Nobody Here'"), nobody.err());
        assertTrue(nobody.err().contains("Zoë Niño"), "lists the cast to choose from");
        assertFalse(Files.exists(pdf));
        assertEquals(Command.BAD_INPUT, cli("consent", "request", file.toString(), pdf.toString()).exit(), "--person is required");
        assertEquals(Command.BAD_INPUT, cli("consent", "request", file.toString(), "--person", "Zoë Niño", pdf.toString(), "--bogus").exit());
        assertEquals(Command.BAD_INPUT, cli("consent", "forge", file.toString()).exit());
        assertEquals(Command.BAD_INPUT, cli("consent").exit());
        assertEquals(Command.BAD_INPUT, cli("consent", "list", dir.resolve("missing.clearframe").toString()).exit());
        // Never onto the production itself.
        Run ontoInput = cli("consent", "request", file.toString(), "--person", "Zoë Niño", file.toString(), "--force");
        assertEquals(Command.BAD_INPUT, ontoInput.exit());
        assertFalse(Files.exists(pdf));
        // An existing file needs --force.
        Files.writeString(pdf, "keep me");
        assertEquals(Command.BAD_INPUT, cli("consent", "request", file.toString(), "--person", "Zoë Niño", pdf.toString()).exit());
        assertEquals("keep me", Files.readString(pdf));
        assertEquals(Command.OK, cli("consent", "request", file.toString(), "--person", "Zoë Niño", pdf.toString(), "--force").exit());
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }
}
