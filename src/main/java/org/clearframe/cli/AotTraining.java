package org.clearframe.cli;

import org.clearframe.model.AiUse;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.store.ProductionStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work installer/build.sh's AOT training runs do (it sets {@code -Dclearframe.aot.training=DIR} for those runs
 * only). Each cache is trained on the start it serves: the double-clicked file's cache on the window opening a
 * production of about a thousand shots made from the bundled sample ({@link #largeProduction}); the command line's on
 * the verbs a producer and a build server use, run on that production and on the sample ({@link #runVerbs}: info,
 * check, check --json, the CSV, PDF and JSON exports, import-json), their output discarded. The welcome window's
 * cache needs no help: its run just starts the app. Nothing here runs in a normal start.
 */
public final class AotTraining {

    /** Copies of the sample's scenes in the training production: 14 shots each, so about a thousand shots. */
    private static final int COPIES = 70;

    private AotTraining() {}

    /** Makes the sample and the large production in {@code dir} (emptied first) and returns the large one. */
    public static Path largeProduction(Path dir) {
        try {
            return make(dir)[1];
        } catch (Exception e) {
            // a training run that could not do everything still trains what it did; the build checks the cache it gets
            System.err.println("AOT training: " + e);
            return dir.resolve("large.clearframe");
        }
    }

    /** Runs the command-line verbs on the sample and the large production, made in {@code dir} (emptied first). */
    public static void runVerbs(Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        try {
            for (Path file : make(dir)) {
                String f = file.toString(), n = file.getFileName().toString();
                Cli.run(new String[]{"info", f}, quiet, quiet);
                Cli.run(new String[]{"check", f}, quiet, quiet);
                Cli.run(new String[]{"check", f, "--json"}, quiet, quiet);
                Cli.run(new String[]{"export-csv", f, dir.resolve(n + ".csv").toString()}, quiet, quiet);
                Cli.run(new String[]{"export-pdf", f, dir.resolve(n + ".pdf").toString()}, quiet, quiet);
                Cli.run(new String[]{"export-json", f, dir.resolve(n + ".json").toString()}, quiet, quiet);
                Cli.run(new String[]{"import-json", dir.resolve(n + ".json").toString(), dir.resolve("back-" + n).toString()}, quiet, quiet);
            }
        } catch (Exception e) {
            System.err.println("AOT training: " + e);
        }
    }

    /** The sample copied out of the jar, and the large production made from it: {sample, large}. */
    private static Path[] make(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) Files.deleteIfExists(p);
        }
        Path sample = dir.resolve("sample.clearframe");
        try (InputStream in = AotTraining.class.getResourceAsStream("/org/clearframe/sample/harbour-lights.clearframe")) {
            if (in == null) throw new IOException("the sample production is missing from this build");
            Files.copy(in, sample);
        }
        Path large = dir.resolve("large.clearframe");
        ProductionData data;
        try (ProductionStore store = ProductionStore.openReadOnly(sample)) {
            data = org.clearframe.exchange.SignedRecord.load(store).data(); // the sign-offs are left out below anyway
        }
        ProductionStore.createFrom(large, copies(data));
        return new Path[]{sample, large};
    }

    /** The sample's scenes and shots {@link #COPIES} times over, with new ids and numbers, and none of its sign-offs. */
    private static ProductionData copies(ProductionData sample) {
        List<Scene> scenes = new ArrayList<>();
        List<Shot> shots = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            Map<UUID, UUID> sceneIds = new HashMap<>();
            for (Scene s : sample.scenes()) {
                UUID id = UUID.randomUUID();
                sceneIds.put(s.id(), id);
                scenes.add(new Scene(id, (copy + 1) + "-" + s.number(), s.intExt(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(),
                        s.storyDay(), s.castIds(), s.omitted()));
            }
            for (Shot s : sample.shots()) {
                List<AiUse> uses = new ArrayList<>();
                for (AiUse u : s.aiUses()) {
                    uses.add(new AiUse(UUID.randomUUID(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(),
                            u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes()));
                }
                shots.add(new Shot(UUID.randomUUID(), sceneIds.get(s.sceneId()), s.number(), s.description(), s.size(), s.angle(),
                        s.movement(), s.lens(), s.durationSeconds(), s.departmentIds(), s.notes(), uses));
            }
        }
        return new ProductionData(sample.production(), sample.departments(), sample.cast(), scenes, shots, List.of(),
                sample.policyJson(), sample.scans(), List.of()); // consents name the sample's own scenes and shots
    }
}
