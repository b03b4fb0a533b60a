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
 * The work the AOT cache's training run does before the window opens (installer/build.sh sets
 * {@code -Dclearframe.aot.training=DIR} for that one run only): it makes a production of about a thousand shots
 * from the bundled sample, then runs the command-line verbs a producer and a build server use on it and on the
 * sample (info, check, check --json, the CSV, PDF and JSON exports, import-json), so the classes they load are in
 * the cache as well as the window's. Their output is discarded. Nothing here runs in a normal start.
 */
public final class AotTraining {

    /** Copies of the sample's scenes in the training production: 14 shots each, so about a thousand shots. */
    private static final int COPIES = 70;

    private AotTraining() {}

    /** Runs the verbs in {@code dir} (emptied first) and returns the large production, for the window to open. */
    public static Path run(Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        try {
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
            for (Path file : List.of(sample, large)) {
                String f = file.toString(), n = file.getFileName().toString();
                Cli.run(new String[]{"info", f}, quiet, quiet);
                Cli.run(new String[]{"check", f}, quiet, quiet);
                Cli.run(new String[]{"check", f, "--json"}, quiet, quiet);
                Cli.run(new String[]{"export-csv", f, dir.resolve(n + ".csv").toString()}, quiet, quiet);
                Cli.run(new String[]{"export-pdf", f, dir.resolve(n + ".pdf").toString()}, quiet, quiet);
                Cli.run(new String[]{"export-json", f, dir.resolve(n + ".json").toString()}, quiet, quiet);
                Cli.run(new String[]{"import-json", dir.resolve(n + ".json").toString(), dir.resolve("back-" + n).toString()}, quiet, quiet);
            }
            return large;
        } catch (Exception e) {
            // a training run that could not do everything still trains what it did; the build checks the cache it gets
            System.err.println("AOT training: " + e);
            return dir.resolve("large.clearframe");
        }
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
