package org.clearframe.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a second Java process, for what only another process can show: SQLite's
 * file locks are per process, so a second window or a pipeline's {@code check} is another program.
 */
public final class ChildJvm {

    private ChildJvm() {}

    public record Result(int exit, String output) {}

    /** Starts {@code main} with {@code args}; the caller reads its output line by line or waits. */
    public static Process start(Class<?> main, String... args) throws IOException {
        return startUnder(List.of(), main, args);
    }

    /** Like {@link #start}, with {@code prefix} (a command that runs the rest, such as a sandbox) in front. */
    public static Process startUnder(List<String> prefix, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Runs {@code main} to completion (at most a minute) and returns its exit code and output. */
    public static Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        return runUnder(List.of(), main, args);
    }

    public static Result runUnder(List<String> prefix, Class<?> main, String... args) throws IOException, InterruptedException {
        Process p = startUnder(prefix, main, args);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
