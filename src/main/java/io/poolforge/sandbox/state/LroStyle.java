package io.poolforge.sandbox.state;

/**
 * How the sandbox answers a long-running PUT or DELETE. Each style is narrowed to the status codes the
 * operation's spec lists (e.g. snapshots PUT 200/202, images PUT 200/201, Batch Pool_Create 200 only).
 */
public enum LroStyle {
    /** Time scale 0: {@link #SYNC}; otherwise {@link #ASYNC_OPERATION}. */
    AUTO,
    /** Final state at once: 200 (201 for a new resource where listed) with provisioningState Succeeded; DELETE 200. */
    SYNC,
    /** 201/202 with {@code Azure-AsyncOperation} (+ {@code Location}) and {@code Retry-After}; status polled to Succeeded/Failed. */
    ASYNC_OPERATION,
    /** 202 with {@code Location} only: 202 while running, then 200 with the resource (204 for DELETE). */
    LOCATION,
    /** 201 (or 200) with a non-terminal provisioningState and no headers: the client re-GETs the resource. */
    PROVISIONING_STATE
}
