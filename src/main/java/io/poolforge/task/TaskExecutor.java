package io.poolforge.task;

/**
 * Runs {@link BackgroundTask}s. Work runs off the UI thread (or on the caller's, in tests);
 * callbacks are delivered where the executor says (on the FX thread for the desktop one).
 */
public interface TaskExecutor {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Stops accepting tasks and cancels running ones. */
    void shutdown();
}
