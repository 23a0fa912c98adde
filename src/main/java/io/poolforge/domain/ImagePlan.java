package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/**
 * Step 4: the image to build from the snapshots. For GALLERY: gallery, image definition (with its
 * identifier publisher/offer/sku, OS type, state, generation, security type and purchase plan) and
 * version with target regions and replica counts. For MANAGED: {@code managedImageName}.
 */
public record ImagePlan(ImageTarget target, String subscriptionId, String resourceGroup, String location,
                        String galleryName, String imageDefinitionName, String version, String managedImageName,
                        String definitionPublisher, String definitionOffer, String definitionSku,
                        OsType osType, OsState osState, HyperVGeneration hyperVGeneration, SecurityType securityType,
                        PurchasePlan plan, List<RegionReplica> targetRegions) {
    public ImagePlan {
        Objects.requireNonNull(target, "target");
        if (securityType == null) securityType = SecurityType.STANDARD;
        if (osState == null) osState = OsState.GENERALIZED;
        targetRegions = targetRegions == null ? List.of() : List.copyOf(targetRegions);
    }

    /** The id the pool will reference: gallery image version or managed image. */
    public String imageId() {
        String base = "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Compute/";
        return target == ImageTarget.GALLERY
                ? base + "galleries/" + galleryName + "/images/" + imageDefinitionName + "/versions/" + version
                : base + "images/" + managedImageName;
    }

    /** Replicas planned in {@code region}. */
    public int replicasIn(String region) {
        return targetRegions.stream().filter(r -> Regions.same(r.region(), region)).mapToInt(RegionReplica::replicaCount).sum();
    }
}
