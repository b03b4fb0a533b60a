package org.clearframe.ui;

import javafx.application.Platform;
import javafx.event.EventType;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Tristate;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.FlagIndex;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13's figures for the cost of one edit, at 100,000 shots, with the real window open on the shots page (headless
 * JavaFX): re-checking one shot after an edit (target under 0.2 ms); adding, editing and deleting a shot, a department
 * and a cast member on the FX thread, written to the file and laid out (target under 16 ms); and 60 mouse-wheel steps
 * over the shots table at 10,000 and 100,000 shots (target under 300 ms of the FX thread's CPU time).
 */
public final class EditAndScrollBenchmark {

    private static final int RUNS = 7;

    /**
     * With the argument {@code scroll}, only the scrolling figures (several runs each, for a median); with {@code memory
     * FILE}, only the memory of FILE open in the window once it is filled in, measured in this JVM (run it as the app
     * runs, with {@code -Xmx1g}); {@code -Dbench.memory.hold=SECONDS} keeps it open that long afterwards, for {@code jcmd}.
     */
    public static void main(String[] args) throws Exception {
        try {
            List<String> lines = args.length > 0 && args[0].equals("scroll") ? scrollOnly()
                    : args.length > 1 && args[0].equals("memory") ? FilledMemory.measure(Path.of(args[1])) : run();
            lines.forEach(System.out::println);
        } finally {
            Platform.exit();
        }
    }

    public static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.addAll(FilledMemory.inOwnJvm());
        lines.addAll(recheck(100_000));
        startFx();
        Path dir = Files.createTempDirectory("clearframe-edit-bench");
        MainController main = window();
        for (int shots : new int[]{10_000, 100_000}) {
            Path file = dir.resolve(shots + ".clearframe");
            SyntheticProduction.write(file, SyntheticProduction.generate(shots, 7));
            TableView<Shot> table = shotsPage(main, file);
            lines.add(scroll(table, shots));
            if (shots == 100_000) lines.addAll(edits(main.session(), table));
            onFx(main::closeProduction);
        }
        return lines;
    }

    /** The scrolling figures alone (for tuning the shots table). */
    public static List<String> scrollOnly() throws Exception {
        List<String> lines = new ArrayList<>();
        startFx();
        Path dir = Files.createTempDirectory("clearframe-scroll-bench");
        MainController main = window();
        for (int shots : new int[]{10_000, 100_000}) {
            Path file = dir.resolve(shots + ".clearframe");
            SyntheticProduction.write(file, SyntheticProduction.generate(shots, 7));
            lines.add(scroll(shotsPage(main, file), shots));
            onFx(main::closeProduction);
        }
        return lines;
    }

    /** Opens {@code file} and shows its shots page, laid out. */
    private static TableView<Shot> shotsPage(MainController main, Path file) throws Exception {
        onFx(() -> main.openFile(file));
        waitOnFx(() -> main.session() != null);
        return onFx(() -> {
            main.select(Page.SHOTS);
            ShotsController page = main.page(Page.SHOTS);
            // the table is in the window only once the page's split pane has its skin, which a CSS pass makes
            Parent root = main.window().getScene().getRoot();
            root.applyCss();
            root.layout();
            return page.table();
        });
    }

    /** Re-evaluating one shot with AI use from its own inputs, in an index of the whole production. */
    private static List<String> recheck(int size) {
        ProductionData data = SyntheticProduction.generate(size, 11);
        FlagIndex index = new FlagIndex(BuiltInPolicies.latest().policy(), data);
        List<Shot> ai = data.shots().stream().filter(Shot::hasAiUse).toList();
        List<SignOff> none = List.of();
        for (int i = 0; i < 20_000; i++) index.recheck(ai.get(i % ai.size()), none); // warm up
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Shot s = ai.get((i * 7919) % ai.size());
            long t = System.nanoTime();
            index.recheck(s, none);
            micros.add((System.nanoTime() - t) / 1e3);
        }
        micros.sort(null);
        return List.of(String.format(Locale.ROOT, "edit: re-check one shot with AI use after an edit, %,d-shot production: median %.1f µs, 99th %.1f µs (target < 200 µs)",
                size, micros.get(micros.size() / 2), micros.get(micros.size() * 99 / 100)));
    }

    /** Each edit on the FX thread, through the session, with the layout pass that follows it. */
    private static List<String> edits(Session session, TableView<Shot> table) throws Exception {
        List<String> lines = new ArrayList<>();
        UUID scene = session.scenes().get(session.scenes().size() / 2).id();
        Shot base = session.shots().get(session.shots().size() / 2);
        List<Double> add = new ArrayList<>(), edit = new ArrayList<>(), delete = new ArrayList<>();
        List<Double> dAdd = new ArrayList<>(), dEdit = new ArrayList<>(), dDelete = new ArrayList<>();
        List<Double> cAdd = new ArrayList<>(), cEdit = new ArrayList<>(), cDelete = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Shot fresh = Shot.numbered(scene, "B" + run, "Benchmark shot " + run).edit().aiUses(base.aiUses().stream()
                    .map(u -> new org.clearframe.model.AiUse(UUID.randomUUID(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(),
                            u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes(), u.frameSharePercent())).toList()).build();
            add.add(timed(table, () -> session.addShot(fresh, 0)));
            edit.add(timed(table, () -> session.saveShot(fresh.withLens("50mm"))));
            delete.add(timed(table, () -> session.deleteShots(List.of(session.shot(fresh.id()).orElseThrow()))));

            Department d = Department.named("Bench " + run, "#336699");
            dAdd.add(timed(table, () -> session.saveDepartment(d)));
            dEdit.add(timed(table, () -> session.saveDepartment(new Department(d.id(), d.name() + " edited", "", "", d.colour()))));
            dDelete.add(timed(table, () -> session.deleteDepartment(session.departments().stream().filter(x -> x.id().equals(d.id())).findFirst().orElseThrow())));

            CastMember m = new CastMember(UUID.randomUUID(), "Bench Performer " + run, "Extra", Tristate.YES, false);
            cAdd.add(timed(table, () -> session.saveCastMember(m)));
            cEdit.add(timed(table, () -> session.saveCastMember(new CastMember(m.id(), m.performer(), m.character(), Tristate.NO, false))));
            cDelete.add(timed(table, () -> session.deleteCastMember(session.cast().stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow())));
        }
        // A department and a performer the production uses: deleting them unlinks thousands of shots (and undo relinks them).
        Department used = session.departments().get(0);
        CastMember named = session.cast().get(0);
        long usedBy = session.shots().stream().filter(s -> s.departmentIds().contains(used.id())).count();
        long namedIn = session.shots().stream().filter(s -> s.aiUses().stream().anyMatch(u -> u.performerIds().contains(named.id()))).count();
        double usedDelete = timed(table, () -> session.deleteDepartment(used));
        double usedUndo = timed(table, session::undo);
        double namedDelete = timed(table, () -> session.deleteCastMember(named));
        double namedUndo = timed(table, session::undo);

        String f = "edit: %s on the FX thread (written to the file, then laid out), %,d shots: median %.1f ms CPU, max %.1f ms (target < 16 ms)";
        int n = session.shots().size();
        lines.add(String.format(Locale.ROOT, f, "add a shot", n, median(add), max(add)));
        lines.add(String.format(Locale.ROOT, f, "edit a shot", n, median(edit), max(edit)));
        lines.add(String.format(Locale.ROOT, f, "delete a shot", n, median(delete), max(delete)));
        lines.add(String.format(Locale.ROOT, f, "add a department", n, median(dAdd), max(dAdd)));
        lines.add(String.format(Locale.ROOT, f, "edit a department", n, median(dEdit), max(dEdit)));
        lines.add(String.format(Locale.ROOT, f, "delete an unused department", n, median(dDelete), max(dDelete)));
        lines.add(String.format(Locale.ROOT, f, "add a cast member", n, median(cAdd), max(cAdd)));
        lines.add(String.format(Locale.ROOT, f, "edit a cast member", n, median(cEdit), max(cEdit)));
        lines.add(String.format(Locale.ROOT, f, "delete an uncast cast member", n, median(cDelete), max(cDelete)));
        lines.add(String.format(Locale.ROOT, "edit: wall time of every edit timed here, including the thread's waits for a core: median %.1f ms, max %.1f ms",
                median(WALL), max(WALL)));
        lines.add(String.format(Locale.ROOT, "edit: (CPU) delete department %s used by %,d shots: %.1f ms, its undo %.1f ms; delete performer named in %,d shots: %.1f ms, undo %.1f ms",
                used.name(), usedBy, usedDelete, usedUndo, namedIn, namedDelete, namedUndo));
        return lines;
    }

    /**
     * 60 wheel steps down the shots table, each followed by the pulse that draws it: the FX thread's CPU time, as the
     * median of {@link #SCROLL_RUNS} runs from the top, after 120 steps down and back up; every run is listed.
     */
    private static String scroll(TableView<Shot> table, int shots) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fx = onFx(() -> Thread.currentThread().threadId());
        VirtualFlow<?> flow = onFx(() -> (VirtualFlow<?>) table.lookup(".virtual-flow"));
        // warm up as a producer would in the first seconds of scrolling (the JIT has compiled little of the table yet)
        for (int i = 0; i < 120; i++) wheel(flow, i < 60 ? -40 : 40);
        List<Double> cpu = new ArrayList<>(), wall = new ArrayList<>();
        for (int run = 0; run < SCROLL_RUNS; run++) {
            onFx(() -> table.scrollTo(0));
            pulse();
            long c = threads.getThreadCpuTime(fx);
            long t = System.nanoTime();
            for (int i = 0; i < 60; i++) wheel(flow, -40);
            cpu.add((threads.getThreadCpuTime(fx) - c) / 1e6);
            wall.add((System.nanoTime() - t) / 1e6);
        }
        return String.format(Locale.ROOT, "scroll: 60 wheel steps (40 px each) over the shots table, %,d shots: median %.0f ms of FX-thread CPU (target < 300 ms; runs %s), median %.0f ms wall with a pulse per step",
                shots, median(cpu), cpu.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(java.util.stream.Collectors.joining(", ")), median(wall));
    }

    private static final int SCROLL_RUNS = 5;

    private static void wheel(VirtualFlow<?> flow, double deltaY) throws Exception {
        onFx(() -> {
            flow.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false, false, false,
                    0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
        pulse();
    }

    /** Waits for the next pulse (layout and drawing) to have run. */
    private static void pulse() throws Exception {
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        onFx(() -> {
            new javafx.animation.AnimationTimer() {
                int frames;
                @Override public void handle(long now) {
                    if (++frames == 2) {
                        stop();
                        drawn.complete(null);
                    }
                }
            }.start();
            return null;
        });
        drawn.get(10, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface Edit {
        void run() throws Exception;
    }

    /**
     * The FX thread's CPU time for the edit and the layout after it. CPU time, not wall time: on a shared machine the
     * thread waits for a core, and that wait is not the edit's cost. The wall times are kept in {@link #WALL}.
     */
    private static double timed(TableView<Shot> table, Edit edit) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double ms = onFx(() -> {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            edit.run();
            layout(table);
            WALL.add((System.nanoTime() - t) / 1e6);
            return (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        });
        pulse();
        return ms;
    }

    private static final List<Double> WALL = new ArrayList<>();

    /** The window's scene: a page's table joins it only once its split pane has a skin, so it is laid out from here. */
    private static Scene window;

    private static void layout(TableView<Shot> table) {
        Parent root = window.getRoot();
        root.applyCss();
        root.layout();
    }

    private static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.get(30, TimeUnit.SECONDS);
    }

    private static MainController window() throws Exception {
        return onFx(() -> {
            Stage stage = new Stage();
            ViewFactory.Loaded<MainController> loaded = new Composition(new FxDialogService(() -> stage), RecentFiles.forUser()).mainWindow();
            Scene scene = new Scene(loaded.root(), 1280, 800);
            window = scene;
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return loaded.controller();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return FilledMemory.onFx(work);
    }

    private static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    private static void waitOnFx(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) return;
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    private static double median(List<Double> values) {
        return OpenProductionBenchmark.median(values);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
