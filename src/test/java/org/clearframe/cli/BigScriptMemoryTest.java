package org.clearframe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, case 11: a 10 MB Fountain script imports within a 200 MB heap. Measured, not timed: the real
 * command runs in a child JVM capped with -Xmx200m, so holding a few more copies of the script fails with an
 * OutOfMemoryError (exit code other than 0). Non-ASCII text and CRLF line ends make the decoded copies as large
 * as they get (UTF-16 strings).
 */
class BigScriptMemoryTest {

    static final long TEN_MB = 10L * 1024 * 1024;

    @TempDir Path dir;

    @Test
    void aTenMegabyteScriptImportsUnderTwoHundredMegabytesOfHeap() throws Exception {
        Path script = dir.resolve("saga.fountain");
        long written = 0;
        int scene = 0;
        String[] names = {"MAYA", "ZOË", "OLD SAILOR", "HARBOURMASTER", "TOM"};
        try (BufferedWriter w = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
            w.write("Title: Saga\r\nAuthor: Test\r\n\r\n");
            while (true) {
                scene++;
                String block = "INT. CANNERY FLOOR " + scene + " - NIGHT\r\n\r\nThe machines groan — steam rises. [[check the stunt]]\r\n\r\n"
                        + names[scene % names.length] + "\r\nWe get the catch in before the tide turns, or the shift is lost.\r\n\r\n"
                        + names[(scene + 2) % names.length] + "\r\n(quietly)\r\nThen we run.\r\n\r\n";
                long size = block.getBytes(StandardCharsets.UTF_8).length;
                if (written + size > TEN_MB - 1024) break;
                w.write(block);
                written += size;
            }
        }
        assertTrue(Files.size(script) > TEN_MB - 4096 && Files.size(script) <= TEN_MB, "a script just under the 10 MB limit");

        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx200m", "--enable-native-access=ALL-UNNAMED",
                "-Dclearframe.config=" + dir.resolve("config"), "-cp", System.getProperty("java.class.path"), "org.clearframe.Launcher",
                "import-script", script.toString(), dir.resolve("saga.clearframe").toString()));
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the import finished");
        String stdout = Files.readString(out), stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), "exit code with -Xmx200m\n" + stdout + stderr);
        assertTrue(stdout.contains((scene - 1) + " scenes"), stdout);
        assertTrue(stdout.lines().count() <= ImportScriptCommand.SCENES_SHOWN + 3, "a summary, not every scene:\n" + stdout);
        assertTrue(Files.size(dir.resolve("saga.clearframe")) > 0);
    }
}
