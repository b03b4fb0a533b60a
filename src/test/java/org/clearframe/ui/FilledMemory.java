package org.clearframe.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.clearframe.bench.CommandLineTable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14's memory figure for the app: the resident memory of a JVM with the window open on a 100,000-shot
 * feature-shaped production once the whole file is read and its first page (the Due page) is built, as the app
 * leaves it, and again after a full collection. Measured in a JVM of its own started as the app image starts (-Xmx1g,
 * G1), so that nothing the rest of the harness did is counted. {@code -Dbench.memory.idle=SECONDS} also measures it after
 * that long idle (what the collector gives back by itself), {@code -Dbench.memory.hold=SECONDS} keeps the JVM open
 * that long at the end, for {@code jcmd}.
 */
final class FilledMemory {

    private FilledMemory() {}

    /** Runs {@link #measure} in a new JVM over the harness's 100,000-shot feature production; returns its lines. */
    static List<String> inOwnJvm() throws Exception {
        Path dir = Path.of("target", "bench-data");
        Files.createDirectories(dir);
        Path file = CommandLineTable.production(dir, 100_000, false);
        Path copy = Files.createTempDirectory("clearframe-memory-bench").resolve(file.getFileName());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING); // opening a file for editing writes to it
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dprism.order=sw", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "--enable-native-access=ALL-UNNAMED"));
        String config = System.getProperty("clearframe.config");
        if (config != null) command.add("-Dclearframe.config=" + config);
        command.add("-Dbench.memory.idle=" + Long.getLong("bench.memory.idle", 0));
        // collector settings to try (-Dbench.memory.jvm="-XX:MaxHeapFreeRatio=30 ..."), as the app image's cfg would set them
        for (String option : System.getProperty("bench.memory.jvm", "").split(" ")) if (!option.isBlank()) command.add(option);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EditAndScrollBenchmark.class.getName(), "memory", copy.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader()) {
            out.lines().filter(l -> l.startsWith("memory:")).forEach(lines::add);
        }
        if (p.waitFor() != 0 || lines.isEmpty()) lines.add("memory: FAILED (exit " + p.exitValue() + ")");
        return lines;
    }

    /** Opens {@code file} in the window, waits for the fill and the first page, and reports the memory in use. */
    static List<String> measure(Path file) throws Exception {
        startFx();
        MainController main = onFx(() -> {
            Stage stage = new Stage();
            ViewFactory.Loaded<MainController> loaded = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser()).mainWindow();
            Scene scene = new Scene(loaded.root(), 1280, 800);
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return loaded.controller();
        });
        long t = System.nanoTime();
        onFx(() -> {
            main.openFile(file);
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!onFx(() -> main.session() != null && !main.tasks().busyProperty().get())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the production was not read in 5 minutes");
            Thread.sleep(20);
        }
        onFx(() -> null); // the first page is built in the same FX event as the session is adopted
        double filled = (System.nanoTime() - t) / 1e9;
        Thread.sleep(1000); // the pulses after it: the page laid out and drawn
        int shots = onFx(() -> main.session().shots().size());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "memory: %,d shots open in the window, filled in and on the Due page after %.1f s (-Xmx%s)",
                shots, filled, maxHeap()));
        lines.add(figures("as the fill leaves it"));
        long idle = Long.getLong("bench.memory.idle", 0);
        if (idle > 0) { // what the collector gives back by itself while the producer reads the page
            Thread.sleep(idle * 1000);
            lines.add(figures("after " + idle + " s idle"));
        }
        System.gc();
        lines.add(figures("after a full collection"));
        long hold = Long.getLong("bench.memory.hold", 0);
        if (hold > 0) {
            lines.forEach(System.out::println);
            lines.clear();
            System.out.println("memory: pid " + ProcessHandle.current().pid() + ", held " + hold + " s");
            Thread.sleep(hold * 1000);
        }
        return lines;
    }

    private static String figures(String when) throws IOException {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "memory: %s: resident %d MB (peak %d MB), heap in use %d MB of %d MB committed",
                when, status("VmRSS") / 1024, status("VmHWM") / 1024, heap.getUsed() >> 20, heap.getCommitted() >> 20);
    }

    private static String maxHeap() {
        return (Runtime.getRuntime().maxMemory() >> 20) + "m";
    }

    /** A figure in kB from /proc/self/status. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    private static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on the FX thread and returns what it returns (the UI benchmarks' one way onto that thread). */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(120, TimeUnit.SECONDS);
    }
}
