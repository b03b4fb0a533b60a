package org.clearframe.ui;

import java.time.Duration;

/**
 * Marks on the way to the first frame and the first usable screen, logged when the app runs with
 * {@code -Dclearframe.startup.trace=true} (how installer/README.md's table of where start-up time goes was made).
 * Off by default: then each mark is one boolean test.
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("clearframe.startup.trace");
    private static final System.Logger LOG = ON ? System.getLogger(StartupTrace.class.getName()) : null;

    private StartupTrace() {}

    /** Logs {@code what} with the JVM's uptime, the CPU time the process has used, and this thread's. */
    public static void mark(String what) {
        if (!ON) return;
        // The JVM's own uptime: the process's start instant comes from /proc in clock ticks and was off by up to 0.6 s.
        long wall = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        LOG.log(System.Logger.Level.INFO, String.format("startup %5d ms wall %5d ms cpu %5d ms this thread  %s [%s]", wall, cpu,
                thread, what, Thread.currentThread().getName()));
    }
}
