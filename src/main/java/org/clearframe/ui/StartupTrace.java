package org.clearframe.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * Marks on the way to the first frame and the first usable screen, logged when the app runs with
 * {@code -Dclearframe.startup.trace=true} (how installer/README.md's table of where start-up time goes was made).
 * Off by default: then each mark is one boolean test.
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("clearframe.startup.trace");
    private static final System.Logger LOG = ON ? System.getLogger(StartupTrace.class.getName()) : null;

    private StartupTrace() {}

    /** Logs {@code what} with the wall time since the process started and the CPU time it has used. */
    public static void mark(String what) {
        if (!ON) return;
        ProcessHandle.Info info = ProcessHandle.current().info();
        long wall = info.startInstant().map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        LOG.log(System.Logger.Level.INFO, String.format("startup %5d ms wall %5d ms cpu  %s [%s]", wall, cpu, what,
                Thread.currentThread().getName()));
    }
}
