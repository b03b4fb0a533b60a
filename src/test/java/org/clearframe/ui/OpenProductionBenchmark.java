package org.clearframe.ui;

import org.clearframe.testkit.ProductionBuilder;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.store.ProductionStore;
import org.clearframe.bench.SyntheticProduction;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The foundation's figures: inserting 10,000 shots, opening a 10,000-shot production until its shots table
 * is laid out on screen (headless JavaFX), and the heap in use afterwards.
 * Targets: open-and-show under 1 s, heap under 300 MB.
 */
public final class OpenProductionBenchmark {

    private static final int SHOTS = 10_000;

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
        Platform.exit();
    }

    public static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        Path dir = Files.createTempDirectory("clearframe-bench");
        ProductionData data = SyntheticProduction.generate(SHOTS, 42);

        // Insert 10,000 shots (with their AI uses and links) into a production file, in one transaction.
        List<Double> inserts = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Path file = dir.resolve("insert-" + run + ".clearframe");
            try (ProductionStore store = ProductionStore.create(file, data.production())) {
                store.saveAll(data.departments(), data.cast(), data.scenes(), List.of(), List.of());
                long t = System.nanoTime();
                store.insertShots(data.shots());
                inserts.add((System.nanoTime() - t) / 1e6);
            }
        }
        lines.add(String.format(Locale.ROOT, "store: insert %,d shots in one transaction: median %.0f ms (runs %s)", SHOTS, median(inserts), inserts));

        Path file = dir.resolve("open.clearframe");
        ProductionBuilder.from(data).write(file);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        CompletableFuture<MainController> window = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            ViewFactory.Loaded<MainController> loaded = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser()).mainWindow();
            Scene scene = new Scene(loaded.root(), 1280, 800);
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            window.complete(loaded.controller());
        });
        MainController main = window.get(30, TimeUnit.SECONDS);

        // The real path: File > Open runs the load off the FX thread, then shows the shots page.
        List<Double> opens = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            CompletableFuture<Integer> shown = new CompletableFuture<>();
            long t = System.nanoTime();
            Platform.runLater(() -> main.openFile(file));
            waitOnFx(() -> main.session() != null);
            loads.add((System.nanoTime() - t) / 1e6);
            Platform.runLater(() -> {
                ShotsController shots = main.page(Page.SHOTS);
                TableView<Shot> table = shots.table();
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
                table.getScene().getRoot().snapshot(null, null); // a real render of the visible rows
                shown.complete(table.getItems().size());
            });
            int rows = shown.get(60, TimeUnit.SECONDS);
            opens.add((System.nanoTime() - t) / 1e6);
            if (rows != SHOTS) throw new IllegalStateException("table shows " + rows + " rows");
            if (run < 4) onFx(main::closeProduction);
        }
        lines.add(String.format(Locale.ROOT, "app: open a %,d-shot production and show the shots table: median %.0f ms, first (cold) %.0f ms (runs %s)",
                SHOTS, median(opens.subList(1, opens.size())), opens.get(0), opens));
        lines.add(String.format(Locale.ROOT, "app:   of which reading the file and evaluating its flags (off the FX thread): median %.0f ms (runs %s)",
                median(loads.subList(1, loads.size())), loads));
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        lines.add(String.format(Locale.ROOT, "app: heap in use with the %,d-shot production open: %.0f MB", SHOTS, heap / 1024.0 / 1024.0));
        return lines;
    }

    private static void waitOnFx(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Platform.runLater(() -> done.complete(condition.getAsBoolean()));
            if (done.get(60, TimeUnit.SECONDS)) return;
            Thread.sleep(2);
        }
        throw new IllegalStateException("timed out");
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> { r.run(); done.complete(null); });
        done.get(60, TimeUnit.SECONDS);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
