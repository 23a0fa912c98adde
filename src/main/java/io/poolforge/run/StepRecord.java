package io.poolforge.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolforge.domain.SecretMasker;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a run as the journal keeps it: what it creates (kind, name, the resource id it will
 * have), its status, the attempts so far, and the result (resource id, operation id, whether this run
 * created the resource or found it existing, the Azure error). Immutable; transitions return copies.
 *
 * @param requestId client request id sent with the step's calls (the same on every attempt)
 * @param operationId the long-running operation's id or status URL Azure returned, null if none
 * @param created true when this run created the resource, false when it existed already, null before the result
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(String id, StepKind kind, String name, String resourceId, StepStatus status, int attempts,
                         String requestId, Instant startedAt, Instant finishedAt, String operationId, Boolean created,
                         String errorCode, String errorMessage) {
    public StepRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        errorMessage = SecretMasker.mask(errorMessage);
    }

    public static StepRecord pending(String id, StepKind kind, String name, String resourceId, String requestId) {
        return new StepRecord(id, kind, name, resourceId, StepStatus.PENDING, 0, requestId, null, null, null, null,
                null, null);
    }

    /** The intent, written before the call. */
    public StepRecord started(Instant now) {
        return new StepRecord(id, kind, name, resourceId, StepStatus.STARTED, attempts + 1, requestId, now, null,
                null, null, null, null);
    }

    /** The operation Azure accepted (written as soon as it is known, before polling). */
    public StepRecord withOperation(String operation) {
        return new StepRecord(id, kind, name, resourceId, status, attempts, requestId, startedAt, finishedAt,
                operation, created, errorCode, errorMessage);
    }

    /** The result: the resource exists with {@code actualId}; {@code createdByRun} false if it was there before. */
    public StepRecord succeeded(Instant now, String actualId, boolean createdByRun) {
        return new StepRecord(id, kind, name, actualId == null ? resourceId : actualId, StepStatus.SUCCEEDED,
                attempts, requestId, startedAt, now, operationId, createdByRun, null, null);
    }

    /** The result: Azure refused or the operation failed (the message is masked). */
    public StepRecord failed(Instant now, String code, String message) {
        return new StepRecord(id, kind, name, resourceId, StepStatus.FAILED, attempts, requestId, startedAt, now,
                operationId, null, code, message);
    }

    public boolean done() { return status == StepStatus.SUCCEEDED; }

    /** True when Azure may hold the resource although the journal has no result: look it up before creating. */
    public boolean outcomeUnknown() { return status == StepStatus.STARTED; }
}
