package org.clearframe.bench;

import org.clearframe.model.ProductionData;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports a 10,000-shot production to PDF and prints the time and the peak heap in use, sampled every 5 ms
 * while it runs. Target: under 10 s and under 500 MB. Run with -Xmx500m to prove it fits:
 * <pre>java -Xmx500m -cp ... org.clearframe.bench.PdfBenchmark</pre>
 * Flags are the built-in default policy's, from the rules evaluator (evaluated before the clock starts).
 */
public final class PdfBenchmark {


    private PdfBenchmark() {}

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
    }

    public static List<String> run() throws Exception {
        int shots = 10_000;
        ProductionData data = SyntheticProduction.generate(shots, 42);
        // The default policy's real flags, as the app would pass them (sign-offs: none, so every signature is missing).
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(Policies.inForce(data), data);
        long flagCount = flags.values().stream().mapToLong(List::size).sum();
        Path dir = Files.createTempDirectory("clearframe-pdf-bench");
        Path out = dir.resolve("breakdown.pdf");
        ExportOptions options = new ExportOptions(PaperSize.A4, "", false, "0".repeat(64), LocalDate.now());

        // One small warm-up export, as a user's second export would be (classes loaded, fonts parsed).
        BreakdownPdf.write(SyntheticProduction.generate(200, 1), Map.of(), options, dir.resolve("warm.pdf"), ExportProgress.NONE);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ExportSummary summary = BreakdownPdf.write(data, flags, options, out, ExportProgress.NONE);
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        sampler.interrupt();
        sampler.join();

        long bytes = Files.size(out);
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir.resolve("warm.pdf"));
        Files.deleteIfExists(dir);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "pdf export: %,d shots, %,d flags -> %,d pages, %.1f MB", shots, flagCount,
                summary.pages(), bytes / 1e6));
        // CPU time of the exporting thread as well as wall time: on a shared machine the wall time mostly
        // measures the other processes.
        lines.add(String.format(Locale.ROOT, "pdf export: %.2f s wall, %.2f s CPU on the exporting thread (target < 10 s; load average %.1f on %d cores)",
                elapsed / 1e9, cpu / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        lines.add(String.format(Locale.ROOT, "pdf export: peak heap used %d MB (baseline %d MB with the production loaded; max heap %d MB; target < 500 MB)",
                peak.get() >> 20, baseline >> 20, Runtime.getRuntime().maxMemory() >> 20));
        return lines;
    }
}
