package org.clearframe.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app's one way to run slow work: one executor for the whole app, callbacks on the FX thread, a failure
 * logged once and shown once through the {@link DialogService}, and a busy state while production work runs
 * (the main window disables the production's menus and actions meanwhile). {@link #shutdown()} cancels whatever
 * still runs when the window closes.
 * <pre>
 * tasks.run("Reading " + csv.getFileName(), () -&gt; ShotListImport.read(csv))
 *      .onSuccess(this::showMapping)
 *      .failureTitle("Could not read " + csv.getFileName())
 *      .start();
 * </pre>
 */
public final class UiTasks {

    private static final System.Logger LOG = System.getLogger(UiTasks.class.getName());

    private final DialogService dialogs;
    private final ExecutorService executor;
    private final Set<Task<?>> running = new HashSet<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper("");
    private final List<String> busyWith = new ArrayList<>();
    private volatile boolean shutDown;

    public UiTasks(DialogService dialogs) {
        this.dialogs = dialogs;
        AtomicInteger count = new AtomicInteger();
        // Daemon threads: an unfinished export never keeps the app from quitting. Two workers, so a picture
        // decoding in the background never waits behind an import.
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "clearframe-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** True while production work (an open, an import, an export through the menus) runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running production work is doing, e.g. "Importing shots". */
    public ReadOnlyStringProperty busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    /** Slow work that makes the app busy until it ends (the production's actions are off meanwhile). */
    public <T> Job<T> run(String what, Callable<T> work) {
        return new Job<>(what, work, true);
    }

    /** Work the producer need not wait for (a picture loading): the production's actions stay on. */
    public <T> Job<T> background(String what, Callable<T> work) {
        return new Job<>(what, work, false);
    }

    /**
     * Runs a task that reports its own progress (a dialog's export with a progress bar and Cancel) on the app's
     * executor, so it too is cancelled when the window closes. Its owner listens to its state.
     */
    public <T> Task<T> execute(Task<T> task) {
        if (shutDown) {
            task.cancel();
            return task;
        }
        track(task);
        executor.execute(task);
        return task;
    }

    /** Cancels everything still running and takes no more work: the window is closing. */
    public void shutdown() {
        shutDown = true;
        for (Task<?> task : List.copyOf(running)) task.cancel(true);
        running.clear();
        executor.shutdownNow();
    }

    private void track(Task<?> task) {
        running.add(task);
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) running.remove(task);
        });
    }

    private void busy(String what, boolean on) {
        if (on) busyWith.add(what);
        else busyWith.remove(what);
        busy.set(!busyWith.isEmpty());
        busyMessage.set(busyWith.isEmpty() ? "" : busyWith.get(busyWith.size() - 1));
    }

    /** One piece of work being set up: what happens on success and on failure, then {@link #start()}. */
    public final class Job<T> {
        private final String what;
        private final Callable<T> work;
        private final boolean makesBusy;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<Throwable> onFailure;
        private String failureTitle;
        private Runnable andFinally = () -> { };

        private Job(String what, Callable<T> work, boolean makesBusy) {
            this.what = what;
            this.work = work;
            this.makesBusy = makesBusy;
            this.failureTitle = "Could not finish: " + what;
        }

        /** Runs on the FX thread with the result. */
        public Job<T> onSuccess(Consumer<? super T> action) {
            this.onSuccess = action;
            return this;
        }

        /** The header of the error dialog a failure shows (its message is the detail). */
        public Job<T> failureTitle(String title) {
            this.failureTitle = title;
            return this;
        }

        /** Handles a failure instead of the error dialog (it is still logged). Runs on the FX thread. */
        public Job<T> onFailure(Consumer<Throwable> action) {
            this.onFailure = action;
            return this;
        }

        /** Runs on the FX thread after success or failure (not after cancellation at shutdown). */
        public Job<T> andFinally(Runnable action) {
            this.andFinally = action;
            return this;
        }

        /** Starts the work; call on the FX thread. */
        public Task<T> start() {
            Task<T> task = new Task<>() {
                @Override protected T call() throws Exception {
                    return work.call();
                }
            };
            if (makesBusy) busy(what, true);
            task.setOnSucceeded(e -> {
                if (makesBusy) busy(what, false);
                try {
                    onSuccess.accept(task.getValue());
                } finally {
                    andFinally.run();
                }
            });
            task.setOnFailed(e -> {
                if (makesBusy) busy(what, false);
                Throwable t = task.getException();
                LOG.log(System.Logger.Level.WARNING, what + " failed", t);
                try {
                    if (onFailure != null) onFailure.accept(t);
                    else dialogs.showError(failureTitle, message(t));
                } finally {
                    andFinally.run();
                }
            });
            task.setOnCancelled(e -> {
                if (makesBusy) busy(what, false);
            });
            execute(task);
            return task;
        }
    }

    /** The message a producer reads for a failure: the exception's own words where it has them. */
    public static String message(Throwable t) {
        return t == null ? "Unknown error" : t.getMessage() == null ? t.toString() : t.getMessage();
    }

}
