package io.poolforge.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Drives a running window from another thread (the screenshot command, the benchmarks): run
 * something on the FX thread and get its result, or wait until a condition read there holds.
 */
public final class FxDriver {
    private FxDriver() {
    }

    /** Runs {@code action} on the FX thread and returns its result (at most 60 s). */
    public static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition} (read on the FX thread) holds, checking every {@code poll}. */
    public static void waitFor(Supplier<Boolean> condition, Duration timeout, Duration poll) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (Boolean.TRUE.equals(fx(condition))) return;
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException("timed out waiting");
    }
}
