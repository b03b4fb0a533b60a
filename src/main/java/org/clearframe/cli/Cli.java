package org.clearframe.cli;

import org.clearframe.AppInfo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line. Each verb is a small {@link Command}; this class only dispatches and prints help.
 * Hand-rolled rather than picocli: a dozen verbs with a few flags each do not earn a dependency.
 */
public final class Cli {

    private static final List<Command> COMMANDS = List.of(
            new InfoCommand(),
            new CheckCommand(),
            new ImportScriptCommand(),
            new ImportShotsCommand(),
            new ExportCsvCommand(),
            new ExportJsonCommand(),
            new ImportJsonCommand(),
            new ShareCommand(),
            new SignCommand(),
            new ImportReplyCommand(),
            new AttestCommand(),
            new ExportPdfCommand());

    private Cli() {}

    /** True when {@code args} ask for the command line rather than the desktop app. */
    public static boolean handles(String[] args) {
        if (args.length == 0) return false;
        String first = args[0];
        return first.equals("--help") || first.equals("-h") || first.equals("--version") || find(first).isPresent();
    }

    /** Runs a verb on the console; the one place (with the verbs) that writes to standard output. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String first = args.length == 0 ? "--help" : args[0];
        if (first.equals("--version")) {
            out.println(AppInfo.NAME + " " + AppInfo.version());
            return Command.OK;
        }
        if (first.equals("--help") || first.equals("-h")) {
            printHelp(out);
            return Command.OK;
        }
        Optional<Command> command = find(first);
        if (command.isEmpty()) {
            err.println("clearframe: unknown command '" + first + "'. Try --help.");
            return Command.BAD_INPUT;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            out.println("Usage: clearframe " + command.get().usage());
            out.println(command.get().summary());
            return Command.OK;
        }
        return command.get().run(rest, out, err);
    }

    private static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void printHelp(PrintStream out) {
        out.println(AppInfo.NAME + " " + AppInfo.version() + ": plan where generative AI touches a production, and get it signed off.");
        out.println();
        out.println("Usage:");
        out.printf("  %-33s %s%n", "clearframe [FILE.clearframe]", "open the desktop app (on FILE if given)");
        out.printf("  %-33s %s%n", "clearframe --sample", "open the desktop app on a copy of the sample production");
        for (Command c : COMMANDS) {
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
