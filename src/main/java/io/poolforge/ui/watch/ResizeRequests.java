package io.poolforge.ui.watch;

import io.poolforge.domain.LocalizedText;

import io.poolforge.azure.Connection;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.I18n;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * Sends the watch's resize and stop-resize requests for the watched pool as tasks: busy while one
 * is in flight, the pool Azure returns shown, a failure in the error line, and a poll soon after.
 * A resize is noted in {@link LastResize}. FX thread only.
 */
final class ResizeRequests {
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final Clock clock;
    private final PoolPoller poller;
    private final LastResize lastResize;
    private final ObjectProperty<PoolInfo> pool;
    private final BooleanProperty busy;
    private final ObjectProperty<LocalizedText> error;
    private final ObjectProperty<LocalizedText> status;

    /** The properties are the watch's: the pool, busy, the error line and the status line. */
    ResizeRequests(TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe, Clock clock, PoolPoller poller,
                   LastResize lastResize, ObjectProperty<PoolInfo> pool, BooleanProperty busy, ObjectProperty<LocalizedText> error,
                   ObjectProperty<LocalizedText> status) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.describe = describe;
        this.clock = clock;
        this.poller = poller;
        this.lastResize = lastResize;
        this.pool = pool;
        this.busy = busy;
        this.error = error;
        this.status = status;
    }

    /**
     * Resizes the pool. {@code stepFailed} is null for a plain resize (its success goes to the status
     * line); for a step of a stepwise resize it gets the pool as last seen (or null) if the request fails.
     */
    void resize(int dedicated, int lowPriority, Duration timeout, Consumer<PoolInfo> stepFailed) {
        Connection c = poller.connection();
        BatchAccountInfo acct = poller.account();
        String id = poller.poolId();
        int gen = poller.generation();
        busy.set(true);
        error.set(null);
        lastResize.requested(clock.instant());
        tasks.execute(BackgroundTask.of(() -> i18n.get("watch.task.resize", id, dedicated, lowPriority),
                ctx -> c.batch().resizePool(acct, id, dedicated, lowPriority, timeout))
                .onSuccess(p -> {
                    if (gen != poller.generation()) return;
                    if (p != null) {
                        if (p.allocationState() != AllocationState.STEADY) lastResize.resizing();
                        pool.set(p);
                    }
                    if (stepFailed == null) status.set(LocalizedText.of("watch.status.resizeRequested", id, dedicated, lowPriority));
                })
                .onFailure(e -> {
                    if (gen != poller.generation()) return;
                    error.set(describe.apply(e));
                    if (stepFailed != null) stepFailed.accept(pool.get());
                })
                .onFinally(() -> finished(gen)));
    }

    /** Stops the pool's resize (the nodes allocated so far stay). */
    void stopResize() {
        Connection c = poller.connection();
        BatchAccountInfo acct = poller.account();
        String id = poller.poolId();
        int gen = poller.generation();
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> i18n.get("watch.task.stop", id), ctx -> c.batch().stopResize(acct, id))
                .onSuccess(r -> {
                    if (gen != poller.generation()) return;
                    if (r != null) pool.set(r);
                })
                .onFailure(e -> {
                    if (gen == poller.generation()) error.set(describe.apply(e));
                })
                .onFinally(() -> finished(gen)));
    }

    private void finished(int gen) {
        if (gen != poller.generation()) return;
        busy.set(false);
        poller.afterAction();
    }
}
