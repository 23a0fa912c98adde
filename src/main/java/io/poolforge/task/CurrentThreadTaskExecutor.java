package io.poolforge.task;

/** Runs each task at once on the calling thread, callbacks included. For tests and the command line. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private volatile boolean shutdown;

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        if (shutdown) throw new IllegalStateException("executor is shut down");
        task.fireRunning();
        task.deliver(task.execute());
        return new TaskHandle() {
            @Override public void cancel() { task.cancel(); }
            @Override public boolean isDone() { return true; }
        };
    }

    @Override
    public void shutdown() { shutdown = true; }
}
