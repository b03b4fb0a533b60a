package org.clearframe.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verb's arguments, parsed strictly: every option must be one the verb declares, an option that takes a value
 * must have one (not another option), and a single-valued option may not be given twice. The command line never
 * guesses what a stray word meant.
 */
final class Arguments {

    /** The arguments do not fit the verb; the message says which one and why. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final Set<String> flagsGiven;
    private final Map<String, List<String>> values;
    private final List<String> positional;

    private Arguments(Set<String> flagsGiven, Map<String, List<String>> values, List<String> positional) {
        this.flagsGiven = flagsGiven;
        this.values = values;
        this.positional = positional;
    }

    /**
     * @param flags      options without a value ("--dry-run")
     * @param options    options with one value ("--paper a4"), at most once each
     * @param repeatable options with a value that may be given several times ("--decide X")
     */
    static Arguments parse(List<String> args, Set<String> flags, Set<String> options, Set<String> repeatable) throws Invalid {
        Set<String> given = new java.util.HashSet<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!isOption(a)) {
                positional.add(a);
            } else if (flags.contains(a)) {
                if (!given.add(a)) throw new Invalid(a + " is given twice.");
            } else if (options.contains(a) || repeatable.contains(a)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) throw new Invalid(a + " needs a value.");
                List<String> list = values.computeIfAbsent(a, k -> new ArrayList<>());
                if (!list.isEmpty() && !repeatable.contains(a)) throw new Invalid(a + " is given twice.");
                list.add(args.get(++i));
            } else {
                throw new Invalid("unknown option '" + a + "'.");
            }
        }
        return new Arguments(given, values, positional);
    }

    static Arguments parse(List<String> args, Set<String> flags, Set<String> options) throws Invalid {
        return parse(args, flags, options, Set.of());
    }

    /** "-x", "--x" and a lone "-" are options (a lone "-" is not a file name here); everything else is an argument. */
    static boolean isOption(String a) {
        return a.startsWith("-");
    }

    boolean has(String flag) {
        return flagsGiven.contains(flag);
    }

    /** The option's value, or null when not given. */
    String value(String option) {
        List<String> list = values.get(option);
        return list == null ? null : list.get(0);
    }

    List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    List<String> positional() {
        return positional;
    }

    /** The positional arguments, when there are exactly {@code count} of them. */
    List<String> positional(int count, String what) throws Invalid {
        if (positional.size() != count) {
            throw new Invalid(positional.size() < count ? "missing " + what + "." : "too many arguments: " + what + " expected.");
        }
        return positional;
    }

    /** The value after {@code args[i]}, or null when there is none or it is another option (for verbs with their own loop). */
    static String valueAfter(List<String> args, int i) {
        return i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(i + 1) : null;
    }
}
