package io.poolforge.task;

/** Receives a task's title, message and progress as they change, on the worker thread. */
public interface TaskObserver {
    void titleChanged(String title);

    void messageChanged(String message);

    void progressChanged(Progress progress);
}
