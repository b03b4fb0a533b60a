package org.clearframe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 10, case 9: the command line never guesses. Unknown verbs and options exit 2 with the usage, never a window. */
class CommandLineStrictnessTest {

    @TempDir Path dir;

    private static void assertRefusedWithUsage(Console r, String what) {
        assertEquals(2, r.code(), what + ": " + r.both());
        assertTrue(r.err().contains("Usage"), what + " prints the usage: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), what + ": no stack trace: " + r.err());
        assertEquals("", r.out(), what + " prints nothing on standard output");
    }

    @Test
    void aMistypedVerbExitsTwoWithAHintAndNeverOpensTheApp() throws Exception {
        Path file = Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), dir.resolve("h.clearframe"));
        Console r = Console.run("chek", file.toString());
        assertRefusedWithUsage(r, "chek FILE");
        assertTrue(r.err().contains("Did you mean check?"), r.err());
        assertFalse(Cli.opensApp(new String[]{"chek", file.toString()}));
        assertTrue(Console.run("exprot-pdf", file.toString(), "x.pdf").err().contains("Did you mean export-pdf?"));
    }

    @Test
    void theAppOpensOnlyForNothingOneExistingFileOrSample() throws Exception {
        Path file = Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), dir.resolve("h.clearframe"));
        assertTrue(Cli.opensApp(new String[]{}));
        assertTrue(Cli.opensApp(new String[]{"--sample"}));
        assertTrue(Cli.opensApp(new String[]{file.toString()}));

        for (String[] args : List.of(new String[]{"--sampel"}, new String[]{"--sample", file.toString()}, new String[]{file.toString(), "--sample"},
                new String[]{dir.resolve("missing.clearframe").toString()}, new String[]{"-psn_0_1234"}, new String[]{"check"},
                new String[]{"--version", "extra"}, new String[]{file.toString(), file.toString()}, new String[]{"\0bad"})) {
            assertFalse(Cli.opensApp(args), String.join(" ", args));
            assertRefusedWithUsage(Console.run(args), String.join(" ", args));
        }
        assertTrue(Console.run(dir.resolve("missing.clearframe").toString()).err().contains("neither a command nor an existing file"));
    }

    @Test
    void everyVerbNamedInHelpRunsThatVerb() {
        for (String verb : Cli.verbs()) {
            Console c = Console.run(verb, "--help");
            assertEquals(0, c.code(), verb);
            assertTrue(c.out().startsWith("Usage: clearframe " + verb + " ") || c.out().startsWith("Usage: clearframe " + verb + System.lineSeparator()),
                    verb + ": " + c.out());
            assertTrue(Console.run("--help").out().contains("clearframe " + verb), verb + " is in the help");
        }
    }

    @Test
    void everyVerbRejectsAnUnknownOption() {
        for (String verb : Cli.verbs()) {
            for (String option : List.of("--bogus", "-x", "--forse", "-")) {
                assertRefusedWithUsage(Console.run(verb, "a.clearframe", "b.out", option), verb + " " + option);
            }
            assertTrue(Console.run(verb, "a", "b", "--bogus").err().contains("'--bogus'") || Console.run(verb, "a", "b", "--bogus").err().contains("--bogus"),
                    verb + " names the option");
        }
    }

    @Test
    void optionsThatTakeAValueRefuseToGoWithout() {
        List<String[]> cases = List.of(
                new String[]{"export-pdf", "a.clearframe", "b.pdf", "--paper"},
                new String[]{"export-pdf", "a.clearframe", "b.pdf", "--department", "--flagged-only"},
                new String[]{"export-pdf", "a.clearframe", "b.pdf", "--paper", "a4", "--paper", "letter"},
                new String[]{"share", "a.clearframe", "b.cfshare", "--department"},
                new String[]{"share", "a.clearframe", "--role", "--all", "b.cfshare"},
                new String[]{"sign", "p.cfshare", "--name", "--list"},
                new String[]{"sign", "p.cfshare", "--name", "Dana", "--decide-all"},
                new String[]{"check", "a.clearframe", "--json", "--json"},
                new String[]{"check"},
                new String[]{"info", "a.clearframe", "b.clearframe"},
                new String[]{"export-json", "a.clearframe"},
                new String[]{"import-shots", "a.clearframe", "b.csv", "c.csv"});
        for (String[] args : cases) assertRefusedWithUsage(Console.run(args), String.join(" ", args));
    }

    @Test
    void helpAndVersionStillAnswer() {
        assertEquals(0, Console.run("--help").code());
        assertEquals(0, Console.run("--version").code());
        Console help = Console.run("export-csv", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--force"), help.out());
    }
}
