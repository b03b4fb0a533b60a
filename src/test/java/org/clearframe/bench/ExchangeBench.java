package org.clearframe.bench;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.ProjectJson;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the exchange on a synthetic production: whole-project export and import, building a share package for
 * VFX with every shot, the head signing every question, and the producer verifying and applying the reply.
 */
public final class ExchangeBench {

    private ExchangeBench() {}

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 3000).forEach(System.out::println);
    }

    public static List<String> run(int shots) throws Exception {
        Path dir = Files.createTempDirectory("clearframe-exchange-bench");
        List<String> lines = new ArrayList<>();
        try {
            Path file = dir.resolve("bench.clearframe");
            ProductionBuilder.from(SyntheticProduction.generate(shots, 7)).write(file);
            ProductionData data;
            try (ProductionStore store = ProductionStore.openReadOnly(file)) {
                data = store.load();
            }
            Path json = dir.resolve("bench.json");
            long t = System.nanoTime();
            ProjectJson.export(file, json);
            lines.add(figure("export-json", shots, t, Files.size(json)));
            t = System.nanoTime();
            ProjectJson.importTo(json, dir.resolve("copy.clearframe"));
            lines.add(figure("import-json", shots, t, Files.size(json)));

            Path pkgFile = dir.resolve("vfx.cfshare");
            t = System.nanoTime();
            SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX").withAllShots(true)).sealedWith(new KeyRing(dir.resolve("producer")).keyPair()).write(pkgFile);
            lines.add(figure("share --all (VFX)", shots, t, Files.size(pkgFile)));

            t = System.nanoTime();
            SharePackage pkg = SharePackage.read(pkgFile);
            List<SharePackage.Answer> answers = pkg.slots().stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList();
            Reply reply = pkg.sign("Bench Head", answers, new KeyRing(dir.resolve("head")).keyPair());
            Path replyFile = dir.resolve("vfx.cfreply");
            reply.write(replyFile);
            lines.add(figure("read package + sign " + answers.size() + " decisions", shots, t, Files.size(replyFile)));

            t = System.nanoTime();
            ReplyImport importer = new ReplyImport(new TrustStore(dir.resolve("producer")));
            try (ProductionStore store = ProductionStore.open(file)) {
                importer.apply(store, ReplyVerifier.read(replyFile));
            }
            lines.add(figure("verify + preview + apply reply", shots, t, Files.size(replyFile)));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return lines;
    }

    private static String figure(String what, int shots, long startNanos, long bytes) {
        return String.format(Locale.ROOT, "exchange %-45s %5d shots %8.1f ms %10d bytes", what, shots,
                (System.nanoTime() - startNanos) / 1e6, bytes);
    }
}
