package io.poolforge.ui;

import io.poolforge.task.BackgroundTask;
import io.poolforge.task.Progress;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.task.TaskObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background tasks on a bounded pool of daemon threads and delivers their callbacks on the
 * JavaFX application thread. Each running task appears in {@link #runningTasks()} as a JavaFX
 * {@link Task} (title, message, progress), which a ControlsFX {@code TaskProgressView} can show
 * and cancel.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final Consumer<Runnable> fxThread;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    public FxTaskExecutor(int threads) {
        this(threads, Platform::runLater);
    }

    /** @param fxThread how to run a callback on the UI thread (Platform::runLater in the app) */
    public FxTaskExecutor(int threads, Consumer<Runnable> fxThread) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "poolforge-task-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        tpe.allowCoreThreadTimeOut(true);
        this.pool = tpe;
        this.fxThread = fxThread;
    }

    /** The tasks running or queued now; changed on the FX thread only. */
    public ObservableList<Task<?>> runningTasks() { return running; }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        FxTask<T> fx = new FxTask<>(task);
        if (pool.isShutdown()) {
            // The app is closing: nothing new runs; the submitter still hears the end of its task.
            task.cancel();
            fxThread.accept(() -> task.deliver(new BackgroundTask.Outcome.Cancelled<>()));
            return new TaskHandle() {
                @Override public void cancel() { }
                @Override public boolean isDone() { return true; }
            };
        }
        fxThread.accept(() -> running.add(fx));
        pool.execute(fx);
        return new TaskHandle() {
            @Override public void cancel() { task.cancel(); }
            @Override public boolean isDone() { return fx.delivered; }
        };
    }

    /**
     * The language changed: every running task's title and message are read again (those made with words that follow the
     * language, {@code BackgroundTask.of(() -> i18n.get(...))}, now read in the new one). FX thread.
     */
    public void refreshTexts() {
        for (Task<?> t : running) if (t instanceof FxTask<?> fx) fx.refreshTexts();
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }

    /** The JavaFX face of one background task. */
    private final class FxTask<T> extends Task<T> {
        private final BackgroundTask<T> task;
        private volatile boolean delivered;

        FxTask(BackgroundTask<T> task) {
            this.task = task;
            updateTitle(task.title());
        }

        /** Title and message as they read now (FX thread). */
        void refreshTexts() {
            updateTitle(task.title());
            updateMessage(task.message());
        }

        @Override
        protected T call() {
            fxThread.accept(task::fireRunning);
            TaskObserver bridge = new TaskObserver() {
                @Override public void titleChanged(String title) { updateTitle(title); }
                @Override public void messageChanged(String message) { updateMessage(message); }
                @Override public void progressChanged(Progress p) { updateProgress(p.workDone(), p.total()); }
            };
            task.addObserver(bridge);
            BackgroundTask.Outcome<T> outcome;
            try {
                outcome = task.execute();
            } finally {
                task.removeObserver(bridge);
            }
            if (outcome instanceof BackgroundTask.Outcome.Failure<T> f) {
                LOG.debug("Task '{}' failed", task.title(), f.error());
            }
            BackgroundTask.Outcome<T> result = outcome;
            fxThread.accept(() -> {
                running.remove(this);
                try {
                    task.deliver(result);
                } finally {
                    delivered = true;
                }
            });
            return result instanceof BackgroundTask.Outcome.Success<T> s ? s.value() : null;
        }

        /**
         * Cancel from a TaskProgressView button reaches the work: the flag is set before the
         * interrupt, so the work's outcome is "cancelled", not "failed with InterruptedException".
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            task.cancel();
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
