package org.clearframe.bench;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.evidence.Audience;
import org.clearframe.evidence.EvidencePack;
import org.clearframe.evidence.PackVerifier;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.store.ProductionStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the evidence pack on the 10,000-shot synthetic production, with the VFX head's signed reply to every VFX
 * question imported (so the pack encloses a large reply): writing the pack, then verifying it. Peak heap is the
 * largest heap pool peak seen during the run (a bound, not an exact figure: the JVM collects when it likes).
 */
public final class EvidenceBench {

    private EvidenceBench() {}

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000).forEach(System.out::println);
    }

    public static List<String> run(int shots) throws Exception {
        Path dir = Files.createTempDirectory("clearframe-evidence-bench");
        List<String> lines = new ArrayList<>();
        try {
            Path file = dir.resolve("bench.clearframe");
            ProductionBuilder.from(SyntheticProduction.generate(shots, 7)).write(file);
            ProductionData data;
            try (ProductionStore store = ProductionStore.openReadOnly(file)) {
                data = org.clearframe.exchange.SignedRecord.planOnly(store);
            }
            // The producer is this run's user (the harness's config folder): their key vouches for the imported reply.
            KeyRing producer = KeyRing.forUser();
            SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX").withAllShots(true)).sealedWith(producer.keyPair());
            var answers = pkg.slots().stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList();
            var reply = pkg.sign("Bench Head", answers, new KeyRing(dir.resolve("head")).keyPair());
            try (ProductionStore store = ProductionStore.open(file)) {
                new ReplyImport(TrustStore.forUser()).repinning().apply(store, reply); // a new head key each run
            }

            Path pack = dir.resolve("pack.zip");
            resetPeaks();
            long t = System.nanoTime();
            EvidencePack.Summary s = EvidencePack.write(file, pack, Audience.INSURER, producer, ExportProgress.NONE);
            lines.add(String.format(Locale.ROOT, "evidence pack write   %6d shots %8.1f ms %10d bytes  (%d AI uses, %d sign-offs, %d replies; peak heap %d MB)",
                    shots, (System.nanoTime() - t) / 1e6, Files.size(pack), s.aiUses(), s.signOffsCounted(), s.replies(), peakHeapMb()));
            resetPeaks();
            t = System.nanoTime();
            PackVerifier.Result r = PackVerifier.verify(pack, null);
            lines.add(String.format(Locale.ROOT, "evidence pack verify  %6d shots %8.1f ms  (%s; peak heap %d MB)", shots,
                    (System.nanoTime() - t) / 1e6, r.valid() ? "valid" : "INVALID: " + r.problems(), peakHeapMb()));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return lines;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum >> 20;
    }
}
