package io.poolforge.task;

/** Thrown by work that noticed it was cancelled. Executors report it through onCancelled, not onFailure. */
public class TaskCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException() {
        super("cancelled", null, false, false);
    }
}
