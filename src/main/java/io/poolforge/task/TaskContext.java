package io.poolforge.task;

/** What running work sees of its task: report progress, check for cancel. */
public interface TaskContext {
    void updateTitle(String title);

    void updateMessage(String message);

    /**
     * The message as words that follow the UI's language: {@code message} renders it in the current language each time it is
     * shown (PF-20; a task's message used to stay in the language it was set in). Contexts that keep no such source show the
     * words of now.
     */
    default void updateMessage(java.util.function.Supplier<String> message) {
        updateMessage(message.get());
    }

    void updateProgress(long workDone, long total);

    boolean isCancelled();

    /** Throws {@link TaskCancelledException} when the task was cancelled. */
    default void throwIfCancelled() {
        if (isCancelled()) throw new TaskCancelledException();
    }
}
