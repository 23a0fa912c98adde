package io.poolforge.domain;

import java.time.Duration;
import java.util.Objects;

/** Step 5: the pool to create. {@code imageId} is the custom image's resource id. */
public record PoolPlan(String poolId, String displayName, String vmSize, String imageId, String nodeAgentSkuId,
                       int targetDedicatedNodes, int targetLowPriorityNodes, Duration resizeTimeout) {
    public PoolPlan {
        Objects.requireNonNull(poolId, "poolId");
        if (resizeTimeout == null) resizeTimeout = Duration.ofMinutes(15);
    }

    public int targetNodes() { return targetDedicatedNodes + targetLowPriorityNodes; }
}
