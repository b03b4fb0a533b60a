package org.clearframe.bench;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints every benchmark figure: {@code mvn -q test-compile exec:exec@bench}. Figures, not pass/fail:
 * timings on a shared machine belong here rather than in unit tests.
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        System.out.println("Clearframe benchmarks, " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        List<String> lines = new ArrayList<>();
        lines.addAll(org.clearframe.ui.OpenProductionBenchmark.run());
        lines.addAll(org.clearframe.ui.EditAndScrollBenchmark.run());
        lines.addAll(RulesBenchmark.run());
        lines.addAll(ImportBenchmark.run());
        lines.addAll(PdfBenchmark.run());
        lines.addAll(ExchangeBench.run(3_000));
        lines.addAll(EvidenceBench.run(10_000));
        lines.addAll(RegisterBench.run());
        // issue 14's command-line rows: each verb a new JVM with the CLI's heap, 10,000 and 100,000 feature-shaped shots
        lines.addAll(CommandLineTable.run());
        lines.forEach(l -> System.out.println("  " + l));
        Platform.exit();
    }
}
