package org.clearframe.bench;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Trigger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports a 10,000-shot production to PDF and prints the time and the peak heap in use, sampled every 5 ms
 * while it runs. Target: under 10 s and under 500 MB. Run with -Xmx500m to prove it fits:
 * <pre>java -Xmx500m -cp ... org.clearframe.bench.PdfBenchmark</pre>
 * Flags are made up here in the proportions a real policy gives (one to three per AI use, two to four
 * signatures each, in every state), so the benchmark does not wait on or depend on the rules evaluator.
 */
public final class PdfBenchmark {

    private static final String[] RULES = {"VFX-GEN-FINAL", "DEAGE-PERFORMER", "VOICE-CLONE", "SYNTH-CROWD",
            "SET-CONCEPT", "UPLOAD-PRODUCTION", "VENDOR-TRAINS", "COPYRIGHT-REF"};
    private static final Role[] ROLES = {Role.VFX_SUPERVISOR, Role.STUDIO_AI_CONTACT, Role.STUDIO_LEGAL, Role.DIRECTOR,
            Role.SOUND_SUPERVISOR, Role.CASTING, Role.PRODUCTION_DESIGNER, Role.EDITOR};

    private PdfBenchmark() {}

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
    }

    public static List<String> run() throws Exception {
        int shots = 10_000;
        ProductionData data = SyntheticProduction.generate(shots, 42);
        Map<UUID, List<Flag>> flags = flags(data, 42);
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

    /** Made-up flags for every AI use, in a fixed mix of states. */
    static Map<UUID, List<Flag>> flags(ProductionData data, long seed) {
        Random random = new Random(seed);
        SignatureState[] states = SignatureState.values();
        Map<UUID, List<Flag>> flags = new HashMap<>();
        for (Shot shot : data.shots()) {
            List<Flag> list = new ArrayList<>();
            for (AiUse use : shot.aiUses()) {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String id = RULES[random.nextInt(RULES.length)];
                    List<RequiredSignature> sigs = new ArrayList<>();
                    List<Role> roles = new ArrayList<>();
                    int m = 2 + random.nextInt(3);
                    for (int j = 0; j < m; j++) {
                        Role role = ROLES[random.nextInt(ROLES.length)];
                        if (roles.contains(role)) continue;
                        roles.add(role);
                        SignatureState state = states[random.nextInt(states.length)];
                        SignOff latest = state == SignatureState.MISSING ? null
                                : new SignOff(UUID.randomUUID(), shot.id(), id, role, null, "Signer " + random.nextInt(20),
                                state == SignatureState.DECLINED ? Decision.DECLINED : Decision.APPROVED, "",
                                Instant.parse("2026-11-01T10:00:00Z"), "fp");
                        sigs.add(new RequiredSignature(role, null, "", state, latest));
                    }
                    Rule rule = new Rule(id, "Rule " + id, "", Trigger.always(), roles,
                            random.nextInt(3) == 0 ? Severity.ADVISORY : Severity.BLOCKING, List.of());
                    list.add(new Flag(rule, shot.id(), use, "Reason for " + id, sigs));
                }
            }
            if (!list.isEmpty()) flags.put(shot.id(), list);
        }
        return flags;
    }
}
