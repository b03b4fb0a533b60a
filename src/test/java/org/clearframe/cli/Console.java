package org.clearframe.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real command-line entry point and keeps what it printed. */
public record Console(int code, String out, String err) {

    public static Console run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs as the person whose config folder (and so key and pinned keys) is {@code configDir}. */
    public static Console as(java.nio.file.Path configDir, String... args) {
        System.setProperty("clearframe.config", configDir.toString());
        return run(args);
    }

    /** For assertion messages. */
    public String both() {
        return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
