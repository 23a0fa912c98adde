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

    /**
     * The version name that means "the definition's latest version" (PF-15, as the portal's version list offers it):
     * the pool then references the image definition and Batch uses its newest version when nodes are allocated.
     */
    public static final String LATEST = "latest";

    /** The id the pool will reference: gallery image version (or definition, for "latest") or managed image. */
    public String imageId() {
        String base = "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Compute/";
        if (target != ImageTarget.GALLERY) return base + "images/" + managedImageName;
        String definition = base + "galleries/" + galleryName + "/images/" + imageDefinitionName;
        return latest() ? definition : definition + "/versions/" + version;
    }

    /** True when the pool uses the image definition's latest version rather than a fixed one. */
    public boolean latest() {
        return target == ImageTarget.GALLERY && LATEST.equalsIgnoreCase(version);
    }

    /** This plan using another version name ({@link #LATEST} or Major.Minor.Patch). */
    public ImagePlan withVersion(String newVersion) {
        return new ImagePlan(target, subscriptionId, resourceGroup, location, galleryName, imageDefinitionName, newVersion,
                managedImageName, definitionPublisher, definitionOffer, definitionSku, osType, osState, hyperVGeneration,
                securityType, plan, targetRegions);
    }

    /** Replicas planned in {@code region}. */
    public int replicasIn(String region) {
        return targetRegions.stream().filter(r -> Regions.same(r.region(), region)).mapToInt(RegionReplica::replicaCount).sum();
    }
}
