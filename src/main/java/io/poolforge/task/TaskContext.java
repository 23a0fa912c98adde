package io.poolforge.task;

/** What running work sees of its task: report progress, check for cancel. */
public interface TaskContext {
    void updateTitle(String title);

    void updateMessage(String message);

    void updateProgress(long workDone, long total);

    boolean isCancelled();

    /** Throws {@link TaskCancelledException} when the task was cancelled. */
    default void throwIfCancelled() {
        if (isCancelled()) throw new TaskCancelledException();
    }
}
