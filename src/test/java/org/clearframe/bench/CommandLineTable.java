package org.clearframe.bench;

import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command-line rows of issue 14's table, each verb run as its own JVM (as a producer or a build server runs it)
 * under {@code /usr/bin/time}, so wall time, CPU time and peak resident memory are the whole process's. Every row runs
 * with the heap the installed launcher gives ({@link #HEAP}), which is what proves the memory bounds: a verb that held
 * the whole output in memory would fail with an OutOfMemoryError rather than report a figure. The floor rows, measured
 * in the same run, are {@code java -version} (a JVM that does nothing) and {@code sqlite3} counting the shots.
 *
 * <p>Productions come from {@link FeatureProduction} and are kept in {@code target/bench-data} between runs.
 */
public final class CommandLineTable {

    /** The CLI's maximum heap, as installer/build.sh sets it in the launcher. */
    static final String HEAP = "-Xmx" + System.getProperty("bench.heap", "256m");
    private static final String CONFIG = Path.of("target", "bench-config").toAbsolutePath().toString();
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** The verbs to measure, comma-separated ({@code -Dbench.only=export-pdf}); all of them when unset. */
    private static final List<String> ONLY = System.getProperty("bench.only", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.only").split(","));

    /**
     * Extra JVM options for every verb ({@code -Dbench.jvm="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}), to measure
     * options the launcher might set; none when unset.
     */
    private static final List<String> JVM = System.getProperty("bench.jvm", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.jvm").trim().split("\\s+"));

    private CommandLineTable() {}

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
    }

    record Figure(double wall, double cpu, long rssKb, int exit) {}

    public static List<String> run() throws Exception {
        // the children read the same settings folder, so the key that attested the sign-offs is this user's own
        if (System.getProperty("clearframe.config") == null) System.setProperty("clearframe.config", CONFIG);
        Path dir = Path.of("target", "bench-data");
        Files.createDirectories(dir);
        // At 100,000 shots the sign-offs are left out unless asked for: the feature shape has 1.4 of them per shot, and
        // writing 140,000 attestations (each signed) makes the production take minutes to generate. Reading them costs
        // a SHA-256 each with the producer's checkpoints (src/docs/security.md), not an Ed25519 check.
        Path small = production(dir, 10_000, true), large = production(dir, 100_000, Boolean.getBoolean("bench.signLarge"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "command line, each row a new JVM with %s%s, median of %d (load average %.1f on %d cores)",
                HEAP, JVM.isEmpty() ? "" : " " + String.join(" ", JVM), RUNS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        lines.add(String.format(Locale.ROOT, "%-34s %8s %8s %9s %7s", "what", "wall s", "CPU s", "RSS MB", "x floor"));
        Figure javaFloor = median(List.of(java(), "-version"));
        Figure sqlFloor = median(List.of("sqlite3", large.toString(), "SELECT count(*) FROM shot"));
        lines.add(row("floor: java -version", javaFloor, null));
        lines.add(row("floor: sqlite3 count(*) 100k", sqlFloor, null));
        for (Path file : List.of(small, large)) {
            String n = file.getFileName().toString().replace(".clearframe", "");
            Path out = dir.resolve("out");
            Files.createDirectories(out);
            if (wanted("info")) lines.add(row("info " + n, cli("info", file.toString()), sqlFloor));
            if (wanted("check")) lines.add(row("check --json " + n, cli("check", file.toString(), "--json"), javaFloor));
            if (wanted("export-csv")) {
                lines.add(row("export-csv " + n, cli("export-csv", file.toString(), out.resolve(n + ".csv").toString(), "--force"), javaFloor));
            }
            if (wanted("export-pdf")) {
                lines.add(row("export-pdf " + n, cli("export-pdf", file.toString(), out.resolve(n + ".pdf").toString(), "--force"), javaFloor));
            }
            if (!wanted("export-json") && !wanted("import-json")) continue;
            Path json = out.resolve(n + ".json");
            lines.add(row("export-json " + n, cli("export-json", file.toString(), json.toString(), "--force"), javaFloor));
            Path back = out.resolve(n + "-back.clearframe");
            List<Figure> imports = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Files.deleteIfExists(back);
                imports.add(once(command("import-json", json.toString(), back.toString())));
            }
            lines.add(row("import-json " + n, medianOf(imports), javaFloor));
        }
        return lines;
    }

    private static boolean wanted(String verb) {
        return ONLY.isEmpty() || ONLY.contains(verb);
    }

    /** The feature-shaped production of {@code shots} shots in {@code dir}, generated once and kept there. */
    public static Path production(Path dir, int shots, boolean signed) throws Exception {
        Path file = dir.resolve("feature-" + (shots / 1000) + "k" + (signed ? "" : "-unsigned") + ".clearframe");
        if (Files.exists(file)) return file;
        ProductionData generated = FeatureProduction.generate(shots, 14);
        ProductionData data = signed ? generated : generated.withSignOffs(List.of());
        Path partial = dir.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        ProductionStore.createFrom(partial, data.withSignOffs(List.of()));
        try (ProductionStore store = ProductionStore.open(partial)) {
            for (List<SignOff> recorded : FeatureProduction.asRecorded(data.signOffs())) {
                Attestations.record(store, data.production().id(), recorded, KeyRing.forUser());
            }
        }
        Files.move(partial, file);
        return file;
    }

    private static String row(String what, Figure f, Figure floor) {
        String ratio = floor == null ? "" : String.format(Locale.ROOT, "%.0fx", f.wall() / floor.wall());
        return String.format(Locale.ROOT, "%-34s %8.2f %8.2f %9d %7s%s", what, f.wall(), f.cpu(), f.rssKb() / 1024, ratio,
                f.exit() == 0 || f.exit() == 1 ? "" : "  FAILED (exit " + f.exit() + ")");
    }

    private static Figure cli(String... verbAndArgs) throws Exception {
        return median(command(verbAndArgs));
    }

    private static List<String> command(String... verbAndArgs) throws IOException {
        List<String> c = new ArrayList<>(List.of(java(), HEAP, "-Dclearframe.config=" + System.getProperty("clearframe.config", CONFIG)));
        c.addAll(asInstalled());
        c.addAll(JVM);
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.clearframe.Launcher"));
        c.addAll(List.of(verbAndArgs));
        return c;
    }

    /**
     * The options the installed launcher also sets (installer/build.sh): SQLite's native library unpacked once beside
     * the jars, where the driver otherwise unpacks its own copy into the temporary folder at every start.
     */
    private static List<String> asInstalled() throws IOException {
        String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
        Path dir = Path.of("target", "bench-native").toAbsolutePath();
        Path lib = dir.resolve(name);
        if (!Files.exists(lib)) {
            try (var in = org.sqlite.JDBC.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
                if (in == null) return List.of("--enable-native-access=ALL-UNNAMED");
                Files.createDirectories(dir);
                Files.copy(in, lib);
            }
        }
        return List.of("--enable-native-access=ALL-UNNAMED", "-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=" + name);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Figure median(List<String> command) throws Exception {
        List<Figure> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) runs.add(once(command));
        return medianOf(runs);
    }

    private static Figure medianOf(List<Figure> runs) {
        List<Figure> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.wall(), b.wall()));
        Figure m = sorted.get(sorted.size() / 2);
        long worstRss = runs.stream().mapToLong(Figure::rssKb).max().orElse(0);
        int exit = runs.stream().mapToInt(Figure::exit).filter(e -> e > 1).findFirst().orElse(m.exit());
        return new Figure(m.wall(), m.cpu(), worstRss, exit);
    }

    /** One run under GNU time: "%e %U %S %M" is wall, user CPU, system CPU and the peak resident set in KB. */
    private static Figure once(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("clearframe-time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M %x"));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
        Files.deleteIfExists(times);
        String[] f = lines.get(lines.size() - 1).trim().split(" ");
        return new Figure(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]), Long.parseLong(f[3]),
                Integer.parseInt(f[4]));
    }
}
