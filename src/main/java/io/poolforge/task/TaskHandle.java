package io.poolforge.task;

/** A submitted task, as its submitter sees it. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
