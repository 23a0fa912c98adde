package io.poolforge.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Step 5: the pool to create. {@code imageId} is the custom image's resource id (a gallery image version, or a
 * gallery image definition for its latest version); for a Marketplace pool it is null and
 * {@code marketplaceImage} holds publisher/offer/SKU/version (PF-15).
 */
public record PoolPlan(String poolId, String displayName, String vmSize, String imageId, String nodeAgentSkuId,
                       int targetDedicatedNodes, int targetLowPriorityNodes, Duration resizeTimeout,
                       ImageReference marketplaceImage, PoolSecurityProfile securityProfile) {
    public PoolPlan {
        Objects.requireNonNull(poolId, "poolId");
        if (resizeTimeout == null) resizeTimeout = Duration.ofMinutes(15);
        if (marketplaceImage != null && !marketplaceImage.isMarketplace()) {
            throw new IllegalArgumentException("marketplaceImage must be a publisher/offer/sku reference");
        }
    }

    /** A pool without a security profile (PF-15 shape). */
    public PoolPlan(String poolId, String displayName, String vmSize, String imageId, String nodeAgentSkuId,
                    int targetDedicatedNodes, int targetLowPriorityNodes, Duration resizeTimeout, ImageReference marketplaceImage) {
        this(poolId, displayName, vmSize, imageId, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes, resizeTimeout,
                marketplaceImage, null);
    }

    /** This pool with {@code profile} as its {@code virtualMachineConfiguration.securityProfile} (null: none). */
    public PoolPlan withSecurityProfile(PoolSecurityProfile profile) {
        return new PoolPlan(poolId, displayName, vmSize, imageId, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes,
                resizeTimeout, marketplaceImage, profile);
    }

    /** A pool on a custom image (gallery image or version id). */
    public PoolPlan(String poolId, String displayName, String vmSize, String imageId, String nodeAgentSkuId,
                    int targetDedicatedNodes, int targetLowPriorityNodes, Duration resizeTimeout) {
        this(poolId, displayName, vmSize, imageId, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes,
                resizeTimeout, null, null);
    }

    /** True for a pool on a Marketplace image. */
    public boolean marketplace() { return marketplaceImage != null; }

    /** The pool's image reference: the Marketplace image or the custom image's id. */
    public ImageReference imageReference() {
        return marketplaceImage != null ? marketplaceImage : imageId == null ? null : ImageReference.ofId(imageId);
    }

    public int targetNodes() { return targetDedicatedNodes + targetLowPriorityNodes; }
}
