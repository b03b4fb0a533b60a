package org.clearframe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.rules.Policy;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, case 6: a stored studio policy that does not parse never lets the built-in policy stand in for it.
 * Every verb that evaluates flags refuses with exit 2 and the policy's own error; nothing is written.
 */
@ExtendWith(KeepsUserConfig.class)
class PolicyFailsClosedTest {

    /** The default policy with one severity misspelt, as a studio's hand-edited file might have it. */
    static final String MISSPELT = Policy.defaultPolicyJson().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": \"BLOKING\"");

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void sample() throws Exception {
        assertTrue(MISSPELT.contains("BLOKING"));
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        file = dir.resolve("harbour.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
    }

    private void storeMisspeltPolicy() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.setPolicy("studio.json", MISSPELT);
        }
    }

    private static void assertNamesThePolicyError(Console r) {
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("BLOKING"), r.err());
        assertTrue(r.err().contains("rule "), "names the rule: " + r.err());
        assertTrue(r.err().contains("severity"), "names the field: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void checkExitsTwoWithThePolicysErrorAndNoVerdict() throws Exception {
        storeMisspeltPolicy();
        for (String[] args : new String[][]{{"check", file.toString()}, {"check", file.toString(), "--json"}}) {
            Console r = Console.run(args);
            assertNamesThePolicyError(r);
            assertTrue(r.err().contains("harbour.clearframe"), "names the production: " + r.err());
            assertEquals("", r.out(), "no flags and no 'cleared' under a policy nobody chose");
        }
    }

    @Test
    void thePdfIsRefusedAndNotWritten() throws Exception {
        storeMisspeltPolicy();
        Path pdf = dir.resolve("breakdown.pdf");
        assertNamesThePolicyError(Console.run("export-pdf", file.toString(), pdf.toString()));
        assertFalse(Files.exists(pdf));
    }

    @Test
    void sharingAndImportingARepliesAreRefused() throws Exception {
        Path pkg = dir.resolve("vfx.cfshare"), reply = dir.resolve("vfx.cfreply");
        assertEquals(0, Console.run("share", file.toString(), "--department", "VFX", pkg.toString()).code());
        Console signed = Console.run("sign", pkg.toString(), "--name", "Dana Okafor", "--decide-all", "approve", reply.toString());
        assertEquals(0, signed.code(), signed.both());
        storeMisspeltPolicy();
        int before = signOffs();

        Path again = dir.resolve("again.cfshare");
        assertNamesThePolicyError(Console.run("share", file.toString(), "--department", "VFX", again.toString()));
        assertFalse(Files.exists(again));
        assertNamesThePolicyError(Console.run("import-reply", file.toString(), reply.toString(), "--dry-run"));
        assertNamesThePolicyError(Console.run("import-reply", file.toString(), reply.toString()));
        assertEquals(before, signOffs(), "nothing recorded");
    }

    @Test
    void importJsonRefusesAFileWhosePolicyDoesNotReadAndCreatesNothing() throws Exception {
        Path json = dir.resolve("harbour.json");
        assertEquals(0, Console.run("export-json", file.toString(), json.toString()).code());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
        root.put("policyJson", MISSPELT);
        mapper.writeValue(json.toFile(), root);

        Path target = dir.resolve("imported.clearframe");
        Console r = Console.run("import-json", json.toString(), target.toString());
        assertNamesThePolicyError(r);
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("imported")), "no temporary file either");
        }

        root.put("policyJson", Policy.defaultPolicyJson().replace("\"Clearframe default policy\"", "\"Studio policy\""));
        mapper.writeValue(json.toFile(), root);
        Console ok = Console.run("import-json", json.toString(), target.toString());
        assertEquals(0, ok.code(), ok.both());
        Console check = Console.run("check", target.toString());
        assertTrue(check.out().contains("Studio policy") && check.out().contains("(stored in the file)"), check.out());
    }

    private int signOffs() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load().signOffs().size();
        }
    }
}
