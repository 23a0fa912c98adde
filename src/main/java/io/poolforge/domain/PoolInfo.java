package io.poolforge.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Batch pool as the inspector and the rules see it. {@code imageReference} is a Marketplace image
 * or the custom image id (gallery image version or managed image). {@code lastResizeStartTime} is
 * {@code resizeOperationStatus.startTime}; {@code allocationStateTransitionTime} is when the pool
 * last changed allocation state (resize errors are set when it turns steady).
 */
public record PoolInfo(String id, String vmSize, ImageReference imageReference, String nodeAgentSkuId,
                       int targetDedicatedNodes, int targetLowPriorityNodes, int currentDedicatedNodes,
                       int currentLowPriorityNodes, AllocationState allocationState,
                       Instant allocationStateTransitionTime, Duration resizeTimeout, Instant lastResizeStartTime,
                       List<ResizeError> resizeErrors, boolean autoScale) {
    public PoolInfo {
        Objects.requireNonNull(id, "id");
        if (allocationState == null) allocationState = AllocationState.STEADY;
        resizeErrors = resizeErrors == null ? List.of() : List.copyOf(resizeErrors);
        if (targetDedicatedNodes < 0 || targetLowPriorityNodes < 0 || currentDedicatedNodes < 0
                || currentLowPriorityNodes < 0) {
            throw new IllegalArgumentException("node count < 0");
        }
    }

    /** The same pool with {@code size} as its VM size (the same size in Azure's canonical case, {@link VmSizeNames}). */
    public PoolInfo withVmSize(String size) {
        return new PoolInfo(id, size, imageReference, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes,
                currentDedicatedNodes, currentLowPriorityNodes, allocationState, allocationStateTransitionTime, resizeTimeout,
                lastResizeStartTime, resizeErrors, autoScale);
    }

    public int targetNodes() { return targetDedicatedNodes + targetLowPriorityNodes; }

    public int currentNodes() { return currentDedicatedNodes + currentLowPriorityNodes; }

    /** The custom image id, or null for a Marketplace pool. */
    public String customImageId() { return imageReference == null || imageReference.isMarketplace() ? null : imageReference.id(); }
}
