package org.clearframe.cli;

import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, case 2: no writing verb overwrites anything without consent. Through the real entry point and real
 * files: onto its own input (also through a symbolic link) exit 2, bytes unchanged; onto an existing production
 * exit 2 even with --force; onto any other existing file exit 2 without --force, replaced with it.
 */
@ExtendWith(KeepsUserConfig.class)
class OutputConsentTest {

    @TempDir Path dir;
    Path self;
    /** What share reads: share records each package in its production (issue 15), so it writes there by design. */
    Path shared;
    byte[] selfBytes;

    @BeforeEach
    void sample() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        self = dir.resolve("self.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), self);
        selfBytes = Files.readAllBytes(self);
        shared = dir.resolve("shared.clearframe");
        Files.copy(self, shared);
    }

    @AfterEach
    void restore() throws Exception {
        assertArrayEquals(selfBytes, Files.readAllBytes(self), "the production's bytes never change");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList(),
                    "no half-written file is left behind");
        }
    }

    @Test
    void exportJsonOntoItsOwnProductionIsRefusedEvenWithForce() throws Exception {
        Console r = Console.run("export-json", self.toString(), self.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("input"), r.err());
        assertEquals("", r.out());
        assertEquals(2, Console.run("export-json", self.toString(), self.toString(), "--force").code());
    }

    /** Each writing verb, as a function from (output file, extra flags) to its arguments. */
    private List<Writer> writers() {
        return List.of(
                new Writer("export-json", ".json", (out) -> List.of("export-json", self.toString(), out)),
                new Writer("export-csv", ".csv", (out) -> List.of("export-csv", self.toString(), out)),
                new Writer("export-pdf", ".pdf", (out) -> List.of("export-pdf", self.toString(), out, "--paper", "a4")),
                new Writer("share", ".cfshare", (out) -> List.of("share", shared.toString(), "--department", "VFX", out)));
    }

    private record Writer(String verb, String extension, Function<String, List<String>> args) {
        Console run(Path out, String... extra) {
            List<String> all = new ArrayList<>(args.apply(out.toString()));
            all.addAll(Arrays.asList(extra));
            return Console.run(all.toArray(String[]::new));
        }
    }

    @Test
    void everyWriterRefusesItsInputAndAnyProductionEvenWithForce() throws Exception {
        Path other = dir.resolve("other.clearframe");
        Files.copy(self, other);
        byte[] otherBytes = Files.readAllBytes(other);
        Path link = Files.createSymbolicLink(dir.resolve("link-to-self.out"), self);
        for (Writer w : writers()) {
            for (Path target : List.of(self, link, other)) {
                Console r = w.run(target, "--force");
                assertEquals(2, r.code(), w.verb() + " onto " + target.getFileName() + ": " + r.both());
                assertTrue(r.err().startsWith("clearframe: "), r.err());
                assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            }
        }
        assertArrayEquals(otherBytes, Files.readAllBytes(other));
        assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
    }

    @Test
    void everyWriterNeedsForceToReplaceAnotherExistingFile() throws Exception {
        for (Writer w : writers()) {
            Path target = dir.resolve("existing" + w.extension());
            Files.writeString(target, "keep me");
            Console refused = w.run(target);
            assertEquals(2, refused.code(), w.verb() + ": " + refused.both());
            assertTrue(refused.err().contains("--force"), refused.err());
            assertEquals("keep me", Files.readString(target), w.verb() + " left the file alone");

            Console forced = w.run(target, "--force");
            assertEquals(0, forced.code(), w.verb() + ": " + forced.both());
            assertNotEquals("keep me", new String(Files.readAllBytes(target), java.nio.charset.StandardCharsets.ISO_8859_1));

            Path fresh = dir.resolve("fresh" + w.extension());
            assertEquals(0, w.run(fresh).code(), w.verb() + " writes a new file without --force");
            assertTrue(Files.size(fresh) > 0);
        }
    }

    @Test
    void signRefusesToWriteItsReplyOntoThePackageAndNeedsForceForAnExistingReply() throws Exception {
        Path pkg = dir.resolve("vfx.cfshare");
        assertEquals(0, Console.run("share", shared.toString(), "--department", "VFX", pkg.toString()).code());
        byte[] pkgBytes = Files.readAllBytes(pkg);
        Console onto = Console.run("sign", pkg.toString(), "--name", "Dana Okafor", "--decide-all", "approve", pkg.toString());
        assertEquals(2, onto.code(), onto.both());
        assertArrayEquals(pkgBytes, Files.readAllBytes(pkg));

        Path reply = dir.resolve("vfx.cfreply");
        Files.writeString(reply, "an earlier reply");
        assertEquals(2, Console.run("sign", pkg.toString(), "--name", "Dana Okafor", "--decide-all", "approve", reply.toString()).code());
        assertEquals("an earlier reply", Files.readString(reply));
        Console forced = Console.run("sign", pkg.toString(), "--name", "Dana Okafor", "--decide-all", "approve", reply.toString(), "--force");
        assertEquals(0, forced.code(), forced.both());
        assertNotEquals("an earlier reply", Files.readString(reply));
    }

    @Test
    void importJsonNeverReplacesAFileAndNeverItsInput() throws Exception {
        Path json = dir.resolve("harbour.json");
        assertEquals(0, Console.run("export-json", self.toString(), json.toString()).code());
        byte[] jsonBytes = Files.readAllBytes(json);

        assertEquals(2, Console.run("import-json", json.toString(), self.toString()).code(), "onto an existing production");
        assertEquals(2, Console.run("import-json", json.toString(), json.toString()).code(), "onto its input");
        assertArrayEquals(jsonBytes, Files.readAllBytes(json));
        Path text = Files.writeString(dir.resolve("notes.clearframe.txt"), "notes");
        assertEquals(2, Console.run("import-json", json.toString(), text.toString()).code(), "onto any existing file");
        assertEquals("notes", Files.readString(text));
        assertEquals(2, Console.run("import-json", json.toString(), dir.resolve("new.clearframe").toString(), "--force").code(),
                "import-json has no --force");
        assertEquals(0, Console.run("import-json", json.toString(), dir.resolve("new.clearframe").toString()).code());
    }

    @Test
    void importScriptRefusesToImportAFileIntoItself() throws Exception {
        Path script = Files.copy(Path.of("assets/sample/harbour-lights.fountain"), dir.resolve("script.fountain"));
        byte[] before = Files.readAllBytes(script);
        Console r = Console.run("import-script", script.toString(), script.toString());
        assertEquals(2, r.code(), r.both());
        assertArrayEquals(before, Files.readAllBytes(script));
        Console viaLink = Console.run("import-script", self.toString(), Files.createSymbolicLink(dir.resolve("alias.clearframe"), self).toString());
        assertEquals(2, viaLink.code(), viaLink.both());
    }
}
