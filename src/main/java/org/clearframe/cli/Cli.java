package org.clearframe.cli;

import org.clearframe.AppInfo;

import org.clearframe.rules.PolicyUnreadable;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line. Each verb is a small {@link Command}; this class only dispatches and prints help.
 * Hand-rolled rather than picocli: a dozen verbs with a few flags each do not earn a dependency.
 */
public final class Cli {

    /**
     * The verbs, in help order. Each is made only when it runs (or for help): making them all would load every verb's
     * classes and what they use (Jackson, the policy reader) before a short verb such as {@code info} starts.
     */
    private static final List<String> VERBS = List.of("info", "check", "import-script", "import-shots", "export-csv",
            "export-json", "import-json", "share", "packages", "sign", "import-reply", "attest", "export-pdf", "consent", "calendar",
            "contact", "evidence", "verify-pack", "publish", "pull", "register");

    private static Command create(String verb) {
        return switch (verb) {
            case "info" -> new InfoCommand();
            case "check" -> new CheckCommand();
            case "import-script" -> new ImportScriptCommand();
            case "import-shots" -> new ImportShotsCommand();
            case "export-csv" -> new ExportCsvCommand();
            case "export-json" -> new ExportJsonCommand();
            case "import-json" -> new ImportJsonCommand();
            case "share" -> new ShareCommand();
            case "packages" -> new PackagesCommand();
            case "sign" -> new SignCommand();
            case "import-reply" -> new ImportReplyCommand();
            case "attest" -> new AttestCommand();
            case "export-pdf" -> new ExportPdfCommand();
            case "consent" -> new ConsentCommand();
            case "calendar" -> new CalendarCommand();
            case "contact" -> new ContactCommand();
            case "evidence" -> new EvidenceCommand();
            case "verify-pack" -> new VerifyPackCommand();
            case "publish" -> new PublishCommand();
            case "pull" -> new PullCommand();
            case "register" -> new RegisterCommand();
            default -> null;
        };
    }

    private static List<Command> commands() {
        return VERBS.stream().map(Cli::create).toList();
    }

    private Cli() {}

    /** The verbs' names, in help order. */
    static List<String> verbs() {
        return VERBS;
    }

    /**
     * True only when {@code args} ask for the desktop app: nothing, {@code --sample}, or one existing file that is
     * not a verb's name and does not look like an option. Anything else is the command line's, which refuses what
     * it does not know, so a typo never starts a window (or, with no display, a stack trace and exit 1).
     */
    public static boolean opensApp(String[] args) {
        if (args.length == 0) return true;
        if (args.length != 1) return false;
        String a = args[0];
        if (a.equals("--sample")) return true;
        if (a.startsWith("-") || find(a).isPresent()) return false;
        try {
            return Files.isRegularFile(Path.of(a));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Runs a verb on the console; the one place (with the verbs) that writes to standard output. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String first = args.length == 0 ? "--help" : args[0];
        if (first.equals("--version") && args.length == 1) {
            out.println(AppInfo.NAME + " " + AppInfo.version());
            return Command.OK;
        }
        if ((first.equals("--help") || first.equals("-h")) && args.length == 1) {
            printHelp(out);
            return Command.OK;
        }
        Optional<Command> command = find(first);
        if (command.isEmpty()) {
            err.println("clearframe: " + notACommand(args));
            suggestion(first).ifPresent(s -> err.println("Did you mean " + s + "?"));
            err.println();
            printHelp(err);
            return Command.BAD_INPUT;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            out.println("Usage: clearframe " + command.get().usage());
            out.println(command.get().summary());
            return Command.OK;
        }
        try {
            return command.get().run(rest, out, err);
        } catch (PolicyUnreadable e) {
            // A service met the stored policy and refused it: fail closed, with the policy's own error.
            err.println("clearframe: " + e.getMessage());
            return Command.BAD_INPUT;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Never a stack trace, and never exit 1, which a pipeline reads as "blocking flags open".
            err.println("clearframe: " + first + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Command.BAD_INPUT;
        }
    }

    private static String notACommand(String[] args) {
        String first = args[0];
        if (first.equals("--sample") || first.equals("--version") || first.equals("--help") || first.equals("-h")) {
            return first + " takes no other argument.";
        }
        if (first.startsWith("-")) return "unknown option '" + first + "'.";
        if (args.length == 1) return "'" + first + "' is neither a command nor an existing file.";
        return "unknown command '" + first + "'.";
    }

    /** The verb {@code typed} is closest to, when it is a likely typo (edit distance 2 or less, or a prefix). */
    static Optional<String> suggestion(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Command c : commands()) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), c.name());
            if (d < bestDistance) {
                best = c.name();
                bestDistance = d;
            }
        }
        boolean prefix = typed.length() >= 3 && VERBS.stream().filter(n -> n.startsWith(typed)).count() == 1;
        if (prefix) return VERBS.stream().filter(n -> n.startsWith(typed)).findFirst();
        return bestDistance <= 2 && bestDistance < typed.length() ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    private static Optional<Command> find(String name) {
        return Optional.ofNullable(create(name));
    }

    private static void printHelp(PrintStream out) {
        out.println(AppInfo.NAME + " " + AppInfo.version() + ": plan where generative AI touches a production, and get it signed off.");
        out.println();
        out.println("Usage:");
        out.printf("  %-33s %s%n", "clearframe [FILE.clearframe]", "open the desktop app (on FILE if given)");
        out.printf("  %-33s %s%n", "clearframe --sample", "open the desktop app on a copy of the sample production");
        for (Command c : commands()) {
            String usage = "clearframe " + c.usage();
            // long usages get their own line so the summaries still line up
            if (usage.length() > 33) out.printf("  %s%n  %-33s %s%n", usage, "", c.summary());
            else out.printf("  %-33s %s%n", usage, c.summary());
        }
        out.printf("  %-33s %s%n", "clearframe --version", "print the version");
        out.println();
        out.println("Exit codes: 0 success, 1 a finding (such as open blocking flags), 2 bad input.");
    }
}
