package io.poolforge.task;

import java.time.Duration;

/**
 * Runs an action once after a delay, without a thread waiting for it: the desktop implementation
 * uses a JavaFX timer and runs the action on the FX thread; tests use a manual one that records
 * the delays and runs the actions when told. Used for polling (each poll itself is a
 * {@link BackgroundTask}).
 */
public interface Scheduler {

    /** Runs {@code action} once after {@code delay} (zero or negative: as soon as possible). */
    Scheduled schedule(Duration delay, Runnable action);

    /** A scheduled action, as its scheduler's caller sees it. */
    interface Scheduled {
        /** Stops the action from running if it has not run yet; no effect afterwards. */
        void cancel();

        boolean isCancelled();
    }
}
