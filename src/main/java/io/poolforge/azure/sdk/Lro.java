package io.poolforge.azure.sdk;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecretMasker;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Drives a long-running operation: polls at Azure's Retry-After (never the SDK's blind 30 s
 * default), reports each status, and stops polling when the caller cancels — saying that the
 * operation may still finish in Azure.
 */
final class Lro {
    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofSeconds(15);

    private Lro() {
    }

    static <T> T await(Supplier<SyncPoller<PollResult<T>, T>> begin, OperationMonitor monitor, String what) {
        if (monitor.cancelRequested()) throw cancelled(what, false);
        SyncPoller<PollResult<T>, T> poller;
        try {
            poller = begin.get();
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
        try {
            while (true) {
                PollResponse<PollResult<T>> response = poller.poll();
                LongRunningOperationStatus status = response.getStatus();
                monitor.progress(status.toString(), percent(status));
                if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) return poller.getFinalResult();
                if (status.isComplete()) {
                    // The SDK raises the operation's error (code and message) from getFinalResult.
                    poller.getFinalResult();
                    PollResult<T> value = response.getValue();
                    String error = value == null || value.getError() == null ? status.toString() : value.getError().getMessage();
                    throw new PoolForgeException("azure.error.operationFailed", what, SecretMasker.mask(error));
                }
                sleep(response.getRetryAfter(), monitor, what);
            }
        } catch (PoolForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }

    private static int percent(LongRunningOperationStatus status) {
        return status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED ? 100 : -1;
    }

    private static void sleep(Duration retryAfter, OperationMonitor monitor, String what) {
        // No header: a sensible default. "Retry-After: 0" (the sandbox at time scale 0): poll again at once.
        Duration delay = retryAfter == null || retryAfter.isNegative() ? DEFAULT_DELAY
                : retryAfter.isZero() ? Duration.ofMillis(5) : retryAfter;
        if (delay.compareTo(MAX_DELAY) > 0) delay = MAX_DELAY;
        long until = System.nanoTime() + delay.toNanos();
        while (System.nanoTime() < until) {
            if (monitor.cancelRequested()) throw cancelled(what, true);
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(what, true);
            }
        }
    }

    private static PoolForgeException cancelled(String what, boolean started) {
        return new PoolForgeException(started ? "azure.error.cancelledInFlight" : "azure.error.cancelled", what);
    }
}
