package io.poolforge.ui.watch;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import java.time.Instant;

/**
 * The last resize PoolForge requested for the watched pool, and whether the pool's state already is
 * its outcome (errors of an older resize are stale until then). FX thread only.
 */
final class LastResize {
    /** Steady polls after a resize request with no sign of it, after which the pool's state is taken as its outcome. */
    static final int STEADY_POLLS_TO_JUDGE = 3;

    private Instant requestedAt;
    private boolean sawResizing;
    private int steadyPollsSinceRequest;

    /** When the last resize was requested, or null. */
    Instant requestedAt() {
        return requestedAt;
    }

    /** Whether the pool was seen resizing since the request. */
    boolean sawResizing() {
        return sawResizing;
    }

    /** A resize was requested now. */
    void requested(Instant at) {
        requestedAt = at;
        sawResizing = false;
        steadyPollsSinceRequest = 0;
    }

    /** The pool was seen resizing (or stopping). */
    void resizing() {
        sawResizing = true;
    }

    /** Forgets the request (the watch stopped). */
    void clear() {
        requestedAt = null;
        sawResizing = false;
    }

    /** Counts a poll of the pool against the request. */
    void polled(PoolInfo p) {
        if (requestedAt == null) return;
        if (p.allocationState() != AllocationState.STEADY) sawResizing = true;
        else steadyPollsSinceRequest++;
    }

    /** Whether the pool's steady state is the outcome of the requested resize (one must have been requested). */
    boolean judged(PoolInfo p) {
        if (p.allocationState() != AllocationState.STEADY) return false;
        if (sawResizing) return true;
        if (p.lastResizeStartTime() != null && !p.lastResizeStartTime().isBefore(requestedAt)) return true;
        return steadyPollsSinceRequest >= STEADY_POLLS_TO_JUDGE;
    }
}
