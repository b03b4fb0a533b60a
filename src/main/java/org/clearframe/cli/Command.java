package org.clearframe.cli;

import java.io.PrintStream;
import java.util.List;

/** One verb of the command line. Exit codes: 0 success, 1 a finding (e.g. open blocking flags), 2 bad input. */
public interface Command {
    int OK = 0;
    int FINDING = 1;
    int BAD_INPUT = 2;

    String name();

    /** "info FILE": the verb and its arguments, for the usage line. */
    String usage();

    /** One line for --help. */
    String summary();

    int run(List<String> args, PrintStream out, PrintStream err);

    /** Prints the problem (if any) and this verb's usage on {@code err}; returns {@link #BAD_INPUT}. */
    default int usageError(PrintStream err, String problem) {
        if (problem != null) err.println("clearframe: " + name() + ": " + problem);
        err.println("Usage: clearframe " + usage());
        return BAD_INPUT;
    }
}
