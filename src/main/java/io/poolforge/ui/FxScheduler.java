package io.poolforge.ui;

import io.poolforge.task.Scheduler;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

/**
 * A {@link Scheduler} on the JavaFX timer: each action is a {@link PauseTransition} that runs it
 * on the FX thread when it ends. No thread sleeps or waits. Scheduling from another thread hops to
 * the FX thread first.
 */
public final class FxScheduler implements Scheduler {

    @Override
    public Scheduled schedule(java.time.Duration delay, Runnable action) {
        Objects.requireNonNull(action, "action");
        long millis = delay == null ? 0 : Math.max(0, delay.toMillis());
        FxScheduled scheduled = new FxScheduled(millis, action);
        if (Platform.isFxApplicationThread()) scheduled.start();
        else Platform.runLater(scheduled::start);
        return scheduled;
    }

    private static final class FxScheduled implements Scheduled {
        private final long millis;
        private final Runnable action;
        private volatile boolean cancelled;
        private PauseTransition pause;

        FxScheduled(long millis, Runnable action) {
            this.millis = millis;
            this.action = action;
        }

        void start() {
            if (cancelled) return;
            pause = new PauseTransition(javafx.util.Duration.millis(millis));
            pause.setOnFinished(e -> {
                if (!cancelled) action.run();
            });
            pause.play();
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (Platform.isFxApplicationThread()) {
                if (pause != null) pause.stop();
            } else {
                Platform.runLater(() -> {
                    if (pause != null) pause.stop();
                });
            }
        }

        @Override
        public boolean isCancelled() { return cancelled; }
    }
}
