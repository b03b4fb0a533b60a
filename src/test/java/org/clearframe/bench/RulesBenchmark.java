package org.clearframe.bench;

import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policy;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * How long the rules take on a 10,000-shot production: evaluating every shot (opening a file, changing the
 * policy), and re-evaluating one shot after an edit (every keystroke that changes an AI use). Targets: under
 * 100 ms for all shots, and well under a 60 Hz frame (16 ms) for one. Half the flagged shots carry sign-offs,
 * so signature states and fingerprints are part of the work.
 */
public final class RulesBenchmark {

    private static final int SHOTS = 10_000;
    private static final int WARM_UP = 8;
    private static final int RUNS = 21;
    /** Thread CPU time beside wall time: on a shared build machine, wall time mostly measures the neighbours. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RulesBenchmark() {}

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }

    public static List<String> run() {
        Policy policy = Policy.defaultPolicy();
        ProductionData bare = SyntheticProduction.generate(SHOTS, 42);
        ProductionData data = withSignOffs(policy, bare);
        List<String> lines = new ArrayList<>();

        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(policy, data);
        long flagCount = flags.values().stream().mapToLong(List::size).sum();
        lines.add(String.format("rules: %,d shots, %,d AI uses, %,d flags, %,d sign-offs, %d rules",
                data.shots().size(), data.aiUseCount(), flagCount, data.signOffs().size(), policy.rules().size()));

        // Warm up by time as well as count: on a busy machine the JIT's own threads need a while to finish.
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < WARM_UP || System.nanoTime() < warmUntil; i++) Evaluator.evaluateAll(policy, data);
        double[] all = new double[RUNS];
        double[] allCpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Evaluator.evaluateAll(policy, data);
            all[i] = (System.nanoTime() - t) / 1e6;
            allCpu[i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        lines.add(String.format("rules: evaluateAll on %,d shots: median %.1f ms wall (%.1f ms CPU), max %.1f ms over %d runs (target < 100 ms)",
                SHOTS, median(all), median(allCpu), max(all), RUNS));

        FlagIndex index = new FlagIndex(policy, data);
        List<Shot> withAi = data.shots().stream().filter(Shot::hasAiUse).toList();
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) index.update(data, withAi.get(random.nextInt(withAi.size())).id());
        int edits = 201;
        double[] one = new double[edits];
        double[] oneCpu = new double[edits];
        for (int i = 0; i < edits; i++) {
            // An edit: one shot's lens changes. The new snapshot is built outside the timing; the UI has it already.
            int at = data.shots().indexOf(withAi.get(random.nextInt(withAi.size())));
            List<Shot> shots = new ArrayList<>(data.shots());
            shots.set(at, shots.get(at).withLens(i + "mm"));
            ProductionData edited = new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(), shots,
                    data.signOffs(), data.policyJson());
            long cpu = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            index.update(edited, shots.get(at).id());
            one[i] = (System.nanoTime() - t) / 1e6;
            oneCpu[i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        lines.add(String.format("rules: FlagIndex.update of one shot in %,d: median %.3f ms wall (%.3f ms CPU), max %.3f ms over %d edits (target well under 16 ms)",
                SHOTS, median(one), median(oneCpu), max(one), edits));
        return lines;
    }

    /** Signs every flag on every other flagged shot, as a production part-way through its sign-offs would be. */
    private static ProductionData withSignOffs(Policy policy, ProductionData data) {
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(policy, data);
        List<SignOff> signOffs = new ArrayList<>();
        Instant when = Instant.parse("2026-11-24T09:00:00Z");
        int flagged = 0;
        for (Shot shot : data.shots()) {
            List<Flag> shotFlags = flags.get(shot.id());
            if (shotFlags.isEmpty() || flagged++ % 2 == 1) continue;
            for (Flag f : shotFlags) {
                for (RequiredSignature s : f.signatures()) signOffs.add(SignOffs.sign(shot, f.rule().id(), s, "Bench", Decision.APPROVED, "", when));
            }
        }
        return new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(), data.shots(), signOffs, data.policyJson());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
