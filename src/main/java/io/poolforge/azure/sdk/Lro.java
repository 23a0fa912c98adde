package io.poolforge.azure.sdk;

import com.azure.core.management.exception.ManagementException;
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
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

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
                    throw failed(poller, response, what);
                }
                sleep(response.getRetryAfter(), monitor, what);
            }
        } catch (PoolForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }

    /** Failed or cancelled in Azure: operationFailed with Azure's code (from the poll result, or what getFinalResult raises). */
    private static <T> PoolForgeException failed(SyncPoller<PollResult<T>, T> poller, PollResponse<PollResult<T>> response, String what) {
        String code = null;
        String message = response.getStatus().toString();
        RuntimeException cause = null;
        PollResult<T> value = response.getValue();
        if (value != null && value.getError() != null) {
            // PollResult.Error has no code: read it from the failed poll's body ({"status":"Failed","error":{"code":...}}).
            java.util.regex.Matcher m = CODE.matcher(String.valueOf(value.getError().getResponseBody()));
            code = m.find() ? m.group(1) : null;
            message = value.getError().getMessage();
        } else {
            try {
                poller.getFinalResult();
            } catch (ManagementException e) {
                cause = e;
                if (e.getValue() != null) {
                    code = e.getValue().getCode();
                    message = e.getValue().getMessage();
                }
            }
        }
        return new PoolForgeException("azure.error.operationFailed", cause, code, null, what, SecretMasker.mask(String.valueOf(message)));
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
