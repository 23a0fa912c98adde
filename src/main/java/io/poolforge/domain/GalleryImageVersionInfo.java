package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/**
 * A gallery image version ({@code Major.Minor.Patch}) with its replicas per region, the snapshots
 * or other sources it was built from, and its provisioning state. {@code excludeFromLatest} (PF-18):
 * publishingProfile.excludeFromLatest, "If set to true, Virtual Machines deployed from the latest version of the
 * Image Definition won't use this Image Version" (Compute REST, read 2026-12-07); {@code excludedFromLatestIn}: the
 * target regions whose excludeFromLatest is set ("Contains the flag setting to hide an image when users specify
 * version='latest'").
 */
public record GalleryImageVersionInfo(String id, String version, GalleryImageInfo image, List<RegionReplica> replicas,
                                      List<String> sourceIds, String provisioningState, boolean excludeFromLatest,
                                      List<String> excludedFromLatestIn) {
    public GalleryImageVersionInfo(String id, String version, GalleryImageInfo image, List<RegionReplica> replicas,
                                   List<String> sourceIds, String provisioningState) {
        this(id, version, image, replicas, sourceIds, provisioningState, false, List.of());
    }

    public GalleryImageVersionInfo(String id, String version, GalleryImageInfo image, List<RegionReplica> replicas,
                                   List<String> sourceIds, String provisioningState, boolean excludeFromLatest) {
        this(id, version, image, replicas, sourceIds, provisioningState, excludeFromLatest, List.of());
    }

    /** True when a VM (or node) asking for "latest" in {@code region} would not get this version. */
    public boolean hiddenFromLatestIn(String region) {
        return excludeFromLatest || (region != null && excludedFromLatestIn.stream().anyMatch(r -> Regions.same(r, region)));
    }

    public GalleryImageVersionInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(image, "image");
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        excludedFromLatestIn = excludedFromLatestIn == null ? List.of() : List.copyOf(excludedFromLatestIn);
    }

    /** Replicas in {@code region} (compared ignoring case and spaces), 0 when not replicated there. */
    public int replicasIn(String region) {
        return replicas.stream().filter(r -> Regions.same(r.region(), region)).mapToInt(RegionReplica::replicaCount)
                .sum();
    }
}
